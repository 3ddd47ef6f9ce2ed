package cn.perftarget.packaged;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Prints, for the packaged application on a fresh H2 file and on a fresh PostgreSQL database (created here, dropped
 * afterwards): the time from {@code java -jar} to the first 200 of /actuator/health, the CPU time the process used
 * until then, and its resident memory (VmRSS) when healthy and after 1,000 lifecycles over HTTP (8 clients), with the
 * heap the JVM had committed and its maximum. {@code -Dbenchmark.jvm} gives the JVM options (default none: a plain
 * {@code java -jar}, whose heap may grow to a quarter of the machine's memory), {@code -Dbenchmark.lifecycles} the
 * number of lifecycles, {@code -Dbenchmark.databases} which ({@code h2,postgres}), {@code -Dbenchmark.h2.settings}
 * what to append to the H2 URL (e.g. {@code ;CACHE_SIZE=16384}), {@code -Dbenchmark.jcmd} diagnostic commands run on
 * the child after the lifecycles, separated by {@code ;} (e.g. {@code GC.class_histogram;VM.native_memory summary},
 * the latter with {@code -XX:NativeMemoryTracking=summary} among the JVM options), each printed up to its first 60
 * lines and its last. Run with {@code mvn -Pbenchmark verify} after {@code package} (docs/benchmarks.md). Asserts
 * nothing.
 */
public final class StartupMemoryBenchmark {

    private StartupMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String options = System.getProperty("benchmark.jvm", "").trim();
        List<String> jvm = options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+"));
        int lifecycles = Integer.getInteger("benchmark.lifecycles", 1000);
        Path dir = Files.createTempDirectory("startup-benchmark");
        System.out.printf("Startup and memory: %d cores, JVM options %s, %d lifecycles by 8 clients%n",
                Runtime.getRuntime().availableProcessors(), jvm.isEmpty() ? "(none)" : jvm, lifecycles);
        String databases = System.getProperty("benchmark.databases", "h2,postgres");
        if (databases.contains("h2")) {
            measure("H2 file", dir.resolve("h2"), jvm, lifecycles, List.of(
                    "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("h2/data/perftarget")
                            + System.getProperty("benchmark.h2.settings", "")));
        }
        if (!databases.contains("postgres")) {
            return;
        }
        String database = "pt_startupbench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        PostgresTwoNodeIT.sql("create database " + database);
        try {
            measure("PostgreSQL", dir.resolve("pg"), jvm, lifecycles, List.of("--spring.profiles.active=postgres,demo",
                    "--spring.datasource.url=" + PostgresTwoNodeIT.SERVER + database,
                    "--spring.datasource.username=" + PostgresTwoNodeIT.USER, "--spring.datasource.password="));
        } finally {
            PostgresTwoNodeIT.sql("drop database if exists " + database + " with (force)");
        }
    }

    private static void measure(String label, Path dir, List<String> jvm, int lifecycles, List<String> database)
            throws Exception {
        Files.createDirectories(dir);
        var arguments = new ArrayList<>(database);
        arguments.add("--perftarget.audit.anchor.file=" + dir.resolve("anchor.json"));
        try (var app = PackagedApp.launch(dir, "app.log", jvm, arguments)) {
            String before = PostgresTwoNodeIT.loadAverage();
            app.awaitHealthy();
            long rssHealthy = app.residentMiB();
            var cpu = app.cpu();
            firstUse(app);
            var load = new CrossNodeLoad("启动基准 " + label);
            var took = load.run(List.of(app.base()), lifecycles, 8);
            long rssAfter = app.residentMiB();
            System.out.printf("%-11s first 200 after %5.1f s (CPU %5.1f s), RSS %4d MiB; after %d lifecycles (%.1f/s, %d failures) "
                            + "RSS %4d MiB, heap used %4d / committed %4d / max %5d MiB; load average before %s, after %s%n",
                    label, app.startup().toMillis() / 1e3, cpu.toMillis() / 1e3, rssHealthy, load.completed.get(),
                    load.completed.get() / (took.toMillis() / 1e3), load.failures.size(), rssAfter,
                    heapMiB(app, "jvm.memory.used"), heapMiB(app, "jvm.memory.committed"), heapMiB(app, "jvm.memory.max"), before,
                    PostgresTwoNodeIT.loadAverage());
            System.out.println("            " + outsideHeap(app));
            diagnose(app);
            if (!load.failures.isEmpty()) {
                System.out.println("  first failure: " + load.failures.get(0));
            }
            app.terminate();
        }
    }

    private static void diagnose(PackagedApp app) throws Exception {
        for (String command : System.getProperty("benchmark.jcmd", "").split(";")) {
            if (command.isBlank()) {
                continue;
            }
            var jcmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(app.pid())));
            jcmd.addAll(Arrays.asList(command.trim().split("\\s+")));
            var process = new ProcessBuilder(jcmd).redirectErrorStream(true).start();
            var lines = process.inputReader().lines().toList();
            lines.stream().limit(60).forEach(line -> System.out.println("  | " + line));
            if (lines.size() > 60) {
                System.out.println("  | …\n  | " + lines.get(lines.size() - 1));
            }
            process.waitFor();
        }
    }

    // The first print view and the first PDF right after the first healthy answer: what the first user meets.
    private static void firstUse(PackagedApp app) throws Exception {
        var created = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(app.base() + "/api/declarations"))
                .header("Authorization", Load.basic("filer1")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"formKey\":\"dept-overall\",\"year\":2031}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        long id = Checks.json(created, 201).path("id").asLong();
        long print = System.nanoTime();
        int printStatus = Checks.call(app.base(), "filer1", "GET", "/declarations/" + id + "/print").statusCode();
        long pdf = System.nanoTime();
        int pdfStatus = Checks.call(app.base(), "filer1", "GET", "/api/declarations/" + id + "/document?format=pdf").statusCode();
        long done = System.nanoTime();
        System.out.printf("  first print view %d ms (%d), first PDF %d ms (%d)%n", (pdf - print) / 1_000_000, printStatus,
                (done - pdf) / 1_000_000, pdfStatus);
    }

    private static long heapMiB(PackagedApp app, String metric) throws Exception {
        return areaMiB(app, metric, "area:heap");
    }

    private static long areaMiB(PackagedApp app, String metric, String tag) throws Exception {
        var json = Checks.json(Checks.call(app.base(), "admin", "GET", "/actuator/metrics/" + metric + "?tag=" + tag), 200);
        return (long) (json.at("/measurements/0/value").asDouble() / (1024 * 1024));
    }

    /** Where the resident memory outside the heap goes: the JVM's own areas, and the threads (each with a stack). */
    private static String outsideHeap(PackagedApp app) throws Exception {
        var threads = Checks.json(Checks.call(app.base(), "admin", "GET", "/actuator/metrics/jvm.threads.live"), 200);
        var used = Checks.json(Checks.call(app.base(), "admin", "GET", "/actuator/metrics/jvm.memory.used"), 200);
        var areas = new StringBuilder();
        for (var tag : used.path("availableTags")) {
            if (tag.path("tag").asText().equals("id")) {
                for (var id : tag.path("values")) {
                    String tagValue = "id:" + java.net.URLEncoder.encode(id.asText(), java.nio.charset.StandardCharsets.UTF_8)
                            .replace("+", "%20");
                    areas.append(areas.isEmpty() ? "" : ", ").append(id.asText()).append(' ')
                            .append(areaMiB(app, "jvm.memory.used", tagValue));
                }
            }
        }
        return String.format("non-heap used %d MiB; by area (MiB): %s; %d threads",
                areaMiB(app, "jvm.memory.used", "area:nonheap"), areas, threads.at("/measurements/0/value").asLong());
    }
}
