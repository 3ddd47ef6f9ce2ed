package cn.perftarget.process;

import static cn.perftarget.process.SubmissionDeadlineProcess.END;
import static cn.perftarget.process.SubmissionDeadlineProcess.EVENT_SUBMISSION_OVERDUE;
import static cn.perftarget.process.SubmissionDeadlineProcess.EVENT_SUBMISSION_REMINDER;
import static cn.perftarget.process.SubmissionDeadlineProcess.GATEWAY_DEADLINE_AHEAD;
import static cn.perftarget.process.SubmissionDeadlineProcess.GATEWAY_REMINDER_AHEAD;
import static cn.perftarget.process.SubmissionDeadlineProcess.TASK_MARK_OVERDUE;
import static cn.perftarget.process.SubmissionDeadlineProcess.TASK_RECORD_REMINDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

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
 * The submission deadline (processes/SubmissionDeadline.bpmn, an instance of its own beside the approval), one test
 * per path, fired by moving the engine clock and executing its jobs: the reminder a week before the deadline, the
 * overdue mark at it, each recorded once and only for a declaration never submitted; a declaration created after
 * the reminder time waits for the deadline only, one created after the deadline is marked overdue at creation and
 * schedules nothing. Budget year 2031 is due by the end of 2030-11-30 (Asia/Shanghai), which is still ahead.
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

    @Autowired
    cn.perftarget.declaration.DeclarationSubmission submission;
    @Autowired
    cn.perftarget.review.ReviewDecisions decisions;

    ProcessTestSupport declarations;
    UseCases useCases;
    Instant deadline;
    Instant reminder;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        declarations = new ProcessTestSupport(engine, filing, queries, audit);
        useCases = new UseCases(submission, decisions);
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
    void declarationCreatedBeforeTheReminderTimeWaitsForTheReminderAndFillInHoldsNoTimer() {
        long id = declarations.draft(YEAR);
        var watch = declarations.deadlineWatchOf(id);

        assertThat(watch).isWaitingAt(EVENT_SUBMISSION_REMINDER);
        assertThat(declarations.timer(watch, EVENT_SUBMISSION_REMINDER).getDuedate()).isEqualTo(Date.from(reminder));
        assertThat(declarations.timers(watch, EVENT_SUBMISSION_OVERDUE)).isEmpty();
        assertThat(declarations.jobsOf(id)).hasSize(1);
        assertThat(declarations.instanceOf(id)).isWaitingAt("Task_FillIn");
        assertThat(declarations.audited(id, AuditAction.REMINDED)).isZero();
        assertThat(declarations.audited(id, AuditAction.OVERDUE)).isZero();
    }

    @Test
    void reminderFiresAtItsTimeIsRecordedOnceAndThenTheDeadlineIsAwaited() {
        long id = declarations.draft(YEAR);
        var watch = declarations.deadlineWatchOf(id);
        var reminderJob = declarations.timer(watch, EVENT_SUBMISSION_REMINDER);

        ClockUtil.setCurrentTime(Date.from(reminder.minus(MINUTE)));
        assertThat(declarations.isDue(reminderJob)).isFalse();
        ClockUtil.setCurrentTime(Date.from(reminder.plus(MINUTE)));
        assertThat(declarations.isDue(reminderJob)).isTrue();
        declarations.execute(reminderJob);

        assertThat(watch).hasPassed(TASK_RECORD_REMINDER).hasNotPassed(TASK_MARK_OVERDUE)
                .isWaitingAt(EVENT_SUBMISSION_OVERDUE);
        var overdueJob = declarations.timer(watch, EVENT_SUBMISSION_OVERDUE);
        assertThat(overdueJob.getDuedate()).isEqualTo(Date.from(deadline));
        assertThat(declarations.isDue(overdueJob)).isFalse();
        assertThat(declarations.audited(id, AuditAction.REMINDED)).isEqualTo(1);
        assertThat(declarations.audited(id, AuditAction.OVERDUE)).isZero();
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.DRAFT);
    }

    @Test
    void overdueFiresAtTheDeadlineIsRecordedOnceAndEndsTheWatch() {
        long id = declarations.draft(YEAR);
        var watch = declarations.deadlineWatchOf(id);
        ClockUtil.setCurrentTime(Date.from(reminder.plus(MINUTE)));
        declarations.execute(declarations.timer(watch, EVENT_SUBMISSION_REMINDER));
        var overdueJob = declarations.timer(watch, EVENT_SUBMISSION_OVERDUE);

        ClockUtil.setCurrentTime(Date.from(deadline.minus(MINUTE)));
        assertThat(declarations.isDue(overdueJob)).isFalse();
        ClockUtil.setCurrentTime(Date.from(deadline.plus(MINUTE)));
        assertThat(declarations.isDue(overdueJob)).isTrue();
        declarations.execute(overdueJob);

        assertThat(watch).hasPassed(TASK_MARK_OVERDUE).isEnded();
        assertThat(declarations.jobsOf(id)).isEmpty();
        assertThat(declarations.audited(id, AuditAction.REMINDED)).isEqualTo(1);
        assertThat(declarations.audited(id, AuditAction.OVERDUE)).isEqualTo(1);
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.DRAFT);
    }

    @Test
    void declarationCreatedBetweenReminderTimeAndDeadlineWaitsForTheDeadlineOnly() {
        ClockUtil.setCurrentTime(Date.from(reminder.plus(MINUTE)));
        long id = declarations.draft(YEAR);
        var watch = declarations.deadlineWatchOf(id);

        assertThat(watch).hasPassed(GATEWAY_REMINDER_AHEAD, GATEWAY_DEADLINE_AHEAD)
                .hasNotPassed(EVENT_SUBMISSION_REMINDER).isWaitingAt(EVENT_SUBMISSION_OVERDUE);
        assertThat(declarations.jobsOf(id)).hasSize(1);
        assertThat(declarations.timer(watch, EVENT_SUBMISSION_OVERDUE).getDuedate()).isEqualTo(Date.from(deadline));

        ClockUtil.setCurrentTime(Date.from(deadline.plus(MINUTE)));
        declarations.execute(declarations.timer(watch, EVENT_SUBMISSION_OVERDUE));

        assertThat(watch).isEnded();
        assertThat(declarations.audited(id, AuditAction.REMINDED)).isZero();
        assertThat(declarations.audited(id, AuditAction.OVERDUE)).isEqualTo(1);
    }

    @Test
    void declarationCreatedAfterTheDeadlineIsMarkedOverdueAtCreationAndSchedulesNothing() {
        ClockUtil.setCurrentTime(Date.from(deadline.plus(MINUTE)));
        long id = declarations.draft(YEAR);

        assertThat(declarations.deadlineWatchEnded(id)).isTrue();
        assertThat(declarations.deadlineWatchPassed(id)).containsExactly("StartEvent_DeadlineWatched",
                GATEWAY_REMINDER_AHEAD, GATEWAY_DEADLINE_AHEAD, TASK_MARK_OVERDUE, END);
        assertThat(declarations.jobsOf(id)).isEmpty();
        var events = audit.historyOf(id);
        assertThat(events).extracting(e -> e.action()).containsExactly(AuditAction.CREATED.name(), AuditAction.OVERDUE.name());
        assertThat(events.get(1).actor()).isEqualTo("system");
    }

    @Test
    void invalidSubmissionStaysInFillInAndSchedulesNoNewTimer() {
        ClockUtil.setCurrentTime(Date.from(deadline.plus(MINUTE)));
        long id = declarations.draft(YEAR);
        var instance = declarations.instanceOf(id);

        useCases.submit(id);

        assertThat(instance).isWaitingAt("Task_FillIn");
        assertThat(declarations.jobsOf(id)).isEmpty();
        assertThat(declarations.audited(id, AuditAction.OVERDUE)).isEqualTo(1);
    }

    @Test
    void declarationSubmittedBeforeTheDeadlineRecordsNeitherReminderNorOverdueEvenWhenReturned() {
        long id = declarations.draft(YEAR, Fixtures.validDocument(YEAR));
        var instance = declarations.instanceOf(id);
        var watch = declarations.deadlineWatchOf(id);
        useCases.submit(id);
        useCases.decide(UseCases.DEPT, id, "return");
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.RETURNED);

        ClockUtil.setCurrentTime(Date.from(reminder.plus(MINUTE)));
        declarations.execute(declarations.timer(watch, EVENT_SUBMISSION_REMINDER));
        ClockUtil.setCurrentTime(Date.from(deadline.plus(MINUTE)));
        declarations.execute(declarations.timer(watch, EVENT_SUBMISSION_OVERDUE));

        assertThat(watch).hasPassed(TASK_RECORD_REMINDER, TASK_MARK_OVERDUE).isEnded();
        assertThat(instance).isWaitingAt("Task_FillIn");
        assertThat(declarations.audited(id, AuditAction.REMINDED)).isZero();
        assertThat(declarations.audited(id, AuditAction.OVERDUE)).isZero();
    }
}
