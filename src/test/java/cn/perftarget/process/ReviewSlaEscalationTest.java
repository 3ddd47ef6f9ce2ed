package cn.perftarget.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

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
import cn.perftarget.declaration.ApprovalProcess;
import cn.perftarget.declaration.DeclarationStatus;
import cn.perftarget.declaration.ProcessRef;
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
    ApprovalProcess approvalProcess;

    @Autowired
    cn.perftarget.declaration.DeclarationSubmission submission;
    @Autowired
    cn.perftarget.review.ReviewDecisions decisions;
    @Autowired
    cn.perftarget.message.Messages messages;
    @Autowired
    cn.perftarget.identity.Directory directory;

    ProcessTestSupport declarations;
    UseCases useCases;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        declarations = new ProcessTestSupport(engine, filing, queries, audit);
        useCases = new UseCases(submission, decisions);
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
        useCases.submit(id);

        assertThat(overdueMessages("dept1", id)).isZero();
        assertEscalatesOnceAfterSla(id, instance, "Task_DeptReview", "Event_DeptReviewOverdue", "dept-reviewers-HP-BDC");
        assertThat(declarations.status(id)).extracting(DeclarationStatus::code).isEqualTo("DEPT_REVIEW");
        // The step's reviewers hear of it; the 主管部门 of another unit and the filer do not.
        assertThat(overdueMessages("dept1", id)).isEqualTo(1);
        assertThat(overdueMessages("dept2", id)).isZero();
        assertThat(overdueMessages("filer1", id)).isZero();
    }

    @Test
    void financeReviewEscalatesToSupervisorsFiveDaysAfterDeptApproval() {
        long id = declarations.draft(2031, Fixtures.validDocument(2031));
        var instance = declarations.instanceOf(id);
        useCases.submit(id);

        ClockUtil.setCurrentTime(Date.from(TASK_CREATED));
        useCases.decide(UseCases.DEPT, id, "approve");

        assertEscalatesOnceAfterSla(id, instance, "Task_FinanceReview", "Event_FinanceReviewOverdue",
                "finance-reviewers-all", "finance-reviewers-HP-BDC");
        assertThat(declarations.status(id)).extracting(DeclarationStatus::code).isEqualTo("FINANCE_REVIEW");
    }

    @Test
    void expertReviewEscalatesToSupervisorsFiveDaysAfterFinanceApproval() {
        long id = declarations.draft(2031, ProcessTestSupport.largeBudgetDocument(2031));
        var instance = declarations.instanceOf(id);
        useCases.submit(id);
        useCases.decide(UseCases.DEPT, id, "approve");

        ClockUtil.setCurrentTime(Date.from(TASK_CREATED));
        useCases.decide(UseCases.FINANCE, id, "approve");

        assertEscalatesOnceAfterSla(id, instance, "Task_ExpertReview", "Event_ExpertReviewOverdue", "experts");
        assertThat(declarations.status(id)).extracting(DeclarationStatus::code).isEqualTo("EXPERT_REVIEW");
    }

    @Test
    void reviewTaskDecidedInTimeLeavesNoEscalationTimerBehind() {
        long id = declarations.draft(2031, Fixtures.validDocument(2031));
        var instance = declarations.instanceOf(id);
        useCases.submit(id);
        assertThat(declarations.timers(instance, "Event_DeptReviewOverdue")).hasSize(1);

        useCases.decide(UseCases.DEPT, id, "approve");

        assertThat(declarations.timers(instance, "Event_DeptReviewOverdue")).isEmpty();
        assertThat(declarations.timers(instance, "Event_FinanceReviewOverdue")).hasSize(1);
        assertThat(declarations.audited(id, AuditAction.ESCALATED)).isZero();
    }

    private ProcessRef keyOf(long id, ProcessInstance instance) {
        var variables = engine.getRuntimeService().getVariables(instance.getId());
        return new ProcessRef(id, (String) variables.get("department"), (Integer) variables.get("year"),
                (String) variables.get("formKey"), instance.getId());
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

    private long overdueMessages(String user, long id) {
        var actor = directory.actor(user).orElseThrow();
        return messages.page(actor, false, 0, 500).items().stream()
                .filter(m -> m.kind() == cn.perftarget.message.MessageKind.REVIEW_OVERDUE && m.declarationId() == id)
                .count();
    }

    private List<String> candidateGroups(String taskId) {
        return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
    }
}
