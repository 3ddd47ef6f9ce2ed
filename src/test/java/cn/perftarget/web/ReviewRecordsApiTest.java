package cn.perftarget.web;

import static cn.perftarget.web.Flows.approve;
import static cn.perftarget.web.Flows.current;
import static cn.perftarget.web.Flows.decide;
import static cn.perftarget.web.Flows.errorPaths;
import static cn.perftarget.web.Flows.path;
import static cn.perftarget.web.Flows.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * What reviewers leave behind and what they see: decisions, comments keyed by field, the changes since one's own
 * last decision, the submission deadline of a declaration and the due date of a review task.
 */
@ApplicationTest
class ReviewRecordsApiTest {

    private static final String PHONE_COMMENT = "联系电话请填写带区号的号码";
    private static final List<String> PHONE = List.of("/header/phone");

    @Autowired
    Api api;
    @Autowired
    ObjectMapper json;

    @Test
    void returnAboutAFieldShowsUpUnderThatFieldForTheFiler() {
        long id = returnedByDept1AboutThePhone();
        var comments = api.as("filer1").get(path(id, "comments"));
        assertThat(comments.status()).as(comments.text()).isEqualTo(200);
        assertThat(fieldNames(comments.body())).containsExactly("/header/phone");
        var onPhone = comments.body().path("/header/phone");
        assertThat(onPhone.size()).isEqualTo(1);
        assertThat(onPhone.get(0).path("reviewer").asText()).isEqualTo("dept1");
        assertThat(onPhone.get(0).path("comment").asText()).isEqualTo(PHONE_COMMENT);
        assertThat(onPhone.get(0).path("outcome").asText()).isEqualTo("return");
        assertThat(onPhone.get(0).path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void aCommentIsAddressedOnceItsFieldChangedAndSettledOnceApproved() {
        long id = Fixtures.inDeptReview(api, "filer1");
        var returned = decide(api, "dept1", id, Map.of("outcome", "return", "comment", PHONE_COMMENT,
                "fields", List.of("/header/phone", "/header/filler")));
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);
        var fresh = api.as("filer1").get(path(id, "comments")).body();
        assertThat(fresh.at("/~1header~1phone/0/addressed").asBoolean(true)).isFalse();
        assertThat(fresh.at("/~1header~1phone/0/settled").asBoolean(true)).isFalse();

        resubmitWithPhone(id, "027-85916419");
        var fixed = api.as("filer1").get(path(id, "comments"));
        assertThat(fixed.status()).as(fixed.text()).isEqualTo(200);
        assertThat(fixed.body().at("/~1header~1phone/0/addressed").asBoolean()).as("the phone changed").isTrue();
        assertThat(fixed.body().at("/~1header~1phone/0/comment").asText()).isEqualTo(PHONE_COMMENT);
        assertThat(fixed.body().at("/~1header~1phone/0/reviewer").asText()).isEqualTo("dept1");
        assertThat(fixed.body().at("/~1header~1filler/0/addressed").asBoolean(true)).as("the filler did not").isFalse();
        assertThat(fixed.body().at("/~1header~1phone/0/settled").asBoolean(true)).isFalse();

        assertThat(approve(api, "dept1", id).status()).isEqualTo(200);
        assertThat(approve(api, "finance1", id).status()).isEqualTo(200);
        var approved = api.as("dept1").get(path(id, "comments")).body();
        assertThat(approved.at("/~1header~1phone/0/settled").asBoolean()).isTrue();
        assertThat(approved.at("/~1header~1filler/0/settled").asBoolean()).isTrue();
        assertThat(approved.at("/~1header~1phone/0/addressed").asBoolean()).isTrue();
    }

    @Test
    void decisionsListStepReviewerOutcomeCommentGradeFieldsAndRevision() {
        long id = returnedByDept1AboutThePhone();
        long resubmittedRevision = resubmitWithPhone(id, "027-85916419");
        assertThat(approve(api, "dept1", id).status()).isEqualTo(200);
        var approved = decide(api, "finance1", id, Map.of("outcome", "approve", "grade", "良", "comment", "同意"));
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);

        var decisions = api.as("filer1").get(path(id, "decisions"));
        assertThat(decisions.status()).as(decisions.text()).isEqualTo(200);
        assertThat(list(decisions.body())).extracting(d -> d.path("step").asText(), d -> d.path("reviewer").asText(),
                        d -> d.path("outcome").asText(), d -> d.path("comment").asText(null),
                        d -> d.path("grade").asText(null), d -> d.path("fields").toString(),
                        d -> d.path("revision").asInt())
                .containsExactly(
                        tuple("DEPT_REVIEW", "dept1", "return", PHONE_COMMENT, null, "[\"/header/phone\"]", 2),
                        tuple("DEPT_REVIEW", "dept1", "approve", null, null, "[]", (int) resubmittedRevision),
                        tuple("FINANCE_REVIEW", "finance1", "approve", "同意", "良", "[]", (int) resubmittedRevision));
        assertThat(list(decisions.body())).allSatisfy(d ->
                assertThat(Instant.parse(d.path("decidedAt").asText())).isBefore(Instant.now().plusSeconds(1)));
        assertThat(api.as("auditor1").get(path(id, "decisions")).body()).isEqualTo(decisions.body());
    }

