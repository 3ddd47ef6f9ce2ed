package cn.perftarget.packaged;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Prints lifecycles per second of the packaged application with one node and with two nodes on one fresh PostgreSQL
 * database (created here, dropped afterwards), 8 HTTP clients, every lifecycle filed on one node and decided on the
 * other (with one node, all on it). Phases, each after a shared warm-up: one node while the second idles, both nodes,
 * one node after the second stopped. Run with {@code mvn -Pbenchmark verify} after {@code package} (docs/benchmarks.md);
 * {@code -Dbenchmark.lifecycles} per phase (default 200), {@code -Dbenchmark.jvm} the nodes' JVM options (default
 * {@code -Xmx512m}). On a 2-core machine two JVMs share the same two cores: this shows the cost and the correctness of
 * a second node, not scaling. Asserts nothing.
 */
public final class TwoNodeBenchmark {

    private static final int CLIENTS = 8;

    private TwoNodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int lifecycles = Integer.getInteger("benchmark.lifecycles", 200);
        List<String> jvm = Arrays.asList(System.getProperty("benchmark.jvm", "-Xmx512m").trim().split("\\s+"));
        String database = "pt_twonodebench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Path dir = Files.createTempDirectory("two-node-benchmark");
        PostgresTwoNodeIT.sql("create database " + database);
        var nodes = new ArrayList<PackagedApp>();
        try {
            for (String name : List.of("node-a", "node-b")) {
                nodes.add(PackagedApp.launch(Files.createDirectories(dir.resolve(name)), name + ".log", jvm, List.of(
                        "--spring.profiles.active=postgres,demo",
                        "--spring.datasource.url=" + PostgresTwoNodeIT.SERVER + database,
                        "--spring.datasource.username=" + PostgresTwoNodeIT.USER, "--spring.datasource.password=",
                        "--perftarget.audit.anchor.file=" + dir.resolve(name + "-anchor.json"),
                        "--camunda.bpm.generic-properties.properties.hostname=" + name)));
            }
            for (var node : nodes) {
                node.awaitHealthy();
            }
            var a = nodes.get(0).base();
            var b = nodes.get(1).base();
            System.out.printf("Two-node benchmark: PostgreSQL, %d cores, JVM %s, %d clients, %d lifecycles per phase%n",
                    Runtime.getRuntime().availableProcessors(), jvm, CLIENTS, lifecycles);
            phase("warm-up, both nodes", List.of(a, b), lifecycles);
            double alone = phase("1 node (second idle)", List.of(a), lifecycles);
            double both = phase("2 nodes, decisions on the other", List.of(a, b), lifecycles);
            nodes.get(1).terminate();
            double stopped = phase("1 node (second stopped)", List.of(a), lifecycles);
            System.out.printf("ratio 2 nodes / 1 node: %.2f (second idle), %.2f (second stopped)%n", both / alone, both / stopped);
        } finally {
            for (var node : nodes) {
                node.close();
            }
            PostgresTwoNodeIT.sql("drop database if exists " + database + " with (force)");
        }
    }

    private static double phase(String label, List<String> nodes, int lifecycles) throws Exception {
        var load = new CrossNodeLoad(label + " " + System.nanoTime());
        Duration took = load.run(nodes, lifecycles, CLIENTS);
        double rate = load.completed.get() / (took.toMillis() / 1e3);
        System.out.printf("%-34s %4d lifecycles in %6.1f s = %5.1f lifecycles/s  (%d failures)  load average %s%n",
                label, load.completed.get(), took.toMillis() / 1e3, rate, load.failures.size(), PostgresTwoNodeIT.loadAverage());
        if (!load.failures.isEmpty()) {
            System.out.println("  first failure: " + load.failures.get(0));
        }
        return rate;
    }
}
