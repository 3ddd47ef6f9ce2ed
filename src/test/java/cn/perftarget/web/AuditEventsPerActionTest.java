package cn.perftarget.web;

import static cn.perftarget.process.SubmissionDeadlineProcess.EVENT_SUBMISSION_OVERDUE;
import static cn.perftarget.process.SubmissionDeadlineProcess.EVENT_SUBMISSION_REMINDER;
import static cn.perftarget.web.Flows.approve;
import static cn.perftarget.web.Flows.approved;
import static cn.perftarget.web.Flows.decide;
import static cn.perftarget.web.Flows.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.audit.AuditAction;
import cn.perftarget.audit.AuditRecord;
import cn.perftarget.audit.AuditTrail;

/**
 * Each action appends exactly one event to its declaration's chain, naming who did it in which role, the status
 * before and after, and the revision it concerned; timers act as "system", exports go to the general chain.
 */
@ApplicationTest
class AuditEventsPerActionTest {

    /** Its submission deadline (2036-11-30) is still ahead, so the reminder is recorded. */
    private static final int FUTURE_YEAR = 2037;

    @Autowired
    Api api;
    @Autowired
    AuditTrail audit;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    /** Runs the action and returns the one event it appended to the chain; the events before it are untouched. */
    private AuditRecord onlyEventOf(long chain, Runnable action) {
        var before = audit.historyOf(chain);
        action.run();
        var after = audit.historyOf(chain);
        assertThat(after).as("events of chain %d", chain).hasSize(before.size() + 1);
        assertThat(after.subList(0, before.size())).isEqualTo(before);
        var event = after.get(before.size());
        assertThat(event.declaration()).isEqualTo(chain);
        assertThat(event.seq()).isEqualTo(before.size() + 1);
        assertThat(event.hash()).matches("[0-9a-f]{64}");
        return event;
    }

    private static void is(AuditRecord event, AuditAction action, String actor, String role, String from, String to,
                           Integer revision) {
        assertThat(event).extracting(AuditRecord::action, AuditRecord::actionLabel, AuditRecord::actor, AuditRecord::role,
                        AuditRecord::fromStatus, AuditRecord::toStatus, AuditRecord::revision)
                .containsExactly(action.name(), action.label(), actor, role, from, to, revision);
    }

    private static Runnable expect(int status, Supplier<Api.Response> call) {
        return () -> {
            var response = call.get();
            assertThat(response.status()).as(response.text()).isEqualTo(status);
        };
    }

    @Test
    void createdByTheFilerAsDraftRevisionOneOfItsDepartmentAndYear() {
        long id = draft("filer2", FUTURE_YEAR);

        var events = audit.historyOf(id);
        assertThat(events).hasSize(1);
        is(events.get(0), AuditAction.CREATED, "filer2", "FILER", null, "DRAFT", 1);
        assertThat(events.get(0)).extracting(AuditRecord::seq, AuditRecord::department, AuditRecord::year,
                AuditRecord::comment, AuditRecord::grade).containsExactly(1, "HP-EDU", FUTURE_YEAR, null, null);
    }

    @Test
    void createdAfterTheDeadlineIsMarkedOverdueBySystemRightAfterItsCreation() {
        long id = draft("filer2", 2020);

        var events = audit.historyOf(id);
        assertThat(events).hasSize(2);
        is(events.get(0), AuditAction.CREATED, "filer2", "FILER", null, "DRAFT", 1);
        is(events.get(1), AuditAction.OVERDUE, "system", "SYSTEM", "DRAFT", "DRAFT", 1);
        assertThat(events.get(1).details()).isEqualTo("已超过提交截止时间：2019-12-01 00:00");
    }

    @Test
    void savedWithTheNewRevision() {
        long id = Fixtures.createDraft(api, "filer1");
        var event = onlyEventOf(id, expect(200, () -> api.as("filer1").put(path(id, "document"), Fixtures.validDocument(), "\"1\"")));
        is(event, AuditAction.SAVED, "filer1", "FILER", "DRAFT", "DRAFT", 2);
        assertThat(event.department()).isEqualTo("HP-BDC");
    }

