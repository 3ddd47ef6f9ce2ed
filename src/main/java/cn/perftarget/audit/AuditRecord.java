package cn.perftarget.audit;

import java.time.Instant;

/** One stored audit event, as auditors and a declaration's history see it. */
public record AuditRecord(
        long id,
        Long declaration,
        Integer seq,
        Instant time,
        String actor,
        String role,
        String department,
        Integer year,
        String action,
        String actionLabel,
        String fromStatus,
        String toStatus,
        Integer revision,
        String comment,
        String grade,
        String details,
        String hash) {
}
