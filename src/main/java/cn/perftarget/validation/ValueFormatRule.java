package cn.perftarget.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kind {@code valueFormat}: each of {@code fields} (relative to the place, e.g. {@code value},
 * {@code history/*}) reads as an indicator value: optional operator, number and unit, or a qualitative grade
 * ({@code 定性：…} or one of {@code grades}).
 */
final class ValueFormatRule implements Rule {

    private final RuleSpec spec;
    private final List<Selector> fields;
    private final Set<String> grades;

    private ValueFormatRule(RuleSpec spec, List<Selector> fields, Set<String> grades) {
        this.spec = spec;
        this.fields = fields;
        this.grades = grades;
    }

    static ValueFormatRule compile(RuleSpec spec) {
        var fields = Relative.selectors(spec, "fields", List.of("value"));
        var grades = Set.copyOf(spec.texts("grades", List.of()));
        spec.provide(Set.of("field", "value"));
        spec.noOtherParameters();
        return new ValueFormatRule(spec, fields, grades);
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            for (var field : Relative.select(fields, place)) {
                String text = Values.text(field.node());
                if (text != null && subject.measure(text).isEmpty() && !grades.contains(text)) {
                    findings.add(spec, field.pointer(), Map.of("field", subject.name(field.pointer()), "value", text));
                }
            }
        }
    }
}
