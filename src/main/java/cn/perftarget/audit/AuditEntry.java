package cn.perftarget.audit;

/**
 * What happened, as told by the module that did it. {@code statusFrom}/{@code statusTo} are status names,
 * equal when the action changed no status.
 */
public record AuditEntry(
        long declarationId,
        String actor,
        String actorRole,
        String department,
        Integer year,
        AuditAction action,
        String statusFrom,
        String statusTo,
        Integer revision,
        String comment,
        String grade,
        String details) {
}
