package cn.perftarget.lifecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.perftarget.Fixtures;

/**
 * Our lifecycle over HTTP as one client does it: one keep-alive HTTP/1.1 connection of its own (java.net.http),
 * HTTP Basic on every request as the API's clients send it, JSON bodies as the API documents them.
 */
final class HttpLifecycle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    HttpLifecycle(String base) {
        this.base = base;
    }

    void run(BenchmarkUsers.Department department, int year, Timings timings) throws Exception {
        String filer = department.filer();
        long start = System.nanoTime();
        var created = JSON.readTree(timings.time("create", () -> send(filer, "POST", "/api/declarations",
                "{\"formKey\":\"dept-overall\",\"year\":" + year + "}", null, 201)));
        long id = created.get("id").asLong();
        String path = "/api/declarations/" + id;
        timings.time("read", () -> send(filer, "GET", path, null, null, 200));
        var document = Fixtures.validDocument(year);
        document.with("header").put("department", created.at("/document/header/department").asText());
        String body = JSON.writeValueAsString(document);
        timings.time("save", () -> send(filer, "PUT", path + "/document", body, "\"" + created.get("revision").asInt() + "\"", 200));
        timings.time("submit", () -> send(filer, "POST", path + "/submission", null, null, 200));
        timings.time("dept approve", () -> send(department.reviewer(), "POST", path + "/decision",
                "{\"outcome\":\"approve\"}", null, 200));
        String approved = timings.time("finance approve (优)", () -> send(BenchmarkUsers.FINANCE, "POST",
                path + "/decision", "{\"outcome\":\"approve\",\"grade\":\"优\"}", null, 200));
        if (!"APPROVED".equals(JSON.readTree(approved).path("status").asText())) {
            throw new IllegalStateException("declaration " + id + " ended: " + approved);
        }
        timings.add("lifecycle", System.nanoTime() - start);
    }

    private String send(String user, String method, String path, String body, String ifMatch, int expected)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " as " + user + ": " + answer.statusCode() + " "
                    + answer.body());
        }
        return answer.body();
    }
}
