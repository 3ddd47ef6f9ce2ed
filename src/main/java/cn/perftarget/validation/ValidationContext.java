package cn.perftarget.validation;

/**
 * Facts about the declaration that the document alone does not carry.
 *
 * @param year the declaration's budget year, which the document's year must repeat
 */
public record ValidationContext(int year) {
}
