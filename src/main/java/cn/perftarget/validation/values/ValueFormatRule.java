package cn.perftarget.validation.values;

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

/**
 * Kind {@code valueFormat}: each of {@code fields} (relative to the place, e.g. {@code value},
 * {@code history/*}) reads as an indicator value: optional operator, number and unit, or a qualitative grade
 * ({@code 定性：…} or one of {@code grades}), or a text matching one of {@code phrases} (a plain qualitative
 * phrase such as 按时完成) or {@code patterns} (other accepted forms, e.g. a date target 2023年6月底前).
 */
public final class ValueFormatRule implements Rule {

    private final RuleSpec spec;
    private final List<Selector> fields;
    private final Set<String> grades;
    private final List<Pattern> accepted;

    private ValueFormatRule(RuleSpec spec, List<Selector> fields, Set<String> grades, List<Pattern> accepted) {
        this.spec = spec;
        this.fields = fields;
        this.grades = grades;
        this.accepted = accepted;
    }

    public static ValueFormatRule compile(RuleSpec spec) {
        var fields = Relative.selectors(spec, "fields", List.of("value"));
        var grades = Set.copyOf(spec.texts("grades", List.of()));
        var accepted = new java.util.ArrayList<>(spec.patterns("phrases"));
        accepted.addAll(spec.patterns("patterns"));
        spec.provide(Set.of("field", "value"));
        spec.noOtherParameters();
        return new ValueFormatRule(spec, fields, grades, List.copyOf(accepted));
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            for (var field : Relative.select(fields, place)) {
                String text = Values.text(field.node());
                if (text != null && subject.measure(text).isEmpty() && !grades.contains(text) && !matchesAny(accepted, text)) {
                    findings.add(spec, field.pointer(), Map.of("field", subject.name(field.pointer()), "value", text));
                }
            }
        }
    }

    public static boolean matchesAny(List<Pattern> patterns, String text) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(text).matches()) {
                return true;
            }
        }
        return false;
    }
}
