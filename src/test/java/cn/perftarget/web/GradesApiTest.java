package cn.perftarget.web;

import static cn.perftarget.web.Flows.current;
import static cn.perftarget.web.Flows.decide;
import static cn.perftarget.web.Flows.errorPaths;
import static cn.perftarget.web.Flows.ids;
import static cn.perftarget.web.Flows.path;
import static cn.perftarget.web.Flows.problem;
import static cn.perftarget.web.Flows.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * 财政's grade decides the outcome (财预〔2015〕88号): 优 and 良 are approved, 中 goes back for revision, 差 is
 * rejected. A grade that contradicts the outcome, a grade outside finance review and a return or rejection
 * without comment are refused with 400 and change nothing.
 */
@ApplicationTest
class GradesApiTest {

    @Autowired
    Api api;

    @Test
    void middleGradeWithReturnSendsItBackAndTheGradeIsRecorded() {
        long id = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var returned = decide(api, "finance1", id,
                Map.of("outcome", "return", "grade", "中", "comment", "绩效指标未细化量化，请修改"));
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);
        assertThat(returned.body().path("status").asText()).isEqualTo("RETURNED");
        assertThat(statusOf(api, "filer1", id)).isEqualTo("RETURNED");

        var decision = lastDecision(id);
        assertThat(decision.path("step").asText()).isEqualTo("FINANCE_REVIEW");
        assertThat(decision.path("reviewer").asText()).isEqualTo("finance1");
        assertThat(decision.path("outcome").asText()).isEqualTo("return");
        assertThat(decision.path("grade").asText()).isEqualTo("中");
        assertThat(decision.path("comment").asText()).isEqualTo("绩效指标未细化量化，请修改");

        var event = lastEvent(id);
        assertThat(event.path("action").asText()).isEqualTo("RETURNED");
        assertThat(event.path("actor").asText()).isEqualTo("finance1");
        assertThat(event.path("fromStatus").asText()).isEqualTo("FINANCE_REVIEW");
        assertThat(event.path("toStatus").asText()).isEqualTo("RETURNED");
        assertThat(event.path("grade").asText()).isEqualTo("中");
        assertThat(event.path("comment").asText()).isEqualTo("绩效指标未细化量化，请修改");

        var saved = api.as("filer1").put(path(id, "document"), Fixtures.validDocument(), "\"2\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    }

    @Test
    void poorGradeWithRejectIsFinal() {
        long id = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var rejected = decide(api, "finance1", id,
                Map.of("outcome", "reject", "grade", "差", "comment", "目标与部门职能不符，不予安排"));
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);
        assertThat(rejected.body().path("status").asText()).isEqualTo("REJECTED");
        assertThat(lastDecision(id).path("grade").asText()).isEqualTo("差");
        assertThat(lastEvent(id).path("action").asText()).isEqualTo("REJECTED");
        assertThat(lastEvent(id).path("grade").asText()).isEqualTo("差");

        problem(api.as("filer1").put(path(id, "document"), Fixtures.validDocument(), "\"2\""), 409);
        problem(api.as("filer1").post(path(id, "submission")), 409);
        problem(api.as("filer1").post(path(id, "withdrawal")), 409);
        problem(api.as("filer1").post(path(id, "adjustment")), 409);
        problem(decide(api, "finance1", id, Map.of("outcome", "approve", "grade", "优")), 409);
        var after = current(api, "filer1", id);
        assertThat(after.path("status").asText()).isEqualTo("REJECTED");
        assertThat(after.path("revision").asInt()).isEqualTo(2);
        assertThat(after.path("approvedRevision").isNull()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"优", "良"})
    void goodGradesWithApproveApprove(String grade) {
        long id = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var approved = decide(api, "finance1", id, Map.of("outcome", "approve", "grade", grade));
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.body().path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.body().path("approvedRevision").asInt()).isEqualTo(2);
        assertThat(lastDecision(id).path("grade").asText()).isEqualTo(grade);
        assertThat(lastEvent(id).path("grade").asText()).isEqualTo(grade);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({"中, approve", "差, approve", "优, return", "良, return", "差, return", "优, reject", "良, reject",
            "中, reject"})
    void gradeContradictingTheOutcomeIsBadRequestNamingGradeAndChangesNothing(String grade, String outcome) {
        long id = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var body = problem(decide(api, "finance1", id,
                Map.of("outcome", outcome, "grade", grade, "comment", "审核意见")), 400);
        assertThat(errorPaths(body)).containsExactly("/grade");
        assertThat(body.path("detail").asText()).contains(grade, cn.perftarget.declaration.ReviewRules.outcomeLabel(outcome));

        assertThat(statusOf(api, "filer1", id)).isEqualTo("FINANCE_REVIEW");
        assertThat(decisionsOf(id).findValuesAsText("reviewer")).containsExactly("dept1");
        assertThat(ids(api.as("finance1").get("/api/tasks"))).contains(id);
    }

