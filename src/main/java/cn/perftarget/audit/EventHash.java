package cn.perftarget.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * SHA-256 over an event's canonical content and the previous event's hash. The canonical form is versioned
 * and names every field in a fixed order with an unambiguous escape, so that no two different events hash alike.
 */
final class EventHash {

    private EventHash() {
    }

    static String of(long declarationId, int seq, Instant occurredAt, String actor, String actorRole, String department,
                     Integer year, String action, String statusFrom, String statusTo, Integer revision, String comment,
                     String grade, String details, String prevHash) {
        var text = new StringBuilder("v1");
        for (Object field : new Object[] {declarationId, seq, occurredAt, actor, actorRole, department, year, action,
                statusFrom, statusTo, revision, comment, grade, details, prevHash}) {
            text.append('|').append(field == null ? "\\0" : field.toString().replace("\\", "\\\\").replace("|", "\\|"));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
