package cn.perftarget.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
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
    private final AuditChains chains;
    private final AuditTrail trail;
    private final EntityManager entities;

    AuditQueries(AuditEvents events, AuditChains chains, AuditTrail trail, EntityManager entities) {
        this.events = events;
        this.chains = chains;
        this.trail = trail;
        this.entities = entities;
    }

    /**
     * A page of the matching events, oldest first, with their number. Counting a million events takes PostgreSQL
     * longer than a page may, so without a filter the number is the chains' lengths (each append lengthens its chain
     * in the same transaction, and the verification reports any event outside a chain); and a page past the middle
     * is read from the newest end, so the last page costs what the first does.
     */
    @Transactional(readOnly = true)
    public AuditPage search(AuditFilter filter, int page, int size) {
        var matching = matching(filter);
        long total = filter.isEmpty() ? chains.totalLength() : events.count(matching);
        long offset = (long) page * size;
        if (offset >= total) {
            return new AuditPage(List.of(), total);
        }
        boolean fromNewest = offset > total / 2;
        int count = (int) Math.min(size, total - offset);
        long first = fromNewest ? total - offset - count : offset;
        var cb = entities.getCriteriaBuilder();
        var query = cb.createQuery(AuditEvent.class);
        var root = query.from(AuditEvent.class);
        query.where(matching.toPredicate(root, query, cb))
                .orderBy(fromNewest ? cb.desc(root.get("id")) : cb.asc(root.get("id")));
        var found = new ArrayList<>(entities.createQuery(query).setFirstResult((int) first).setMaxResults(count)
                .getResultList().stream().map(AuditEvent::toRecord).toList());
        if (fromNewest) {
            Collections.reverse(found);
        }
        return new AuditPage(found, total);
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
