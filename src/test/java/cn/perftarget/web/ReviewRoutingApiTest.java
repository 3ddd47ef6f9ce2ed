package cn.perftarget.web;

import static cn.perftarget.web.Flows.approve;
import static cn.perftarget.web.Flows.current;
import static cn.perftarget.web.Flows.decide;
import static cn.perftarget.web.Flows.ids;
import static cn.perftarget.web.Flows.path;
import static cn.perftarget.web.Flows.problem;
import static cn.perftarget.web.Flows.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * After 财政 approves, ExpertReviewRouting.dmn sends a declaration with a total budget of 500 万元 or more to
 * 专家评审 (expert1); smaller ones are approved at once and never reach an expert.
 */
@ApplicationTest
class ReviewRoutingApiTest {

    @Autowired
    Api api;

    @Test
    void largeBudgetGoesToExpertReviewAndIsApprovedByTheExpert() {
        long id = inFinanceReview(withBudget("600"));
        assertThat(taskIds("expert1")).doesNotContain(id);
        assertThat(api.as("expert1").get(path(id)).status()).as("not yet routed to experts").isEqualTo(404);

        var financeApproved = decide(api, "finance1", id, Map.of("outcome", "approve", "grade", "优"));
        assertThat(financeApproved.status()).as(financeApproved.text()).isEqualTo(200);
        assertThat(financeApproved.body().path("status").asText()).isEqualTo("EXPERT_REVIEW");
        assertThat(financeApproved.body().path("approvedRevision").isNull()).isTrue();
        assertThat(statusOf(api, "filer1", id)).isEqualTo("EXPERT_REVIEW");
        assertThat(api.as("expert1").get(path(id)).status()).as("routed to experts").isEqualTo(200);

        var expertTasks = api.as("expert1").get("/api/tasks");
        assertThat(ids(expertTasks)).contains(id);
        var task = taskOf(expertTasks.body(), id);
        assertThat(task.path("status").asText()).isEqualTo("EXPERT_REVIEW");
        assertThat(task.at("/task/taskKey").asText()).isEqualTo("Task_ExpertReview");
        assertThat(task.at("/task/name").asText()).isEqualTo("专家评审");
        assertThat(taskIds("finance1")).doesNotContain(id);
        assertThat(taskIds("dept1")).doesNotContain(id);

        var expertApproved = approve(api, "expert1", id);
        assertThat(expertApproved.status()).as(expertApproved.text()).isEqualTo(200);
        assertThat(expertApproved.body().path("status").asText()).isEqualTo("APPROVED");
        var approved = current(api, "filer1", id);
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("approvedRevision").asInt()).isEqualTo(approved.path("revision").asInt()).isEqualTo(2);
        assertThat(taskIds("expert1")).doesNotContain(id);

