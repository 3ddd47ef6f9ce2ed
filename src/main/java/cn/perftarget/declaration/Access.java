package cn.perftarget.declaration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;
import cn.perftarget.identity.Role;
import cn.perftarget.identity.UnitKind;
import cn.perftarget.identity.UnitTree;

/**
 * Who may see, change and decide which declaration: the one place the rules live, following the unit tree. Filers
 * see their own unit's; a 主管部门's reviewers those of the 主管部门 and every unit under it, and those whose review
 * was fixed to it at submission; a 财政业务科室 those of the 主管部门 归口 to it and their units; the 绩效科, auditors and
 * administrators all; experts what was routed to 专家评审. A person with several roles sees the union.
 */
@Component
class Access {

    private final Declarations declarations;
    private final Directory directory;
    private final DeclarationCopyRepository copies;

    Access(Declarations declarations, Directory directory, DeclarationCopyRepository copies) {
        this.declarations = declarations;
        this.directory = directory;
        this.copies = copies;
    }

    /** What the actor may see. */
    /** The 绩效科: a 财政审核人 who sees every unit; it opens monitoring rounds and draws the 财政复核 sample. */
    boolean performanceSection(Actor actor) {
        return actor.is(Role.FINANCE_REVIEWER) && scopeOf(actor).all();
    }

    DeclarationScope scopeOf(Actor actor) {
        var units = directory.units();
        var scope = DeclarationScope.NONE;
        for (Role role : actor.roles()) {
            scope = scope.or(switch (role) {
                case FILER -> actor.department() == null ? DeclarationScope.NONE
                        : DeclarationScope.ofUnits(Set.of(actor.department()), Set.of());
                case DEPT_REVIEWER -> actor.department() == null ? DeclarationScope.NONE
                        : DeclarationScope.ofUnits(units.subtree(actor.department()), Set.of(actor.department()));
                case FINANCE_REVIEWER -> finance(units, actor.department());
                case EXPERT -> DeclarationScope.NONE;
                case AUDITOR, ADMIN, SYSTEM -> DeclarationScope.ALL;
            });
        }
        // Whoever holds a role that a step of a model names (role:EXPERT, …) sees what was routed there.
        var roles = actor.roles().stream().map(Role::name).collect(java.util.stream.Collectors.toSet());
        return scope.or(new DeclarationScope(false, Set.of(), Set.of(), roles));
    }

    /**
     * Whose reviews the actor decides at this step, as its model's {@code reviewers} says: the 主管部门 fixed at
     * submission, the 财政科室's 归口 (the 绩效科 all), the 绩效科, or anyone with the role.
     */
    DeclarationScope decidingScope(Actor actor, ReviewStepDefinition step) {
        var reviewers = step.reviewers();
        if (!actor.is(reviewers.role())) {
            return DeclarationScope.NONE;
        }
        return switch (reviewers.kind()) {
            case DEPARTMENT -> actor.department() == null ? DeclarationScope.NONE
                    : DeclarationScope.ofUnits(Set.of(), Set.of(actor.department()));
            case FINANCE_SECTION -> {
                var finance = finance(directory.units(), actor.department());
                yield finance.all() ? finance : DeclarationScope.ofUnits(Set.of(), finance.reviewedBy());
            }
            case PERFORMANCE_SECTION -> directory.units().unit(actor.department())
                    .filter(unit -> unit.kind() == UnitKind.PERFORMANCE_SECTION)
                    .map(unit -> DeclarationScope.ALL).orElse(DeclarationScope.NONE);
            case ROLE -> DeclarationScope.ALL;
        };
    }

    /** Whether a reviewer (主管部门 or 财政) may upload declarations of this unit: it is in their review scope. */
    boolean mayImportFor(Actor actor, String unit) {
        var units = directory.units();
        boolean dept = actor.is(Role.DEPT_REVIEWER) && actor.department() != null
                && units.subtree(actor.department()).contains(unit);
        var finance = actor.is(Role.FINANCE_REVIEWER) ? finance(units, actor.department()) : DeclarationScope.NONE;
        return dept || finance.all() || finance.units().contains(unit);
    }

