package cn.perftarget.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.perftarget.PerfTargetApplication;

/**
 * Prints median and p95 of the common auditor queries and the time of a full chain verification over
 * 10,000 declarations × 10 events. Run with {@code mvn -Pbenchmark verify} (see docs/benchmarks.md);
 * {@code -Dbenchmark.db} and {@code -Dbenchmark.db.user} choose another database: a PostgreSQL server URL ending in
 * {@code /} (e.g. {@code jdbc:postgresql://127.0.0.1:5432/}) gets a fresh database of a random name, created here and
 * dropped afterwards, and the {@code postgres} profile. Asserts nothing.
 */
public final class AuditBenchmark {

    private static final int DECLARATIONS = 10_000;
    private static final int EVENTS_PER_DECLARATION = 10;
    private static final AuditAction[] LIFECYCLE = {AuditAction.CREATED, AuditAction.SAVED, AuditAction.VALIDATED,
            AuditAction.SAVED, AuditAction.SUBMITTED, AuditAction.RETURNED, AuditAction.SAVED, AuditAction.SUBMITTED,
            AuditAction.APPROVED, AuditAction.APPROVED};

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String db = System.getProperty("benchmark.db", "jdbc:h2:mem:audit-benchmark;DB_CLOSE_DELAY=-1");
        String user = System.getProperty("benchmark.db.user", "sa");
        if (db.startsWith("jdbc:postgresql:") && db.endsWith("/")) {
            String name = "pt_auditbench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            postgres(db, user, "create database " + name);
            try {
                run(db + name, user, "postgres,demo");
            } finally {
                postgres(db, user, "drop database if exists " + name + " with (force)");
            }
        } else {
            run(db, user, "demo");
        }
    }

    private static void postgres(String server, String user, String statement) throws SQLException {
        try (var connection = DriverManager.getConnection(server + "postgres", user, "");
             var sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static void run(String db, String user, String profiles) throws IOException {
        var anchor = Files.createTempDirectory("audit-benchmark").resolve("audit-anchor.json");
        try (var app = new SpringApplicationBuilder(PerfTargetApplication.class).run(
                "--spring.profiles.active=" + profiles, "--server.port=0", "--spring.datasource.url=" + db,
                "--spring.datasource.username=" + user, "--spring.datasource.password=",
                "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN",
                "--perftarget.audit.anchor.file=" + anchor)) {
            var trail = app.getBean(AuditTrail.class);
            var queries = app.getBean(AuditQueries.class);
            var verifier = app.getBean(AuditVerifier.class);
            var tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));

            long start = System.nanoTime();
            for (int first = 1; first <= DECLARATIONS; first += 100) {
                int from = first;
                tx.executeWithoutResult(status -> {
                    for (int d = from; d < from + 100; d++) {
                        for (int e = 0; e < EVENTS_PER_DECLARATION; e++) {
                            trail.record(new AuditEntry(1_000_000L + d, "user" + (d % 20), "FILER", "DEPT-" + (d % 10),
                                    2020 + d % 5, LIFECYCLE[e], "DRAFT", "DRAFT", e + 1, e == 5 ? "请补充指标" : null,
                                    null, null));
                        }
                    }
                });
            }
            System.out.printf("Java %s, %d cores, %s, load average %s%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), db.replaceAll(";.*", ""),
                    Files.readString(Path.of("/proc/loadavg")).trim());
            System.out.printf("appended %,d events in %.1f s%n", DECLARATIONS * EVENTS_PER_DECLARATION,
                    (System.nanoTime() - start) / 1e9);
            if (db.startsWith("jdbc:postgresql:")) {
                // What autovacuum's analyze does on its own soon after such a bulk load: without statistics the
                // planner guesses row counts from an empty table and picks poor plans for the first minutes.
                app.getBean(JdbcTemplate.class).execute("analyze");
            }

            Instant recent = Instant.now().minusSeconds(1);
            var everything = new AuditFilter(null, null, null, null, null, null);
            measure("page 0 of everything (size 50)", () -> queries.search(everything, 0, 50));
            measure("page 500 of everything (size 50)", () -> queries.search(everything, 500, 50));
            measure("department + year (size 50)", () -> queries.search(new AuditFilter("DEPT-3", 2023, null, null, null, null), 0, 50));
            measure("actor, page 3 (size 50)", () -> queries.search(new AuditFilter(null, null, "user7", null, null, null), 3, 50));
            measure("action RETURNED, page 10 (size 50)", () -> queries.search(new AuditFilter(null, null, null, AuditAction.RETURNED, null, null), 10, 50));
            measure("time range: last second (size 50)", () -> queries.search(new AuditFilter(null, null, null, null, recent, null), 0, 50));

            List<Long> runs = new ArrayList<>();
            ChainVerification result = null;
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                result = verifier.verify();
                runs.add(System.nanoTime() - t);
            }
            long[] sorted = runs.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%-40s median %8.1f ms   max %8.1f ms   (%,d events, intact=%s, 5 runs)%n",
                    "verify every chain", sorted[2] / 1e6, sorted[4] / 1e6, result.events(), result.intact());
        }
    }

    private static void measure(String label, Supplier<AuditPage> query) {
        for (int i = 0; i < 20; i++) {
            query.get();
        }
        int n = 200;
        long[] nanos = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            total = query.get().total();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%-40s median %8.2f ms   p95 %8.2f ms   (total %,d, %d runs)%n", label, nanos[n / 2] / 1e6,
                nanos[(int) (n * 0.95)] / 1e6, total, n);
    }
}
