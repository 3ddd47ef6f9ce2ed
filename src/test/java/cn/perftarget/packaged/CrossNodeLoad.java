package cn.perftarget.packaged;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Full lifecycles of the 项目支出 template (budget year 2021, each with a project name of its own, so any number of
 * them fit the uniqueness of department + year + project) over HTTP, by a number of client threads: create, save,
 * submit on one node, then 主管部门 and 财政 approve on the <em>other</em> node (with one node, all on it). Lifecycle
 * {@code i} files as filer1 or filer2 by parity and on node {@code (i / 2) % nodes}, so both departments file on
 * every node. Every answer is recorded; a lifecycle stops at its first answer that is not a success.
 */
final class CrossNodeLoad {

    /** What the last answer about a declaration acknowledged. */
    record Ack(long id, String filer, String status, int revision) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode SAMPLE = sample();

    final Map<Long, Ack> acked = new ConcurrentHashMap<>();
    final List<Long> created = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final AtomicInteger completed = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String projectPrefix;

    /** {@code projectPrefix} names this run's projects, so runs on one database keep apart. */
    CrossNodeLoad(String projectPrefix) {
        this.projectPrefix = projectPrefix;
    }

    /** Runs {@code lifecycles} lifecycles over {@code clients} threads against {@code nodes}; returns the wall time. */
    Duration run(List<String> nodes, int lifecycles, int clients) throws InterruptedException {
        var next = new AtomicInteger();
        var threads = new ArrayList<Thread>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            var thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < lifecycles; i = next.getAndIncrement()) {
                    try {
                        if (lifecycle(nodes, i)) {
                            completed.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.add("lifecycle " + i + ": " + e);
                    }
                }
            }, "cross-node-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Creates {@code count} drafts of {@code year}, on the nodes and by the filers in turn; returns their ids. */
    List<Long> drafts(List<String> nodes, int count, int year) throws IOException, InterruptedException {
        for (int i = 0; i < count; i++) {
            var answer = send(nodes.get(i % nodes.size()), i % 2 == 0 ? "filer1" : "filer2", "POST", "/api/declarations",
                    Map.of("formKey", "project-expenditure", "year", year), null, 201);
            if (answer == null) {
                throw new IllegalStateException("draft not created: " + failures);
            }
            created.add(answer.path("id").asLong());
        }
        return List.copyOf(created);
    }

    private boolean lifecycle(List<String> nodes, int i) throws IOException, InterruptedException {
        String filer = i % 2 == 0 ? "filer1" : "filer2";
        String reviewer = i % 2 == 0 ? "dept1" : "dept2";
        String filing = nodes.get((i / 2) % nodes.size());
        String deciding = nodes.get((i / 2 + 1) % nodes.size());
        var answer = send(filing, filer, "POST", "/api/declarations", Map.of("formKey", "project-expenditure", "year", 2021), null, 201);
        if (answer == null) {
            return false;
        }
        long id = answer.path("id").asLong();
        created.add(id);
        var document = SAMPLE.deepCopy();
        var header = (ObjectNode) document.get("header");
        header.put("department", answer.at("/document/header/department").asText());
        header.put("projectName", projectPrefix + " " + i);
        String[][] steps = {
                {filing, filer, "PUT", "/document", null},
                {filing, filer, "POST", "/submission", null},
                {deciding, reviewer, "POST", "/decision", "{\"outcome\":\"approve\"}"},
                {deciding, "finance1", "POST", "/decision", "{\"outcome\":\"approve\",\"grade\":\"优\"}"}};
        for (String[] step : steps) {
            Object body = step[2].equals("PUT") ? document : step[4] == null ? null : JSON.readTree(step[4]);
            if (send(step[0], step[1], step[2], "/api/declarations/" + id + step[3], body,
                    step[2].equals("PUT") ? "\"1\"" : null, 200) == null) {
                return false;
            }
        }
        return true;
    }

    /** The answer's declaration when it had the expected status (and is recorded as acknowledged), else null. */
    private JsonNode send(String base, String user, String method, String path, Object body, String ifMatch, int expected)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", Load.basic(user))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != expected) {
            failures.add(method + " " + base + path + " → " + answer.statusCode() + " " + answer.body());
            return null;
        }
        JsonNode json = JSON.readTree(answer.body());
        JsonNode declaration = json.has("declaration") ? json.get("declaration") : json;
        long id = declaration.path("id").asLong();
        acked.put(id, new Ack(id, user.startsWith("filer") ? user : acked.get(id).filer(),
                declaration.path("status").asText(), declaration.path("revision").asInt()));
        return declaration;
    }

    private static ObjectNode sample() {
        try (InputStream in = CrossNodeLoad.class.getResourceAsStream("/forms/samples/project-expenditure-2021-sample.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