    private static DeclarationScope finance(UnitTree units, String unitCode) {
        var unit = units.unit(unitCode);
        if (unit.isEmpty()) {
            return DeclarationScope.NONE;
        }
        if (unit.get().kind() == UnitKind.PERFORMANCE_SECTION) {
            return DeclarationScope.ALL;
        }
        if (unit.get().kind() != UnitKind.FINANCE_SECTION) {
            return DeclarationScope.NONE;
        }
        Set<String> covered = new HashSet<>();
        unit.get().oversees().forEach(d -> covered.addAll(units.subtree(d)));
        return DeclarationScope.ofUnits(covered, unit.get().oversees());
    }

    /** Whether the actor may read it: within their scope, or copied in (抄送) on it. */
    boolean canSee(Actor actor, Declaration declaration) {
        return inScope(actor, declaration)
                || copies.existsByDeclarationIdAndUsername(declaration.id(), actor.username());
    }

    /** Within the actor's scope by role and unit, copies aside: what lets someone copy others in. */
    boolean inScope(Actor actor, Declaration declaration) {
        return covers(scopeOf(actor), declaration);
    }

    static boolean covers(DeclarationScope scope, Declaration declaration) {
        return scope.covers(declaration.department(), declaration.reviewDepartment(), declaration.routedRoles());
    }

    Declaration visible(Actor actor, long id) {
        return declarations.findById(id)
                .filter(d -> canSee(actor, d))
                .orElseThrow(() -> new DeclarationNotFoundException(id));
    }

    /** A declaration the caller may see and, as a filer of its unit, change. */
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
        if (!actor.is(Role.FILER) || !actor.belongsTo(declaration.department())) {
            throw new ActionForbiddenException("只有本单位填报人可以执行此操作，当前用户角色为“" + actor.role().label() + "”");
        }
        return declaration;
    }

    Specification<Declaration> listable(Actor actor, DeclarationStatus status, Integer year) {
        return within(scopeOf(actor), status, year);
    }

    /** As {@link #listable}, and those the actor was copied in on (抄送): what the declaration list shows them. */
    Specification<Declaration> readable(Actor actor, DeclarationStatus status, Integer year) {
        Specification<Declaration> copied = (root, query, cb) -> {
            var sub = query.subquery(Long.class);
            var copy = sub.from(DeclarationCopy.class);
            sub.select(copy.<Long>get("declarationId")).where(cb.equal(copy.get("username"), actor.username()));
            return root.get("id").in(sub);
        };
        return within(scopeOf(actor), null, null).or(copied).and(within(DeclarationScope.ALL, status, year));
    }

    /** The declarations of a scope as a query: the WHERE clause of every list. */
    static Specification<Declaration> within(DeclarationScope scope, DeclarationStatus status, Integer year) {
        return (root, query, cb) -> {
            var predicates = new ArrayList<Predicate>();
            predicates.add(scopePredicate(scope, root, cb));
            if (status != null) {
                predicates.add(cb.equal(root.get("status"), status));
            }
            if (year != null) {
                predicates.add(cb.equal(root.get("budgetYear"), year));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static Predicate scopePredicate(DeclarationScope scope, Root<Declaration> root, CriteriaBuilder cb) {
        if (scope.all()) {
            return cb.conjunction();
        }
        var any = new ArrayList<Predicate>();
        if (!scope.units().isEmpty()) {
            any.add(root.get("department").in(scope.units()));
        }
        if (!scope.reviewedBy().isEmpty()) {
            any.add(root.get("reviewDepartment").in(scope.reviewedBy()));
        }
        for (String role : scope.routedRoles()) {
            any.add(cb.like(root.get("routedRoles"), "%," + role + ",%"));
        }
        return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
    }
}
