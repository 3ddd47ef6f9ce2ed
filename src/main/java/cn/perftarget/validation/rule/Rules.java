package cn.perftarget.validation.rule;

/** Rule ids are part of the API: clients and stored reports refer to them, so they never change. */
public final class Rules {

    public static final String UNKNOWN_FIELD = "structure.unknown-field";
    public static final String TYPE = "structure.type";
    public static final String MAX_LENGTH = "structure.max-length";
    public static final String MAX_ITEMS = "structure.max-items";
    public static final String RANGE = "structure.range";
    public static final String SCALE = "structure.scale";
    public static final String REQUIRED = "structure.required";
    public static final String YEAR_MISMATCH = "header.year-mismatch";
    public static final String DEPARTMENT_MISMATCH = "header.department-mismatch";

    /** The basis of structure findings: the template's own field definitions (forms/*.json). */
    public static final String STRUCTURE_BASIS = "模板的字段定义（必填、类型、长度、取值范围）";
    /** The basis of the header checks: a declaration's year and department are fixed when it is created. */
    public static final String HEADER_BASIS = "模板：申报表的年度、部门与所办理的申报一致";

    private Rules() {
    }
}
