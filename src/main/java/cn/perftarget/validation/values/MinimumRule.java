package cn.perftarget.validation.values;

import cn.perftarget.validation.rule.Findings;
import cn.perftarget.validation.rule.Relative;
import cn.perftarget.validation.rule.Rule;
import cn.perftarget.validation.rule.RuleSpec;
import cn.perftarget.validation.rule.Selector;
import cn.perftarget.validation.rule.Subject;
import cn.perftarget.validation.rule.Values;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kind {@code minimum}: where one of {@code whenFields} contains {@code whenContains} (e.g. 满意度), a target in
 * {@code unit} is at least {@code min}. Typically a warning: 满意度 targets under 90% are rarely meant.
 */
public final class MinimumRule implements Rule {

    private final RuleSpec spec;
    private final Selector field;
    private final String unit;
    private final BigDecimal min;
    private final List<String> whenFields;
    private final String whenContains;

    private MinimumRule(RuleSpec spec, Selector field, String unit, BigDecimal min, List<String> whenFields,
                        String whenContains) {
        this.spec = spec;
        this.field = field;
        this.unit = unit;
        this.min = min;
        this.whenFields = whenFields;
        this.whenContains = whenContains;
    }

    public static MinimumRule compile(RuleSpec spec) {
        var field = Relative.selector(spec, "field", "value");
        String unit = spec.optionalText("unit", "%");
        var min = BigDecimal.valueOf(spec.number("min", 0));
        var whenFields = spec.texts("whenFields", List.of());
        String whenContains = spec.optionalText("whenContains", "");
        spec.provide(Set.of("field", "value", "min", "unit"));
        spec.noOtherParameters();
        return new MinimumRule(spec, field, unit, min, whenFields, whenContains);
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            if (!applies(place)) {
                continue;
            }
            for (var found : field.selectFrom(place)) {
                String text = Values.text(found.node());
                var measure = text == null ? null : subject.measure(text).orElse(null);
                if (measure != null && !measure.isQualitative() && unit.equals(measure.unit())
                        && measure.number().compareTo(min) < 0) {
                    findings.add(spec, found.pointer(), Map.of("field", subject.name(found.pointer()), "value", text,
                            "min", min, "unit", unit));
                }
            }
        }
    }

    private boolean applies(Selector.Target place) {
        if (whenContains.isEmpty()) {
            return true;
        }
        for (String name : whenFields) {
            String text = Relative.text(place, name);
            if (text != null && text.contains(whenContains)) {
                return true;
            }
        }
        return false;
    }
}
