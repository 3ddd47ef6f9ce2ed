package cn.perftarget.identity;

import java.util.Set;

/**
 * A budget unit as other modules see it.
 *
 * @param parent   the unit above (a 二级单位's 主管部门), {@code null} for a 主管部门 or a finance unit
 * @param oversees for a 财政业务科室, the codes of the 主管部门 归口 to it; empty otherwise
 */
public record Unit(String code, String name, UnitKind kind, String parent, boolean active, Set<String> oversees) {

    public Unit {
        oversees = oversees == null ? Set.of() : java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(oversees));
    }
}
