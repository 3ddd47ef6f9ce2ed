package cn.perftarget.review;

import java.util.Arrays;
import java.util.Optional;

import cn.perftarget.audit.AuditAction;

/** A reviewer's decision on one step. */
public enum Outcome {
    APPROVE("approve", AuditAction.APPROVED),
    RETURN("return", AuditAction.RETURNED),
    REJECT("reject", AuditAction.REJECTED);

    private final String code;
    private final AuditAction action;

    Outcome(String code, AuditAction action) {
        this.code = code;
        this.action = action;
    }

    public String code() {
        return code;
    }

    AuditAction action() {
        return action;
    }

    public static Optional<Outcome> of(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }
}
