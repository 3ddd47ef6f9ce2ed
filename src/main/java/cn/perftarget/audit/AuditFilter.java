package cn.perftarget.audit;

import java.time.Instant;

/** What an auditor searches for; null fields do not restrict. {@code to} is exclusive. */
public record AuditFilter(String department, Integer year, String actor, AuditAction action, Instant from, Instant to) {

    /** Whether it restricts nothing: every event matches. */
    public boolean isEmpty() {
        return department == null && year == null && actor == null && action == null && from == null && to == null;
    }
}
