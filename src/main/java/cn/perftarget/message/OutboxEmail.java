package cn.perftarget.message;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An email waiting to go out, written in the transaction of its message: if the action rolls back, nothing is sent;
 * if it commits, the sender delivers it later even after a crash. Claims (claimed_by/claimed_until) are changed by
 * {@link OutboxRepository}'s guarded updates only, never through this entity, so two nodes never both send it.
 */
@Entity
@Table(name = "message_outbox")
class OutboxEmail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long messageId;
    private String address;
    private String subject;
    private String body;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Outbox.State status;
    private int attempts;
    private Instant nextAttemptAt;
    private String claimedBy;
    private Instant claimedUntil;
    private String lastError;
    private Instant createdAt;
    private Instant sentAt;

    protected OutboxEmail() {
    }

    OutboxEmail(long messageId, String address, String subject, String body, Instant now) {
        this.messageId = messageId;
        this.address = address;
        this.subject = subject;
        this.body = body;
        this.status = Outbox.State.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    Long id() {
        return id;
    }

    String address() {
        return address;
    }

    String subject() {
        return subject;
    }

    String body() {
        return body;
    }

    int attempts() {
        return attempts;
    }

    OutboxEntry entry() {
        return new OutboxEntry(id, messageId, address, subject, status.name(), attempts, nextAttemptAt, lastError,
                createdAt, sentAt);
    }
}