    @Test
    void validatedByWhoeverAskedWithTheOutcomeInTheDetails() {
        long valid = Fixtures.validDraft(api, "filer1");
        var byReviewer = onlyEventOf(valid, expect(200, () -> api.as("dept1").post(path(valid, "validation"))));
        is(byReviewer, AuditAction.VALIDATED, "dept1", "DEPT_REVIEWER", "DRAFT", "DRAFT", 2);
        assertThat(byReviewer.details()).startsWith("通过");

        long invalid = Fixtures.createDraft(api, "filer1");
        var byFiler = onlyEventOf(invalid, expect(200, () -> api.as("filer1").post(path(invalid, "validation"))));
        is(byFiler, AuditAction.VALIDATED, "filer1", "FILER", "DRAFT", "DRAFT", 1);
        assertThat(byFiler.details()).startsWith("未通过");
    }

    @Test
    void submittedIntoDeptReview() {
        long id = Fixtures.validDraft(api, "filer1");
        var event = onlyEventOf(id, expect(200, () -> api.as("filer1").post(path(id, "submission"))));
        is(event, AuditAction.SUBMITTED, "filer1", "FILER", "DRAFT", "DEPT_REVIEW", 2);
    }

    @Test
    void submissionThatFailsValidationIsRecordedAsRejectedAndStaysDraft() {
        long id = Fixtures.createDraft(api, "filer1");
        var event = onlyEventOf(id, expect(422, () -> api.as("filer1").post(path(id, "submission"))));
        is(event, AuditAction.SUBMISSION_REJECTED, "filer1", "FILER", "DRAFT", "DRAFT", 1);
        assertThat(event.details()).endsWith("项错误");
    }

    @Test
    void withdrawnBackToDraft() {
        long id = Fixtures.inDeptReview(api, "filer1");
        var event = onlyEventOf(id, expect(200, () -> api.as("filer1").post(path(id, "withdrawal"))));
        is(event, AuditAction.WITHDRAWN, "filer1", "FILER", "DEPT_REVIEW", "DRAFT", 2);
    }

    @Test
    void approvedByTheDepartmentAndThenByFinanceWithGrade() {
        long id = Fixtures.inDeptReview(api, "filer1");
        var byDept = onlyEventOf(id, expect(200, () -> approve(api, "dept1", id)));
        is(byDept, AuditAction.APPROVED, "dept1", "DEPT_REVIEWER", "DEPT_REVIEW", "FINANCE_REVIEW", 2);
        assertThat(byDept.comment()).isNull();
        assertThat(byDept.grade()).isNull();

        var byFinance = onlyEventOf(id, expect(200, () -> decide(api, "finance1", id,
                Map.of("outcome", "approve", "grade", "优", "comment", "目标明确"))));
        is(byFinance, AuditAction.APPROVED, "finance1", "FINANCE_REVIEWER", "FINANCE_REVIEW", "APPROVED", 2);
        assertThat(byFinance.grade()).isEqualTo("优");
        assertThat(byFinance.comment()).isEqualTo("目标明确");
    }

    @Test
    void returnedWithTheCommentAndTheFieldsItIsAbout() {
        long id = Fixtures.inDeptReview(api, "filer1");
        var event = onlyEventOf(id, expect(200, () -> decide(api, "dept1", id, Map.of("outcome", "return",
                "comment", "联系电话请加区号", "fields", List.of("/header/phone")))));
        is(event, AuditAction.RETURNED, "dept1", "DEPT_REVIEWER", "DEPT_REVIEW", "RETURNED", 2);
        assertThat(event.comment()).isEqualTo("联系电话请加区号");
        assertThat(event.details()).isEqualTo("[\"/header/phone\"]");
        assertThat(event.grade()).isNull();
    }

    @Test
    void rejectedByFinanceWithCommentAndGrade() {
        long id = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var event = onlyEventOf(id, expect(200, () -> decide(api, "finance1", id,
                Map.of("outcome", "reject", "comment", "与部门职能无关", "grade", "差"))));
        is(event, AuditAction.REJECTED, "finance1", "FINANCE_REVIEWER", "FINANCE_REVIEW", "REJECTED", 2);
        assertThat(event.comment()).isEqualTo("与部门职能无关");
        assertThat(event.grade()).isEqualTo("差");
    }

    @Test
    void adjustmentOpenedFromApprovedBackToDraft() {
        long id = approved(api);
        var event = onlyEventOf(id, expect(200, () -> api.as("filer1").post(path(id, "adjustment"))));
        is(event, AuditAction.ADJUSTMENT_OPENED, "filer1", "FILER", "APPROVED", "DRAFT", 2);
    }

