package cn.perftarget.validation.funds;

import cn.perftarget.validation.rule.Findings;
import cn.perftarget.validation.rule.Rule;
import cn.perftarget.validation.rule.RuleSpec;
import cn.perftarget.validation.rule.Selector;
import cn.perftarget.validation.rule.Subject;
import cn.perftarget.validation.rule.Values;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * Kind {@code shareTotal}: the 占比 of a table's rows other than {@code total} add up to 100 within
 * {@code tolerance} (rounding of printed shares), when the table has an amount and any share is given. A table in
 * which a row with a non-zero amount has no share is not judged: its sum is unknown, and the blank share is
 * {@code shareBlank}'s finding (a warning), which this rule must not turn into an error.
 */
public final class ShareTotalRule implements Rule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RuleSpec spec;
    private final String total;
    private final String amount;
    private final String share;
    private final BigDecimal tolerance;

    private ShareTotalRule(RuleSpec spec, String total, String amount, String share, BigDecimal tolerance) {
        this.spec = spec;
        this.total = total;
        this.amount = amount;
        this.share = share;
        this.tolerance = tolerance;
    }

    public static ShareTotalRule compile(RuleSpec spec) {
        String total = spec.optionalText("total", "total");
        String amount = spec.optionalText("amount", "budget");
        String share = spec.optionalText("share", "share");
        var tolerance = BigDecimal.valueOf(spec.number("tolerance", 0.1));
        spec.provide(Set.of("field", "sum"));
        spec.noOtherParameters();
        return new ShareTotalRule(spec, total, amount, share, tolerance);
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var table : spec.targets(subject)) {
            if (Values.amount(table.node().path(total).get(amount)).signum() == 0) {
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            boolean anyGiven = false;
            boolean unknown = false;
            for (var row : Columns.rows(table)) {
                if (row.key().equals(total)) {
                    continue;
                }
                BigDecimal given = Values.number(row.node().get(share));
                if (given != null) {
                    sum = sum.add(given);
                    anyGiven = true;
                } else if (Values.amount(row.node().get(amount)).signum() != 0) {
                    unknown = true;
                }
            }
            if (anyGiven && !unknown && !Columns.within(sum, HUNDRED, tolerance)) {
                String pointer = table.pointer() + "/" + Selector.escape(total) + "/" + Selector.escape(share);
                findings.add(spec, pointer, Map.of("field", subject.name(pointer), "sum", sum));
            }
        }
    }
}
