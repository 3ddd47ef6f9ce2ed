package cn.perftarget.validation.funds;

import cn.perftarget.validation.rule.Findings;
import cn.perftarget.validation.rule.Relative;
import cn.perftarget.validation.rule.Rule;
import cn.perftarget.validation.rule.RuleSpec;
import cn.perftarget.validation.rule.Selector;
import cn.perftarget.validation.rule.Subject;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kind {@code equal}: in each place, the row at {@code left} equals the row at {@code right} column by column
 * within {@code tolerance} (收入合计 = 支出合计); a blank amount reads as 0.
 */
public final class EqualRule implements Rule {

    private final RuleSpec spec;
    private final Selector left;
    private final Selector right;
    private final Columns columns;
    private final BigDecimal tolerance;

    private EqualRule(RuleSpec spec, Selector left, Selector right, Columns columns, BigDecimal tolerance) {
        this.spec = spec;
        this.left = left;
        this.right = right;
        this.columns = columns;
        this.tolerance = tolerance;
    }

    public static EqualRule compile(RuleSpec spec) {
        var left = Relative.selector(spec, "left", "");
        var right = Relative.selector(spec, "right", "");
        var columns = Columns.compile(spec);
        var tolerance = BigDecimal.valueOf(spec.number("tolerance", 0.000001));
        spec.provide(Set.of("field", "left", "right", "leftName", "rightName"));
        spec.noOtherParameters();
        return new EqualRule(spec, left, right, columns, tolerance);
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            var l = left.selectFrom(place);
            var r = right.selectFrom(place);
            if (l.isEmpty() || r.isEmpty() || !l.get(0).node().isObject() || !r.get(0).node().isObject()) {
                continue;
            }
            var leftRow = columns.of(l.get(0));
            var rightRow = columns.of(r.get(0));
            for (String column : Columns.union(List.of(leftRow, rightRow))) {
                BigDecimal a = Columns.amount(leftRow, column);
                BigDecimal b = Columns.amount(rightRow, column);
                if (!Columns.within(a, b, tolerance)) {
                    String pointer = Columns.cell(l.get(0), column);
                    String other = Columns.cell(r.get(0), column);
                    findings.add(spec, pointer, Map.of("field", subject.name(pointer), "left", a, "right", b,
                            "leftName", subject.name(pointer), "rightName", subject.name(other)));
                }
            }
        }
    }
}
