package cn.perftarget.identity;

/** What a budget unit is in the organisation; who reviews whom follows from it (declaration.Access). */
public enum UnitKind {
    /** 主管部门 (一级预算单位): files its own declarations, and its reviewers review its own and its sub-units'. */
    DEPARTMENT("主管部门"),
    /** 二级单位: files declarations, reviewed by the 主管部门 above it. */
    SUB_UNIT("二级单位"),
    /** 财政业务科室: reviews the 主管部门 归口 to it and their sub-units. */
    FINANCE_SECTION("财政业务科室"),
    /** 绩效科: the finance unit that sees and reviews every unit. */
    PERFORMANCE_SECTION("绩效科");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether declarations are filed for units of this kind. */
    public boolean files() {
        return this == DEPARTMENT || this == SUB_UNIT;
    }

    public boolean isFinance() {
        return this == FINANCE_SECTION || this == PERFORMANCE_SECTION;
    }
}
