package cn.perftarget.declaration;

import java.time.Clock;

import org.springframework.stereotype.Component;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.audit.AuditTrail;
import cn.perftarget.identity.Actor;

/**
 * What the deadline timers record: the reminder before the submission deadline, the overdue mark after it (each
 * once, and only while the declaration was never submitted; processes/SubmissionDeadline.bpmn), and review
 * escalations (the approval process's SLA timers). They read the declaration without locking it, so a timer never
 * holds up a filer's save.
 */
@Component("deadlineEvents")
public class DeadlineEvents {

    private final Declarations declarations;
    private final AuditTrail audit;
    private final Journal journal;
    private final SubmissionDeadlines deadlines;
    private final Clock clock;
    private final LocalTimes times;
    private final String escalationGroup;

    DeadlineEvents(Declarations declarations, AuditTrail audit, Journal journal, SubmissionDeadlines deadlines,
                   Clock clock, LocalTimes times, DeadlineProperties properties) {
        this.times = times;
        this.escalationGroup = properties.review().escalationGroup();
        this.declarations = declarations;
        this.audit = audit;
        this.journal = journal;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public void reminded(long declarationId) {
        var declaration = load(declarationId);
        // A timer created after the reminder time fires at once; past the deadline the overdue mark says it all.
        boolean beforeDeadline = clock.instant().isBefore(deadlines.deadline(declaration.year()));
        if (beforeDeadline && declaration.firstSubmittedAt() == null && !audit.has(declarationId, AuditAction.REMINDED)) {
            journal.record(Actor.SYSTEM, declaration, AuditAction.REMINDED, declaration.status(),
                    "提交截止时间：" + times.minutes(deadlines.deadline(declaration.year())));
            journal.publish(new DeclarationEvent.DeadlineNear(declarationId, deadlines.deadline(declaration.year())));
        }
    }

    public void overdue(long declarationId) {
        var declaration = load(declarationId);
        if (declaration.firstSubmittedAt() == null && !audit.has(declarationId, AuditAction.OVERDUE)) {
            journal.record(Actor.SYSTEM, declaration, AuditAction.OVERDUE, declaration.status(),
                    "已超过提交截止时间：" + times.minutes(deadlines.deadline(declaration.year())));
            journal.publish(new DeclarationEvent.WentOverdue(declarationId, deadlines.deadline(declaration.year())));
        }
    }

    public void escalated(long declarationId, String step, String group) {
        var declaration = load(declarationId);
        journal.record(Actor.SYSTEM, declaration, AuditAction.ESCALATED, declaration.status(),
                "“" + step + "”超过审核时限，已升级至" + (group.equals(escalationGroup) ? "超时审核督办人员" : group));
        journal.publish(new DeclarationEvent.ReviewOverdue(declarationId, declaration.status()));
    }

    private Declaration load(long declarationId) {
        return declarations.findById(declarationId).orElseThrow(() -> new DeclarationNotFoundException(declarationId));
    }
}
