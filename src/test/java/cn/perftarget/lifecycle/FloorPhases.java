package cn.perftarget.lifecycle;

import java.nio.file.Path;

/**
 * The three floors our lifecycle is measured against, in one run on one database kind: (a) the bare engine on a
 * three-task process ((a') on H2: as durable as ours), (a2) the bare engine on our shipped models making our engine
 * calls, and (p) Camunda's engine REST API on the same models in a plain Spring Boot application.
 */
final class FloorPhases {

    /** Lifecycles per second of each floor (NaN when skipped); {@code a} is (a') on H2. */
    record Floors(double a, double a2, double p) {
    }

    private static final String DURABLE_H2 = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=128";

    private FloorPhases() {
    }

    static Floors run(BenchmarkDatabase db, String phases, int n, Path work) throws Exception {
        double a = Double.NaN;
        double a2 = Double.NaN;
        double p = Double.NaN;
        boolean h2 = !db.isPostgres();
        if (phases.contains("a")) {
            if (!h2) {
                a = engine("(a) bare engine, PostgreSQL (commits flushed by the server)", n,
                        new EngineFloor(db.fresh("floor", ""), db.user(), false));
            } else {
                double plain = engine("(a) bare engine, H2 file, engine defaults", n,
                        new EngineFloor(db.fresh("floor_default", ""), db.user(), false));
                // The settings cn.perftarget.storage gives our URL, and a sync after each commit as ours get.
                a = engine("(a') bare engine, H2 file, our URL settings + CHECKPOINT SYNC per commit (as ours)", n,
                        new EngineFloor(db.fresh("floor_durable", DURABLE_H2), db.user(), true));
                System.out.printf("    engine defaults %.1f/s vs durable as ours %.1f/s: ratios below use the durable one%n",
                        plain, a);
            }
        }
        if (phases.contains("2")) {
            a2 = engine("(a2) bare engine on our models (approval + deadline + DMN), our engine calls"
                            + (h2 ? ", H2 as (a')" : ", PostgreSQL"), n,
                    new ModelFloor(db.fresh("models", h2 ? DURABLE_H2 : ""), db.user(), h2));
        }
        if (phases.contains("p")) {
            p = peer(db, n, work, h2);
        }
        return new Floors(a, a2, p);
    }

    /** n warm-up lifecycles (the JIT compiles the engine meanwhile), then 3 n timed ones. */
    private static double engine(String label, int n, AutoCloseable floor) throws Exception {
        try (floor) {
            Run run = floor instanceof EngineFloor bare ? bare::lifecycle : ((ModelFloor) floor)::lifecycle;
            for (int i = 0; i < n; i++) {
                run.lifecycle(-1 - i, new Timings());
            }
            var timings = new Timings();
            long cpu = Report.cpu();
            long start = System.nanoTime();
            for (int i = 0; i < 3 * n; i++) {
                run.lifecycle(i, timings);
            }
            return Report.print(label, 3 * n, System.nanoTime() - start, Report.cpu() - cpu, timings);
        }
    }

    /** The peer in its own JVM: n warm-up lifecycles, n timed; CPU is the client's Java threads plus the peer's. */
    private static double peer(BenchmarkDatabase db, int n, Path work, boolean h2) throws Exception {
        String url = db.fresh("peer", h2 ? DURABLE_H2 : "");
        try (var peer = new RestPeer(url, db.user(), work.resolve("peer.log"))) {
            var client = new RestPeerLifecycle(peer.base());
            for (int i = 0; i < n; i++) {
                client.run(1_000_000 + i, new Timings());
            }
            var timings = new Timings();
            long cpu = Report.cpu() + peer.javaThreadsCpu();
            long processCpu = peer.processCpu();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                client.run(i, timings);
            }
            long nanos = System.nanoTime() - start;
            long cpuNanos = Report.cpu() + peer.javaThreadsCpu() - cpu;
            long wholeProcess = peer.processCpu() - processCpu;
            if (client.finished() != 2L * n) {
                throw new IllegalStateException("the peer finished " + client.finished() + " of " + 2 * n + " approvals");
            }
            double perSecond = Report.print("(p) Camunda engine REST API on our models, plain Spring Boot app, 1 keep-alive"
                    + " client" + (h2 ? ", H2 as (a')" : ", PostgreSQL") + " [CPU: client's + peer's Java threads]", n, nanos,
                    cpuNanos, timings);
            System.out.printf("    the peer's whole process (JIT and GC included): %.1f ms CPU per lifecycle%n",
                    wholeProcess / 1e6 / n);
            return perSecond;
        }
    }

    @FunctionalInterface
    private interface Run {
        void lifecycle(long n, Timings timings) throws Exception;
    }
}
