package cn.perftarget.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The append-only record of what happened to each declaration. */
@Service
public class AuditTrail {

    private final AuditEvents events;
    private final Clock clock;

    AuditTrail(AuditEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Records an event in the caller's transaction: if the action fails, so does its record, and vice versa. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEntry entry) {
        events.save(new AuditEvent(entry, clock.instant()));
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