    @Test
    void changesSinceMyReviewAreExactlyWhatTheFilerChangedAfterMyReturn() {
        long id = returnedByDept1AboutThePhone();
        long resubmitted = resubmitWithPhone(id, "027-85916419");
        assertThat(resubmitted).isEqualTo(3);

        var changes = api.as("dept1").get(path(id, "changes-since-my-review"));
        assertThat(changes.status()).as(changes.text()).isEqualTo(200);
        assertThat(changes.body().path("from").asInt()).isEqualTo(2);
        assertThat(changes.body().path("to").asInt()).isEqualTo(3);
        var expected = json.createArrayNode().add(json.createObjectNode()
                .put("path", "/header/phone").put("old", "85916419").put("new", "027-85916419"));
        assertThat(changes.body().path("changes")).isEqualTo(expected);

        var diff = api.as("dept1").get(path(id, "diff?from=2&to=3"));
        assertThat(diff.status()).as(diff.text()).isEqualTo(200);
        assertThat(diff.body()).isEqualTo(changes.body().path("changes"));
    }

    @Test
    void changesSinceMyReviewIsNotFoundForWhoeverHasNotDecided() {
        long id = returnedByDept1AboutThePhone();
        resubmitWithPhone(id, "027-85916419");
        problem(api.as("finance1").get(path(id, "changes-since-my-review")), 404);
        problem(api.as("expert1").get(path(id, "changes-since-my-review")), 404);
        problem(api.as("filer1").get(path(id, "changes-since-my-review")), 404);
        problem(api.as("dept2").get(path(id, "changes-since-my-review")), 404);
    }

    @Test
    void changesSinceMyReviewStartFromMyLatestDecision() {
        long id = returnedByDept1AboutThePhone();
        resubmitWithPhone(id, "027-85916419");
        assertThat(approve(api, "dept1", id).status()).isEqualTo(200);

        var changes = api.as("dept1").get(path(id, "changes-since-my-review"));
        assertThat(changes.status()).as(changes.text()).isEqualTo(200);
        assertThat(changes.body().path("from").asInt()).isEqualTo(3);
        assertThat(changes.body().path("to").asInt()).isEqualTo(3);
        assertThat(changes.body().path("changes").isArray()).isTrue();
        assertThat(changes.body().path("changes").size()).isZero();
    }

    @Test
    void fieldThatIsNoJsonPointerIsBadRequest() {
        long id = Fixtures.inDeptReview(api, "filer1");
        var body = problem(decide(api, "dept1", id,
                Map.of("outcome", "return", "comment", PHONE_COMMENT, "fields", List.of("/header/phone", "header.phone"))),
                400);
        assertThat(errorPaths(body)).containsExactly("/fields/1");
        assertThat(current(api, "filer1", id).path("status").asText()).isEqualTo("DEPT_REVIEW");
    }

    @Test
    void declarationShowsItsSubmissionDeadlineAndWhetherItIsOverdue() {
        long late = Fixtures.createDraft(api, "filer1");
        var got = api.as("filer1").get(path(late));
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        assertThat(Instant.parse(got.body().path("submissionDeadline").asText()))
                .isEqualTo(Instant.parse("2019-11-30T16:00:00Z"));
        assertThat(got.body().path("overdue").isBoolean()).isTrue();
        assertThat(got.body().path("overdue").asBoolean()).isTrue();

        var future = api.as("filer1").post(Flows.DECLARATIONS, Map.of("formKey", "dept-overall", "year", 2100));
        assertThat(future.status()).as(future.text()).isEqualTo(201);
        var early = api.as("dept1").get(path(future.body().path("id").asLong()));
        assertThat(Instant.parse(early.body().path("submissionDeadline").asText()))
                .isEqualTo(Instant.parse("2099-11-30T16:00:00Z"));
        assertThat(early.body().path("overdue").isBoolean()).isTrue();
        assertThat(early.body().path("overdue").asBoolean()).isFalse();
    }

