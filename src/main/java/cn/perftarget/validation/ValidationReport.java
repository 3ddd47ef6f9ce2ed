package cn.perftarget.validation;

import java.util.List;

/**
 * The outcome of a full validation. Errors block submission; warnings are shown but do not.
 *
 * Findings come in the order the checks run, not sorted by path: first the structure (in document order), then the
 * document's year, then the definition's rules in the order the definition lists them, each going through its own
 * places; so one field can appear in several places of the list, once per rule that finds it.
 *
 * @param valid    true when there are no errors
 * @param errors   blocking findings, in check order
 * @param warnings non-blocking findings, in check order
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
