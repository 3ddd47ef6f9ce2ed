package cn.perftarget.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects what rules find, as errors or warnings by each rule's severity. */
final class Findings {

    private final List<Finding> errors = new ArrayList<>();
    private final List<Finding> warnings = new ArrayList<>();

    void add(RuleSpec rule, String path, Map<String, ?> values) {
        var finding = new Finding(path, rule.id(), rule.message().render(values));
        (rule.isWarning() ? warnings : errors).add(finding);
    }

    void addError(Finding finding) {
        errors.add(finding);
    }

    List<Finding> errors() {
        return errors;
    }

    List<Finding> warnings() {
        return warnings;
    }
}
