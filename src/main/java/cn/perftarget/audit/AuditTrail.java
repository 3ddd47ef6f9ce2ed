package cn.perftarget.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The append-only, hash-chained record of what happened to each declaration. */
@Service
public class AuditTrail {

    /** The chain of events that concern no single declaration, such as exports of the audit trail. */
    public static final long GENERAL = 0L;

    private final AuditEvents events;
    private final AuditChains chains;
    private final Clock clock;

    AuditTrail(AuditEvents events, AuditChains chains, Clock clock) {
        this.events = events;
        this.chains = chains;
        this.clock = clock;
    }

    /**
     * Appends an event to its declaration's chain in the caller's transaction: if the action fails, so does its
     * record, and if the record cannot be written, the action is undone.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEntry entry) {
        var chain = chains.lockHead(entry.declarationId())
                .orElseGet(() -> chains.save(new AuditChain(entry.declarationId())));
        var event = events.save(new AuditEvent(entry, clock.instant(), chain.length() + 1, chain.headHash()));
        chain.advance(event.hash());
    }

    /**
     * Appends events of one chain in this order, locking its head once (an import of many users is one chain-head
     * lock, not one per event), in the caller's transaction like {@link #record}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        long chainId = entries.get(0).declarationId();
        if (entries.stream().anyMatch(e -> e.declarationId() != chainId)) {
            throw new IllegalArgumentException("recordAll appends to one chain only");
        }
        var chain = chains.lockHead(chainId).orElseGet(() -> chains.save(new AuditChain(chainId)));
        for (var entry : entries) {
            var event = events.save(new AuditEvent(entry, clock.instant(), chain.length() + 1, chain.headHash()));
            chain.advance(event.hash());
        }
    }

    /**
     * Appends an event that concerns no single declaration to the {@link #GENERAL} chain, in a transaction of its
     * own: the event stays even when the caller's request is refused.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordGeneral(String actor, String actorRole, AuditAction action, String details) {
        record(new AuditEntry(GENERAL, actor, actorRole, null, null, action, null, null, null, null, null, details));
    }

    /** Whether this action was ever recorded for the declaration. */
    @Transactional(readOnly = true)
    public boolean has(long declarationId, AuditAction action) {
        return events.countByDeclarationIdAndAction(declarationId, action) > 0;
    }

    /** Every event of one declaration, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditRecord> historyOf(long declarationId) {
        return events.findByDeclarationIdOrderByIdAsc(declarationId).stream().map(AuditEvent::toRecord).toList();
    }
}