        var history = api.as("auditor1").get(path(id, "history"));
        assertThat(history.status()).as(history.text()).isEqualTo(200);
        assertThat(history.body()).filteredOn(e -> e.path("action").asText().equals("APPROVED"))
                .extracting(e -> e.path("actor").asText() + ":" + e.path("fromStatus").asText() + "→"
                        + e.path("toStatus").asText())
                .containsExactly("dept1:DEPT_REVIEW→FINANCE_REVIEW", "finance1:FINANCE_REVIEW→EXPERT_REVIEW",
                        "expert1:EXPERT_REVIEW→APPROVED");
    }

    @Test
    void expertReturnWithCommentMakesTheDeclarationEditableAgain() {
        long id = inExpertReview();
        var returned = decide(api, "expert1", id, Map.of("outcome", "return", "comment", "项目资金测算依据不足，请补充"));
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);
        assertThat(returned.body().path("status").asText()).isEqualTo("RETURNED");
        assertThat(taskIds("expert1")).doesNotContain(id);

        var decisions = api.as("filer1").get(path(id, "decisions"));
        assertThat(decisions.status()).as(decisions.text()).isEqualTo(200);
        var last = decisions.body().get(decisions.body().size() - 1);
        assertThat(last.path("step").asText()).isEqualTo("EXPERT_REVIEW");
        assertThat(last.path("reviewer").asText()).isEqualTo("expert1");
        assertThat(last.path("outcome").asText()).isEqualTo("return");
        assertThat(last.path("comment").asText()).isEqualTo("项目资金测算依据不足，请补充");

        var document = (ObjectNode) current(api, "filer1", id).path("document");
        ((ObjectNode) document.path("header")).put("phone", "027-85916419");
        var saved = api.as("filer1").put(path(id, "document"), document, "\"2\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(saved.body().path("revision").asInt()).isEqualTo(3);
    }

    @Test
    void expertReturnWithoutCommentIsBadRequestAndKeepsTheExpertReview() {
        long id = inExpertReview();
        var body = problem(decide(api, "expert1", id, Map.of("outcome", "return")), 400);
        assertThat(Flows.errorPaths(body)).containsExactly("/comment");
        assertThat(statusOf(api, "filer1", id)).isEqualTo("EXPERT_REVIEW");
        assertThat(taskIds("expert1")).contains(id);
    }

    @Test
    void expertMayNeitherRejectNorGrade() {
        long id = inExpertReview();
        assertThat(Flows.errorPaths(problem(decide(api, "expert1", id,
                Map.of("outcome", "reject", "comment", "不予安排")), 400))).containsExactly("/outcome");
        assertThat(Flows.errorPaths(problem(decide(api, "expert1", id,
                Map.of("outcome", "approve", "grade", "优")), 400))).containsExactly("/grade");
        assertThat(statusOf(api, "filer1", id)).isEqualTo("EXPERT_REVIEW");
    }

    @Test
    void financeAndDepartmentDecidingAtExpertReviewAreForbidden() {
        long id = inExpertReview();
        problem(approve(api, "finance1", id), 403);
        problem(decide(api, "finance1", id, Map.of("outcome", "approve", "grade", "优")), 403);
        problem(decide(api, "finance1", id, Map.of("outcome", "return", "comment", "请补充")), 403);
        problem(approve(api, "dept1", id), 403);
        problem(decide(api, "dept1", id, Map.of("outcome", "return", "comment", "请补充")), 403);

        assertThat(statusOf(api, "filer1", id)).isEqualTo("EXPERT_REVIEW");
        var decisions = api.as("auditor1").get(path(id, "decisions"));
        assertThat(decisions.body().findValuesAsText("reviewer")).containsExactly("dept1", "finance1");
        assertThat(taskIds("expert1")).contains(id);
    }

    @Test
    void smallBudgetIsApprovedAfterFinanceAndNeverReachesTheExpert() {
        var document = Fixtures.validDocument();
        assertThat(document.at("/funds/income/total/budget").decimalValue()).isEqualByComparingTo("242.98");
        long id = inFinanceReview(document);
        assertThat(taskIds("expert1")).doesNotContain(id);

        var approved = decide(api, "finance1", id, Map.of("outcome", "approve", "grade", "良"));
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.body().path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.body().path("approvedRevision").asInt()).isEqualTo(2);
        assertThat(taskIds("expert1")).doesNotContain(id);
        problem(approve(api, "expert1", id), 404);

        var history = api.as("auditor1").get(path(id, "history"));
        assertThat(history.body().findValuesAsText("toStatus")).doesNotContain("EXPERT_REVIEW");
        assertThat(history.body().findValuesAsText("actor")).doesNotContain("expert1");
    }

    /** The DMN's threshold is inclusive: 500 万元 exactly goes to the expert, a yuan less does not. */
    @ParameterizedTest(name = "{0} 万元 → {1}")
    @CsvSource({"500, EXPERT_REVIEW", "499.9999, APPROVED", "500.0001, EXPERT_REVIEW"})
    void thresholdOfFiveMillionYuanDecidesTheRoute(String budget, String afterFinance) {
        long id = inFinanceReview(withBudget(budget));
        var decided = decide(api, "finance1", id, Map.of("outcome", "approve", "grade", "优"));
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        assertThat(decided.body().path("status").asText()).isEqualTo(afterFinance);
        if (afterFinance.equals("EXPERT_REVIEW")) {
            assertThat(taskIds("expert1")).contains(id);
        } else {
            assertThat(taskIds("expert1")).doesNotContain(id);
        }
    }

    /** The corrected sample with every amount of its funds table (all of which equal the total) set to this. */
    private static ObjectNode withBudget(String amount) {
        var document = Fixtures.validDocument();
        var value = new BigDecimal(amount);
        for (String row : new String[] {"/funds/income/fiscal", "/funds/income/total", "/funds/expenditure/project",
                "/funds/expenditure/total"}) {
            ((ObjectNode) document.at(row)).put("budget", value);
        }
        return document;
    }

    private long inFinanceReview(ObjectNode document) {
        long id = Fixtures.createDraft(api, "filer1");
        var saved = api.as("filer1").put(path(id, "document"), document, "\"1\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        var submitted = api.as("filer1").post(path(id, "submission"));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        assertThat(submitted.body().path("status").asText()).isEqualTo("DEPT_REVIEW");
        var deptApproved = approve(api, "dept1", id);
        assertThat(deptApproved.status()).as(deptApproved.text()).isEqualTo(200);
        assertThat(deptApproved.body().path("status").asText()).isEqualTo("FINANCE_REVIEW");
        return id;
    }

    private long inExpertReview() {
        long id = inFinanceReview(withBudget("600"));
        var decided = decide(api, "finance1", id, Map.of("outcome", "approve", "grade", "优"));
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        assertThat(decided.body().path("status").asText()).isEqualTo("EXPERT_REVIEW");
        return id;
    }

    private List<Long> taskIds(String reviewer) {
        return ids(api.as(reviewer).get("/api/tasks"));
    }

    private static JsonNode taskOf(JsonNode tasks, long id) {
        for (JsonNode task : tasks) {
            if (task.path("id").asLong() == id) {
                return task;
            }
        }
        throw new AssertionError("任务列表中没有申报表 " + id + "：" + tasks);
    }
}
