package cn.perftarget.declaration.process;

import static cn.perftarget.declaration.process.DeclarationApprovalProcess.EVENT_INVALID;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.EVENT_SUBMISSION_OVERDUE;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.EVENT_SUBMISSION_REMINDER;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.OUTCOME_RETURN;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.TASK_DEPT_REVIEW;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.TASK_FILL_IN;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.TASK_MARK_OVERDUE;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.TASK_RECORD_REMINDER;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_OUTCOME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.audit.AuditAction;
import cn.perftarget.audit.AuditTrail;
import cn.perftarget.declaration.DeclarationFiling;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.DeclarationStatus;
import cn.perftarget.declaration.SubmissionDeadlines;

/**
 * The submission deadline timers on Task_FillIn, fired by moving the engine clock and executing their jobs: the
 * reminder a week before the deadline, the overdue mark at it, each recorded once and only for a declaration never
 * submitted. Budget year 2031 is due by the end of 2030-11-30 (Asia/Shanghai), which is still ahead.
 */
@ApplicationTest
class SubmissionDeadlineTimersTest {

    private static final int YEAR = 2031;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Autowired
    ProcessEngine engine;
    @Autowired
    DeclarationFiling filing;
    @Autowired
    DeclarationQueries queries;
    @Autowired
    AuditTrail audit;
    @Autowired
    SubmissionDeadlines deadlines;

