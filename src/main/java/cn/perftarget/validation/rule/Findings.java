package cn.perftarget.validation.rule;

import cn.perftarget.validation.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects what rules find, as errors or warnings by each rule's severity. */
public final class Findings {

    private final List<Finding> errors = new ArrayList<>();
    private final List<Finding> warnings = new ArrayList<>();

    public void add(RuleSpec rule, String path, Map<String, ?> values) {
        var finding = new Finding(path, rule.id(), rule.message().render(values), rule.basis(), rule.why());
        (rule.isWarning() ? warnings : errors).add(finding);
    }

    public void addError(Finding finding) {
        errors.add(finding);
    }

    public List<Finding> errors() {
        return errors;
    }

    public List<Finding> warnings() {
        return warnings;
    }
}
