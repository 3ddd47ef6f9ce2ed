package cn.perftarget.validation;

/**
 * Facts about the declaration that the document alone does not carry.
 *
 * @param year           the declaration's budget year, which the document's year must repeat
 * @param departmentName the Chinese name of the declaration's department, which the document's department
 *                       field (the one the definition prefills from {@code departmentName}) must repeat; null when
 *                       not known, and then not checked
 */
public record ValidationContext(int year, String departmentName) {

    /** A context without the department, for checks that do not know it. */
    public ValidationContext(int year) {
        this(year, null);
    }
}
