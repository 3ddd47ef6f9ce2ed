package cn.perftarget.process;

/**
 * What every approval model and our code agree on: the shipped model's key (the default of a template that names
 * none), the withdrawal message, the extension properties of a review step and the process variables we set. No
 * step is named here: what a step is comes from the model ({@link ModelSteps}).
 */
final class DeclarationApprovalProcess {

    static final String DEFAULT_KEY = "DeclarationApproval";

    static final String MESSAGE_WITHDRAWN = "DeclarationWithdrawn";

    /** The extension property that makes a user task a review step. */
    static final String PROPERTY_STATUS = "status";

    /** The declaration's id: the only reference to our data the process holds. */
    static final String VAR_DECLARATION_ID = "declarationId";
    /** Routing facts. */
    static final String VAR_DEPARTMENT = "department";
    static final String VAR_FORM_KEY = "formKey";
    static final String VAR_YEAR = "year";
    /** The 主管部门 that reviews this round: the routing fact behind the candidate groups of the review steps. */
    static final String VAR_REVIEW_DEPARTMENT = "reviewDepartment";
    static final String VAR_OUTCOME = "outcome";
    /** A panel's (会签) tally of the current round: what its completion condition and gateway read. */
    static final String VAR_APPROVE_COUNT = "approveCount";
    static final String VAR_RETURN_COUNT = "returnCount";
    static final String VAR_REJECT_COUNT = "rejectCount";

    private DeclarationApprovalProcess() {
    }
}
