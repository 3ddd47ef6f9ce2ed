package cn.perftarget.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Append-only: no setters, nothing in this module updates or deletes a row. */
@Entity
@Table(name = "audit_event")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long declarationId;
    private Instant occurredAt;
    private String actor;
    private String actorRole;
    private String department;
    private Integer budgetYear;
    @Enumerated(EnumType.STRING)
    private AuditAction action;
    private String statusFrom;
    private String statusTo;
    private Integer revision;
    private String comment;
    private String grade;
    private String details;

    protected AuditEvent() {
    }

    AuditEvent(AuditEntry entry, Instant occurredAt) {
        this.declarationId = entry.declarationId();
        this.occurredAt = occurredAt;
        this.actor = entry.actor();
        this.actorRole = entry.actorRole();
        this.department = entry.department();
        this.budgetYear = entry.year();
        this.action = entry.action();
        this.statusFrom = entry.statusFrom();
        this.statusTo = entry.statusTo();
        this.revision = entry.revision();
        this.comment = entry.comment();
        this.grade = entry.grade();
        this.details = entry.details();
    }

    AuditRecord toRecord() {
        return new AuditRecord(id, occurredAt, actor, actorRole, action.name(), action.label(),
                statusFrom, statusTo, revision, comment, grade, details);
    }
}
