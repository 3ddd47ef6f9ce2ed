package cn.perftarget.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.process.SubmissionDeadlineProcess;

/**
 * Our users in the Camunda webapps, through the webapps' own login and REST API: each logs in with their own
 * password to the webapps their role opens, a reviewer's Tasklist holds exactly the tasks GET /api/tasks gives them
 * (a 主管部门 reviewer only their department's), each task links to our page for it, instances carry business keys
 * that say what they are, and starting the process from a webapp is refused.
 */
@ApplicationTest
class WebappUsersApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENGINE = "/camunda/api/engine/engine/default";

    @Autowired
    Api api;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    long bdcInDeptReview;
    long eduInDeptReview;
    long bdcInFinanceReview;

    @BeforeEach
    void declarationsInBothDepartmentsAndSteps() {
        bdcInDeptReview = Fixtures.inDeptReview(api, "filer1");
        eduInDeptReview = Fixtures.inDeptReview(api, "filer2");
        bdcInFinanceReview = Fixtures.inFinanceReview(api, "filer1", "dept1");
    }

    @Test
    void deptReviewerSeesInTasklistExactlyTheDeptReviewTasksOfTheirDepartmentThatOurApiGivesThem() throws Exception {
        var dept1 = new Webapp();
        var login = dept1.login("tasklist", "dept1", Api.PASSWORD);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        var authorizedApps = new ArrayList<String>();
        JSON.readTree(login.body()).path("authorizedApps").forEach(a -> authorizedApps.add(a.asText()));
        assertThat(authorizedApps).contains("tasklist").doesNotContain("cockpit", "admin");

        var listed = taskIds(dept1.send("GET", ENGINE + "/task?maxResults=10000", null));
        assertThat(listed).contains(taskOf(bdcInDeptReview, "Task_DeptReview"))
                .doesNotContain(taskOf(eduInDeptReview, "Task_DeptReview"),
                        taskOf(bdcInFinanceReview, "Task_FinanceReview"));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                tasksOf(Flows.ids(api.as("dept1").get("/api/tasks?size=500")), "Task_DeptReview"));

        var filters = JSON.readTree(dept1.send("GET", ENGINE + "/filter?resourceType=Task", null).body());
        var mine = filters.findValues("name").stream().filter(n -> n.asText().equals("待我审核")).count();
        assertThat(mine).as(filters.toString()).isEqualTo(1);
        String filterId = filters.findParents("name").stream().filter(f -> f.path("name").asText().equals("待我审核"))
                .findFirst().orElseThrow().path("id").asText();
        var filtered = taskIds(dept1.send("POST", ENGINE + "/filter/" + filterId + "/list?maxResults=10000", "{}"));
        assertThat(filtered).containsExactlyInAnyOrderElementsOf(listed);
    }

    @Test
    void financeReviewerSeesOnlyFinanceTasksAndEachTaskLinksToOurPageForIt() throws Exception {
        var finance1 = new Webapp();
        assertThat(finance1.login("tasklist", "finance1", Api.PASSWORD).statusCode()).isEqualTo(200);

        var response = finance1.send("GET", ENGINE + "/task?maxResults=10000", null);
        var listed = taskIds(response);
        String financeTask = taskOf(bdcInFinanceReview, "Task_FinanceReview");
        assertThat(listed).contains(financeTask)
                .doesNotContain(taskOf(bdcInDeptReview, "Task_DeptReview"),
                        taskOf(eduInDeptReview, "Task_DeptReview"));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                tasksOf(Flows.ids(api.as("finance1").get("/api/tasks?size=500")), "Task_FinanceReview"));

        var form = finance1.send("GET", ENGINE + "/task/" + financeTask + "/form", null);
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        assertThat(JSON.readTree(form.body()).path("key").asText()).isEqualTo("/declarations/" + bdcInFinanceReview);
        var task = JSON.readTree(finance1.send("GET", ENGINE + "/task/" + financeTask, null).body());
        assertThat(task.path("formKey").asText()).isEqualTo("/declarations/" + bdcInFinanceReview);
    }

    @Test
    void filersOpenNoWebappAndAWrongPasswordIsRefused() throws Exception {
        assertThat(new Webapp().login("cockpit", "filer1", Api.PASSWORD).statusCode()).isEqualTo(403);
        assertThat(new Webapp().login("tasklist", "filer1", Api.PASSWORD).statusCode()).isEqualTo(403);
        assertThat(new Webapp().login("tasklist", "dept1", "wrong-" + Api.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(new Webapp().login("tasklist", "nobody", Api.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(new Webapp().login("cockpit", "dept1", Api.PASSWORD).statusCode()).as("reviewers: Tasklist only")
                .isEqualTo(403);
        assertThat(new Webapp().login("cockpit", "auditor1", Api.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(new Webapp().login("tasklist", "auditor1", Api.PASSWORD).statusCode()).isEqualTo(403);
    }

    @Test
    void adminSeesOurUsersAndGroupsInAdminAndNobodyStartsTheProcessFromAWebapp() throws Exception {
        var admin = new Webapp();
        assertThat(admin.login("admin", "admin", Api.PASSWORD).statusCode()).isEqualTo(200);
        var groups = JSON.readTree(admin.send("GET", ENGINE + "/group?member=dept1", null).body());
        assertThat(groups.findValuesAsText("id")).containsExactlyInAnyOrder("dept-reviewers", "dept-reviewers-HP-BDC");
        var user = JSON.readTree(admin.send("GET", ENGINE + "/user/dept1/profile", null).body());
        assertThat(user.path("firstName").asText()).isEqualTo("王主管");
        var members = JSON.readTree(admin.send("GET", ENGINE + "/user?memberOfGroup=dept-reviewers-HP-EDU", null).body());
        assertThat(members.findValuesAsText("id")).containsExactly("dept2");

        var dept1 = new Webapp();
        dept1.login("tasklist", "dept1", Api.PASSWORD);
        for (var webapp : List.of(admin, dept1)) {
            long before = runtime.createProcessInstanceQuery().processDefinitionKey("DeclarationApproval").count();
            for (String start : List.of("/start", "/submit-form")) {
                var refused = webapp.send("POST", ENGINE + "/process-definition/key/DeclarationApproval" + start,
                        "{\"businessKey\":\"HP-BDC-2020-dept-overall-1\",\"variables\":{}}");
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
                assertThat(refused.headers().firstValue("Content-Type")).get().asString()
                        .startsWith("application/problem+json");
                assertThat(JSON.readTree(refused.body()).path("detail").asText()).contains("只能查看", "已拒绝");
            }
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("DeclarationApproval").count())
                    .isEqualTo(before);
        }
    }

    @Test
    void businessKeysSayDepartmentYearFormAndId() {
        var approval = runtime.createProcessInstanceQuery().processDefinitionKey("DeclarationApproval")
                .variableValueEquals("declarationId", eduInDeptReview).singleResult();
        assertThat(approval.getBusinessKey()).isEqualTo("HP-EDU-2020-dept-overall-" + eduInDeptReview);
        var deadline = history.createHistoricProcessInstanceQuery().processDefinitionKey(SubmissionDeadlineProcess.KEY)
                .variableValueEquals("declarationId", bdcInDeptReview).singleResult();
        assertThat(deadline.getBusinessKey()).isEqualTo("HP-BDC-2020-dept-overall-" + bdcInDeptReview);
    }

    @Test
    void instancesStartedBeforeKeepTheirBareIdAsKeyAndStillWork() {
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey("DeclarationApproval")
                .variableValueEquals("declarationId", eduInDeptReview).singleResult().getId();
        // As an instance started before business keys said what they are: the key is the bare id.
        jdbc.update("update ACT_RU_EXECUTION set BUSINESS_KEY_ = ? where PROC_INST_ID_ = ? and BUSINESS_KEY_ is not null",
                Long.toString(eduInDeptReview), instance);
        jdbc.update("update ACT_HI_PROCINST set BUSINESS_KEY_ = ? where PROC_INST_ID_ = ?",
                Long.toString(eduInDeptReview), instance);

        var waiting = api.as("dept2").get("/api/tasks");
        assertThat(waiting.status()).as(waiting.text()).isEqualTo(200);
        var listed = new ArrayList<String>();
        waiting.body().forEach(t -> {
            if (t.path("id").asLong() == eduInDeptReview) {
                listed.add(t.path("task").path("taskKey").asText());
            }
        });
        assertThat(listed).containsExactly("Task_DeptReview");
        var timeline = api.as("filer2").get("/api/declarations/" + eduInDeptReview + "/history");
        assertThat(timeline.status()).as(timeline.text()).isEqualTo(200);
        assertThat(timeline.text()).contains("Task_DeptReview");

        var approved = Flows.approve(api, "dept2", eduInDeptReview);
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.body().path("status").asText()).isEqualTo("FINANCE_REVIEW");
    }

    private String taskOf(long declarationId, String taskKey) {
        var task = tasks.createTaskQuery().processVariableValueEquals("declarationId",
                declarationId).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("task " + taskKey + " of declaration " + declarationId).isNotNull();
        return task.getId();
    }

    private List<String> tasksOf(List<Long> declarationIds, String taskKey) {
        List<String> ids = new ArrayList<>();
        declarationIds.forEach(id -> ids.add(taskOf(id, taskKey)));
        return ids;
    }

    private static Set<String> taskIds(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Set<String> ids = new HashSet<>();
        JSON.readTree(response.body()).forEach(task -> ids.add(task.path("id").asText()));
        return ids;
    }

    @Test
    void aWebappSessionOfAUserDisabledSinceEndsWithTheNextCall() throws Exception {
        String username = "w" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String password = "Webapp-" + java.util.UUID.randomUUID();
        var created = api.as("admin").post("/api/admin/users", java.util.Map.of("username", username, "name", "网页应用测试",
                "unit", "HP-EDU", "roles", List.of("DEPT_REVIEWER"), "password", password));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        var webapp = new Webapp();
        assertThat(webapp.login("tasklist", username, password).statusCode()).isEqualTo(200);
        assertThat(webapp.send("GET", ENGINE + "/task?maxResults=10", null).statusCode()).isEqualTo(200);

        api.as("admin").put("/api/admin/users/" + username, java.util.Map.of("name", "网页应用测试", "unit", "HP-EDU",
                "roles", List.of("DEPT_REVIEWER"), "enabled", false), null);

        var refused = webapp.send("GET", ENGINE + "/task?maxResults=10", null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(new Webapp().login("tasklist", username, password).statusCode()).isNotEqualTo(200);
    }

    /** A browser session of the Camunda webapps: cookies, and the CSRF token the webapps hand out and expect back. */
    private final class Webapp {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private String csrfToken;

        HttpResponse<String> login(String app, String username, String password) throws Exception {
            var page = send("GET", "/camunda/app/" + app + "/default/", null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(csrfToken).as("CSRF token of the webapps").isNotBlank();
            var form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return exchange(request("/camunda/api/admin/auth/user/default/login/" + app)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }

        HttpResponse<String> send(String method, String path, String json) throws Exception {
            return exchange(request(path).header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json)).build());
        }

        private HttpRequest.Builder request(String path) {
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
