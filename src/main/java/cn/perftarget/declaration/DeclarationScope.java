package cn.perftarget.declaration;

import java.util.HashSet;
import java.util.Set;

/**
 * Which declarations a caller may see (or, as a task scope, decide), as plain sets so that a list query can turn it
 * into a WHERE clause: {@code all}, or {@code department in (units)}, or {@code review_department in (reviewedBy)},
 * or (for holders of a role a review step names) {@code routed_roles} containing the role. Built by {@link Access}, the one place the rules live.
 *
 * @param all          every declaration
 * @param units        codes of the filing units whose declarations are in scope
 * @param reviewedBy   codes of the 主管部门 whose reviews (fixed at submission) are in scope
 * @param routedRoles  roles whose declarations routed to a step of theirs ({@code role:EXPERT}) are in scope
 */
public record DeclarationScope(boolean all, Set<String> units, Set<String> reviewedBy, Set<String> routedRoles) {

    public static final DeclarationScope NONE = new DeclarationScope(false, Set.of(), Set.of(), Set.of());
    public static final DeclarationScope ALL = new DeclarationScope(true, Set.of(), Set.of(), Set.of());

    public DeclarationScope {
        units = Set.copyOf(units);
        reviewedBy = Set.copyOf(reviewedBy);
        routedRoles = Set.copyOf(routedRoles);
    }

    static DeclarationScope ofUnits(Set<String> units, Set<String> reviewedBy) {
        return new DeclarationScope(false, units, reviewedBy, Set.of());
    }

    DeclarationScope or(DeclarationScope other) {
        var units = new HashSet<>(this.units);
        units.addAll(other.units);
        var reviewed = new HashSet<>(reviewedBy);
        reviewed.addAll(other.reviewedBy);
        var roles = new HashSet<>(routedRoles);
        roles.addAll(other.routedRoles);
        return new DeclarationScope(all || other.all, units, reviewed, roles);
    }

    public boolean isEmpty() {
        return !all && units.isEmpty() && reviewedBy.isEmpty() && routedRoles.isEmpty();
    }

    /** Whether a declaration of this unit, reviewed by this 主管部门 (or null), routed to these roles, is in scope. */
    public boolean covers(String unit, String reviewDepartment, Set<String> routedTo) {
        return all || units.contains(unit) || reviewDepartment != null && reviewedBy.contains(reviewDepartment)
                || routedTo.stream().anyMatch(routedRoles::contains);
    }
}
