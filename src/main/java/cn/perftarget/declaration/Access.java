package cn.perftarget.declaration;

import java.util.ArrayList;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;

/**
 * Who may see and who may change a declaration. Filers and 主管部门 reviewers are scoped to their department;
 * 财政, experts, auditors and administrators see every department.
 */
@Component
class Access {

    private final Declarations declarations;

    Access(Declarations declarations) {
        this.declarations = declarations;
    }

    boolean canSee(Actor actor, Declaration declaration) {
        return switch (actor.role()) {
            case FILER, DEPT_REVIEWER -> actor.belongsTo(declaration.department());
            case FINANCE_REVIEWER, EXPERT, AUDITOR, ADMIN, SYSTEM -> true;
        };
    }

    Declaration visible(Actor actor, long id) {
        return declarations.findById(id)
                .filter(d -> canSee(actor, d))
                .orElseThrow(() -> new DeclarationNotFoundException(id));
    }

    /** A declaration the caller may see and, as a filer of its department, change. */
    Declaration owned(Actor actor, long id) {
        return requireFiler(actor, visible(actor, id));
    }

    /** As {@link #owned}, locked for the rest of the transaction so that a second writer waits and then sees the change. */
    Declaration ownedForUpdate(Actor actor, long id) {
        return requireFiler(actor, declarations.lockById(id)
                .filter(d -> canSee(actor, d))
                .orElseThrow(() -> new DeclarationNotFoundException(id)));
    }

    private static Declaration requireFiler(Actor actor, Declaration declaration) {
        if (!actor.is(Role.FILER)) {
            throw new ActionForbiddenException("只有本部门填报人可以执行此操作，当前用户角色为“" + actor.role().label() + "”");
        }
        return declaration;
    }

    Specification<Declaration> listable(Actor actor, DeclarationStatus status, Integer year) {
        return (root, query, cb) -> {
            var predicates = new ArrayList<Predicate>();
            if (actor.is(Role.FILER) || actor.is(Role.DEPT_REVIEWER)) {
                predicates.add(cb.equal(root.get("department"), actor.department()));
            }
            if (status != null) {
                predicates.add(cb.equal(root.get("status"), status));
            }
            if (year != null) {
                predicates.add(cb.equal(root.get("budgetYear"), year));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
