package cn.perftarget.declaration;

import java.util.Set;

/** Where a declaration stands. Only {@link Declaration}'s transition methods move it. */
public enum DeclarationStatus {
    DRAFT("草稿"),
    DEPT_REVIEW("主管部门审核中"),
    FINANCE_REVIEW("财政审核中"),
    EXPERT_REVIEW("专家评审中"),
    RETURNED("已退回"),
    APPROVED("已批复"),
    REJECTED("已驳回");

    private static final Set<DeclarationStatus> EDITABLE = Set.of(DRAFT, RETURNED);
    private static final Set<DeclarationStatus> IN_REVIEW = Set.of(DEPT_REVIEW, FINANCE_REVIEW, EXPERT_REVIEW);

    private final String label;

    DeclarationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isEditable() {
        return EDITABLE.contains(this);
    }

    public boolean isInReview() {
        return IN_REVIEW.contains(this);
    }

    /** A filer may take the submission back: no reviewer has acted on it yet. */
    public boolean allowsWithdrawal() {
        return this == DEPT_REVIEW;
    }

    /** A filer may open an adjustment (调整) round. */
    public boolean allowsAdjustment() {
        return this == APPROVED;
    }
}
