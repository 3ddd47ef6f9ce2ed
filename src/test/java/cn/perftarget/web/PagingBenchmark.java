package cn.perftarget.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.perftarget.PerfTargetApplication;
import cn.perftarget.audit.AuditBulkLoad;

/**
 * Times pages of {@code GET /api/declarations} and {@code GET /api/tasks} over HTTP (one keep-alive client) with
 * 20,000 declarations in ten departments, 10,000 of them in review with a real engine task each (half at 主管部门,
 * half at 财政), on an H2 file database: first, middle and last page per role, median and p95 (goal p95 < 50 ms).
 * Each figure comes with the process's CPU time per call (server and client, all threads), which does not wait for a
 * core when the machine is shared. The setup takes the fast path (batched inserts into our table, each task started
 * by the engine right at its review task, audit chains written in batches), since only the reading is measured.
 * Run with {@code mvn -Pbenchmark verify} (docs/benchmarks.md). The scale of issue 23: {@code -Dpaging.declarations=100000
 * -Dpaging.in-review=20000 -Dpaging.audit-per-declaration=10} (then also the audit pages, the 财政 dashboard of a
 * year and a full verification of the audit chains are timed); {@code -Dpaging.db} chooses another database, a
 * PostgreSQL server URL ending in {@code /} gets a fresh database of its own, dropped at the end. Asserts nothing.
 */
public final class PagingBenchmark {

