package cn.perftarget.declaration.process;

import static cn.perftarget.declaration.process.DeclarationApprovalProcess.EVENT_DEPT_REVIEW_OVERDUE;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.EVENT_EXPERT_REVIEW_OVERDUE;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.EVENT_FINANCE_REVIEW_OVERDUE;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.OUTCOME_APPROVE;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.TASK_DEPT_REVIEW;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.TASK_EXPERT_REVIEW;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.TASK_FILL_IN;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.TASK_FINANCE_REVIEW;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_OUTCOME;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_DEPARTMENT;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_FORM_KEY;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
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
import cn.perftarget.declaration.ReviewTaskInfo;

/**
 * The review SLA (perftarget.deadlines.review: P5D, escalated to review-supervisors): each review task is due five
 * days after it was created, and its non-interrupting timer then adds the supervisors as candidates, records one
 * escalation and leaves the task where it is. Time moves on the engine clock.
 */
@ApplicationTest
class ReviewSlaEscalationTest {

    private static final Duration SLA = Duration.ofDays(5);
    private static final String SUPERVISORS = "review-supervisors";
    private static final Instant TASK_CREATED = Instant.parse("2030-03-04T02:00:00Z");
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
    ApprovalProcessEngine approvalProcess;

    ProcessTestSupport declarations;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        declarations = new ProcessTestSupport(engine, filing, queries, audit);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        AbstractAssertions.reset();
    }

    @Test
    void deptReviewEscalatesToSupervisorsFiveDaysAfterSubmission() {
        long id = declarations.draft(2031, Fixtures.validDocument(2031));
        var instance = declarations.instanceOf(id);

        ClockUtil.setCurrentTime(Date.from(TASK_CREATED));
        complete(task(TASK_FILL_IN, instance));

        assertEscalatesOnceAfterSla(id, instance, TASK_DEPT_REVIEW, EVENT_DEPT_REVIEW_OVERDUE, "dept-reviewers-HP-BDC");
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.DEPT_REVIEW);
    }

    @Test
    void financeReviewEscalatesToSupervisorsFiveDaysAfterDeptApproval() {
        long id = declarations.draft(2031, Fixtures.validDocument(2031));
        var instance = declarations.instanceOf(id);
        complete(task(TASK_FILL_IN, instance));

        ClockUtil.setCurrentTime(Date.from(TASK_CREATED));
        complete(task(TASK_DEPT_REVIEW, instance), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));

        assertEscalatesOnceAfterSla(id, instance, TASK_FINANCE_REVIEW, EVENT_FINANCE_REVIEW_OVERDUE,
                "finance-reviewers-all", "finance-reviewers-HP-BDC");
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.FINANCE_REVIEW);
    }

    @Test
    void expertReviewEscalatesToSupervisorsFiveDaysAfterFinanceApproval() {
        long id = declarations.draft(2031, ProcessTestSupport.largeBudgetDocument(2031));
        var instance = declarations.instanceOf(id);
        complete(task(TASK_FILL_IN, instance));
        complete(task(TASK_DEPT_REVIEW, instance), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));

        ClockUtil.setCurrentTime(Date.from(TASK_CREATED));
        complete(task(TASK_FINANCE_REVIEW, instance), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));

        assertEscalatesOnceAfterSla(id, instance, TASK_EXPERT_REVIEW, EVENT_EXPERT_REVIEW_OVERDUE, "experts");
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.EXPERT_REVIEW);
    }

    @Test
    void reviewTaskDecidedInTimeLeavesNoEscalationTimerBehind() {
        long id = declarations.draft(2031, Fixtures.validDocument(2031));
        var instance = declarations.instanceOf(id);
        complete(task(TASK_FILL_IN, instance));
        assertThat(declarations.timers(instance, EVENT_DEPT_REVIEW_OVERDUE)).hasSize(1);

        complete(task(TASK_DEPT_REVIEW, instance), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));

        assertThat(declarations.timers(instance, EVENT_DEPT_REVIEW_OVERDUE)).isEmpty();
        assertThat(declarations.timers(instance, EVENT_FINANCE_REVIEW_OVERDUE)).hasSize(1);
        assertThat(declarations.audited(id, AuditAction.ESCALATED)).isZero();
    }

    private BusinessKey keyOf(long id, ProcessInstance instance) {
        var variables = engine.getRuntimeService().getVariables(instance.getId());
        return new BusinessKey(id, (String) variables.get(VAR_DEPARTMENT), (Integer) variables.get(VAR_YEAR),
                (String) variables.get(VAR_FORM_KEY));
    }

    private void assertEscalatesOnceAfterSla(long id, ProcessInstance instance, String taskKey, String timerEvent,
                                             String... reviewers) {
        Instant due = TASK_CREATED.plus(SLA);
        var reviewTask = task(taskKey, instance);
        assertThat(reviewTask.getCreateTime()).isEqualTo(Date.from(TASK_CREATED));
        assertThat(reviewTask.getDueDate()).isEqualTo(Date.from(due));
        var timer = declarations.timer(instance, timerEvent);
        assertThat(timer.getDuedate()).isEqualTo(Date.from(due));

        ClockUtil.setCurrentTime(Date.from(due.minus(MINUTE)));
        assertThat(declarations.isDue(timer)).isFalse();
        assertThat(candidateGroups(reviewTask.getId())).containsExactlyInAnyOrder(reviewers);
        assertThat(approvalProcess.openReviewTasks(List.of(keyOf(id, instance))).get(id).escalated()).isFalse();

        ClockUtil.setCurrentTime(Date.from(due.plus(MINUTE)));
        assertThat(declarations.isDue(timer)).isTrue();
        declarations.execute(timer);

        assertThat(instance).isWaitingAt(taskKey);
        assertThat(task(taskKey, instance).getId()).isEqualTo(reviewTask.getId());
        var escalated = new java.util.ArrayList<>(List.of(reviewers));
        escalated.add(SUPERVISORS);
        assertThat(candidateGroups(reviewTask.getId())).containsExactlyInAnyOrderElementsOf(escalated);
        assertThat(declarations.audited(id, AuditAction.ESCALATED)).isEqualTo(1);
        assertThat(declarations.timers(instance, timerEvent)).isEmpty();
        assertThat(approvalProcess.openReviewTasks(List.of(keyOf(id, instance))).get(id))
                .extracting(ReviewTaskInfo::taskKey, ReviewTaskInfo::due, ReviewTaskInfo::escalated)
                .containsExactly(taskKey, due, true);
    }

    private List<String> candidateGroups(String taskId) {
        return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
    }
}
