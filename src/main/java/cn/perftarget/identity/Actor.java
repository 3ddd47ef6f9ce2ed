package cn.perftarget.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * The authenticated person on whose behalf a call runs.
 *
 * @param role       the role the person acts in where one must be named (audit, home page, review step): the first
 *                   of their roles in {@link Role}'s order
 * @param department the code of the person's budget unit (e.g. {@code HP-BDC}, a 财政科室 such as {@code CZ-JKW}),
 *                   {@code null} for experts, auditors and administrators without one
 * @param roles      every role the person has; {@link #is} asks these
 */
public record Actor(String username, String name, Role role, String department, Set<Role> roles) {

    /** Who acts when a timer fires. */
    public static final Actor SYSTEM = new Actor("system", "系统", Role.SYSTEM, null);

    public Actor {
        roles = roles == null || roles.isEmpty() ? Set.of(role) : Set.copyOf(roles);
    }

    /** One role. */
    public Actor(String username, String name, Role role, String department) {
        this(username, name, role, department, Set.of(role));
    }

    /** Several roles; the first in {@link Role}'s order is the one named. */
    public Actor(String username, String name, Set<Role> roles, String department) {
        this(username, name, EnumSet.copyOf(roles).iterator().next(), department, roles);
    }

    public boolean is(Role other) {
        return roles.contains(other);
    }

    public boolean belongsTo(String departmentCode) {
        return department != null && department.equals(departmentCode);
    }
}
