package cn.perftarget.declaration.process;

import static cn.perftarget.declaration.process.DeclarationApprovalProcess.ERROR_INVALID;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_DECLARATION_ID;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_TEMPLATE_REQUIRES_EXPERT;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_TOTAL_BUDGET;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_VALID;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.perftarget.declaration.SubmissionCheck;

/** Task_ValidateDeclaration: runs the form's validation on the current revision; errors send it back to fill-in. */
@Component("validateDeclarationDelegate")
class ValidateDeclarationDelegate implements JavaDelegate {

    private final SubmissionCheck check;

    ValidateDeclarationDelegate(SubmissionCheck check) {
        this.check = check;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long declarationId = ((Number) execution.getVariable(VAR_DECLARATION_ID)).longValue();
        var result = check.check(declarationId);
        execution.setVariable(VAR_VALID, result.valid());
        if (!result.valid()) {
            throw new BpmnError(ERROR_INVALID, "申报表未通过校验");
        }
        var facts = result.facts();
        execution.setVariable(VAR_TOTAL_BUDGET, facts.totalBudget());
        execution.setVariable(VAR_TEMPLATE_REQUIRES_EXPERT, facts.templateRequiresExpert());
    }
}
