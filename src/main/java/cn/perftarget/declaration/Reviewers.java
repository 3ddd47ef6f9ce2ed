package cn.perftarget.declaration;

import cn.perftarget.identity.Role;

/**
 * Who decides a review step, as its model's {@code reviewers} property says: {@code department} (the 主管部门 the
 * declaration was submitted to), {@code finance-section} (the 财政业务科室 归口 that 主管部门, and the 绩效科),
 * {@code performance-section} (the 绩效科) or {@code role:<ROLE>} (anyone with that role).
 */
public record Reviewers(Kind kind, Role role) {

    public enum Kind { DEPARTMENT, FINANCE_SECTION, PERFORMANCE_SECTION, ROLE }

    public static Reviewers parse(String value) {
        if (value != null) {
            switch (value.strip()) {
                case "department":
                    return new Reviewers(Kind.DEPARTMENT, Role.DEPT_REVIEWER);
                case "finance-section":
                    return new Reviewers(Kind.FINANCE_SECTION, Role.FINANCE_REVIEWER);
                case "performance-section":
                    return new Reviewers(Kind.PERFORMANCE_SECTION, Role.FINANCE_REVIEWER);
                default:
                    if (value.strip().startsWith("role:")) {
                        var role = roleOf(value.strip().substring(5));
                        if (role != null) {
                            return new Reviewers(Kind.ROLE, role);
                        }
                    }
            }
        }
        throw new IllegalArgumentException("reviewers“" + value
                + "”无效，应为 department、finance-section、performance-section 或 role:角色（DEPT_REVIEWER、FINANCE_REVIEWER、EXPERT、ADMIN）");
    }

    private static Role roleOf(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name) && (role.isReviewer() || role == Role.ADMIN)) {
                return role;
            }
        }
        return null;
    }

    /** As the model writes it. */
    public String code() {
        return switch (kind) {
            case DEPARTMENT -> "department";
            case FINANCE_SECTION -> "finance-section";
            case PERFORMANCE_SECTION -> "performance-section";
            case ROLE -> "role:" + role.name();
        };
    }

    /** For people: who decides. */
    public String label() {
        return switch (kind) {
            case DEPARTMENT -> "主管部门审核人";
            case FINANCE_SECTION -> "财政业务科室审核人";
            case PERFORMANCE_SECTION -> "绩效科审核人";
            case ROLE -> role.label();
        };
    }
}
