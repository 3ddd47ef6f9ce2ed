package cn.perftarget.audit;

import java.util.List;

/**
 * The result of walking every hash chain.
 *
 * @param intact whether no chain is broken
 * @param events how many events were checked
 * @param broken the first break of each broken chain
 */
public record ChainVerification(boolean intact, long events, List<Break> broken) {

    /** Where a declaration's chain first breaks, and why. {@code event} is the event id, null if it is gone. */
    public record Break(long declaration, Long event, String reason) {
    }
}
