package cn.perftarget.message;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Prometheus meters of the email outbox: {@code perftarget_messages_outbox_pending} (emails waiting, counted in the
 * database, so every node reports the same figure; cached for 10 seconds like the other counts),
 * {@code perftarget_messages_emails_failed_total} and {@code perftarget_messages_emails_sent_total} (this node's).
 */
@Component
class MessageMeters {

    private static final Duration FRESH = Duration.ofSeconds(10);

    private final Counter failed;
    private final Counter sent;
    private final OutboxRepository emails;
    private volatile long pending;
    private volatile Instant countedAt = Instant.EPOCH;

    MessageMeters(MeterRegistry registry, OutboxRepository emails) {
        this.emails = emails;
        this.failed = Counter.builder("perftarget.messages.emails.failed")
                .description("发送失败（已放弃重试）的邮件数").register(registry);
        this.sent = Counter.builder("perftarget.messages.emails.sent").description("已发送的邮件数").register(registry);
        Gauge.builder("perftarget.messages.outbox.pending", this, MessageMeters::pending)
                .description("发件箱中等待发送的邮件数").register(registry);
    }

    void failed() {
        failed.increment();
    }

    void sent() {
        sent.increment();
    }

    private double pending() {
        if (countedAt.plus(FRESH).isBefore(Instant.now())) {
            pending = emails.countByStatus(Outbox.State.PENDING);
            countedAt = Instant.now();
        }
        return pending;
    }
}
