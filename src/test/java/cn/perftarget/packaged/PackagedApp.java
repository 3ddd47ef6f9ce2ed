package cn.perftarget.packaged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/perftarget-*.jar}, built by {@code package}) as a child process on a free
 * port of 127.0.0.1, with its own working directory; its output goes to one log file per start.
 */
final class PackagedApp implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.parse(System.getProperty("perftarget.it.start-limit", "PT4M"));

    /** The JVM options of the tests' starts: a small heap and C1 only, which starts fastest on 2 cores. */
    static final List<String> TEST_JVM = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

    private final Process process;
    private final Path log;
    private final long launchedNanos;
    private volatile long healthyNanos;
    final int port;

    private PackagedApp(Process process, Path log, int port, long launchedNanos) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.launchedNanos = launchedNanos;
    }

    /** Starts the jar in {@code workDir} with these {@code --name=value} arguments and waits until it is healthy. */
    static PackagedApp start(Path workDir, String logName, List<String> arguments) throws IOException, InterruptedException {
        var app = launch(workDir, logName, TEST_JVM, arguments);
        app.awaitHealthy();
        return app;
    }

    /** Starts the jar with these JVM options and arguments without waiting for it (then {@link #awaitHealthy}). */
    static PackagedApp launch(Path workDir, String logName, List<String> jvm, List<String> arguments) throws IOException {
        int port = freePort();
        var command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvm);
        command.addAll(List.of("-Dfile.encoding=UTF-8", "-jar", jar().toString(), "--server.port=" + port,
                "--server.address=127.0.0.1"));
        command.addAll(arguments);
        Path log = workDir.resolve(logName);
        long launched = System.nanoTime();
        var process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new PackagedApp(process, log, port, launched);
    }

    /** From the launch to the first 200 of /actuator/health. */
    Duration startup() {
        return Duration.ofNanos(healthyNanos - launchedNanos);
    }

    /** The child's resident memory now (VmRSS of /proc/pid/status), in MiB. */
    long residentMiB() throws IOException {
        return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).orElse(-1L);
    }

    /** CPU time (user + system) the child has used so far, from /proc/pid/stat (clock ticks of 10 ms). */
    Duration cpu() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Duration.ofMillis((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10);
    }

    long pid() {
        return process.pid();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code kill -9}: no shutdown hook, no flush, nothing. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child did not die of SIGKILL within 60 s");
        }
    }

    /** SIGTERM, as an init system stops a service; returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the child did not stop within 90 s of SIGTERM; log: " + log);
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The lines of this start's log at level ERROR (Spring Boot's console format puts the level second). */
    List<String> errorLines() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.matches("^\\S+\\s+ERROR\\s.*") || line.startsWith("Exception in thread"))
                .toList();
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    void awaitHealthy() throws IOException, InterruptedException {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var request = HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the child exited with " + process.exitValue() + " while starting; log: "
                        + tail());
            }
            try {
                var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    healthyNanos = System.nanoTime();
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("the child was not healthy within " + START_LIMIT + "; log: " + tail());
    }

    private String tail() throws IOException {
        var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return log + "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static Path jar() {
        String configured = System.getProperty("perftarget.it.jar");
        if (configured != null && Files.exists(Path.of(configured))) {
            return Path.of(configured);
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "perftarget-*.jar")) {
            for (Path jar : jars) {
                return jar.toAbsolutePath();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no target/perftarget-*.jar: run mvn package (failsafe runs after it)");
    }
}
