package cn.perftarget.identity;

import java.util.List;

/**
 * A unit as an administrator gives it: to create ({@code code}, {@code kind} required) or to change (rename, move to
 * another {@code parent}, {@code active} false to deactivate, the 归口 {@code oversees} of a 财政业务科室). On a change,
 * what is null stays as it is.
 */
public record UnitCommand(String code, String name, UnitKind kind, String parent, Boolean active,
                          List<String> oversees) {

    public UnitCommand {
        oversees = oversees == null ? null : List.copyOf(oversees);
    }
}
