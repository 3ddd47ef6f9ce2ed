package cn.perftarget.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Auditors' searches over all events, a page at a time or as one export that is itself recorded. */
@Service
public class AuditQueries {

    /** The most events one export holds; narrower filters give the rest. */
    public static final int EXPORT_LIMIT = 100_000;

    private final AuditEvents events;
    private final AuditTrail trail;

    AuditQueries(AuditEvents events, AuditTrail trail) {
        this.events = events;
        this.trail = trail;
    }

    @Transactional(readOnly = true)
    public AuditPage search(AuditFilter filter, int page, int size) {
        var found = events.findAll(matching(filter), PageRequest.of(page, size, Sort.by("id")));
        return new AuditPage(found.map(AuditEvent::toRecord).getContent(), found.getTotalElements());
    }

    /**
     * Hands every matching event (oldest first, at most {@link #EXPORT_LIMIT}) to {@code sink} and records the
     * export in the general chain.
     */
    @Transactional
    public int export(AuditFilter filter, String actor, String actorRole, Consumer<AuditRecord> sink) {
        int count = 0;
        for (int page = 0; count < EXPORT_LIMIT; page++) {
            var found = events.findAll(matching(filter), PageRequest.of(page, 1_000, Sort.by("id")));
            for (AuditEvent event : found) {
                if (count++ < EXPORT_LIMIT) {
                    sink.accept(event.toRecord());
                }
            }
            if (!found.hasNext()) {
                break;
            }
        }
        trail.record(new AuditEntry(AuditTrail.GENERAL, actor, actorRole, filter.department(), filter.year(),
                AuditAction.EXPORTED, null, null, null, null, null, "导出 " + count + " 条：" + filter));
        return count;
    }

    private static Specification<AuditEvent> matching(AuditFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.department() != null) {
                where.add(cb.equal(root.get("department"), filter.department()));
            }
            if (filter.year() != null) {
                where.add(cb.equal(root.get("budgetYear"), filter.year()));
            }
            if (filter.actor() != null) {
                where.add(cb.equal(root.get("actor"), filter.actor()));
            }
            if (filter.action() != null) {
                where.add(cb.equal(root.get("action"), filter.action()));
            }
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), filter.from()));
            }
            if (filter.to() != null) {
                where.add(cb.lessThan(root.get("occurredAt"), filter.to()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
