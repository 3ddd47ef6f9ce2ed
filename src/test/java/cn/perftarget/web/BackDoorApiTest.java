package cn.perftarget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.audit.AuditAction;
import cn.perftarget.audit.AuditRecord;
import cn.perftarget.audit.AuditTrail;

/**
 * The doors around our API: the engine's REST API and the Camunda webapps' REST API. An administrator who tries
 * to move a declaration through them is refused with a Chinese 403 problem, the declaration, its revision and its
 * engine task stay as they were, and the attempt is on the general audit chain; reading still works.
 */
@ApplicationTest
class BackDoorApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Api api;
    @Autowired
    AuditTrail audit;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @LocalServerPort
    int port;

    long id;
    Task task;

    @BeforeEach
    void declarationWaitingForItsDepartment() {
        id = Fixtures.inDeptReview(api, "filer1");
        task = tasks.createTaskQuery().processVariableValueEquals("declarationId", id)
                .taskDefinitionKey("Task_DeptReview").singleResult();
        assertThat(task).isNotNull();
    }

    @Test
    void engineRestRefusesEveryChangeByTheAdministratorAndRecordsTheAttempt() throws Exception {
        var http = HttpClient.newHttpClient();
        var attempts = List.of(
                basic("POST", "/engine-rest/task/" + task.getId() + "/complete",
                        "{\"variables\":{\"outcome\":{\"value\":\"approve\"}}}"),
                basic("PUT", "/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables/outcome",
                        "{\"value\":\"approve\",\"type\":\"String\"}"),
                basic("DELETE", "/engine-rest/process-instance/" + task.getProcessInstanceId(), null),
                basic("POST", "/engine-rest/process-definition/key/DeclarationApproval/start",
                        "{\"businessKey\":\"" + id + "\"}"));
        for (var attempt : attempts) {
            var before = audit.historyOf(AuditTrail.GENERAL).size();
            var response = http.send(attempt, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

            assertRefused(response);
            assertUnchanged();
            var refusal = lastGeneralEvent(before);
            assertThat(refusal).extracting(AuditRecord::actor, AuditRecord::role).containsExactly("admin", "ADMIN");
            assertThat(refusal.details()).contains(attempt.method() + " " + attempt.uri().getPath());
        }
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("DeclarationApproval")
                .variableValueEquals("declarationId", id).count()).isEqualTo(1);

        var read = http.send(basic("GET", "/engine-rest/task/" + task.getId(), null),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).path("id").asText()).isEqualTo(task.getId());
    }

    @Test
    void camundaWebappsLetTheAdministratorLogInAndReadButRefuseCompletingAndDeletingAndRecordTheAttempt()
            throws Exception {
        var webapp = new Webapp();
        var login = webapp.login("admin", Api.PASSWORD);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(JSON.readTree(login.body()).path("userId").asText()).isEqualTo("admin");

        String businessKey = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey();
        var listed = webapp.send("GET", "/camunda/api/engine/engine/default/task?processInstanceBusinessKey="
                + businessKey, null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(JSON.readTree(listed.body()).findValuesAsText("id")).containsExactly(task.getId());
        var counted = webapp.send("POST", "/camunda/api/engine/engine/default/task/count",
                "{\"processInstanceBusinessKey\":\"" + businessKey + "\"}");
        assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);
        assertThat(JSON.readTree(counted.body()).path("count").asInt()).isEqualTo(1);

        for (String[] attempt : new String[][] {
                {"POST", "/camunda/api/engine/engine/default/task/" + task.getId() + "/complete",
                        "{\"variables\":{\"outcome\":{\"value\":\"approve\"}}}"},
                {"POST", "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
                        "{\"variables\":{\"outcome\":{\"value\":\"approve\"}}}"},
                {"DELETE", "/camunda/api/engine/engine/default/process-instance/" + task.getProcessInstanceId(), null}}) {
            var before = audit.historyOf(AuditTrail.GENERAL).size();
            var response = webapp.send(attempt[0], attempt[1], attempt[2]);

            assertRefused(response);
            assertUnchanged();
            var refusal = lastGeneralEvent(before);
            assertThat(refusal).extracting(AuditRecord::actor, AuditRecord::role)
                    .containsExactly("admin", "CAMUNDA_WEBAPP");
            assertThat(refusal.details()).contains(attempt[0] + " " + attempt[1]);
        }
    }

    @Test
    void engineItselfLetsWebappUsersReadButNotCompleteWhileOurOwnCallsGoOn() {
        identity.setAuthentication("admin", List.of(Groups.CAMUNDA_ADMIN));
        try {
            assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
            assertThatThrownBy(() -> tasks.complete(task.getId())).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> runtime.setVariable(task.getExecutionId(), "outcome", "approve"))
                    .isInstanceOf(AuthorizationException.class);
        } finally {
            identity.clearAuthentication();
        }
        assertUnchanged();

        var approved = Flows.approve(api, "dept1", id);
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.body().path("status").asText()).isEqualTo("FINANCE_REVIEW");
    }

    private HttpRequest basic(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static void assertRefused(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(403);
        assertThat(problem.path("detail").asText()).contains("只能查看").contains("已拒绝");
    }

    private void assertUnchanged() {
        var declaration = Flows.current(api, "filer1", id);
        assertThat(declaration.path("status").asText()).isEqualTo("DEPT_REVIEW");
        assertThat(declaration.path("revision").asInt()).isEqualTo(2);
        var still = tasks.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(still).as("engine task").isNotNull();
        assertThat(still.getTaskDefinitionKey()).isEqualTo("Task_DeptReview");
        assertThat(runtime.getVariable(task.getProcessInstanceId(), "outcome")).isNull();
    }

    private AuditRecord lastGeneralEvent(int before) {
        var general = audit.historyOf(AuditTrail.GENERAL);
        assertThat(general).hasSize(before + 1);
        var event = general.get(before);
        assertThat(event.action()).isEqualTo(AuditAction.BACKDOOR_REFUSED.name());
        assertThat(event.actionLabel()).isEqualTo("越权操作被拒绝");
        return event;
    }

    /** A browser session of the Camunda webapps: cookies, and the CSRF token the webapps hand out and expect back. */
    private final class Webapp {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private String csrfToken;

        HttpResponse<String> login(String username, String password) throws Exception {
            var page = send("GET", "/camunda/app/cockpit/default/", null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(csrfToken).as("CSRF token of the webapps").isNotBlank();
            var form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return exchange(request("POST", "/camunda/api/admin/auth/user/default/login/cockpit")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }

        HttpResponse<String> send(String method, String path, String json) throws Exception {
            return exchange(request(method, path).header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json)).build());
        }

        private HttpRequest.Builder request(String method, String path) {
            var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(60)).header("Accept", "application/json, text/html");
            if (csrfToken != null) {
                builder.header("X-XSRF-TOKEN", csrfToken);
            }
            return builder;
        }

        private HttpResponse<String> exchange(HttpRequest request) throws Exception {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
            return response;
        }
    }
}
