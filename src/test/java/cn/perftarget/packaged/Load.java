package cn.perftarget.packaged;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.perftarget.Fixtures;

/**
 * Clients running full lifecycles over HTTP (create, save the sample document, submit, 主管部门 approves, 财政 approves
 * with 优), one thread per department, each declaration in a budget year of its own (2028 on, so no deadline has
 * passed and no two declarations of a department share a year). Every acknowledged write is recorded with the status
 * and revision the answer gave; every answer and every failure to get one is recorded with its send time.
 */
final class Load {

    /** What an answer acknowledged about a declaration. */
    record Ack(long id, String filer, String status, int revision) {
    }

    /** One request: when it was sent, and its status (0 when no answer came, with the exception). */
    record Outcome(long sentNanos, String what, int status, String failure) {
    }

    private record Client(String filer, String reviewer, AtomicInteger nextYear) {
    }

    static final List<String> ORDER = List.of("DRAFT", "DEPT_REVIEW", "FINANCE_REVIEW", "APPROVED");
    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<Long, Ack> acked = new ConcurrentHashMap<>();
    final AtomicInteger acknowledgedWrites = new AtomicInteger();
    final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final List<Client> clients = List.of(new Client("filer1", "dept1", new AtomicInteger(2028)),
            new Client("filer2", "dept2", new AtomicInteger(2028)));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String base;
    private volatile boolean stopped;
    private final List<Thread> threads = new ArrayList<>();

    /** Starts one client thread per department against {@code base}; they run until {@link #stop} or failure. */
    void start(String base) {
        this.base = base;
        this.stopped = false;
        threads.clear();
        for (Client client : clients) {
            var thread = new Thread(() -> run(client), "load-" + client.filer());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Stops the clients and waits (bounded) for them. */
    void stop() throws InterruptedException {
        stopped = true;
        for (Thread thread : threads) {
            thread.join(120_000);
        }
    }

    /** Waits until {@code count} more writes were acknowledged or {@code limit} passed; true if they were. */
    boolean awaitAcknowledged(int count, Duration limit) throws InterruptedException {
        int target = acknowledgedWrites.get() + count;
        long deadline = System.nanoTime() + limit.toNanos();
        while (acknowledgedWrites.get() < target && System.nanoTime() < deadline && threads.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(20);
        }
        return acknowledgedWrites.get() >= target;
    }

    private void run(Client client) {
        try {
            while (!stopped) {
                int year = client.nextYear().getAndIncrement();
                if (year > 2100 || !lifecycle(client, year)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException serverGone) {
            // The server was killed or is shutting down: this client's part of the round is over.
        }
    }

    /** One lifecycle; false when an answer was not a success (recorded in outcomes). */
    private boolean lifecycle(Client client, int year) throws IOException, InterruptedException {
        var created = send(client.filer(), "POST", "/api/declarations", Map.of("formKey", "dept-overall", "year", year), null);
        if (created.statusCode() != 201) {
            return false;
        }
        long id = ack(client, created);
        // The form names the declaration's own department (prefilled at creation), as the validator demands.
        var document = Fixtures.validDocument(year);
        document.with("header").put("department", JSON.readTree(created.body()).at("/document/header/department").asText());
        var saved = send(client.filer(), "PUT", "/api/declarations/" + id + "/document", document, "\"1\"");
        if (saved.statusCode() != 200) {
            return false;
        }
        ack(client, saved);
        String[][] steps = {
                {client.filer(), "/submission", null},
                {client.reviewer(), "/decision", "{\"outcome\":\"approve\"}"},
                {"finance1", "/decision", "{\"outcome\":\"approve\",\"grade\":\"优\"}"}};
        for (String[] step : steps) {
            var answer = send(step[0], "POST", "/api/declarations/" + id + step[1], step[2] == null ? null : JSON.readTree(step[2]), null);
            if (answer.statusCode() != 200) {
                return false;
            }
            ack(client, answer);
        }
        return true;
    }

    private long ack(Client client, HttpResponse<String> answer) throws IOException {
        JsonNode body = JSON.readTree(answer.body());
        JsonNode declaration = body.has("declaration") ? body.get("declaration") : body;
        long id = declaration.path("id").asLong();
        var ack = new Ack(id, client.filer(), declaration.path("status").asText(), declaration.path("revision").asInt());
        if (!ORDER.contains(ack.status()) || ack.revision() < 1) {
            throw new IllegalStateException("unexpected answer: " + answer.body());
        }
        acked.put(id, ack);
        acknowledgedWrites.incrementAndGet();
        return id;
    }

    private HttpResponse<String> send(String user, String method, String path, Object body, String ifMatch)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        long sent = System.nanoTime();
        try {
            var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            outcomes.add(new Outcome(sent, method + " " + path, answer.statusCode(),
                    answer.statusCode() >= 300 ? answer.body() : null));
            return answer;
        } catch (IOException e) {
            outcomes.add(new Outcome(sent, method + " " + path, 0, e.toString()));
            throw e;
        }
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
