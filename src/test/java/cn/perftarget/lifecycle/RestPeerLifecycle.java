package cn.perftarget.lifecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.perftarget.Fixtures;

/**
 * One client of the (p) peer doing what our lifecycle does, with Camunda's engine REST API: start the approval
 * instance with the declaration document as a Json variable and the deadline instance; read the document and save
 * it once (the corrected sample, as ours saves it); then per user task find it by instance and complete it with the
 * variables our lifecycle sets. No validation, no audit, no authentication (the peer has none). One keep-alive
 * HTTP/1.1 connection, as (c).
 */
final class RestPeerLifecycle {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int YEAR = 2030;

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String saved;
    private final double totalBudget;

    RestPeerLifecycle(String base) throws Exception {
        this.base = base;
        var document = Fixtures.validDocument(YEAR);
        document.with("header").put("department", "BM-00");
        saved = JSON.writeValueAsString(document);
        totalBudget = document.at("/funds/income/total/budget").asDouble();
    }

    void run(long id, Timings timings) throws Exception {
        String key = "BM-00-" + YEAR + "-dept-overall-" + id;
        String empty = "{\"header\":{\"year\":" + YEAR + ",\"department\":\"BM-00\"}}";
        long start = System.nanoTime();
        String instance = timings.time("create (2 starts)", () -> {
            var approval = send("POST", "/process-definition/key/DeclarationApproval/start", body(key)
                    .set("variables", variables().put("declarationId", id, "Long").put("department", "BM-00", "String")
                            .put("formKey", "dept-overall", "String").put("year", YEAR, "Integer").put("document", empty, "Json").node), 200);
            send("POST", "/process-definition/key/SubmissionDeadline/start", body(key).set("variables",
                    variables().put("declarationId", id, "Long").put("year", YEAR, "Integer").node), 200);
            return approval.get("id").asText();
        });
        String variable = "/process-instance/" + instance + "/variables/document";
        timings.time("read", () -> send("GET", variable + "?deserializeValue=false", null, 200));
        timings.time("save", () -> send("PUT", variable, JSON.createObjectNode().put("value", saved).put("type", "Json"), 204));
        timings.time("submit", () -> complete(instance, variables().put("totalBudget", totalBudget, "Double")
                .put("templateRequiresExpert", false, "Boolean").put("reviewDepartment", "BM-00", "String")
                .put("approveCount", 0, "Integer").put("returnCount", 0, "Integer").put("rejectCount", 0, "Integer")));
        timings.time("dept approve", () -> complete(instance, variables().put("outcome", "approve", "String")));
        timings.time("finance approve", () -> complete(instance, variables().put("outcome", "approve", "String")));
        timings.add("lifecycle", System.nanoTime() - start);
    }

    /** Finished approval instances so far: every lifecycle must have ended in 已批复. */
    long finished() throws Exception {
        return send("GET", "/history/process-instance/count?processDefinitionKey=DeclarationApproval&finished=true",
                null, 200).get("count").asLong();
    }

    private Void complete(String instance, Variables variables) throws Exception {
        var tasks = send("GET", "/task?processInstanceId=" + instance, null, 200);
        if (tasks.size() != 1) {
            throw new IllegalStateException("instance " + instance + " waits at " + tasks);
        }
        send("POST", "/task/" + tasks.get(0).get("id").asText() + "/complete",
                JSON.createObjectNode().set("variables", variables.node), 204);
        return null;
    }

    private static ObjectNode body(String businessKey) {
        return JSON.createObjectNode().put("businessKey", businessKey);
    }

    private static Variables variables() {
        return new Variables();
    }

    private JsonNode send(String method, String path, JsonNode body, int expected) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer.body().isEmpty() ? null : JSON.readTree(answer.body());
    }

    /** The REST API's typed variables: {"name": {"value": …, "type": …}}. */
    private static final class Variables {
        final ObjectNode node = JSON.createObjectNode();

        Variables put(String name, Object value, String type) {
            node.set(name, JSON.createObjectNode().put("type", type).set("value", JSON.valueToTree(value)));
            return this;
        }
    }
}
