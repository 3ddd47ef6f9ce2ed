package cn.perftarget.declaration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.audit.AuditTrail;

import cn.perftarget.identity.Actor;

/** One timeline of a declaration: our audit events merged with what the engine recorded, oldest first. */
@Service
@Transactional(readOnly = true)
public class DeclarationHistory {

    /** The action of every engine entry: the engine ran an activity (task, event, gateway) of the process. */
    public static final String ENGINE_ACTION = "ACTIVITY";

    private final Access access;
    private final AuditTrail audit;
    private final ApprovalProcess process;
    private final EventWords words;

    DeclarationHistory(Access access, AuditTrail audit, ApprovalProcess process, EventWords words) {
        this.words = words;
        this.access = access;
        this.audit = audit;
        this.process = process;
    }

    public List<TimelineEntry> timeline(Actor actor, long id) {
        var declaration = access.visible(actor, id);
        List<TimelineEntry> entries = new ArrayList<>();
        var reading = words.reading();
        audit.historyOf(id).forEach(e -> entries.add(new TimelineEntry(e.time(), "audit", e.id(), e.actor(), e.role(),
                e.action(), e.actionLabel(), e.fromStatus(), e.toStatus(), e.revision(), e.comment(), e.grade(),
                e.details(), null, null, null, null, null, null, reading.person(e.actor()), reading.role(e.role()),
                reading.details(id, e.details()))));
        process.activities(declaration.processRef()).forEach(a -> entries.add(new TimelineEntry(a.start(), "engine", null, a.assignee(), null,
                ENGINE_ACTION, a.name(), null, null, null, null, null, null, a.activityId(), a.name(), a.type(),
                a.assignee(), a.end(), a.durationMs(), reading.person(a.assignee()), null, null)));
        // An audit event is written after the engine work of its call, so it follows the activities it caused;
        // the sort is stable, so entries of the same instant keep audit-before-engine order.
        entries.sort(Comparator.comparing(TimelineEntry::time));
        return entries;
    }

    /** The model of the declaration's approval instance with the steps passed and the current one (流程跟踪). */
    public java.util.Optional<ApprovalProcess.ProcessTrace> trace(Actor actor, long id) {
        return process.trace(access.visible(actor, id).processRef());
    }
}
