package cn.perftarget.declaration;

import cn.perftarget.validation.ValidationReport;

/** A submission either moved the declaration on, or left it editable with the report that stopped it. */
public record SubmissionResult(DeclarationView declaration, ValidationReport report) {

    public boolean accepted() {
        return report.valid();
    }
}