    @Test
    void gradeAtDepartmentReviewIsBadRequest() {
        long id = Fixtures.inDeptReview(api, "filer1");
        var body = problem(decide(api, "dept1", id, Map.of("outcome", "approve", "grade", "优")), 400);
        assertThat(errorPaths(body)).containsExactly("/grade");
        assertThat(statusOf(api, "filer1", id)).isEqualTo("DEPT_REVIEW");
        assertThat(decisionsOf(id).size()).isZero();
    }

    @ParameterizedTest(name = "grade \"{0}\"")
    @ValueSource(strings = {"A", "优秀", "", "中差"})
    void gradeOutsideTheFourIsBadRequestNamingGrade(String grade) {
        long id = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var body = problem(decide(api, "finance1", id, Map.of("outcome", "approve", "grade", grade)), 400);
        assertThat(errorPaths(body)).containsExactly("/grade");
        assertThat(statusOf(api, "filer1", id)).isEqualTo("FINANCE_REVIEW");
    }

    @ParameterizedTest(name = "{0} {1} comment={2}")
    @CsvSource(nullValues = "null", value = {
            "dept1, return, , null", "dept1, return, , '   '",
            "finance1, return, 中, null", "finance1, reject, 差, null", "finance1, reject, 差, ''"})
    void returnOrRejectWithoutCommentIsBadRequestNamingComment(String reviewer, String outcome, String grade,
                                                               String comment) {
        long id = reviewer.equals("dept1") ? Fixtures.inDeptReview(api, "filer1")
                : Fixtures.inFinanceReview(api, "filer1", "dept1");
        String before = statusOf(api, "filer1", id);
        var decision = new HashMap<String, Object>();
        decision.put("outcome", outcome);
        if (grade != null) {
            decision.put("grade", grade);
        }
        if (comment != null) {
            decision.put("comment", comment);
        }
        var body = problem(decide(api, reviewer, id, decision), 400);
        assertThat(errorPaths(body)).containsExactly("/comment");
        assertThat(statusOf(api, "filer1", id)).isEqualTo(before);
        assertThat(decisionsOf(id).findValuesAsText("outcome")).doesNotContain(outcome);
    }

    private JsonNode decisionsOf(long id) {
        var decisions = api.as("filer1").get(path(id, "decisions"));
        assertThat(decisions.status()).as(decisions.text()).isEqualTo(200);
        return decisions.body();
    }

    private JsonNode lastDecision(long id) {
        var decisions = decisionsOf(id);
        assertThat(decisions.size()).isPositive();
        return decisions.get(decisions.size() - 1);
    }

    private JsonNode lastEvent(long id) {
        var history = api.as("filer1").get(path(id, "history"));
        assertThat(history.status()).as(history.text()).isEqualTo(200);
        return history.body().get(history.body().size() - 1);
    }
}
