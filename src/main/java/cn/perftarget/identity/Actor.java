package cn.perftarget.identity;

/**
 * The authenticated person on whose behalf a call runs.
 *
 * @param department department code (e.g. {@code HP-BDC}) for filers and 主管部门 reviewers, {@code null} otherwise
 */
public record Actor(String username, String name, Role role, String department) {

    /** Who acts when a timer fires. */
    public static final Actor SYSTEM = new Actor("system", "系统", Role.SYSTEM, null);

    public boolean is(Role other) {
        return role == other;
    }

    public boolean belongsTo(String departmentCode) {
        return department != null && department.equals(departmentCode);
    }
}