    private static final int TOTAL = Integer.getInteger("paging.declarations", 20_000);
    private static final int IN_REVIEW = Integer.getInteger("paging.in-review", 10_000);
    private static final int DRAFTS = TOTAL - IN_REVIEW;
    private static final int AUDIT_PER_DECLARATION = Integer.getInteger("paging.audit-per-declaration", 0);
    private static final String[] DEPARTMENTS = {"HP-BDC", "HP-EDU", "BM-01", "BM-02", "BM-03", "BM-04", "BM-05",
            "BM-06", "BM-07", "BM-08"};
    private static final int RUNS = 200;
    /** Server and client share the process: its CPU time per call does not wait for a core on a loaded machine. */
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private PagingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String given = System.getProperty("paging.db", "jdbc:h2:file:"
                + Files.createTempDirectory("paging-benchmark").resolve("perftarget"));
        boolean fresh = given.startsWith("jdbc:postgresql:") && given.endsWith("/");
        String name = "pt_paging_" + Long.toString(System.nanoTime(), 36);
        if (fresh) {
            postgres(given, "create database " + name);
        }
        try {
            run(fresh ? given + name : given);
        } finally {
            if (fresh && !Boolean.getBoolean("paging.keep")) {
                postgres(given, "drop database if exists " + name + " with (force)");
            }
        }
    }

    private static void postgres(String server, String statement) throws java.sql.SQLException {
        try (var connection = java.sql.DriverManager.getConnection(server + "postgres",
                System.getProperty("paging.db.user", "postgres"), "");
             var sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static void run(String db) throws Exception {
        boolean postgres = db.startsWith("jdbc:postgresql:");
        var arguments = new ArrayList<>(List.of("--spring.profiles.active=" + (postgres ? "postgres,demo" : "demo"),
                "--server.port=0", "--spring.datasource.url=" + db,
                "--spring.datasource.username=" + System.getProperty("paging.db.user", postgres ? "postgres" : "sa"),
                "--camunda.bpm.job-execution.enabled=false",
                "--logging.level.root=WARN", "--perftarget.audit.anchor.file="
                        + Files.createTempDirectory("paging-benchmark").resolve("anchor.json")));
        for (int d = 2; d < DEPARTMENTS.length; d++) {
            arguments.add("--perftarget.security.departments." + DEPARTMENTS[d] + "=基准部门" + d);
        }
        try (var app = new SpringApplicationBuilder(PerfTargetApplication.class).run(arguments.toArray(String[]::new))) {
            long start = System.nanoTime();
            var jdbc = app.getBean(JdbcTemplate.class);
            var tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            insertDeclarations(jdbc, tx);
            long inserted = System.nanoTime();
            startReviewTasks(jdbc, tx, app.getBean(RuntimeService.class));
            long started = System.nanoTime();
            long events = appendAuditChains(jdbc, tx);
            long appended = System.nanoTime();
            if (postgres) {
                // What autovacuum does soon after such a load (PostgreSQL 13+ also vacuums after inserts): statistics,
                // and the visibility map that lets a count read an index alone.
                jdbc.execute("vacuum analyze");
            }
            long tasks = app.getBean(TaskService.class).createTaskQuery().count();
            System.out.printf("Java %s, %d cores, %s, load average %s%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), db.replaceAll(";.*", ""), load());
            System.out.printf("setup: %,d declarations inserted in %.1f s, %,d engine tasks started in %.1f s,"
                    + " %,d audit events appended in %.1f s%n", TOTAL, (inserted - start) / 1e9, tasks,
                    (started - inserted) / 1e9, events, (appended - started) / 1e9);

            var client = new Client(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            client.warmUp();
            client.pages("filer1 (HP-BDC)", "filer1", "/api/declarations");
            client.pages("dept1 (HP-BDC)", "dept1", "/api/declarations");
            client.pages("finance1 (all)", "finance1", "/api/declarations");
            client.pages("filer1, year + status", "filer1", "/api/declarations?year=2029&status=DRAFT");
            client.pages("dept1 tasks", "dept1", "/api/tasks");
            client.pages("finance1 tasks", "finance1", "/api/tasks");
            client.measure("finance1 tasks, size 500, page 0", "finance1", "/api/tasks?size=500&page=0");
            client.measure("finance1 declarations, size 500", "finance1", "/api/declarations?size=500&page=20");
            if (AUDIT_PER_DECLARATION > 0) {
                client.signIn("finance1");
                client.measure("finance1 dashboard, year 2029 (HTML)", "finance1", "/dashboard?year=2029");
                client.pages("auditor1 audit events", "auditor1", "/api/audit/events");
                client.measure("auditor1 audit events, HP-EDU 2030", "auditor1",
                        "/api/audit/events?department=HP-EDU&year=2030&page=3&size=50");
                client.measure("auditor1 audit events, RETURNED", "auditor1", "/api/audit/events?action=RETURNED&page=10");
                client.verify("auditor1", 5);
            }
            System.out.printf("load average at the end %s%n", load());
        }
    }

    private static String load() throws java.io.IOException {
        return Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    }

    /** Every declaration's chain of {@link #AUDIT_PER_DECLARATION} events, 2,000 chains per transaction. */
    private static long appendAuditChains(JdbcTemplate jdbc, TransactionTemplate tx) {
        if (AUDIT_PER_DECLARATION == 0) {
            return 0;
        }
        var end = Instant.now();
        var all = jdbc.query("select id, department, budget_year from declaration order by id",
                (rs, i) -> new AuditBulkLoad.Chain(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        "filer-" + rs.getString(2), "dept-" + rs.getString(2)));
        for (int first = 0; first < all.size(); first += 2_000) {
            var batch = all.subList(first, Math.min(first + 2_000, all.size()));
            tx.executeWithoutResult(s -> AuditBulkLoad.append(jdbc, batch, AUDIT_PER_DECLARATION, end));
        }
        return (long) all.size() * AUDIT_PER_DECLARATION;
    }

    private static void insertDeclarations(JdbcTemplate jdbc, TransactionTemplate tx) {
        var now = Timestamp.from(Instant.now());
        int total = TOTAL;
        for (int first = 0; first < total; first += 1_000) {
            var rows = new ArrayList<Object[]>();
            for (int i = first; i < Math.min(first + 1_000, total); i++) {
                // Every department gets every year, status and review step.
                int round = i / DEPARTMENTS.length;
                String status = i < DRAFTS ? (round % 3 == 0 ? "APPROVED" : "DRAFT")
                        : (round % 2 == 0 ? "DEPT_REVIEW" : "FINANCE_REVIEW");
                String department = DEPARTMENTS[i % DEPARTMENTS.length];
                boolean submitted = !(i < DRAFTS && status.equals("DRAFT"));
                // A submitted declaration keeps the 主管部门 that reviews it (here: its own department).
                rows.add(new Object[] {"dept-overall", 1, department, 2028 + round % 5, status, 2,
                        "filer-" + department, now, now, submitted ? now : null, submitted ? department : null});
            }
            tx.executeWithoutResult(s -> jdbc.batchUpdate("insert into declaration (form_key, form_version, department,"
                    + " budget_year, status, revision, filed_by, created_at, updated_at, first_submitted_at,"
                    + " review_department, lock_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", rows));
        }
    }

    /** A real approval instance per declaration in review, started at its review task (due date, SLA timer and all). */
    private static void startReviewTasks(JdbcTemplate jdbc, TransactionTemplate tx, RuntimeService runtime) {
        var inReview = jdbc.queryForList("select id, department, budget_year, status from declaration"
                + " where status in ('DEPT_REVIEW', 'FINANCE_REVIEW') order by id");
        for (int first = 0; first < inReview.size(); first += 200) {
            var batch = inReview.subList(first, Math.min(first + 200, inReview.size()));
            tx.executeWithoutResult(s -> batch.forEach(row -> {
                long id = ((Number) row.get("ID")).longValue();
                String department = (String) row.get("DEPARTMENT");
                int year = ((Number) row.get("BUDGET_YEAR")).intValue();
                runtime.createProcessInstanceByKey("DeclarationApproval")
                        .businessKey(department + "-" + year + "-dept-overall-" + id)
                        .setVariables(Map.of("declarationId", id, "department", department, "reviewDepartment",
                                department, "formKey", "dept-overall", "year", year))
                        .startBeforeActivity("DEPT_REVIEW".equals(row.get("STATUS")) ? "Task_DeptReview" : "Task_FinanceReview")
                        .execute();
            }));
        }
    }

    /** One keep-alive HTTP client, as an integrator's would be. */
    private static final class Client {

        private final HttpClient http = HttpClient.newHttpClient();
        /** The pages take the login form's session, not HTTP Basic. */
        private final HttpClient pages = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        private final String base;

        Client(int port) {
            this.base = "http://localhost:" + port;
        }

        /** Every kind of call a few hundred times, so the first figures are not the JIT's. */
        void warmUp() throws Exception {
            for (int i = 0; i < 100; i++) {
                for (String user : List.of("filer1", "dept1", "finance1")) {
                    get(user, "/api/declarations?page=" + i % 7);
                    if (!user.equals("filer1")) {
                        get(user, "/api/tasks?page=" + i % 7);
                    }
                }
            }
        }

        /** First, middle and last page (size 50) of a list, the last one found from the first page's Link header. */
        void pages(String label, String user, String path) throws Exception {
            String sep = path.contains("?") ? "&" : "?";
            var first = get(user, path + sep + "page=0&size=50");
            // The lists say their total in a header; the audit trail's page says it in its body.
            long total = first.headers().firstValue("X-Total-Count").map(Long::parseLong).orElseGet(() -> Long.parseLong(
                    first.body().replaceAll("(?s).*\"total\"\\s*:\\s*(\\d+).*", "$1")));
            int last = (int) Math.max(0, (total - 1) / 50);
            measure(label + ": first page (total " + total + ")", user, path + sep + "page=0&size=50");
            measure(label + ": middle page " + last / 2, user, path + sep + "page=" + last / 2 + "&size=50");
            measure(label + ": last page " + last, user, path + sep + "page=" + last + "&size=50");
        }

        void measure(String label, String user, String path) throws Exception {
            for (int i = 0; i < 30; i++) {
                get(user, path);
            }
            long[] nanos = new long[RUNS];
            int bytes = 0;
            long cpu = CPU.getProcessCpuTime();
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                var response = get(user, path);
                nanos[i] = System.nanoTime() - t;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " → " + response.statusCode() + " " + response.body());
                }
                bytes = response.body().length();
            }
            cpu = CPU.getProcessCpuTime() - cpu;
            Arrays.sort(nanos);
            System.out.printf("%-52s median %7.2f ms   p95 %7.2f ms   CPU/call %6.2f ms   (%,d chars, %d runs)%n",
                    label, nanos[RUNS / 2] / 1e6, nanos[(int) (RUNS * 0.95)] / 1e6, cpu / 1e6 / RUNS, bytes, RUNS);
        }

        /** A full verification of every audit chain, {@code runs} times. */
        void verify(String user, int runs) throws Exception {
            long[] millis = new long[runs];
            String body = "";
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                var response = get(user, "/api/audit/verify");
                millis[i] = (System.nanoTime() - t) / 1_000_000;
                body = response.statusCode() + " " + response.body().substring(0, Math.min(80, response.body().length()));
            }
            Arrays.sort(millis);
            System.out.printf("%-52s median %,7d ms   max %,7d ms   (%s)%n", "auditor1 verify every chain",
                    millis[runs / 2], millis[runs - 1], body);
        }

        void signIn(String user) throws Exception {
            var form = pages.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            var login = pages.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
                            + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("login of " + user + " → " + login.statusCode() + " " + login.headers().map());
            }
        }

        private HttpResponse<String> get(String user, String path) throws Exception {
            if (path.startsWith("/dashboard")) {
                return pages.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "application/json").GET().build();
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