    ProcessTestSupport declarations;
    Instant deadline;
    Instant reminder;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        declarations = new ProcessTestSupport(engine, filing, queries, audit);
        deadline = deadlines.deadline(YEAR);
        reminder = deadline.minus(Duration.ofDays(7));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        AbstractAssertions.reset();
    }

    @Test
    void deadlineOfTheBudgetYearIsTheEndOfNovember30OfTheYearBeforeInShanghai() {
        assertThat(deadline).isEqualTo(Instant.parse("2030-11-30T16:00:00Z"));
    }

    @Test
    void timersOfANewDeclarationAreDueAWeekBeforeAndAtTheDeadline() {
        var instance = declarations.instanceOf(declarations.draft(YEAR));

        assertThat(declarations.timer(instance, EVENT_SUBMISSION_REMINDER).getDuedate()).isEqualTo(Date.from(reminder));
        assertThat(declarations.timer(instance, EVENT_SUBMISSION_OVERDUE).getDuedate()).isEqualTo(Date.from(deadline));
    }

    @Test
    void reminderFiresBeforeTheDeadlineAndIsRecordedOnce() {
        long id = declarations.draft(YEAR);
        var instance = declarations.instanceOf(id);
        var reminderJob = declarations.timer(instance, EVENT_SUBMISSION_REMINDER);
        var overdueJob = declarations.timer(instance, EVENT_SUBMISSION_OVERDUE);

        ClockUtil.setCurrentTime(Date.from(reminder.minus(MINUTE)));
        assertThat(declarations.isDue(reminderJob)).isFalse();

        ClockUtil.setCurrentTime(Date.from(reminder.plus(MINUTE)));
        assertThat(declarations.isDue(reminderJob)).isTrue();
        assertThat(declarations.isDue(overdueJob)).isFalse();
        declarations.execute(reminderJob);

        assertThat(instance).hasPassed(TASK_RECORD_REMINDER).hasNotPassed(TASK_MARK_OVERDUE).isWaitingAt(TASK_FILL_IN);
        assertThat(declarations.timers(instance, EVENT_SUBMISSION_REMINDER)).isEmpty();
        assertThat(declarations.timers(instance, EVENT_SUBMISSION_OVERDUE)).hasSize(1);
        assertThat(declarations.audited(id, AuditAction.REMINDED)).isEqualTo(1);
        assertThat(declarations.audited(id, AuditAction.OVERDUE)).isZero();
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.DRAFT);
    }

    @Test
    void overdueFiresAfterTheDeadlineAndIsRecordedOnce() {
        long id = declarations.draft(YEAR);
        var instance = declarations.instanceOf(id);
        var overdueJob = declarations.timer(instance, EVENT_SUBMISSION_OVERDUE);

        ClockUtil.setCurrentTime(Date.from(deadline.minus(MINUTE)));
        assertThat(declarations.isDue(overdueJob)).isFalse();

        ClockUtil.setCurrentTime(Date.from(deadline.plus(MINUTE)));
        assertThat(declarations.isDue(overdueJob)).isTrue();
        declarations.execute(overdueJob);

        assertThat(instance).hasPassed(TASK_MARK_OVERDUE).isWaitingAt(TASK_FILL_IN);
        assertThat(declarations.timers(instance, EVENT_SUBMISSION_OVERDUE)).isEmpty();
        assertThat(declarations.audited(id, AuditAction.OVERDUE)).isEqualTo(1);
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.DRAFT);
    }

    @Test
    void reminderAndOverdueAreNotRecordedAgainWhenAnInvalidSubmissionComesBackToFillIn() {
        long id = declarations.draft(YEAR);
        var instance = declarations.instanceOf(id);
        ClockUtil.setCurrentTime(Date.from(deadline.plus(MINUTE)));
        declarations.execute(declarations.timer(instance, EVENT_SUBMISSION_REMINDER));
        declarations.execute(declarations.timer(instance, EVENT_SUBMISSION_OVERDUE));

        complete(task(TASK_FILL_IN, instance));
        assertThat(instance).hasPassed(EVENT_INVALID).isWaitingAt(TASK_FILL_IN);
        // Fill-in was entered anew, so were its timers; both are due at once and find their event already recorded.
        var reminderAgain = declarations.timer(instance, EVENT_SUBMISSION_REMINDER);
        var overdueAgain = declarations.timer(instance, EVENT_SUBMISSION_OVERDUE);
        assertThat(declarations.isDue(reminderAgain)).isTrue();
        assertThat(declarations.isDue(overdueAgain)).isTrue();
        declarations.execute(reminderAgain);
        declarations.execute(overdueAgain);

        assertThat(declarations.audited(id, AuditAction.REMINDED)).isEqualTo(1);
        assertThat(declarations.audited(id, AuditAction.OVERDUE)).isEqualTo(1);
    }

    @Test
    void submissionCancelsBothTimers() {
        long id = declarations.draft(YEAR, Fixtures.validDocument(YEAR));
        var instance = declarations.instanceOf(id);

        complete(task(TASK_FILL_IN, instance));

        assertThat(instance).isWaitingAt(TASK_DEPT_REVIEW);
        assertThat(declarations.timers(instance, EVENT_SUBMISSION_REMINDER)).isEmpty();
        assertThat(declarations.timers(instance, EVENT_SUBMISSION_OVERDUE)).isEmpty();
    }

    @Test
    void declarationSubmittedOnceRecordsNeitherReminderNorOverdueWhenReturnedToFillIn() {
        long id = declarations.draft(YEAR, Fixtures.validDocument(YEAR));
        var instance = declarations.instanceOf(id);
        complete(task(TASK_FILL_IN, instance));
        complete(task(TASK_DEPT_REVIEW, instance), withVariables(VAR_OUTCOME, OUTCOME_RETURN));
        assertThat(instance).isWaitingAt(TASK_FILL_IN);
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.RETURNED);

        ClockUtil.setCurrentTime(Date.from(deadline.plus(MINUTE)));
        var reminderJob = declarations.timer(instance, EVENT_SUBMISSION_REMINDER);
        var overdueJob = declarations.timer(instance, EVENT_SUBMISSION_OVERDUE);
        assertThat(declarations.isDue(reminderJob)).isTrue();
        assertThat(declarations.isDue(overdueJob)).isTrue();
        declarations.execute(reminderJob);
        declarations.execute(overdueJob);

        assertThat(instance).hasPassed(TASK_RECORD_REMINDER, TASK_MARK_OVERDUE).isWaitingAt(TASK_FILL_IN);
        assertThat(declarations.audited(id, AuditAction.REMINDED)).isZero();
        assertThat(declarations.audited(id, AuditAction.OVERDUE)).isZero();
    }
}
