package cn.perftarget.lifecycle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.boot.builder.SpringApplicationBuilder;

import cn.perftarget.PerfTargetApplication;

/**
 * Lifecycles per second of three floors ({@link FloorPhases}: (a) the bare Camunda engine, (a2) the bare engine on
 * our models, (p) Camunda's REST API on our models), then (b) our lifecycle in-process through the module APIs,
 * (c) the same over HTTP with one keep-alive client and (d) with 8 concurrent clients on declarations of their own,
 * in one run on one database kind, with the ratios ({@link Summary}) and a per-call breakdown. Run with {@code mvn -Pbenchmark verify}
 * or alone (docs/benchmarks.md); {@code -Dbenchmark.db} names the database server ({@code jdbc:postgresql://…/postgres}
 * for PostgreSQL, where fresh databases are created and dropped; H2 files in a temporary directory otherwise),
 * {@code -Dbenchmark.lifecycles} the timed lifecycles of (b) and (c). Asserts nothing.
 */
public final class LifecycleBenchmark {

    private static final int CLIENTS = 8;
    private static CommitCounter commits;

    private LifecycleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("benchmark.lifecycles", 100);
        // While profiling, -Dbenchmark.phases=bc runs only those phases (2 is (a2), p is (p)).
        String phases = System.getProperty("benchmark.phases", "a2pbcd");
        var departments = BenchmarkUsers.departments(6 + CLIENTS);
        try (var db = new BenchmarkDatabase(System.getProperty("benchmark.db"), System.getProperty("benchmark.db.user", "sa"))) {
            System.out.printf("Java %s, %d cores, %s, %d lifecycles per phase%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), db.kind(), n);
            Path work = Files.createTempDirectory("lifecycle-benchmark-app");
            System.out.println("load average before: " + Report.load());
            var floors = FloorPhases.run(db, phases, n, work);
            if (!phases.matches(".*[bcd].*")) {
                return;
            }
            List<String> appArgs = new ArrayList<>(List.of("--spring.profiles.active=demo", "--server.port=0",
                    "--spring.datasource.url=" + db.fresh("app", ""), "--spring.datasource.username=" + db.user(),
                    "--perftarget.audit.anchor.file=" + work.resolve("audit-anchor.json"),
                    "--logging.file.name=" + work.resolve("app.log"), "--logging.threshold.console=WARN"));
            appArgs.addAll(BenchmarkUsers.arguments(departments));
            try (var app = new SpringApplicationBuilder(PerfTargetApplication.class, CommitCounter.class).run(appArgs.toArray(String[]::new))) {
                var inProcess = new InProcessLifecycle(app);
                commits = app.getBean(CommitCounter.class);
                double b = !phases.contains("b") ? Double.NaN : phase("(b) our lifecycle in-process (module APIs)", n, departments.subList(0, 3),
                        (d, year, t) -> inProcess.run(d, year, t));
                String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
                double c = !phases.contains("c") ? Double.NaN : phase("(c) our lifecycle over HTTP, 1 keep-alive client", n, departments.subList(3, 6),
                        new HttpLifecycle(base)::run);
                double d = !phases.contains("d") ? Double.NaN : concurrent(base, departments.subList(6, 6 + CLIENTS), Math.max(4, n / 4));
                Summary.print(db, floors, b, c, d);
                System.out.println("application log: " + work.resolve("app.log") + ", peer log: " + work.resolve("peer.log"));
            }
        }
    }

    @FunctionalInterface
    interface Lifecycle {
        void run(BenchmarkUsers.Department department, int year, Timings timings) throws Exception;
    }

    /** Warm-up of half of {@code n} (the JIT compiles our code meanwhile), then {@code n} timed lifecycles, one after the other. */
    private static double phase(String label, int n, List<BenchmarkUsers.Department> departments, Lifecycle lifecycle)
            throws Exception {
        var years = new Years(departments);
        for (int i = 0; i < n / 2; i++) {
            years.next((d, year) -> lifecycle.run(d, year, new Timings()));
        }
        var timings = new Timings();
        long writes = commits.writes();
        long cpu = Report.cpu();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            years.next((d, year) -> lifecycle.run(d, year, timings));
        }
        double perSecond = Report.print(label, n, System.nanoTime() - start, Report.cpu() - cpu, timings);
        System.out.printf("    write transactions committed: %.1f per lifecycle%n", (commits.writes() - writes) / (double) n);
        return perSecond;
    }

    private static double concurrent(String base, List<BenchmarkUsers.Department> departments, int each) throws Exception {
        var timings = new Timings();
        var pool = Executors.newFixedThreadPool(departments.size());
        try {
            List<Callable<Void>> clients = new ArrayList<>();
            for (var department : departments) {
                clients.add(() -> {
                    var client = new HttpLifecycle(base);
                    var years = new Years(List.of(department));
                    for (int i = 0; i < each; i++) {
                        years.next((d, year) -> client.run(d, year, timings));
                    }
                    return null;
                });
            }
            long cpu = Report.cpu();
            long start = System.nanoTime();
            for (Future<Void> done : pool.invokeAll(clients)) {
                done.get();
            }
            return Report.print("(d) our lifecycle over HTTP, " + departments.size() + " concurrent clients",
                    each * departments.size(), System.nanoTime() - start, Report.cpu() - cpu, timings);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Department + budget year pairs that no other client uses: each department's years in turn. */
    private static final class Years {
        private final List<BenchmarkUsers.Department> departments;
        private int index;
        private int year = BenchmarkUsers.FIRST_YEAR;

        Years(List<BenchmarkUsers.Department> departments) {
            this.departments = departments;
        }

        void next(Step step) throws Exception {
            if (year > BenchmarkUsers.LAST_YEAR) {
                index++;
                year = BenchmarkUsers.FIRST_YEAR;
            }
            if (index >= departments.size()) {
                throw new IllegalStateException("no budget year left: use fewer lifecycles or more departments");
            }
            step.run(departments.get(index), year++);
        }
    }

    @FunctionalInterface
    interface Step {
        void run(BenchmarkUsers.Department department, int year) throws Exception;
    }
}
