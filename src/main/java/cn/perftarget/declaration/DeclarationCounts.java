package cn.perftarget.declaration;

import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/** Counts grouped in the database, so an overview of a year never loads the declarations themselves. */
@Component
class DeclarationCounts {

    private final EntityManager entities;

    DeclarationCounts(EntityManager entities) {
        this.entities = entities;
    }

    /** Department → status → how many match. */
    Map<String, Map<DeclarationStatus, Long>> byDepartmentAndStatus(Specification<Declaration> where) {
        var cb = entities.getCriteriaBuilder();
        var query = cb.createQuery(Object[].class);
        var root = query.from(Declaration.class);
        query.multiselect(root.get("department"), root.get("status"), cb.count(root))
                .where(where.toPredicate(root, query, cb))
                .groupBy(root.get("department"), root.get("status"));
        Map<String, Map<DeclarationStatus, Long>> counts = new HashMap<>();
        for (Object[] row : entities.createQuery(query).getResultList()) {
            counts.computeIfAbsent((String) row[0], d -> new LinkedHashMap<>())
                    .put((DeclarationStatus) row[1], (Long) row[2]);
        }
        return counts;
    }

    /** Department → how many match. */
    Map<String, Long> byDepartment(Specification<Declaration> where) {
        var cb = entities.getCriteriaBuilder();
        var query = cb.createQuery(Object[].class);
        var root = query.from(Declaration.class);
        query.multiselect(root.get("department"), cb.count(root))
                .where(where.toPredicate(root, query, cb))
                .groupBy(root.get("department"));
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : entities.createQuery(query).getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }
}
