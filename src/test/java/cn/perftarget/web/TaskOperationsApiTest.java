package cn.perftarget.web;

import static cn.perftarget.web.Flows.errorPaths;
import static cn.perftarget.web.Flows.path;
import static cn.perftarget.web.Flows.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * 转办, 加签 and 退回到指定环节 on a review step, each with its authorisation matrix (an eligible reviewer of the step,
 * a reviewer who sees it but does not decide the step, the filer, an auditor) and its audit event. HP-EDU's 财政 step
 * has two eligible reviewers: finance2 (教科文科, 归口 HP-EDU) and finance1 (绩效科).
 */
@ApplicationTest
class TaskOperationsApiTest {

    @Autowired
    Api api;

    private long inFinanceReview() {
        return Fixtures.inFinanceReview(api, "filer2", "dept2");
    }

    @Test
    void handOverGoesToAnotherEligibleReviewerWhoAloneDecidesThenAndIsAudited() {
        long id = inFinanceReview();
        for (String user : List.of("dept2", "filer2", "auditor1")) {
            problem(api.as(user).post(path(id, "handover"), Map.of("to", "finance1")), 403);
        }
        assertThat(errorPaths(problem(api.as("finance2").post(path(id, "handover"), Map.of("to", "dept2")), 400)))
                .containsExactly("/to");
        assertThat(errorPaths(problem(api.as("finance2").post(path(id, "handover"), Map.of("to", "nobody")), 400)))
                .containsExactly("/to");

        var handed = api.as("finance2").post(path(id, "handover"), Map.of("to", "finance1", "comment", "请绩效科办理"));
        assertThat(handed.status()).as(handed.text()).isEqualTo(200);
        assertThat(audited(id, "HANDED_OVER")).isEqualTo(1);
        problem(api.as("finance2").post(path(id, "decision"), Map.of("outcome", "approve", "grade", "优")), 403);
        var decided = api.as("finance1").post(path(id, "decision"), Map.of("outcome", "approve", "grade", "优"));
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        assertThat(decided.body().path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void consultationAsksAnotherReviewerFirstWhoseOpinionTheAskerSeesBeforeDeciding() {
        long id = inFinanceReview();
        for (String user : List.of("dept2", "filer2", "auditor1")) {
            problem(api.as(user).post(path(id, "consultation"), Map.of("to", "finance1")), 403);
        }
        var asked = api.as("finance2").post(path(id, "consultation"), Map.of("to", "finance1", "comment", "请提意见"));
        assertThat(asked.status()).as(asked.text()).isEqualTo(200);
        assertThat(audited(id, "CONSULTED")).isEqualTo(1);

        problem(api.as("finance2").post(path(id, "decision"), Map.of("outcome", "approve", "grade", "优")), 409);
        assertThat(api.as("finance1").get(path(id, "review-step")).body().path("turn").asText()).isEqualTo("ANSWER");
        for (String user : List.of("finance2", "dept2", "filer2", "auditor1")) {
            problem(api.as(user).post(path(id, "consultation/answer"), Map.of("comment", "同意")), 403);
        }
        assertThat(errorPaths(problem(api.as("finance1").post(path(id, "consultation/answer"), Map.of("comment", " ")),
                400))).containsExactly("/comment");
        var answered = api.as("finance1").post(path(id, "consultation/answer"), Map.of("comment", "指标可行，建议通过"));
        assertThat(answered.status()).as(answered.text()).isEqualTo(200);
        assertThat(audited(id, "CONSULTATION_ANSWERED")).isEqualTo(1);

        var opinions = api.as("finance2").get(path(id, "decisions")).body();
        assertThat(opinions.findValuesAsText("outcome")).contains("opinion");
        assertThat(opinions.findValuesAsText("comment")).contains("指标可行，建议通过");
        assertThat(api.as("finance2").get(path(id, "review-step")).body().path("turn").asText()).isEqualTo("DECIDE");
        var decided = api.as("finance2").post(path(id, "decision"), Map.of("outcome", "approve", "grade", "良"));
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
    }

    @Test
    void returnToAnEarlierStepTheDeclarationPassedIsAuditedAndLandsInThatStepsInbox() {
        long id = inFinanceReview();
        var step = api.as("finance2").get(path(id, "review-step")).body();
        assertThat(step.path("returnTargets").findValuesAsText("status")).containsExactly("DEPT_REVIEW");
        Map<String, Object> back = Map.of("outcome", "return", "comment", "请主管部门复核", "returnTo", "DEPT_REVIEW");
        for (String user : List.of("dept2", "filer2", "auditor1")) {
            problem(api.as(user).post(path(id, "decision"), back), 403);
        }
        assertThat(errorPaths(problem(api.as("finance2").post(path(id, "decision"), Map.of("outcome", "return",
                "comment", "x", "returnTo", "EXPERT_REVIEW")), 400))).containsExactly("/returnTo");

        var returned = api.as("finance2").post(path(id, "decision"), back);
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);
        assertThat(returned.body().path("status").asText()).isEqualTo("DEPT_REVIEW");
        assertThat(audited(id, "RETURNED_TO_STEP")).isEqualTo(1);
        assertThat(Flows.ids(api.as("dept2").get("/api/tasks?size=500"))).contains(id);
        assertThat(Flows.approve(api, "dept2", id).status()).isEqualTo(200);
        assertThat(Flows.statusOf(api, "filer2", id)).isEqualTo("FINANCE_REVIEW");
    }

    @Test
    void aModelMayForbidReturningToEarlierSteps() {
        var deployed = api.as("admin").send("POST", "/api/admin/processes?name=FourLevelApproval.bpmn",
                model("FourLevel-no-return.bpmn"),
                Map.of("Content-Type", "application/xml"));
        assertThat(deployed.status()).as(deployed.text()).isIn(200, 201);
        long id = Fixtures.submitted(api, "filer2", "four-level-test", 2019);
        assertThat(Flows.approve(api, "dept2", id).status()).isEqualTo(200);
        assertThat(api.as("expert1").get(path(id, "review-step")).body().path("returnTargets").size()).isZero();
        assertThat(errorPaths(problem(api.as("expert1").post(path(id, "decision"), Map.of("outcome", "return",
                "comment", "退回主管部门", "returnTo", "DEPT_REVIEW")), 400))).containsExactly("/returnTo");
        assertThat(Flows.statusOf(api, "filer2", id)).isEqualTo("THIRD_PARTY_REVIEW");
    }

    private static String model(String file) {
        try (var in = TaskOperationsApiTest.class.getResourceAsStream("/cn/perftarget/process/" + file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long audited(long id, String action) {
        var history = api.as("auditor1").get(path(id, "history")).body();
        return history.findValuesAsText("action").stream().filter(action::equals).count();
    }
}
