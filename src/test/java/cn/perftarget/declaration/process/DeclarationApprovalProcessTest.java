package cn.perftarget.declaration.process;

import static cn.perftarget.declaration.process.DeclarationApprovalProcess.END_APPROVED;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.END_REJECTED;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.EVENT_INVALID;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.EVENT_WITHDRAWN;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.MESSAGE_WITHDRAWN;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.TASK_DEPT_REVIEW;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.TASK_FILL_IN;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.TASK_FINANCE_REVIEW;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.TASK_VALIDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.declaration.DeclarationFiling;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.DeclarationStatus;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;

/** Every path of DeclarationApproval.bpmn, driven through the engine with the real delegates and listeners. */
@ApplicationTest
class DeclarationApprovalProcessTest {

    private static final Actor FILER = new Actor("filer1", "张春红", Role.FILER, "HP-BDC");
    private static final Actor AUDITOR = new Actor("auditor1", "审计人员", Role.AUDITOR, null);

    @Autowired
    ProcessEngine engine;
    @Autowired
    DeclarationFiling filing;
    @Autowired
    DeclarationQueries queries;

    @BeforeEach
    void bindAssertionsToEngine() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void unbind() {
        AbstractAssertions.reset();
    }

    @Test
    void newDeclarationWaitsInFillInWithOnlyReferencesAsVariables() {
        var instance = instanceOf(filing.create(FILER, "dept-overall", 2020).id());

        assertThat(instance).isStarted().isWaitingAt(TASK_FILL_IN);
        assertThat(engine.getRuntimeService().getVariables(instance.getId()).keySet())
                .containsExactlyInAnyOrder("declarationId", "department", "formKey", "year");
    }

    @Test
    void invalidDocumentGoesBackToFillInAndStaysDraft() {
        long id = filing.create(FILER, "dept-overall", 2020).id();
        var instance = instanceOf(id);

        complete(task(TASK_FILL_IN, instance));

        assertThat(instance).hasPassed(TASK_VALIDATE, EVENT_INVALID).isWaitingAt(TASK_FILL_IN)
                .variables().containsEntry("valid", false);
        assertThat(status(id)).isEqualTo(DeclarationStatus.DRAFT);
    }

    @Test
    void validDocumentApprovedByDeptAndFinanceEndsApproved() {
        long id = validDraft();
        var instance = instanceOf(id);

        complete(task(TASK_FILL_IN, instance));
        assertThat(instance).isWaitingAt(TASK_DEPT_REVIEW);
        assertThat(status(id)).isEqualTo(DeclarationStatus.DEPT_REVIEW);

        complete(task(TASK_DEPT_REVIEW, instance), withVariables("outcome", "approve"));
        assertThat(instance).isWaitingAt(TASK_FINANCE_REVIEW);
        assertThat(status(id)).isEqualTo(DeclarationStatus.FINANCE_REVIEW);

        complete(task(TASK_FINANCE_REVIEW, instance), withVariables("outcome", "approve"));
        assertThat(instance).hasPassed(END_APPROVED).isEnded();
        assertThat(queries.get(AUDITOR, id).status()).isEqualTo(DeclarationStatus.APPROVED);
        assertThat(queries.get(AUDITOR, id).approvedRevision()).isEqualTo(2);
    }

    @Test
    void deptReturnSendsItBackToFillIn() {
        long id = validDraft();
        var instance = instanceOf(id);
        complete(task(TASK_FILL_IN, instance));

        complete(task(TASK_DEPT_REVIEW, instance), withVariables("outcome", "return"));

        assertThat(instance).isWaitingAt(TASK_FILL_IN);
        assertThat(status(id)).isEqualTo(DeclarationStatus.RETURNED);
    }

    @Test
    void financeReturnSendsItBackToFillIn() {
        long id = validDraft();
        var instance = instanceOf(id);
        complete(task(TASK_FILL_IN, instance));
        complete(task(TASK_DEPT_REVIEW, instance), withVariables("outcome", "approve"));

        complete(task(TASK_FINANCE_REVIEW, instance), withVariables("outcome", "return"));

        assertThat(instance).isWaitingAt(TASK_FILL_IN);
        assertThat(status(id)).isEqualTo(DeclarationStatus.RETURNED);
    }

    @Test
    void financeRejectEndsRejected() {
        long id = validDraft();
        var instance = instanceOf(id);
        complete(task(TASK_FILL_IN, instance));
        complete(task(TASK_DEPT_REVIEW, instance), withVariables("outcome", "approve"));

        complete(task(TASK_FINANCE_REVIEW, instance), withVariables("outcome", "reject"));

        assertThat(instance).hasPassed(END_REJECTED).isEnded();
        assertThat(status(id)).isEqualTo(DeclarationStatus.REJECTED);
    }

    @Test
    void withdrawalBeforeDeptReviewActsGoesBackToFillIn() {
        long id = validDraft();
        var instance = instanceOf(id);
        complete(task(TASK_FILL_IN, instance));

        engine.getRuntimeService().createMessageCorrelation(MESSAGE_WITHDRAWN)
                .processInstanceBusinessKey(Long.toString(id)).correlate();

        assertThat(instance).hasPassed(EVENT_WITHDRAWN).isWaitingAt(TASK_FILL_IN);
        assertThat(status(id)).isEqualTo(DeclarationStatus.DRAFT);
    }

    @Test
    void withdrawalIsNotPossibleOnceDeptApproved() {
        long id = validDraft();
        var instance = instanceOf(id);
        complete(task(TASK_FILL_IN, instance));
        complete(task(TASK_DEPT_REVIEW, instance), withVariables("outcome", "approve"));

        assertThatThrownBy(() -> engine.getRuntimeService().createMessageCorrelation(MESSAGE_WITHDRAWN)
                .processInstanceBusinessKey(Long.toString(id)).correlate())
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(instance).isWaitingAt(TASK_FINANCE_REVIEW);
    }

    private long validDraft() {
        long id = filing.create(FILER, "dept-overall", 2020).id();
        filing.saveDocument(FILER, id, "\"1\"", Fixtures.validDocument());
        return id;
    }

    private ProcessInstance instanceOf(long declarationId) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(Long.toString(declarationId))
                .singleResult();
    }

    private DeclarationStatus status(long id) {
        return queries.get(AUDITOR, id).status();
    }
}
