package cn.perftarget.declaration.process;

import static cn.perftarget.declaration.process.DeclarationApprovalProcess.END_APPROVED;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.END_REJECTED;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.EVENT_INVALID;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.EVENT_WITHDRAWN;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.GATEWAY_EXPERT_NEEDED;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.GATEWAY_EXPERT_OUTCOME;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.MESSAGE_WITHDRAWN;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.OUTCOME_APPROVE;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.OUTCOME_REJECT;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.OUTCOME_RETURN;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.TASK_DEPT_REVIEW;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.TASK_EXPERT_REVIEW;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.TASK_FILL_IN;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.TASK_FINANCE_REVIEW;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.TASK_ROUTE_EXPERT_REVIEW;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.TASK_VALIDATE;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_DECLARATION_ID;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_DEPARTMENT;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_EXPERT_REVIEW;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_FORM_KEY;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_OUTCOME;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_TEMPLATE_REQUIRES_EXPERT;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_TOTAL_BUDGET;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_VALID;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_YEAR;
import static cn.perftarget.declaration.process.ProcessTestSupport.FILER;
import static cn.perftarget.declaration.process.ProcessTestSupport.FORM_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
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

/** Every path of DeclarationApproval.bpmn, driven through the engine with the real delegates and listeners. */
@ApplicationTest
class DeclarationApprovalProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    DeclarationFiling filing;
    @Autowired
    DeclarationQueries queries;
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

        assertThat(instance).isStarted().isWaitingAt(TASK_FILL_IN);
        assertThat(engine.getRuntimeService().getVariables(instance.getId())).containsOnly(
                entry(VAR_DECLARATION_ID, id),
                entry(VAR_DEPARTMENT, FILER.department()),
                entry(VAR_FORM_KEY, FORM_KEY),
                entry(VAR_YEAR, 2020));
    }

    @Test
    void invalidDocumentGoesBackToFillInAndStaysDraft() {
        long id = declarations.draft(2020);
        var instance = declarations.instanceOf(id);

        complete(task(TASK_FILL_IN, instance));

        assertThat(instance).hasPassed(TASK_VALIDATE, EVENT_INVALID).isWaitingAt(TASK_FILL_IN)
                .variables().containsEntry(VAR_VALID, false);
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.DRAFT);
    }

    @Test
    void smallBudgetApprovedByDeptAndFinanceIsRoutedPastExpertReviewAndEndsApproved() {
        long id = declarations.validDraft();
        var instance = declarations.instanceOf(id);

        complete(task(TASK_FILL_IN, instance));
        assertThat(instance).isWaitingAt(TASK_DEPT_REVIEW);
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.DEPT_REVIEW);

        complete(task(TASK_DEPT_REVIEW, instance), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));
        assertThat(instance).isWaitingAt(TASK_FINANCE_REVIEW);
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.FINANCE_REVIEW);

        complete(task(TASK_FINANCE_REVIEW, instance), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));
        assertThat(instance).hasPassed(TASK_ROUTE_EXPERT_REVIEW, GATEWAY_EXPERT_NEEDED, END_APPROVED)
                .hasNotPassed(TASK_EXPERT_REVIEW)
                .isEnded();
        assertThat(historicVariables(instance))
                .containsEntry(VAR_TOTAL_BUDGET, 242.98)
                .containsEntry(VAR_TEMPLATE_REQUIRES_EXPERT, false)
                .containsEntry(VAR_EXPERT_REVIEW, false);
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.APPROVED);
        assertThat(declarations.approvedRevision(id)).isEqualTo(2);
    }

    @Test
    void largeBudgetApprovedByFinanceGoesToExpertReview() {
        long id = declarations.draft(2020, ProcessTestSupport.largeBudgetDocument(2020));
        var instance = declarations.instanceOf(id);

        approvedByDeptAndFinance(instance);

        assertThat(instance).hasPassed(TASK_ROUTE_EXPERT_REVIEW, GATEWAY_EXPERT_NEEDED)
                .isWaitingAt(TASK_EXPERT_REVIEW)
                .variables()
                .containsEntry(VAR_TOTAL_BUDGET, 600.0)
                .containsEntry(VAR_TEMPLATE_REQUIRES_EXPERT, false)
                .containsEntry(VAR_EXPERT_REVIEW, true);
        assertThat(instance).hasNotPassed(END_APPROVED);
        assertThat(task(TASK_EXPERT_REVIEW, instance)).hasCandidateGroup("experts");
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.EXPERT_REVIEW);
        assertThat(declarations.approvedRevision(id)).isNull();
    }

    @Test
    void expertApprovalEndsApproved() {
        long id = declarations.draft(2020, ProcessTestSupport.largeBudgetDocument(2020));
        var instance = declarations.instanceOf(id);
        approvedByDeptAndFinance(instance);

        complete(task(TASK_EXPERT_REVIEW, instance), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));

        assertThat(instance).hasPassed(TASK_EXPERT_REVIEW, GATEWAY_EXPERT_OUTCOME, END_APPROVED).isEnded();
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.APPROVED);
        assertThat(declarations.approvedRevision(id)).isEqualTo(2);
    }

    @Test
    void expertReturnSendsItBackToFillIn() {
        long id = declarations.draft(2020, ProcessTestSupport.largeBudgetDocument(2020));
        var instance = declarations.instanceOf(id);
        approvedByDeptAndFinance(instance);

        complete(task(TASK_EXPERT_REVIEW, instance), withVariables(VAR_OUTCOME, OUTCOME_RETURN));

        assertThat(instance).hasPassed(GATEWAY_EXPERT_OUTCOME).hasNotPassed(END_APPROVED).isWaitingAt(TASK_FILL_IN);
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.RETURNED);
        assertThat(declarations.approvedRevision(id)).isNull();
    }

    @Test
    void variablesHoldOnlyTheReferenceAndRoutingFactsThroughoutTheProcess() {
        long id = declarations.draft(2020, ProcessTestSupport.largeBudgetDocument(2020));
        var instance = declarations.instanceOf(id);
        approvedByDeptAndFinance(instance);
        complete(task(TASK_EXPERT_REVIEW, instance), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));
        assertThat(instance).isEnded();

        // History keeps every variable the instance ever had, in any scope: nothing else, no copy of the document.
        assertThat(historicVariables(instance)).containsOnly(
                entry(VAR_DECLARATION_ID, id),
                entry(VAR_DEPARTMENT, FILER.department()),
                entry(VAR_FORM_KEY, FORM_KEY),
                entry(VAR_YEAR, 2020),
                entry(VAR_VALID, true),
                entry(VAR_TOTAL_BUDGET, 600.0),
                entry(VAR_TEMPLATE_REQUIRES_EXPERT, false),
                entry(VAR_OUTCOME, OUTCOME_APPROVE),
                entry(VAR_EXPERT_REVIEW, true));
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).count()).isEqualTo(9);
    }

    @Test
    void deptReturnSendsItBackToFillIn() {
        long id = declarations.validDraft();
        var instance = declarations.instanceOf(id);
        complete(task(TASK_FILL_IN, instance));

        complete(task(TASK_DEPT_REVIEW, instance), withVariables(VAR_OUTCOME, OUTCOME_RETURN));

        assertThat(instance).isWaitingAt(TASK_FILL_IN);
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.RETURNED);
    }

    @Test
    void financeReturnSendsItBackToFillIn() {
        long id = declarations.validDraft();
        var instance = declarations.instanceOf(id);
        complete(task(TASK_FILL_IN, instance));
        complete(task(TASK_DEPT_REVIEW, instance), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));

        complete(task(TASK_FINANCE_REVIEW, instance), withVariables(VAR_OUTCOME, OUTCOME_RETURN));

        assertThat(instance).hasNotPassed(TASK_ROUTE_EXPERT_REVIEW).isWaitingAt(TASK_FILL_IN);
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.RETURNED);
    }

    @Test
    void financeRejectEndsRejected() {
        long id = declarations.validDraft();
        var instance = declarations.instanceOf(id);
        complete(task(TASK_FILL_IN, instance));
        complete(task(TASK_DEPT_REVIEW, instance), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));

        complete(task(TASK_FINANCE_REVIEW, instance), withVariables(VAR_OUTCOME, OUTCOME_REJECT));

        assertThat(instance).hasPassed(END_REJECTED).hasNotPassed(TASK_ROUTE_EXPERT_REVIEW).isEnded();
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.REJECTED);
    }

    @Test
    void withdrawalBeforeDeptReviewActsGoesBackToFillIn() {
        long id = declarations.validDraft();
        var instance = declarations.instanceOf(id);
        complete(task(TASK_FILL_IN, instance));

        engine.getRuntimeService().createMessageCorrelation(MESSAGE_WITHDRAWN)
                .processInstanceVariableEquals("declarationId", id).correlate();

        assertThat(instance).hasPassed(EVENT_WITHDRAWN).isWaitingAt(TASK_FILL_IN);
        assertThat(declarations.status(id)).isEqualTo(DeclarationStatus.DRAFT);
    }

    @Test
    void withdrawalIsNotPossibleOnceDeptApproved() {
        long id = declarations.validDraft();
        var instance = declarations.instanceOf(id);
        complete(task(TASK_FILL_IN, instance));
        complete(task(TASK_DEPT_REVIEW, instance), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));

        assertThatThrownBy(() -> engine.getRuntimeService().createMessageCorrelation(MESSAGE_WITHDRAWN)
                .processInstanceVariableEquals("declarationId", id).correlate())
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(instance).isWaitingAt(TASK_FINANCE_REVIEW);
    }

    private void approvedByDeptAndFinance(ProcessInstance instance) {
        complete(task(TASK_FILL_IN, instance));
        complete(task(TASK_DEPT_REVIEW, instance), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));
        complete(task(TASK_FINANCE_REVIEW, instance), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));
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
