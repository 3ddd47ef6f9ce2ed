package cn.perftarget.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import cn.perftarget.PerfTargetApplication;

/**
 * Times {@code POST /api/admin/users} with a CSV of 1,000 users over HTTP: once with {bcrypt} hashes in the file (as
 * an export of another system gives them), once with plain passwords that we hash (bcrypt cost 10 on every core).
 * Prints the load average beside the figures. Run with {@code mvn -Pbenchmark verify} (docs/benchmarks.md).
 */
public final class OrganisationImportBenchmark {

    private static final int USERS = 1_000;

    private OrganisationImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var anchor = Files.createTempDirectory("org-benchmark").resolve("audit-anchor.json");
        try (var app = new SpringApplicationBuilder(PerfTargetApplication.class).run(
                "--spring.profiles.active=demo", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:org-benchmark;DB_CLOSE_DELAY=-1",
                "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN",
                "--perftarget.audit.anchor.file=" + anchor)) {
            String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("Benchmark-password-1");
            System.out.printf("Java %s, %d cores, load average %s%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), loadAverage());
            run(base, "warm-up (100 users, hashes)", csv("w", 100, hash));
            run(base, USERS + " users with {bcrypt} hashes", csv("h", USERS, hash));
            run(base, USERS + " users again (all changed)", csv("h", USERS, hash).replace(",用户", ",改名用户"));
            // -Dbenchmark.plain=false skips it: bcrypt of 1,000 passwords takes about a minute of two free cores.
            if (!"false".equals(System.getProperty("benchmark.plain"))) {
                run(base, USERS + " users with plain passwords", csv("p", USERS, null));
            }
            System.out.printf("load average after: %s%n", loadAverage());
        }
    }

    private static String csv(String prefix, int count, String hash) {
        var csv = new StringBuilder("\uFEFFusername,name,unit,roles,password\r\n");
        for (int i = 0; i < count; i++) {
            csv.append(prefix).append(i).append(",用户").append(i).append(i % 2 == 0 ? ",HP-BDC,FILER," : ",HP-EDU,FILER|AUDITOR,")
                    .append(hash == null ? "Plain-password-" + i : hash).append("\r\n");
        }
        return csv.toString();
    }

    private static void run(String base, String label, String csv) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + "/api/admin/users"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build();
        // CPU time of this JVM (server and client are both in it) beside the wall time: on a machine shared with
        // others, the wall time mostly measures the queue for a core.
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-40s wall %6.2f s   CPU %6.2f s   (HTTP %d)%n", label, seconds,
                (os.getProcessCpuTime() - cpu) / 1e9, response.statusCode());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
