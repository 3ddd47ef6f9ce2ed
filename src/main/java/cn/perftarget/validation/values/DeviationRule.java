package cn.perftarget.validation.values;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.perftarget.validation.rule.Findings;
import cn.perftarget.validation.rule.Relative;
import cn.perftarget.validation.rule.Rule;
import cn.perftarget.validation.rule.RuleSpec;
import cn.perftarget.validation.rule.Selector;
import cn.perftarget.validation.rule.Subject;
import cn.perftarget.validation.rule.Values;

/**
 * Kind {@code deviation}: where the {@code achieved} value (全年预计完成值, 实际完成值) lies more than {@code share}
 * (0.1 = 10 %) of the target away from the {@code target} (目标值), in either direction, the {@code reason} field
 * (偏差原因) is filled. A target far exceeded needs explaining as much as one missed: it was set too low. Values in
 * different units and qualitative ones are left to other rules.
 */
public final class DeviationRule implements Rule {

    private final RuleSpec spec;
    private final Selector target;
    private final Selector achieved;
    private final Selector reason;
    private final String reasonPath;
    private final BigDecimal share;

    private DeviationRule(RuleSpec spec, Selector target, Selector achieved, Selector reason, String reasonPath,
                          BigDecimal share) {
        this.reasonPath = reasonPath;
        this.spec = spec;
        this.target = target;
        this.achieved = achieved;
        this.reason = reason;
        this.share = share;
    }

    public static DeviationRule compile(RuleSpec spec) {
        var target = Relative.selector(spec, "target", "target");
        var achieved = Relative.selector(spec, "achieved", "actual");
        String reasonField = spec.optionalText("reason", "deviationReason");
        if (reasonField.isBlank() || reasonField.contains("*")) {
            throw spec.problem("reason", "reason must name one field below the place, e.g. deviationReason");
        }
        String reasonPath = reasonField.startsWith("/") ? reasonField : "/" + reasonField;
        var reason = Selector.of(reasonPath);
        double share = spec.number("share", 0.1);
        if (!(share > 0 && share < 10)) {
            throw spec.problem("share", "share must be a fraction greater than 0, e.g. 0.1 for 10 %");
        }
        spec.provide(Set.of("field", "value", "target", "deviation", "share"));
        spec.noOtherParameters();
        return new DeviationRule(spec, target, achieved, reason, reasonPath, BigDecimal.valueOf(share));
    }

    /** One place whose achieved value lies more than {@code share} off its target; explained when a reason is filled. */
    public record OffTarget(String pointer, BigDecimal deviation, boolean explained) {
    }

    /** Every place off its target, explained or not: what 财政's monitoring overview counts. */
    public java.util.List<OffTarget> offTarget(Subject subject) {
        var found = new java.util.ArrayList<OffTarget>();
        for (var place : spec.targets(subject)) {
            var goal = numeric(subject, Values.text(Relative.value(target, place)));
            var measure = numeric(subject, Values.text(Relative.value(achieved, place)));
            if (goal == null || measure == null || !Objects.equals(goal.unit(), measure.unit())
                    || goal.number().signum() == 0) {
                continue;
            }
            BigDecimal deviation = measure.number().subtract(goal.number()).abs()
                    .divide(goal.number().abs(), MathContext.DECIMAL64);
            if (deviation.compareTo(share) > 0) {
                found.add(new OffTarget(place.pointer(), deviation, !Values.isBlank(Relative.value(reason, place))));
            }
        }
        return found;
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            var goal = numeric(subject, Values.text(Relative.value(target, place)));
            String text = Values.text(Relative.value(achieved, place));
            var measure = numeric(subject, text);
            if (goal == null || measure == null || !Objects.equals(goal.unit(), measure.unit())
                    || goal.number().signum() == 0) {
                continue;
            }
            BigDecimal deviation = measure.number().subtract(goal.number()).abs()
                    .divide(goal.number().abs(), MathContext.DECIMAL64);
            if (deviation.compareTo(share) <= 0 || !Values.isBlank(Relative.value(reason, place))) {
                continue;
            }
            // The reason field may be absent altogether: the finding points where it belongs.
            String pointer = place.pointer() + reasonPath;
            findings.add(spec, pointer, Map.of("field", subject.name(pointer), "value", text,
                    "target", goal.display(), "deviation", percent(deviation), "share", percent(share)));
        }
    }

    private static String percent(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + "%";
    }

    private static Measure numeric(Subject subject, String text) {
        return text == null ? null : subject.measure(text).filter(m -> !m.isQualitative()).orElse(null);
    }
}
