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

    private static final Duration START_LIMIT = Duration.ofMinutes(4);

    private final Process process;
    private final Path log;
    final int port;

    private PackagedApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar in {@code workDir} with these {@code --name=value} arguments and waits until it is healthy. */
    static PackagedApp start(Path workDir, String logName, List<String> arguments) throws IOException, InterruptedException {
        int port = freePort();
        var command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8", "-jar", jar().toString(), "--server.port=" + port,
                "--server.address=127.0.0.1"));
        command.addAll(arguments);
        Path log = workDir.resolve(logName);
        var process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        var app = new PackagedApp(process, log, port);
        app.awaitHealthy();
        return app;
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

    private void awaitHealthy() throws IOException, InterruptedException {
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
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
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