    @Test
    void refusedActionsRecordNothing() {
        long id = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var before = audit.historyOf(id);

        assertThat(api.as("filer1").post(path(id, "withdrawal")).status()).isEqualTo(409);
        assertThat(approve(api, "dept1", id).status()).isEqualTo(403);
        assertThat(decide(api, "finance1", id, Map.of("outcome", "return")).status()).isEqualTo(400);
        assertThat(api.as("filer1").put(path(id, "document"), Fixtures.validDocument(), "\"2\"").status()).isEqualTo(409);

        assertThat(audit.historyOf(id)).isEqualTo(before);
    }

    @Test
    void csvExportByTheAuditorGoesToTheGeneralChainWithItsFilter() {
        var event = onlyEventOf(AuditTrail.GENERAL, expect(200, () -> api.as("auditor1").get(
                "/api/audit/events?department=HP-EDU&year=2099&action=REJECTED", MediaType.parseMediaType("text/csv"))));

        is(event, AuditAction.EXPORTED, "auditor1", "AUDITOR", null, null, null);
        assertThat(event.declaration()).isZero();
        assertThat(event.department()).isEqualTo("HP-EDU");
        assertThat(event.year()).isEqualTo(2099);
        assertThat(event.details()).startsWith("导出 0 条");

        var listed = api.as("auditor1").get("/api/audit/events?actor=auditor1&action=EXPORTED&year=2099&department=HP-EDU");
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        assertThat(listed.body().path("items").findValuesAsText("id")).contains(Long.toString(event.id()));
    }

    @Test
    void searchingAsJsonRecordsNothing() {
        var before = audit.historyOf(AuditTrail.GENERAL);
        assertThat(api.as("auditor1").get("/api/audit/events?year=2020&size=5").status()).isEqualTo(200);
        assertThat(api.as("auditor1").get("/api/audit/verify").status()).isEqualTo(200);
        assertThat(audit.historyOf(AuditTrail.GENERAL)).isEqualTo(before);
    }

    @Test
    void submissionReminderIsRecordedBySystemWithTheDeadline() {
        long id = draft("filer1", FUTURE_YEAR);
        var event = onlyEventOf(id, () -> fire(id, EVENT_SUBMISSION_REMINDER));
        is(event, AuditAction.REMINDED, "system", "SYSTEM", "DRAFT", "DRAFT", 1);
        assertThat(event.year()).isEqualTo(FUTURE_YEAR);
        assertThat(event.details()).isEqualTo("提交截止时间：" + (FUTURE_YEAR - 1) + "-12-01 00:00");
    }

    @Test
    void overdueSubmissionIsRecordedBySystem() {
        long id = draft("filer1", FUTURE_YEAR);
        fire(id, EVENT_SUBMISSION_REMINDER);
        var event = onlyEventOf(id, () -> fire(id, EVENT_SUBMISSION_OVERDUE));
        is(event, AuditAction.OVERDUE, "system", "SYSTEM", "DRAFT", "DRAFT", 1);
        assertThat(event.details()).isEqualTo("已超过提交截止时间：" + (FUTURE_YEAR - 1) + "-12-01 00:00");
    }

    @Test
    void reviewOutlivingItsSlaIsRecordedAsEscalatedBySystem() {
        long id = Fixtures.inDeptReview(api, "filer1");
        var event = onlyEventOf(id, () -> fire(id, "Event_DeptReviewOverdue"));
        is(event, AuditAction.ESCALATED, "system", "SYSTEM", "DEPT_REVIEW", "DEPT_REVIEW", 2);
        assertThat(event.details()).contains("超时审核督办").doesNotContain("review-supervisors");
    }

    private long draft(String filer, int year) {
        var created = api.as(filer).post(Flows.DECLARATIONS, Map.of("formKey", "dept-overall", "year", year));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().path("id").asLong();
    }

    /** Executes the declaration's timer job on that boundary event now, as the job executor would when it is due. */
    private void fire(long id, String timerEvent) {
        var job = runtime.createProcessInstanceQuery().variableValueEquals("declarationId", id).list().stream()
                .map(instance -> management.createJobQuery().processInstanceId(instance.getId()).activityId(timerEvent)
                        .timers().singleResult())
                .filter(found -> found != null)
                .findFirst().orElse(null);
        assertThat(job).as("timer %s of declaration %d", timerEvent, id).isNotNull();
        management.executeJob(job.getId());
    }
}
