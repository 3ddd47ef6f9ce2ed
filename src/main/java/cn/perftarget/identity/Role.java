package cn.perftarget.identity;

/** What a person may do in PerfTarget. An account has one or more. */
public enum Role {
    FILER("填报人"),
    DEPT_REVIEWER("主管部门审核人"),
    FINANCE_REVIEWER("财政审核人"),
    EXPERT("评审专家"),
    AUDITOR("审计"),
    ADMIN("系统管理员"),
    /** The application itself, acting on timers; no account has it. */
    SYSTEM("系统");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The roles in this enum's order (the first is the one an actor is named by). */
    public static java.util.List<Role> ordered(java.util.Collection<Role> roles) {
        return roles.stream().sorted().toList();
    }

    public boolean isReviewer() {
        return this == DEPT_REVIEWER || this == FINANCE_REVIEWER || this == EXPERT;
    }
}
