package cn.perftarget.process;

import static cn.perftarget.process.ProcessTestSupport.FILER;
import static cn.perftarget.process.ProcessTestSupport.FORM_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.ApplicationTest;
import cn.perftarget.audit.AuditTrail;
import cn.perftarget.declaration.DeclarationFiling;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.DeclarationStatus;
import cn.perftarget.declaration.DeclarationSubmission;
import cn.perftarget.declaration.StatusConflictException;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;
import cn.perftarget.review.DecisionCommand;
import cn.perftarget.review.Outcome;
import cn.perftarget.review.ReviewDecisions;

/**
 * Every path of the shipped DeclarationApproval.bpmn, driven through our use cases (submit, decide, withdraw) as
 * the API drives it: the engine's instance and the declaration's status move together.
 */
@ApplicationTest
class DeclarationApprovalProcessTest {

    static final Actor DEPT = new Actor("dept1", "王主管", Role.DEPT_REVIEWER, "HP-BDC");
    static final Actor FINANCE = new Actor("finance1", "财政审核人", Role.FINANCE_REVIEWER, "CZ-JXK");
    static final Actor EXPERT = new Actor("expert1", "评审专家", Role.EXPERT, null);

    @Autowired
    ProcessEngine engine;
    @Autowired
    DeclarationFiling filing;
    @Autowired
    DeclarationQueries queries;
    @Autowired
    DeclarationSubmission submission;
    @Autowired
    ReviewDecisions decisions;
    @Autowired
    AuditTrail audit;

    ProcessTestSupport declarations;

    @BeforeEach
    void bindAssertionsToEngine() {
        AbstractAssertions.init(engine);
        declarations = new ProcessTestSupport(engine, filing, queries, audit);
    }

    @AfterEach
    void unbind() {
        AbstractAssertions.reset();
    }

    @Test
    void newDeclarationWaitsInFillInWithOnlyReferencesAsVariables() {
        long id = declarations.draft(2020);
        var instance = declarations.instanceOf(id);

        assertThat(instance).isStarted().isWaitingAt("Task_FillIn");
        assertThat(engine.getRuntimeService().getVariables(instance.getId())).containsOnly(
                entry("declarationId", id), entry("department", FILER.department()), entry("formKey", FORM_KEY),
                entry("year", 2020));
    }

