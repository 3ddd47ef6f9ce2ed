package cn.perftarget.audit;

import java.util.List;

/** One page of audit events and how many match in all. */
public record AuditPage(List<AuditRecord> items, long total) {
}
