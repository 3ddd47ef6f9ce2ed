package cn.perftarget.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

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
    private Integer seq;
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
    private String prevHash;
    private String hash;

    protected AuditEvent() {
    }

    /** The next event of a chain whose last hash is {@code prevHash}. */
    AuditEvent(AuditEntry entry, Instant occurredAt, int seq, String prevHash) {
        this.declarationId = entry.declarationId();
        this.seq = seq;
        // Databases keep microseconds: hash what will be read back.
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
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
        this.prevHash = prevHash;
        this.hash = EventHash.of(declarationId, seq, this.occurredAt, actor, actorRole, department, budgetYear,
                action.name(), statusFrom, statusTo, revision, comment, grade, details, prevHash);
    }

    String hash() {
        return hash;
    }

    AuditRecord toRecord() {
        return new AuditRecord(id, declarationId, seq, occurredAt, actor, actorRole, department, budgetYear,
                action.name(), action.label(), statusFrom, statusTo, revision, comment, grade, details, hash);
    }
}
