package cn.perftarget.declaration;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a declaration stands: one of the four fixed lifecycle statuses, or the {@code status} code of the review step
 * of its process model it waits in (the shipped model's are {@code DEPT_REVIEW}, {@code FINANCE_REVIEW} and
 * {@code EXPERT_REVIEW}; a bureau's model may add its own). Only {@link Declaration}'s transitions move it. Equal by
 * code; the label is the step's name in the model, for people.
 */
public final class DeclarationStatus {

    public static final DeclarationStatus DRAFT = new DeclarationStatus("DRAFT", "草稿");
    public static final DeclarationStatus RETURNED = new DeclarationStatus("RETURNED", "已退回");
    public static final DeclarationStatus APPROVED = new DeclarationStatus("APPROVED", "已批复");
    public static final DeclarationStatus REJECTED = new DeclarationStatus("REJECTED", "已驳回");

    private static final Map<String, DeclarationStatus> FIXED = Map.of(
            DRAFT.code, DRAFT, RETURNED.code, RETURNED, APPROVED.code, APPROVED, REJECTED.code, REJECTED);
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    private final String code;
    private final String label;

    private DeclarationStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The fixed status of this code, or a review status labelled as its step is. */
    public static DeclarationStatus of(String code, String reviewLabel) {
        var fixed = FIXED.get(code);
        if (fixed != null) {
            return fixed;
        }
        if (!isCode(code)) {
            throw new IllegalArgumentException("状态代码“" + code + "”无效");
        }
        return new DeclarationStatus(code, reviewLabel == null || reviewLabel.isBlank() ? code : reviewLabel);
    }

    /** A status named by a caller (a list filter), labelled by its code until a step says otherwise. */
    public static DeclarationStatus valueOf(String code) {
        return of(code, null);
    }

    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** Whether this code is one of the fixed lifecycle statuses, which no review step may take. */
    public static boolean isFixed(String code) {
        return FIXED.containsKey(code);
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The code, as the enum this class replaced called it. */
    public String name() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean isEditable() {
        return this == DRAFT || this == RETURNED;
    }

    /** Waiting in a review step of its process. */
    public boolean isInReview() {
        return !FIXED.containsKey(code);
    }

    /** A filer may open an adjustment (调整) round. */
    public boolean allowsAdjustment() {
        return this == APPROVED;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeclarationStatus status && status.code.equals(code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
