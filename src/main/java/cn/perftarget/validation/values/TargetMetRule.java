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
 * Kind {@code targetMet}: the {@code achieved} value (e.g. 预期当年实现值) meets the {@code target} (指标值). A target
 * written without operator reads as {@code withoutOperator} (default ≥), or as ≤ where one of
 * {@code lowerIsBetterFields} contains {@code lowerIsBetterContains} (成本 indicators). Values in different units
 * or qualitative ones are left to other rules.
 */
public final class TargetMetRule implements Rule {

    private final RuleSpec spec;
    private final Selector target;
    private final Selector achieved;
    private final Measure.Operator withoutOperator;
    private final List<String> lowerIsBetterFields;
    private final String lowerIsBetterContains;

    private TargetMetRule(RuleSpec spec, Selector target, Selector achieved, Measure.Operator withoutOperator,
                          List<String> lowerIsBetterFields, String lowerIsBetterContains) {
        this.spec = spec;
        this.target = target;
        this.achieved = achieved;
        this.withoutOperator = withoutOperator;
        this.lowerIsBetterFields = lowerIsBetterFields;
        this.lowerIsBetterContains = lowerIsBetterContains;
    }

    public static TargetMetRule compile(RuleSpec spec) {
        var target = Relative.selector(spec, "target", "value");
        var achieved = Relative.selector(spec, "achieved", "expected");
        String symbol = spec.optionalText("withoutOperator", "≥");
        var operator = Measure.parse(symbol + "1", Set.of()).map(Measure::operator)
                .filter(op -> op != Measure.Operator.NONE)
                .orElseThrow(() -> spec.problem("withoutOperator", "\"" + symbol + "\" is not an operator such as ≥ or ≤"));
        var fields = spec.texts("lowerIsBetterFields", List.of());
        String contains = spec.optionalText("lowerIsBetterContains", "");
        spec.provide(Set.of("field", "value", "target"));
        spec.noOtherParameters();
        return new TargetMetRule(spec, target, achieved, operator, fields, contains);
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            var goal = numeric(subject, Values.text(Relative.value(target, place)));
            var found = achieved.selectFrom(place);
            if (goal == null || found.isEmpty()) {
                continue;
            }
            var reached = found.get(0);
            String text = Values.text(reached.node());
            var measure = numeric(subject, text);
            if (measure == null || !Objects.equals(measure.unit(), goal.unit())) {
                continue;
            }
            if (!goal.isMetBy(measure, whenNone(place))) {
                findings.add(spec, reached.pointer(), Map.of("field", subject.name(reached.pointer()), "value", text,
                        "target", goal.display()));
            }
        }
    }

    private Measure.Operator whenNone(Selector.Target place) {
        if (!lowerIsBetterContains.isEmpty()) {
            for (String field : lowerIsBetterFields) {
                String text = Relative.text(place, field);
                if (text != null && text.contains(lowerIsBetterContains)) {
                    return Measure.Operator.LE;
                }
            }
        }
        return withoutOperator;
    }

    private static Measure numeric(Subject subject, String text) {
        return text == null ? null : subject.measure(text).filter(m -> !m.isQualitative()).orElse(null);
    }
}
