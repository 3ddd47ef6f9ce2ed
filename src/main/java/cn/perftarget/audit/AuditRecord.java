package cn.perftarget.audit;

import java.time.Instant;

/** One stored audit event, as shown in a declaration's history. */
public record AuditRecord(
        long id,
        Instant time,
        String actor,
        String role,
        String action,
        String actionLabel,
        String fromStatus,
        String toStatus,
        Integer revision,
        String comment,
        String grade,
        String details) {
}
