package cn.perftarget.web;

import static cn.perftarget.web.Flows.current;
import static cn.perftarget.web.Flows.decide;
import static cn.perftarget.web.Flows.errorPaths;
import static cn.perftarget.web.Flows.path;
import static cn.perftarget.web.Flows.problem;
import static cn.perftarget.web.Flows.statusOf;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

@ApplicationTest
class BadInputApiTest {

    private static final int MIB = 1024 * 1024;

    @Autowired
    Api api;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    @Test
    void malformedJsonIsBadRequestWithoutStackTrace() {
        var response = api.as("filer1").post(Flows.DECLARATIONS, "{\"formKey\": \"dept-overall\", \"year\": ");
        problem(response, 400);
        assertThat(response.text()).doesNotContain("at cn.perftarget", "Exception", "com.fasterxml");

        long id = Fixtures.validDraft(api, "filer1");
        var save = api.as("filer1").put(path(id, "document"), "{\"header\": {\"phone\": }", "\"2\"");
        problem(save, 400);
        assertThat(save.text()).doesNotContain("at cn.perftarget", "Exception", "com.fasterxml");
        assertThat(current(api, "filer1", id).path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void unknownFieldInCreateRequestIsBadRequestNamingTheField() {
        var body = problem(api.as("filer1").post(Flows.DECLARATIONS,
                "{\"formKey\":\"dept-overall\",\"year\":2020,\"colour\":\"red\"}"), 400);
        assertThat(body.path("detail").asText()).contains("colour");
        assertThat(errorPaths(body)).containsExactly("/colour");
    }

    @Test
    void nonNumericYearIsBadRequestNamingYear() {
        var body = problem(api.as("filer1").post(Flows.DECLARATIONS, "{\"formKey\":\"dept-overall\",\"year\":\"abc\"}"), 400);
        assertThat(body.path("detail").asText()).contains("year");
        assertThat(errorPaths(body)).containsExactly("/year");
    }

    @Test
    void yearOutsideTheSupportedRangeIsBadRequest() {
        var body = problem(api.as("filer1").post(Flows.DECLARATIONS, Map.of("formKey", "dept-overall", "year", 1800)), 400);
        assertThat(errorPaths(body)).containsExactly("/year");
        assertThat(body.at("/errors/0/message").asText()).contains("2000", "1800");
    }

    @Test
    void unknownFormKeyIsBadRequest() {
        var body = problem(api.as("filer1").post(Flows.DECLARATIONS, Map.of("formKey", "no-such-form", "year", 2020)), 400);
        assertThat(errorPaths(body)).containsExactly("/formKey");
        assertThat(body.path("detail").asText()).contains("no-such-form");
    }

    @Test
    void unknownFieldInDocumentIsBadRequestAndKeepsTheRevision() {
        long id = Fixtures.validDraft(api, "filer1");
        var document = Fixtures.validDocument();
        ((ObjectNode) document.path("header")).put("foo", "bar");

        var body = problem(api.as("filer1").put(path(id, "document"), document, "\"2\""), 400);
        assertThat(body.path("errors")).anySatisfy(error -> {
            assertThat(error.path("path").asText()).isEqualTo("/header/foo");
            assertThat(error.path("rule").asText()).isEqualTo("structure.unknown-field");
        });
        var after = current(api, "filer1", id);
        assertThat(after.path("revision").asInt()).isEqualTo(2);
        assertThat(after.at("/document/header").has("foo")).isFalse();
    }

    @Test
    void nullDocumentIsBadRequestAndKeepsTheRevision() {
        long id = Fixtures.validDraft(api, "filer1");
        var body = problem(api.as("filer1").put(path(id, "document"), "null", "\"2\""), 400);
        assertThat(errorPaths(body)).containsExactly("");
        assertThat(body.at("/errors/0/rule").asText()).isEqualTo("structure.type");
        var after = current(api, "filer1", id);
        assertThat(after.path("revision").asInt()).isEqualTo(2);
        assertThat(after.path("document").isObject()).isTrue();
    }

    @Test
    void wrongTypeInDocumentIsBadRequestWithItsPath() {
        long id = Fixtures.validDraft(api, "filer1");
        var document = Fixtures.validDocument();
        ((ObjectNode) document.path("header")).put("phone", 85916419);

        var body = problem(api.as("filer1").put(path(id, "document"), document, "\"2\""), 400);
        assertThat(errorPaths(body)).contains("/header/phone");
        assertThat(current(api, "filer1", id).path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void bodyOverOneMebibyteWithContentLengthIsPayloadTooLarge() throws Exception {
        long id = Fixtures.validDraft(api, "filer1");
        byte[] body = documentWithFunctionsOf(MIB + 1);
        var response = raw("PUT", path(id, "document"), basic("filer1", Api.PASSWORD), "\"2\"",
                BodyPublishers.ofByteArray(body));
        assertPayloadTooLarge(response);
        assertThat(current(api, "filer1", id).path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void streamedBodyWithABigJsonStringValueIsPayloadTooLarge() throws Exception {
        long id = Fixtures.validDraft(api, "filer1");
        byte[] body = documentWithFunctionsOf(MIB + 64 * 1024);
        // Without a length the body goes chunked, so the limit applies while the JSON is being read.
        var response = raw("PUT", path(id, "document"), basic("filer1", Api.PASSWORD), "\"2\"",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertPayloadTooLarge(response);
        assertThat(current(api, "filer1", id).path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void unknownDeclarationIsNotFound() {
        problem(api.as("filer1").get(path(987_654_321L)), 404);
        problem(api.as("filer1").put(path(987_654_321L, "document"), Fixtures.validDocument(), "\"1\""), 404);
    }

    @Test
    void nonNumericIdIsBadRequest() {
        problem(api.as("filer1").get(Flows.DECLARATIONS + "/abc"), 400);
    }

    @Test
    void unknownStatusInListFilterIsBadRequest() {
        var body = problem(api.as("filer1").get(Flows.DECLARATIONS + "?status=FOO"), 400);
        assertThat(body.path("detail").asText()).contains("status");
    }

    @Test
    void unknownDecisionOutcomeIsBadRequest() {
        long id = Fixtures.inDeptReview(api, "filer1");
        var body = problem(decide(api, "dept1", id, Map.of("outcome", "maybe")), 400);
        assertThat(errorPaths(body)).containsExactly("/outcome");
        assertThat(statusOf(api, "filer1", id)).isEqualTo("DEPT_REVIEW");
    }

    @Test
    void gradeOutsideYouLiangZhongChaIsBadRequest() {
        long id = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var body = problem(decide(api, "finance1", id, Map.of("outcome", "approve", "grade", "A")), 400);
        assertThat(errorPaths(body)).containsExactly("/grade");
        assertThat(statusOf(api, "filer1", id)).isEqualTo("FINANCE_REVIEW");
    }

    @Test
    void returnWithoutCommentIsBadRequest() {
        long id = Fixtures.inDeptReview(api, "filer1");
        var missing = problem(decide(api, "dept1", id, Map.of("outcome", "return")), 400);
        assertThat(errorPaths(missing)).containsExactly("/comment");
        assertThat(missing.path("detail").asText()).contains("审核意见");
        var blank = problem(decide(api, "dept1", id, Map.of("outcome", "return", "comment", "   ")), 400);
        assertThat(errorPaths(blank)).containsExactly("/comment");
        assertThat(statusOf(api, "filer1", id)).isEqualTo("DEPT_REVIEW");
    }

    @Test
    void rejectAtDeptReviewIsBadRequest() {
        long id = Fixtures.inDeptReview(api, "filer1");
        var body = problem(decide(api, "dept1", id, Map.of("outcome", "reject", "comment", "不符合要求")), 400);
        assertThat(errorPaths(body)).containsExactly("/outcome");
        assertThat(statusOf(api, "filer1", id)).isEqualTo("DEPT_REVIEW");
    }

    @Test
    void decisionFieldsThatAreNotPointersAreBadRequestNamingTheirIndex() {
        long id = Fixtures.inDeptReview(api, "filer1");
        var fields = new ArrayList<String>(Arrays.asList("/header/phone", null));
        var nullField = problem(decide(api, "dept1", id, Map.of("outcome", "return", "comment", "电话", "fields", fields)), 400);
        assertThat(errorPaths(nullField)).containsExactly("/fields/1");
        var notPointer = problem(decide(api, "dept1", id,
                Map.of("outcome", "return", "comment", "电话", "fields", List.of("/header/phone", "header"))), 400);
        assertThat(errorPaths(notPointer)).containsExactly("/fields/1");
        assertThat(statusOf(api, "filer1", id)).isEqualTo("DEPT_REVIEW");
    }

    @Test
    void hugeStringIsRefusedAtItsFieldAndTheRevisionStays() {
        long id = Fixtures.validDraft(api, "filer1");
        var document = Fixtures.validDocument();
        document.put("functions", "职".repeat(200_000));
        var body = problem(api.as("filer1").put(path(id, "document"), document, "\"2\""), 400);
        assertThat(body.path("errors")).anySatisfy(error -> {
            assertThat(error.path("path").asText()).isEqualTo("/functions");
            assertThat(error.path("rule").asText()).isEqualTo("structure.max-length");
        });
        assertThat(current(api, "filer1", id).path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void tenThousandIndicatorsAreRefusedAsTooMany() {
        long id = Fixtures.validDraft(api, "filer1");
        var document = Fixtures.validDocument();
        var indicators = (ArrayNode) document.at("/annualGoals/0/indicators");
        for (int i = 0; i < 10_000; i++) {
            indicators.addObject().put("name", "指标" + i);
        }
        var body = problem(api.as("filer1").put(path(id, "document"), document, "\"2\""), 400);
        assertThat(body.path("errors")).anySatisfy(error -> {
            assertThat(error.path("path").asText()).isEqualTo("/annualGoals/0/indicators");
            assertThat(error.path("rule").asText()).isEqualTo("structure.max-items");
        });
        assertThat(current(api, "filer1", id).path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void tenThousandFullIndicatorsAreRefusedWithoutServerError() {
        long id = Fixtures.validDraft(api, "filer1");
        var document = Fixtures.validDocument();
        var indicators = (ArrayNode) document.at("/annualGoals/0/indicators");
        var template = indicators.get(0);
        for (int i = 0; i < 10_000; i++) {
            indicators.add(((ObjectNode) template.deepCopy()).put("name", "平台可用率" + i));
        }
        var response = api.as("filer1").put(path(id, "document"), document, "\"2\"");
        assertThat(response.status()).as(response.text()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(current(api, "filer1", id).path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsTold401ApartFromMissingCredentials() throws Exception {
        var wrong = raw("GET", Flows.DECLARATIONS, basic("filer1", "not-demo"), null, BodyPublishers.noBody());
        var unknown = raw("GET", Flows.DECLARATIONS, basic("nobody", "demo"), null, BodyPublishers.noBody());
        for (var response : List.of(wrong, unknown)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json.readTree(response.body()).path("detail").asText()).isEqualTo("用户名或密码错误，请检查后重试");
        }
        var missing = api.anonymous(HttpMethod.GET, Flows.DECLARATIONS);
        assertThat(missing.body().path("detail").asText()).isEqualTo("请使用 HTTP Basic 提供用户名和密码");
    }

    @Test
    void unauthenticatedCallIsUnauthorizedProblem() {
        var response = api.anonymous(HttpMethod.GET, Flows.DECLARATIONS);
        problem(response, 401);
        assertThat(response.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void wrongPasswordIsUnauthorized() throws Exception {
        var response = raw("GET", Flows.DECLARATIONS, basic("filer1", "wrong"), null, BodyPublishers.noBody());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception");

        var unknownUser = raw("GET", Flows.DECLARATIONS, basic("nobody", Api.PASSWORD), null, BodyPublishers.noBody());
        assertThat(unknownUser.statusCode()).isEqualTo(401);
    }

    private byte[] documentWithFunctionsOf(int bytes) throws Exception {
        var document = Fixtures.validDocument();
        document.put("functions", "职".repeat(bytes / 3 + 1));
        return json.writeValueAsBytes(document);
    }

    private void assertPayloadTooLarge(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(UTF_8));
    }

    private HttpResponse<String> raw(String method, String path, String authorization, String ifMatch,
                                     BodyPublisher body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .method(method, body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(request.build(), BodyHandlers.ofString(UTF_8));
    }
}
