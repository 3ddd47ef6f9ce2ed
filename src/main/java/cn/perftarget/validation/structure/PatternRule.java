package cn.perftarget.validation.structure;

import cn.perftarget.validation.rule.Findings;
import cn.perftarget.validation.rule.Relative;
import cn.perftarget.validation.rule.Rule;
import cn.perftarget.validation.rule.RuleSpec;
import cn.perftarget.validation.rule.Selector;
import cn.perftarget.validation.rule.Subject;
import cn.perftarget.validation.rule.Values;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Kind {@code pattern}: each non-blank text among {@code fields} matches the regular expression {@code regex}. */
public final class PatternRule implements Rule {

    private final RuleSpec spec;
    private final List<Selector> fields;
    private final Pattern regex;

    private PatternRule(RuleSpec spec, List<Selector> fields, Pattern regex) {
        this.spec = spec;
        this.fields = fields;
        this.regex = regex;
    }

    public static PatternRule compile(RuleSpec spec) {
        var fields = Relative.selectors(spec, "fields", List.of(""));
        Pattern regex;
        try {
            regex = Pattern.compile(spec.requiredText("regex"));
        } catch (PatternSyntaxException e) {
            throw spec.problem("regex", "not a regular expression: " + e.getDescription());
        }
        spec.provide(Set.of("field", "value"));
        spec.noOtherParameters();
        return new PatternRule(spec, fields, regex);
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            for (var field : Relative.select(fields, place)) {
                String text = Values.text(field.node());
                if (text != null && !regex.matcher(text).matches()) {
                    findings.add(spec, field.pointer(), Map.of("field", subject.name(field.pointer()), "value", text));
                }
            }
        }
    }
}
