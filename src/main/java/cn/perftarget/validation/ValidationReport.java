package cn.perftarget.validation;

import java.util.List;

/**
 * The outcome of a full validation. Errors block submission; warnings are shown but do not.
 *
 * @param valid    true when there are no errors
 * @param errors   blocking findings, in document order
 * @param warnings non-blocking findings, in document order
 */
public record ValidationReport(boolean valid, List<Finding> errors, List<Finding> warnings) {

    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** A report whose {@code valid} flag is derived from the errors, so the two cannot disagree. */
    public static ValidationReport of(List<Finding> errors, List<Finding> warnings) {
        return new ValidationReport(errors.isEmpty(), errors, warnings);
    }
}
