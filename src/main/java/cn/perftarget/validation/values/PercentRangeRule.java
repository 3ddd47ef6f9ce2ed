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

/** Kind {@code percentRange}: a value in percent among {@code fields} lies between {@code min} and {@code max}. */
public final class PercentRangeRule implements Rule {

    private final RuleSpec spec;
    private final List<Selector> fields;
    private final BigDecimal min;
    private final BigDecimal max;

    private PercentRangeRule(RuleSpec spec, List<Selector> fields, BigDecimal min, BigDecimal max) {
        this.spec = spec;
        this.fields = fields;
        this.min = min;
        this.max = max;
    }

    public static PercentRangeRule compile(RuleSpec spec) {
        var fields = Relative.selectors(spec, "fields", List.of("value"));
        var min = BigDecimal.valueOf(spec.number("min", 0));
        var max = BigDecimal.valueOf(spec.number("max", 100));
        spec.provide(Set.of("field", "value", "min", "max"));
        spec.noOtherParameters();
        return new PercentRangeRule(spec, fields, min, max);
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            for (var field : Relative.select(fields, place)) {
                String text = Values.text(field.node());
                var measure = text == null ? null : subject.measure(text).orElse(null);
                if (measure != null && measure.isPercent()
                        && (measure.number().compareTo(min) < 0 || measure.number().compareTo(max) > 0)) {
                    findings.add(spec, field.pointer(), Map.of("field", subject.name(field.pointer()), "value", text,
                            "min", min, "max", max));
                }
            }
        }
    }
}
