package cn.perftarget.message;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message to one person; it stays until read and then stays read. */
@Entity
@Table(name = "message")
class Message {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String recipient;
    @Enumerated(EnumType.STRING)
    private MessageKind kind;
    private Long declarationId;
    private String title;
    @Column(name = "body")
    private String text;
    private Instant createdAt;
    private Instant readAt;

    protected Message() {
    }

    Message(String recipient, MessageKind kind, Long declarationId, String title, String text, Instant createdAt) {
        this.recipient = recipient;
        this.kind = kind;
        this.declarationId = declarationId;
        this.title = title;
        this.text = text;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    String recipient() {
        return recipient;
    }

    MessageKind kind() {
        return kind;
    }

    String title() {
        return title;
    }

    String text() {
        return text;
    }

    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    MessageView view() {
        return new MessageView(id, kind, declarationId, title, text, createdAt, readAt != null);
    }
}
