package cn.perftarget.audit;

import static cn.perftarget.audit.Steps.decide;
import static cn.perftarget.audit.Steps.ok;
import static cn.perftarget.audit.Steps.path;
import static cn.perftarget.audit.Steps.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * GET /api/declarations/{id}/history: the audit trail of the declaration and the engine's activities in one
 * timeline, oldest first, for its department, the reviewers and the auditors.
 */
@ApplicationTest
class DeclarationHistoryApiTest {

    @Autowired
    Api api;
    @Autowired
    AuditTrail audit;

    /** Returned by dept1 with a comment, corrected, resubmitted, approved by dept1 and by finance1 with grade 优. */
    private long reviewed() {
        long id = Steps.returnedAndSavedAgain(api);
        ok(api.as("filer1").post(path(id, "submission")));
        decide(api, "dept1", id, Map.of("outcome", "approve"));
        decide(api, "finance1", id, Map.of("outcome", "approve", "grade", "优"));
        return id;
    }

    private List<JsonNode> history(String user, long id) {
        var got = api.as(user).get(path(id, "history"));
        ok(got);
        assertThat(got.contentType()).startsWith("application/json");
        return Steps.list(got.body());
    }

    private static List<JsonNode> from(List<JsonNode> timeline, String source) {
        return timeline.stream().filter(e -> e.path("source").asText().equals(source)).toList();
    }

    private static List<JsonNode> activities(List<JsonNode> timeline, String activityId) {
        return from(timeline, "engine").stream().filter(e -> e.path("activityId").asText().equals(activityId)).toList();
    }

    @Test
    void timelineIsSortedByTimeAndHoldsOnlyAuditAndEngineEntries() {
        var timeline = history("auditor1", reviewed());

        assertThat(timeline).extracting(e -> e.path("source").asText()).containsOnly("audit", "engine");
        var times = timeline.stream().map(e -> Instant.parse(e.path("time").asText())).toList();
        assertThat(times).isSorted();
        assertThat(from(timeline, "audit")).isNotEmpty();
        assertThat(from(timeline, "engine")).isNotEmpty();
    }

