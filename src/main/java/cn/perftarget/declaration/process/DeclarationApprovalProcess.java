package cn.perftarget.declaration.process;

import java.util.Map;
import java.util.Optional;

import cn.perftarget.declaration.DeclarationStatus;

/** Key, element IDs and variable names of {@code processes/DeclarationApproval.bpmn}. */
public final class DeclarationApprovalProcess {

    public static final String KEY = "DeclarationApproval";
    public static final String RESOURCE = KEY + ".bpmn";

    public static final String START = "StartEvent_DeclarationCreated";
    public static final String TASK_FILL_IN = "Task_FillIn";
    public static final String TASK_VALIDATE = "Task_ValidateDeclaration";
    public static final String TASK_DEPT_REVIEW = "Task_DeptReview";
    public static final String TASK_FINANCE_REVIEW = "Task_FinanceReview";
    public static final String TASK_EXPERT_REVIEW = "Task_ExpertReview";
    public static final String TASK_ROUTE_EXPERT_REVIEW = "Task_RouteExpertReview";
    public static final String EVENT_DEPT_REVIEW_OVERDUE = "Event_DeptReviewOverdue";
    public static final String EVENT_FINANCE_REVIEW_OVERDUE = "Event_FinanceReviewOverdue";
    public static final String EVENT_EXPERT_REVIEW_OVERDUE = "Event_ExpertReviewOverdue";
    public static final String GATEWAY_EXPERT_NEEDED = "Gateway_ExpertNeeded";
    public static final String GATEWAY_EXPERT_OUTCOME = "Gateway_ExpertOutcome";
    public static final String DECISION_EXPERT_REVIEW = "Decision_ExpertReviewRouting";
    public static final String EVENT_INVALID = "Event_DeclarationInvalid";
    public static final String EVENT_WITHDRAWN = "Event_DeclarationWithdrawn";
    public static final String GATEWAY_DEPT_OUTCOME = "Gateway_DeptOutcome";
    public static final String GATEWAY_FINANCE_OUTCOME = "Gateway_FinanceOutcome";
    public static final String END_APPROVED = "EndEvent_Approved";
    public static final String END_REJECTED = "EndEvent_Rejected";

    public static final String MESSAGE_WITHDRAWN = "DeclarationWithdrawn";
    public static final String ERROR_INVALID = "DeclarationInvalid";

    /** The declaration's id: the only reference to our data the process holds. */
    public static final String VAR_DECLARATION_ID = "declarationId";
    /** Routing facts. */
    public static final String VAR_DEPARTMENT = "department";
    public static final String VAR_FORM_KEY = "formKey";
    /**
     * The 主管部门 that reviews this round (the filing unit's 主管部门 when it was submitted): the routing fact behind the
     * candidate groups of the department and finance reviews.
     */
    public static final String VAR_REVIEW_DEPARTMENT = "reviewDepartment";
    public static final String VAR_VALID = "valid";
    public static final String VAR_OUTCOME = "outcome";
    public static final String VAR_YEAR = "year";
    public static final String VAR_TOTAL_BUDGET = "totalBudget";
    public static final String VAR_TEMPLATE_REQUIRES_EXPERT = "templateRequiresExpert";
    public static final String VAR_EXPERT_REVIEW = "expertReview";

    public static final String OUTCOME_APPROVE = "approve";
    public static final String OUTCOME_RETURN = "return";
    public static final String OUTCOME_REJECT = "reject";

    private static final Map<DeclarationStatus, String> REVIEW_TASKS = Map.of(
            DeclarationStatus.DEPT_REVIEW, TASK_DEPT_REVIEW,
            DeclarationStatus.FINANCE_REVIEW, TASK_FINANCE_REVIEW,
            DeclarationStatus.EXPERT_REVIEW, TASK_EXPERT_REVIEW);

    private DeclarationApprovalProcess() {
    }

    /** The review tasks, in the order a declaration meets them. */
    public static final java.util.List<String> REVIEW_TASKS_IN_ORDER =
            java.util.List.of(TASK_DEPT_REVIEW, TASK_FINANCE_REVIEW, TASK_EXPERT_REVIEW);

    /** The user task a declaration waits in while it has this review status. */
    public static Optional<String> reviewTaskFor(DeclarationStatus status) {
        return Optional.ofNullable(REVIEW_TASKS.get(status));
    }
}
