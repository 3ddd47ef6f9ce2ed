package cn.perftarget.declaration;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.audit.AuditEntry;
import cn.perftarget.audit.AuditTrail;
import cn.perftarget.identity.Actor;

/** Writes this module's actions to the audit trail and tells listeners what happened, in the action's transaction. */
@Component
class Journal {

    private final AuditTrail trail;
    private final ApplicationEventPublisher events;

    Journal(AuditTrail trail, ApplicationEventPublisher events) {
        this.trail = trail;
        this.events = events;
    }

    /** Synchronously, in the caller's transaction: a listener's failure undoes the action. */
    void publish(DeclarationEvent event) {
        events.publishEvent(event);
    }

    void record(Actor actor, Declaration declaration, AuditAction action, DeclarationStatus from, String details) {
        trail.record(new AuditEntry(declaration.id(), actor.username(), actor.role().name(), declaration.department(),
                declaration.year(), action, from == null ? null : from.name(), declaration.status().name(),
                declaration.revision(), null, null, details));
    }
}
