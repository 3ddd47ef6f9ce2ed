package cn.perftarget.message;

import java.time.Instant;

/** One of the caller's messages, as the API and the pages show it; {@code declarationId} links to the declaration. */
public record MessageView(long id, MessageKind kind, Long declarationId, String title, String text, Instant createdAt,
                          boolean read) {
}
