package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * A bureau changes its review chain without Java: an administrator deploys a model through the API (the test
 * template {@code chain-test} names the process {@code BureauReview}), then a version 2 with a step no Java knows
 * (第三方机构评审, status THIRD_PARTY_REVIEW, reviewers role:EXPERT). A declaration submitted before finishes on
 * version 1; a new one runs through the new step, and the status, the inboxes, the decision panel, the history,
 * the dashboard column and the print approval block all follow the model.
 */
@ApplicationTest
class ReviewChainDeploymentTest {

    static final String FORM = "chain-test";

    @Autowired
    Api api;
    @LocalServerPort
    int port;

    static String model(String file) {
        try (var in = ReviewChainDeploymentTest.class.getResourceAsStream("/cn/perftarget/process/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Api.Response deploy(Api api, String user, String file, String xml) {
        return api.as(user).send("POST", "/api/admin/processes?name=" + file, xml,
                Map.of("Content-Type", "application/xml"));
    }

    @Test
    void aDeployedStepNoJavaKnowsDrivesStatusInboxesPanelHistoryDashboardAndPrint() {
        var v1 = deploy(api, "admin", "BureauReview.bpmn", model("BureauReview-v1.bpmn"));
        assertThat(v1.status()).as(v1.text()).isIn(200, 201);
        long before = Fixtures.submitted(api, "filer1", FORM, 2019);
        assertThat(status(before)).isEqualTo("DEPT_REVIEW");

        var v2 = deploy(api, "admin", "BureauReview.bpmn", model("BureauReview-v2.bpmn"));
        assertThat(v2.status()).as(v2.text()).isEqualTo(201);
        assertThat(v2.body().path("version").asInt()).isEqualTo(v1.body().path("version").asInt() + 1);
        var listed = api.as("admin").get("/api/admin/processes");
        var bureau = find(listed.body(), "BureauReview");
        assertThat(bureau.path("templates").toString()).contains(FORM);
        assertThat(bureau.path("versions").get(1).path("declarations").toString()).contains(Long.toString(before));

        long after = Fixtures.submitted(api, "filer1", FORM, 2020);
        approve("dept1", after, null);
        var current = api.as("filer1").get("/api/declarations/" + after).body();
        assertThat(current.path("status").asText()).isEqualTo("THIRD_PARTY_REVIEW");
        assertThat(current.path("statusLabel").asText()).isEqualTo("第三方机构评审中");

        assertThat(taskIds("expert1")).contains(after);
        for (String other : List.of("dept1", "finance1", "finance2", "dept2")) {
            assertThat(taskIds(other)).as(other + "'s inbox").doesNotContain(after);
        }
        var step = api.as("expert1").get("/api/declarations/" + after + "/review-step").body();
        assertThat(step.path("label").asText()).isEqualTo("第三方机构评审");
        assertThat(step.path("reviewers").asText()).isEqualTo("role:EXPERT");
        assertThat(step.path("outcomes").toString()).isEqualTo("[\"approve\",\"return\"]");
        assertThat(step.path("turn").asText()).isEqualTo("DECIDE");
        assertThat(api.as("finance1").get("/api/declarations/" + after + "/review-step").body().path("turn").asText())
                .isEqualTo("NONE");
        var reject = api.as("expert1").post("/api/declarations/" + after + "/decision",
                Map.of("outcome", "reject", "comment", "不行"));
        assertThat(reject.status()).as("the step allows approve and return only").isEqualTo(400);
        var financeTooEarly = api.as("finance1").post("/api/declarations/" + after + "/decision",
                Map.of("outcome", "approve", "grade", "优"));
        assertThat(financeTooEarly.status()).isEqualTo(403);

        var page = new PageSession(port);
        page.login("expert1", Api.PASSWORD);
        String form = page.get("/declarations/" + after).body();
        assertThat(form).contains("第三方机构评审中").contains("id=\"approve\"").contains("id=\"return\"")
                .doesNotContain("id=\"reject\"").doesNotContain("name=\"grade\"");

        approve("expert1", after, null);
        assertThat(status(after)).isEqualTo("FINANCE_REVIEW");
        approve("finance1", after, "良");
        assertThat(status(after)).isEqualTo("APPROVED");

        var history = api.as("auditor1").get("/api/declarations/" + after + "/history").body();
        assertThat(history.findValuesAsText("toStatus")).contains("THIRD_PARTY_REVIEW");
        assertThat(history.findValuesAsText("activityName")).contains("第三方机构评审");

        approve("dept1", before, null);
        assertThat(status(before)).as("submitted on version 1: no 第三方机构评审").isEqualTo("FINANCE_REVIEW");
        approve("finance1", before, "优");
        assertThat(status(before)).isEqualTo("APPROVED");

        var finance = new PageSession(port);
        finance.login("finance1", Api.PASSWORD);
        assertThat(finance.get("/dashboard?year=2020").body()).contains("第三方机构评审中");
        assertThat(finance.get("/declarations/" + after + "/print").body()).contains("第三方机构评审意见")
                .contains("主管部门审核意见").contains("财政审核意见");
        assertThat(finance.get("/declarations/" + before + "/print").body()).doesNotContain("第三方机构评审意见");
    }

    private void approve(String reviewer, long id, String grade) {
        var decision = grade == null ? Map.of("outcome", "approve") : Map.of("outcome", "approve", "grade", grade);
        var decided = api.as(reviewer).post("/api/declarations/" + id + "/decision", decision);
        assertThat(decided.status()).as(reviewer + ": " + decided.text()).isEqualTo(200);
    }

    private String status(long id) {
        return api.as("auditor1").get("/api/declarations/" + id).body().path("status").asText();
    }

    private List<Long> taskIds(String reviewer) {
        var tasks = api.as(reviewer).get("/api/tasks?size=500");
        List<Long> ids = new ArrayList<>();
        if (tasks.status() == 200) {
            tasks.body().forEach(t -> ids.add(t.path("id").asLong()));
        }
        return ids;
    }

    static JsonNode find(JsonNode processes, String key) {
        for (JsonNode process : processes) {
            if (process.path("key").asText().equals(key)) {
                return process;
            }
        }
        throw new AssertionError("no process " + key + " in " + processes);
    }
}
