package cn.perftarget.message;

import java.time.Instant;

/** One email of the outbox as an administrator sees it: PENDING, SENT or FAILED, with the last error. */
public record OutboxEntry(long id, long messageId, String address, String subject, String status, int attempts,
                          Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
}