    @Test
    void invalidSubmissionNeverTouchesTheEngineAndStaysDraft() {
        long id = declarations.draft(2020);
        var instance = declarations.instanceOf(id);
        var fillIn = task("Task_FillIn", instance).getId();

        var result = submission.submit(FILER, id);

        assertThat(result.report().valid()).isFalse();
        assertThat(instance).isWaitingAt("Task_FillIn");
        assertThat(task("Task_FillIn", instance).getId()).as("the same fill-in task, not a new one").isEqualTo(fillIn);
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.DRAFT);
    }

    @Test
    void smallBudgetApprovedByDeptAndFinanceIsRoutedPastExpertReviewAndEndsApproved() {
        long id = declarations.validDraft();
        var instance = declarations.instanceOf(id);

        submission.submit(FILER, id);
        assertThat(instance).isWaitingAt("Task_DeptReview");
        assertThat(task("Task_DeptReview", instance)).hasCandidateGroup("dept-reviewers-HP-BDC");
        assertThat(declarations.status(id).code()).isEqualTo("DEPT_REVIEW");

        decide(DEPT, id, Outcome.APPROVE, null);
        assertThat(instance).isWaitingAt("Task_FinanceReview");
        assertThat(declarations.status(id).code()).isEqualTo("FINANCE_REVIEW");
        assertThat(declarations.status(id).label()).isEqualTo("财政审核中");

        decide(FINANCE, id, Outcome.APPROVE, "优");
        assertThat(instance).hasPassed("Task_RouteExpertReview", "Gateway_ExpertNeeded", "EndEvent_Approved")
                .hasNotPassed("Task_ExpertReview").isEnded();
        assertThat(historicVariables(instance)).containsEntry("totalBudget", 242.98)
                .containsEntry("templateRequiresExpert", false).containsEntry("expertReview", false);
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.APPROVED);
        assertThat(declarations.approvedRevision(id)).isEqualTo(2);
    }

    @Test
    void largeBudgetApprovedByFinanceGoesToExpertReview() {
        long id = declarations.draft(2020, ProcessTestSupport.largeBudgetDocument(2020));
        var instance = declarations.instanceOf(id);

        approvedByDeptAndFinance(id);

        assertThat(instance).hasPassed("Task_RouteExpertReview", "Gateway_ExpertNeeded")
                .isWaitingAt("Task_ExpertReview").variables().containsEntry("totalBudget", 600.0)
                .containsEntry("expertReview", true);
        assertThat(task("Task_ExpertReview", instance)).hasCandidateGroup("experts");
        assertThat(declarations.status(id).code()).isEqualTo("EXPERT_REVIEW");
        assertThat(declarations.approvedRevision(id)).isNull();
    }

    @Test
    void expertApprovalEndsApproved() {
        long id = declarations.draft(2020, ProcessTestSupport.largeBudgetDocument(2020));
        var instance = declarations.instanceOf(id);
        approvedByDeptAndFinance(id);

        decide(EXPERT, id, Outcome.APPROVE, null);

        assertThat(instance).hasPassed("Task_ExpertReview", "Gateway_ExpertOutcome", "EndEvent_Approved").isEnded();
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.APPROVED);
        assertThat(declarations.approvedRevision(id)).isEqualTo(2);
    }

    @Test
    void expertReturnSendsItBackToFillIn() {
        long id = declarations.draft(2020, ProcessTestSupport.largeBudgetDocument(2020));
        var instance = declarations.instanceOf(id);
        approvedByDeptAndFinance(id);

        decide(EXPERT, id, Outcome.RETURN, null);

        assertThat(instance).hasPassed("Gateway_ExpertOutcome").hasNotPassed("EndEvent_Approved")
                .isWaitingAt("Task_FillIn");
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.RETURNED);
        assertThat(declarations.approvedRevision(id)).isNull();
    }

    @Test
    void variablesHoldOnlyTheReferenceAndRoutingFactsThroughoutTheProcess() {
        long id = declarations.draft(2020, ProcessTestSupport.largeBudgetDocument(2020));
        var instance = declarations.instanceOf(id);
        approvedByDeptAndFinance(id);
        decide(EXPERT, id, Outcome.APPROVE, null);
        assertThat(instance).isEnded();

        // History keeps every variable the instance ever had, in any scope: nothing else, no copy of the document.
        assertThat(historicVariables(instance).keySet()).containsExactlyInAnyOrder("declarationId", "department",
                "formKey", "year", "reviewDepartment", "totalBudget", "templateRequiresExpert", "approveCount",
                "returnCount", "rejectCount", "outcome", "expertReview");
    }

    @Test
    void deptReturnSendsItBackToFillIn() {
        long id = declarations.validDraft();
        var instance = declarations.instanceOf(id);
        submission.submit(FILER, id);

        decide(DEPT, id, Outcome.RETURN, null);

        assertThat(instance).isWaitingAt("Task_FillIn");
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.RETURNED);
    }

    @Test
    void financeReturnSendsItBackToFillIn() {
        long id = declarations.validDraft();
        var instance = declarations.instanceOf(id);
        submission.submit(FILER, id);
        decide(DEPT, id, Outcome.APPROVE, null);

        decide(FINANCE, id, Outcome.RETURN, null);

        assertThat(instance).hasNotPassed("Task_RouteExpertReview").isWaitingAt("Task_FillIn");
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.RETURNED);
    }

    @Test
    void financeRejectEndsRejected() {
        long id = declarations.validDraft();
        var instance = declarations.instanceOf(id);
        submission.submit(FILER, id);
        decide(DEPT, id, Outcome.APPROVE, null);

        decide(FINANCE, id, Outcome.REJECT, "差");

        assertThat(instance).hasPassed("EndEvent_Rejected").hasNotPassed("Task_RouteExpertReview").isEnded();
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.REJECTED);
    }

    @Test
    void withdrawalBeforeDeptReviewActsGoesBackToFillIn() {
        long id = declarations.validDraft();
        var instance = declarations.instanceOf(id);
        submission.submit(FILER, id);

        submission.withdraw(FILER, id);

        assertThat(instance).hasPassed("Event_DeclarationWithdrawn").isWaitingAt("Task_FillIn");
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.DRAFT);
    }

    @Test
    void withdrawalIsNotPossibleOnceDeptApproved() {
        long id = declarations.validDraft();
        var instance = declarations.instanceOf(id);
        submission.submit(FILER, id);
        decide(DEPT, id, Outcome.APPROVE, null);

        assertThatThrownBy(() -> submission.withdraw(FILER, id)).isInstanceOf(StatusConflictException.class);
        assertThat(instance).isWaitingAt("Task_FinanceReview");
    }

    private void decide(Actor reviewer, long id, Outcome outcome, String grade) {
        decisions.decide(reviewer, id, new DecisionCommand(outcome, outcome == Outcome.APPROVE ? null : "请修改",
                grade, List.of()));
    }

    private void approvedByDeptAndFinance(long id) {
        submission.submit(FILER, id);
        decide(DEPT, id, Outcome.APPROVE, null);
        decide(FINANCE, id, Outcome.APPROVE, "优");
    }

    private Map<String, Object> historicVariables(ProcessInstance instance) {
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance variable : engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).list()) {
            variables.put(variable.getName(), variable.getValue());
        }
        return variables;
    }
}
