package cn.perftarget.declaration;

import java.util.HashSet;
import java.util.Set;

/**
 * Which declarations a caller may see (or, as a task scope, decide), as plain sets so that a list query can turn it
 * into a WHERE clause: {@code all}, or {@code department in (units)}, or {@code review_department in (reviewedBy)},
 * or (for experts) {@code expert_routed}. Built by {@link Access}, the one place the rules live.
 *
 * @param all          every declaration
 * @param units        codes of the filing units whose declarations are in scope
 * @param reviewedBy   codes of the 主管部门 whose reviews (fixed at submission) are in scope
 * @param expertRouted declarations that were routed to 专家评审
 */
public record DeclarationScope(boolean all, Set<String> units, Set<String> reviewedBy, boolean expertRouted) {

    public static final DeclarationScope NONE = new DeclarationScope(false, Set.of(), Set.of(), false);
    public static final DeclarationScope ALL = new DeclarationScope(true, Set.of(), Set.of(), false);

    public DeclarationScope {
        units = Set.copyOf(units);
        reviewedBy = Set.copyOf(reviewedBy);
    }

    static DeclarationScope ofUnits(Set<String> units, Set<String> reviewedBy) {
        return new DeclarationScope(false, units, reviewedBy, false);
    }

    DeclarationScope or(DeclarationScope other) {
        var units = new HashSet<>(this.units);
        units.addAll(other.units);
        var reviewed = new HashSet<>(reviewedBy);
        reviewed.addAll(other.reviewedBy);
        return new DeclarationScope(all || other.all, units, reviewed, expertRouted || other.expertRouted);
    }

    public boolean isEmpty() {
        return !all && units.isEmpty() && reviewedBy.isEmpty() && !expertRouted;
    }

    /** Whether a declaration of this unit, reviewed by this 主管部门 (or null), routed to experts or not, is in scope. */
    public boolean covers(String unit, String reviewDepartment, boolean routedToExperts) {
        return all || units.contains(unit) || reviewDepartment != null && reviewedBy.contains(reviewDepartment)
                || expertRouted && routedToExperts;
    }
}
