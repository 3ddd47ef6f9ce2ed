package cn.perftarget.audit;

import java.time.Instant;
import java.util.List;

/**
 * The heads of every hash chain at one moment, signed (HMAC-SHA256) and kept outside the database, so that a chain
 * that later comes back shorter, or different at the anchored event, shows as broken.
 *
 * @param time      when the heads were read
 * @param chains    one head per chain, by declaration id ({@link AuditTrail#GENERAL} included)
 * @param signature hex HMAC-SHA256 of the canonical text of time and chains
 */
public record AuditAnchor(Instant time, List<Head> chains, String signature) {

    /** A chain's length (its last seq) and the hash of that event when anchored. */
    public record Head(long declaration, int length, String hash) {
    }
}
