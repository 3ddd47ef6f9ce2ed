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

/**
 * Kind {@code placeholder}: text left from the blank template ({@code values}, e.g. 指标, or text matching
 * {@code pattern}, e.g. only dots and ellipses) is not an answer.
 */
public final class PlaceholderRule implements Rule {

    private final RuleSpec spec;
    private final List<Selector> fields;
    private final Set<String> values;
    private final Pattern pattern;

    private PlaceholderRule(RuleSpec spec, List<Selector> fields, Set<String> values, Pattern pattern) {
        this.spec = spec;
        this.fields = fields;
        this.values = values;
        this.pattern = pattern;
    }

    public static PlaceholderRule compile(RuleSpec spec) {
        var fields = Relative.selectors(spec, "fields", List.of(""));
        var values = Set.copyOf(spec.texts("values", List.of()));
        String regex = spec.optionalText("pattern", null);
        Pattern pattern;
        try {
            pattern = regex == null ? null : Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw spec.problem("pattern", "not a regular expression: " + e.getDescription());
        }
        spec.provide(Set.of("field", "value"));
        spec.noOtherParameters();
        return new PlaceholderRule(spec, fields, values, pattern);
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            for (var field : Relative.select(fields, place)) {
                String text = Values.text(field.node());
                if (text != null && (values.contains(text) || (pattern != null && pattern.matcher(text).matches()))) {
                    findings.add(spec, field.pointer(), Map.of("field", subject.name(field.pointer()), "value", text));
                }
            }
        }
    }
}
