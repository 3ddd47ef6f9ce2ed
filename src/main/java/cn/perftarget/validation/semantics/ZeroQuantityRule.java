package cn.perftarget.validation.semantics;

import cn.perftarget.validation.rule.Findings;
import cn.perftarget.validation.rule.Relative;
import cn.perftarget.validation.rule.Rule;
import cn.perftarget.validation.rule.RuleSpec;
import cn.perftarget.validation.rule.Selector;
import cn.perftarget.validation.rule.Subject;
import cn.perftarget.validation.rule.Values;
import cn.perftarget.validation.values.Measure;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kind {@code zeroQuantity}: where {@code whenField} (the 二级指标) contains {@code whenContains} (数量), a target
 * of 0 (0个, =0, ≥0) promises no output at all. Meant as a warning: it is usually a blank filled with 0.
 */
public final class ZeroQuantityRule implements Rule {

    private final RuleSpec spec;
    private final Selector value;
    private final String whenField;
    private final List<String> whenContains;

    private ZeroQuantityRule(RuleSpec spec, Selector value, String whenField, List<String> whenContains) {
        this.spec = spec;
        this.value = value;
        this.whenField = whenField;
        this.whenContains = whenContains;
    }

    public static ZeroQuantityRule compile(RuleSpec spec) {
        var value = Relative.selector(spec, "field", "value");
        String whenField = spec.requiredText("whenField");
        var whenContains = spec.texts("whenContains", List.of());
        spec.provide(Set.of("field", "value", "kind"));
        spec.noOtherParameters();
        return new ZeroQuantityRule(spec, value, whenField, whenContains);
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            String kind = Relative.text(place, whenField);
            if (kind == null || whenContains.stream().noneMatch(kind::contains)) {
                continue;
            }
            for (var found : value.selectFrom(place)) {
                String text = Values.text(found.node());
                var measure = text == null ? null : subject.measure(text).orElse(null);
                if (measure != null && !measure.isQualitative() && measure.number().signum() == 0
                        && measure.operator() != Measure.Operator.LE && measure.operator() != Measure.Operator.LT) {
                    findings.add(spec, found.pointer(), Map.of("field", subject.name(found.pointer()), "value", text,
                            "kind", kind));
                }
            }
        }
    }
}