    @Test
    void auditEntriesAreTheDeclarationsAuditTrailWithActorStatusesCommentGradeAndRevision() {
        long id = reviewed();
        var entries = from(history("auditor1", id), "audit");

        assertThat(entries).extracting(e -> e.path("action").asText(), e -> e.path("actor").asText(),
                        e -> e.path("fromStatus").asText(null), e -> e.path("toStatus").asText(), e -> e.path("revision").asInt())
                .containsExactly(
                        tuple("CREATED", "filer1", null, "DRAFT", 1),
                        tuple("OVERDUE", "system", "DRAFT", "DRAFT", 1),
                        tuple("SAVED", "filer1", "DRAFT", "DRAFT", 2),
                        tuple("SUBMITTED", "filer1", "DRAFT", "DEPT_REVIEW", 2),
                        tuple("RETURNED", "dept1", "DEPT_REVIEW", "RETURNED", 2),
                        tuple("SAVED", "filer1", "RETURNED", "RETURNED", 3),
                        tuple("SUBMITTED", "filer1", "RETURNED", "DEPT_REVIEW", 3),
                        tuple("APPROVED", "dept1", "DEPT_REVIEW", "FINANCE_REVIEW", 3),
                        tuple("APPROVED", "finance1", "FINANCE_REVIEW", "APPROVED", 3));
        assertThat(entries).extracting(e -> e.path("event").asLong())
                .containsExactlyElementsOf(audit.historyOf(id).stream().map(AuditRecord::id).toList());
        assertThat(entries).extracting(e -> e.path("role").asText()).containsExactly("FILER", "SYSTEM", "FILER", "FILER",
                "DEPT_REVIEWER", "FILER", "FILER", "DEPT_REVIEWER", "FINANCE_REVIEWER");
        assertThat(entries.get(4).path("comment").asText()).isEqualTo("联系电话请加区号");
        assertThat(entries.get(4).path("details").asText()).contains("/header/phone");
        assertThat(entries.get(8).path("grade").asText()).isEqualTo("优");
        assertThat(entries.get(8).has("comment")).isFalse();
        assertThat(entries.get(7).has("grade")).isFalse();
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.path("actionLabel").asText()).isNotBlank();
            assertThat(e.has("activityId")).isFalse();
        });
    }

    @Test
    void engineEntriesNameTheActivityAndGiveEndAndDurationOfCompletedTasks() {
        var timeline = history("auditor1", reviewed());
        var engine = from(timeline, "engine");

        assertThat(engine).allSatisfy(e -> {
            assertThat(e.path("activityId").asText()).isNotBlank();
            assertThat(e.path("activityType").asText()).isNotBlank();
            assertThat(e.path("action").asText()).isEqualTo("ACTIVITY");
            assertThat(e.path("actor").asText(null)).isEqualTo(e.path("assignee").asText(null));
        });
        assertThat(activities(timeline, "Task_FillIn")).hasSize(2)
                .allSatisfy(fillIn -> assertThat(fillIn.path("assignee").asText(null)).isEqualTo("filer1"));
        var deptReviews = activities(timeline, "Task_DeptReview");
        assertThat(deptReviews).hasSize(2);
        assertThat(activities(timeline, "Task_FinanceReview")).hasSize(1);
        assertThat(activities(timeline, "EndEvent_Approved")).hasSize(1);
        for (var task : List.of(deptReviews.get(0), deptReviews.get(1), activities(timeline, "Task_FinanceReview").get(0))) {
            assertThat(task.path("activityType").asText()).isEqualTo("userTask");
            assertThat(task.path("activityName").asText()).isNotBlank();
            var start = Instant.parse(task.path("time").asText());
            var end = Instant.parse(task.path("end").asText());
            assertThat(end).isAfterOrEqualTo(start);
            assertThat(task.path("durationMs").asLong()).isEqualTo(Duration.between(start, end).toMillis());
            // Each task is assigned to the person who completes it, so the engine's history names them.
            assertThat(task.path("assignee").asText(null))
                    .isEqualTo(task.path("activityId").asText().equals("Task_DeptReview") ? "dept1" : "finance1");
        }
    }

    @Test
    void openReviewTaskHasNeitherEndNorDuration() {
        long id = Fixtures.inDeptReview(api, "filer1");
        var timeline = history("dept1", id);

        var deptReview = activities(timeline, "Task_DeptReview");
        assertThat(deptReview).hasSize(1);
        assertThat(deptReview.get(0).has("end")).isFalse();
        assertThat(deptReview.get(0).has("durationMs")).isFalse();
        assertThat(activities(timeline, "Task_FillIn").get(0).path("end").asText()).isNotBlank();
        assertThat(from(timeline, "audit")).extracting(e -> e.path("action").asText())
                .containsExactly("CREATED", "OVERDUE", "SAVED", "SUBMITTED");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"filer1", "dept1", "finance1", "auditor1"})
    void departmentReviewersAndAuditorsSeeTheSameTimeline(String user) {
        long id = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var timeline = history(user, id);

        assertThat(from(timeline, "audit")).extracting(e -> e.path("action").asText())
                .containsExactly("CREATED", "OVERDUE", "SAVED", "SUBMITTED", "APPROVED");
        assertThat(timeline).isEqualTo(history("auditor1", id));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"filer2", "dept2", "finance2", "filer3", "expert1"})
    void anotherDepartmentGetsNotFound(String user) {
        long id = Fixtures.inFinanceReview(api, "filer1", "dept1");

        var body = problem(api.as(user).get(path(id, "history")), 404);

        assertThat(body.toString()).doesNotContain("filer1", "CREATED");
    }

    @Test
    void unknownDeclarationIsNotFound() {
        problem(api.as("auditor1").get(path(Long.MAX_VALUE, "history")), 404);
    }
}
