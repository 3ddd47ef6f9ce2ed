package cn.perftarget.declaration;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One saved document, frozen: a save always adds a revision, never rewrites one. */
@Entity
@Table(name = "declaration_revision")
class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long declarationId;
    private int number;
    private String document;
    private String savedBy;
    private Instant savedAt;
    private Instant submittedAt;

    protected Revision() {
    }

    Revision(long declarationId, int number, String document, String savedBy, Instant savedAt) {
        this.declarationId = declarationId;
        this.number = number;
        this.document = document;
        this.savedBy = savedBy;
        this.savedAt = savedAt;
    }

    void markSubmitted(Instant now) {
        if (submittedAt == null) {
            submittedAt = now;
        }
    }

    long declarationId() {
        return declarationId;
    }

    int number() {
        return number;
    }

    String document() {
        return document;
    }

    String savedBy() {
        return savedBy;
    }

    Instant savedAt() {
        return savedAt;
    }

    Instant submittedAt() {
        return submittedAt;
    }
}
