package cn.perftarget.identity;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The budget units as they are at one moment: the tree and the 归口 of the 财政科室. Immutable. */
public final class UnitTree {

    private final Map<String, Unit> byCode;
    private final Map<String, List<String>> children;

    UnitTree(Collection<Unit> units) {
        this.byCode = new TreeMap<>(units.stream().collect(Collectors.toMap(Unit::code, u -> u)));
        this.children = units.stream().filter(u -> u.parent() != null)
                .collect(Collectors.groupingBy(Unit::parent, Collectors.mapping(Unit::code, Collectors.toList())));
    }

    public Optional<Unit> unit(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** Every unit, ordered by code. */
    public Collection<Unit> all() {
        return byCode.values();
    }

    /** The unit and every unit under it, at any depth; empty for an unknown code. */
    public Set<String> subtree(String code) {
        Set<String> out = new HashSet<>();
        if (code == null || !byCode.containsKey(code)) {
            return out;
        }
        var pending = new ArrayDeque<String>(List.of(code));
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (out.add(next)) {
                pending.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return out;
    }

    /** The 主管部门 a unit belongs to: itself, or the nearest 主管部门 above it. */
    public Optional<String> departmentOf(String code) {
        var seen = new HashSet<String>();
        var unit = unit(code);
        while (unit.isPresent() && seen.add(unit.get().code())) {
            if (unit.get().kind() == UnitKind.DEPARTMENT) {
                return Optional.of(unit.get().code());
            }
            unit = unit(unit.get().parent());
        }
        return Optional.empty();
    }

    /** Whether {@code ancestor} is {@code code} or above it. */
    public boolean isWithin(String code, String ancestor) {
        return subtree(ancestor).contains(code);
    }
}
