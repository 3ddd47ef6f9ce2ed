package cn.perftarget.lifecycle;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The (p) peer as a child process: benchmarks/camunda-rest-peer (a plain Camunda Spring Boot application with the
 * engine REST API, no authentication) built with Maven offline unless {@code -Dbenchmark.peer.jar} names a built
 * jar, started with {@code java -jar} on a free port against the fresh database it is given, deploying the models of
 * the repository's processes/ folder; waited for, and stopped at the end.
 */
final class RestPeer implements AutoCloseable {

    private static final java.util.regex.Pattern VM_THREAD = java.util.regex.Pattern.compile(
            "C1 |C2 |GC |G1 |VM |Sweeper|Common-Cleaner|Signal Dispatch|Service Thread|Monitor Deflat");

    private final Process process;
    private final String base;
    private final Path log;

    RestPeer(String jdbcUrl, String user, Path log) throws Exception {
        this.log = log;
        Path jar = jar();
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx2g", "-Dfile.encoding=UTF-8", "-jar", jar.toString(),
                "--server.port=" + port, "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + user,
                "--peer.processes=" + Path.of(ModelFloor.FOLDER).toAbsolutePath()));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        base = "http://127.0.0.1:" + port + "/engine-rest";
        awaitUp();
    }

    private static Path jar() throws Exception {
        String given = System.getProperty("benchmark.peer.jar");
        if (given != null) {
            return Path.of(given);
        }
        Path pom = Path.of(System.getProperty("benchmark.peer.pom", "benchmarks/camunda-rest-peer/pom.xml"));
        var build = new ProcessBuilder("mvn", "-o", "-q", "-f", pom.toString(), "package", "-DskipTests").inheritIO().start();
        if (build.waitFor() != 0) {
            throw new IllegalStateException("building " + pom + " failed (missing artifacts? run it once without -o)");
        }
        return pom.toAbsolutePath().getParent().resolve("target/camunda-rest-peer.jar");
    }

    /** Until the engine answers and the models are deployed (the deployment runs after the server is up). */
    private void awaitUp() throws Exception {
        var http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the peer stopped: see " + log);
            }
            try {
                var answer = http.send(HttpRequest.newBuilder(URI.create(base
                                + "/process-definition/count?key=DeclarationApproval")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && !answer.body().contains("\"count\":0")) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the peer did not come up in 5 minutes: see " + log);
    }

    String base() {
        return base;
    }

    /** CPU time of the peer's whole process (all its threads, JIT and GC included), in nanoseconds. */
    long processCpu() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * CPU time of the peer's live threads other than the JVM's own (JIT compilers, GC, VM thread), in nanoseconds:
     * the counterpart of {@link Report#cpu()} for our process, read from /proc in clock ticks (1/100 s).
     */
    long javaThreadsCpu() throws java.io.IOException {
        long ticks = 0;
        try (var threads = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    String name = Files.readString(thread.resolve("comm")).trim();
                    if (VM_THREAD.matcher(name).lookingAt()) {
                        continue;
                    }
                    String stat = Files.readString(thread.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (java.nio.file.NoSuchFileException ended) {
                    // The thread ended meanwhile.
                }
            }
        }
        return ticks * 10_000_000L;
    }

    String logTail() throws java.io.IOException {
        var lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