    @Test
    void tasksCarryTheEngineTaskDueFiveDaysAfterItWasCreatedAndNotEscalated() {
        long id = Fixtures.inDeptReview(api, "filer1");
        var deptTask = taskOf("dept1", id);
        assertThat(deptTask.path("status").asText()).isEqualTo("DEPT_REVIEW");
        assertThat(deptTask.path("department").asText()).isEqualTo("HP-BDC");
        assertThat(deptTask.path("filedBy").asText()).isEqualTo("filer1");
        assertThat(deptTask.path("revision").asInt()).isEqualTo(2);
        assertThat(deptTask.path("submissionDeadline").asText()).isNotBlank();
        assertThat(deptTask.has("document")).isFalse();
        assertThat(deptTask.at("/task/taskKey").asText()).isEqualTo("Task_DeptReview");
        assertThat(deptTask.at("/task/name").asText()).isEqualTo("主管部门审核");
        assertDueInFiveDaysAndNotEscalated(deptTask.path("task"));

        assertThat(approve(api, "dept1", id).status()).isEqualTo(200);
        var financeTask = taskOf("finance1", id);
        assertThat(financeTask.at("/task/taskKey").asText()).isEqualTo("Task_FinanceReview");
        assertThat(financeTask.at("/task/name").asText()).isEqualTo("财政审核");
        assertDueInFiveDaysAndNotEscalated(financeTask.path("task"));
        assertThat(Instant.parse(financeTask.at("/task/created").asText()))
                .isAfterOrEqualTo(Instant.parse(deptTask.at("/task/created").asText()));
    }

    private static void assertDueInFiveDaysAndNotEscalated(JsonNode task) {
        Instant created = Instant.parse(task.path("created").asText());
        Instant due = Instant.parse(task.path("due").asText());
        assertThat(created).isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now().plusSeconds(1));
        assertThat(Duration.between(created, due)).isBetween(Duration.ofDays(5).minusSeconds(60),
                Duration.ofDays(5).plusSeconds(60));
        assertThat(task.path("escalated").isBoolean()).isTrue();
        assertThat(task.path("escalated").asBoolean()).isFalse();
    }

    /** A declaration of filer1 at revision 2, returned by dept1 with a comment about /header/phone. */
    private long returnedByDept1AboutThePhone() {
        long id = Fixtures.inDeptReview(api, "filer1");
        var returned = decide(api, "dept1", id,
                Map.of("outcome", "return", "comment", PHONE_COMMENT, "fields", PHONE));
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);
        assertThat(returned.body().path("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.body().path("revision").asInt()).isEqualTo(2);
        return id;
    }

    /** The filer changes exactly the phone of the current document, saves and resubmits: the new revision. */
    private long resubmitWithPhone(long id, String phone) {
        var fetched = api.as("filer1").get(path(id));
        var document = (ObjectNode) fetched.body().path("document");
        ((ObjectNode) document.path("header")).put("phone", phone);
        var saved = api.as("filer1").put(path(id, "document"), document, fetched.etag());
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        var submitted = api.as("filer1").post(path(id, "submission"));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        assertThat(submitted.body().path("status").asText()).isEqualTo("DEPT_REVIEW");
        return submitted.body().path("revision").asLong();
    }

    private JsonNode taskOf(String reviewer, long id) {
        var tasks = api.as(reviewer).get("/api/tasks");
        assertThat(tasks.status()).as(tasks.text()).isEqualTo(200);
        return list(tasks.body()).stream().filter(t -> t.path("id").asLong() == id).findFirst()
                .orElseThrow(() -> new AssertionError(reviewer + " 的待办中没有申报表 " + id + "：" + tasks.text()));
    }

    private static List<JsonNode> list(JsonNode array) {
        var items = new ArrayList<JsonNode>();
        array.forEach(items::add);
        return items;
    }

    private static List<String> fieldNames(JsonNode object) {
        var names = new ArrayList<String>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
