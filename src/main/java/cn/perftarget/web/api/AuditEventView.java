package cn.perftarget.web.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import cn.perftarget.audit.AuditRecord;
import cn.perftarget.declaration.EventWords;

/**
 * An audit event as auditors read it: the stored record (its codes, for searches and the hash chain) with the
 * person, role, unit, statuses and details in words beside them.
 */
public record AuditEventView(@JsonUnwrapped AuditRecord event, String actorName, String roleLabel,
                             String departmentName, String fromStatusLabel, String toStatusLabel, String detailsText) {

    static AuditEventView of(AuditRecord e, EventWords.Reading words) {
        return new AuditEventView(e, words.person(e.actor()), words.role(e.role()), words.unit(e.department()),
                words.status(e.fromStatus()), words.status(e.toStatus()), words.details(e.declaration(), e.details()));
    }

    /** One page of events in words, and how many match in all. */
    public record Page(List<AuditEventView> items, long total) {
    }
}
