package cn.perftarget.lifecycle;

import java.lang.management.ManagementFactory;
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
 * Lifecycles per second of (a) the bare Camunda engine, (b) our lifecycle in-process through the module APIs,
 * (c) the same over HTTP with one keep-alive client and (d) with 8 concurrent clients on declarations of their own,
 * in one run on one database kind, with the ratios and a per-call breakdown. Run with {@code mvn -Pbenchmark verify}
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
        // While profiling, -Dbenchmark.phases=bc runs only those phases.
        String phases = System.getProperty("benchmark.phases", "abcd");
        var departments = BenchmarkUsers.departments(6 + CLIENTS);
        try (var db = new BenchmarkDatabase(System.getProperty("benchmark.db"), System.getProperty("benchmark.db.user", "sa"))) {
            System.out.printf("Java %s, %d cores, %s, %d lifecycles per phase%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), db.kind(), n);
            double floor = Double.NaN;
            if (!phases.contains("a")) {
                System.out.println("(a) skipped");
            } else if (db.isPostgres()) {
                floor = floor("(a) bare engine, PostgreSQL (commits flushed by the server)", db.fresh("floor", ""), db, false, n);
            } else {
                double plain = floor("(a) bare engine, H2 file, engine defaults", db.fresh("floor_default", ""), db, false, n);
                // The settings cn.perftarget.storage gives our URL, and a sync after each commit as ours get.
                floor = floor("(a') bare engine, H2 file, our URL settings + CHECKPOINT SYNC per commit (as ours)",
                        db.fresh("floor_durable", ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=128"), db, true, n);
                System.out.printf("    engine defaults %.1f/s vs durable as ours %.1f/s: ratios below use the durable one%n",
                        plain, floor);
            }
            Path work = Files.createTempDirectory("lifecycle-benchmark-app");
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
                System.out.printf("%nsummary (%s): floor %.1f/s | (b) %.1f/s = %.2f× floor (goal 0.7) | (c) %.1f/s = %.2f× floor"
                                + " (goal 0.5) | (d) %.1f/s = %.2f× floor = %.2f× (c) (goal 1.5)%n", db.kind(), floor, b,
                        b / floor, c, c / floor, d, d / floor, d / c);
                System.out.println("application log: " + work.resolve("app.log"));
            }
        }
    }

    private static double floor(String label, String url, BenchmarkDatabase db, boolean sync, int n) throws Exception {
        try (var engine = new EngineFloor(url, db.user(), sync)) {
            for (int i = 0; i < n; i++) {
                engine.lifecycle(-i, new Timings());
            }
            var timings = new Timings();
            long cpu = cpu();
            long start = System.nanoTime();
            for (int i = 0; i < 3 * n; i++) {
                engine.lifecycle(i, timings);
            }
            return report(label, 3 * n, System.nanoTime() - start, cpu() - cpu, timings);
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
        long cpu = cpu();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            years.next((d, year) -> lifecycle.run(d, year, timings));
        }
        double perSecond = report(label, n, System.nanoTime() - start, cpu() - cpu, timings);
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
            long cpu = cpu();
            long start = System.nanoTime();
            for (Future<Void> done : pool.invokeAll(clients)) {
                done.get();
            }
            return report("(d) our lifecycle over HTTP, " + departments.size() + " concurrent clients",
                    each * departments.size(), System.nanoTime() - start, cpu() - cpu, timings);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * CPU time of the Java threads of this process (engine, application, server and HTTP clients alike; not the JIT
     * compiler or the garbage collector, which the process's figure includes), in nanoseconds.
     */
    private static long cpu() {
        var threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    private static double report(String label, int count, long nanos, long cpuNanos, Timings timings)
            throws java.io.IOException {
        double perSecond = count / (nanos / 1e9);
        System.out.printf("%n%s: %d lifecycles in %.1f s = %.1f lifecycles/s, CPU of Java threads %.1f ms per lifecycle"
                        + " (load average %s)%n", label, count, nanos / 1e9, perSecond, cpuNanos / 1e6 / count,
                Files.readString(Path.of("/proc/loadavg")).trim().replaceAll(" \\S+ \\S+$", ""));
        timings.print("    ");
        return perSecond;
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
