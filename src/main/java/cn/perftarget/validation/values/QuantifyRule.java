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
 * Kind {@code quantify}: where {@code whenField} (the 二级指标) contains one of {@code whenContains} (数量, 质量),
 * a qualitative value of {@code fields} ({@code 定性：…}, one of {@code grades} or a text matching one of
 * {@code phrases}) is worth quantifying. Meant as a warning: 88号 allows graded qualitative targets.
 */
public final class QuantifyRule implements Rule {

    private final RuleSpec spec;
    private final List<Selector> fields;
    private final Set<String> grades;
    private final List<Pattern> phrases;
    private final String whenField;
    private final List<String> whenContains;

    private QuantifyRule(RuleSpec spec, List<Selector> fields, Set<String> grades, List<Pattern> phrases,
                         String whenField, List<String> whenContains) {
        this.spec = spec;
        this.fields = fields;
        this.grades = grades;
        this.phrases = phrases;
        this.whenField = whenField;
        this.whenContains = whenContains;
    }

    public static QuantifyRule compile(RuleSpec spec) {
        var fields = Relative.selectors(spec, "fields", List.of("value"));
        var grades = Set.copyOf(spec.texts("grades", List.of()));
        var phrases = spec.patterns("phrases");
        String whenField = spec.requiredText("whenField");
        var whenContains = spec.texts("whenContains", List.of());
        spec.provide(Set.of("field", "value", "kind"));
        spec.noOtherParameters();
        return new QuantifyRule(spec, fields, grades, phrases, whenField, whenContains);
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            String kind = Relative.text(place, whenField);
            if (kind == null || whenContains.stream().noneMatch(kind::contains)) {
                continue;
            }
            for (var field : Relative.select(fields, place)) {
                String text = Values.text(field.node());
                if (text != null && Qualitative.is(subject, text, grades, phrases)) {
                    findings.add(spec, field.pointer(), Map.of("field", subject.name(field.pointer()), "value", text,
                            "kind", kind));
                }
            }
        }
    }
}
