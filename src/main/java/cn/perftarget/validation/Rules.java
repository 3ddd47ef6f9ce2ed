package cn.perftarget.validation;

/** Rule ids are part of the API: clients and stored reports refer to them, so they never change. */
final class Rules {

    static final String UNKNOWN_FIELD = "structure.unknown-field";
    static final String TYPE = "structure.type";
    static final String MAX_LENGTH = "structure.max-length";
    static final String MAX_ITEMS = "structure.max-items";
    static final String RANGE = "structure.range";
    static final String SCALE = "structure.scale";
    static final String REQUIRED = "structure.required";
    static final String YEAR_MISMATCH = "header.year-mismatch";
    static final String DEPARTMENT_MISMATCH = "header.department-mismatch";

    private Rules() {
    }
}
