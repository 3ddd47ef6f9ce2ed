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
import java.util.Objects;
import java.util.Set;

/**
 * Kind {@code sameUnit}: the values among {@code others} (e.g. {@code history/*}, {@code expected}) use the unit
 * of the {@code field} they relate to (e.g. {@code value}).
 */
public final class SameUnitRule implements Rule {

    private final RuleSpec spec;
    private final Selector reference;
    private final List<Selector> others;

    private SameUnitRule(RuleSpec spec, Selector reference, List<Selector> others) {
        this.spec = spec;
        this.reference = reference;
        this.others = others;
    }

    public static SameUnitRule compile(RuleSpec spec) {
        var reference = Relative.selector(spec, "field", "value");
        var others = Relative.selectors(spec, "others", List.of("history/*", "expected"));
        spec.provide(Set.of("field", "value", "unit", "target", "targetUnit"));
        spec.noOtherParameters();
        return new SameUnitRule(spec, reference, others);
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            var target = numeric(subject, Values.text(Relative.value(reference, place)));
            if (target == null) {
                continue;
            }
            for (var other : Relative.select(others, place)) {
                String text = Values.text(other.node());
                var measure = numeric(subject, text);
                if (measure != null && !Objects.equals(measure.unit(), target.unit())) {
                    findings.add(spec, other.pointer(), Map.of("field", subject.name(other.pointer()), "value", text,
                            "unit", unitName(measure.unit()), "target", target.display(),
                            "targetUnit", unitName(target.unit())));
                }
            }
        }
    }

    private static Measure numeric(Subject subject, String text) {
        return text == null ? null : subject.measure(text).filter(m -> !m.isQualitative()).orElse(null);
    }

    private static String unitName(String unit) {
        return unit == null || unit.isEmpty() ? "无单位" : unit;
    }
}
