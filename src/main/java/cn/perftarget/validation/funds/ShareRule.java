package cn.perftarget.validation.funds;

import cn.perftarget.validation.rule.Findings;
import cn.perftarget.validation.rule.Rule;
import cn.perftarget.validation.rule.RuleSpec;
import cn.perftarget.validation.rule.Selector;
import cn.perftarget.validation.rule.Subject;
import cn.perftarget.validation.rule.Values;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;

/**
 * Kind {@code share}: each row's 占比 equals its amount / the {@code total} row's amount × 100, rounded to the
 * decimals the share is written with (real forms print 74.8 for 74.8025). Rows of a table whose total is 0 or
 * blank, and blank shares, are left alone.
 */
public final class ShareRule implements Rule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RuleSpec spec;
    private final String total;
    private final String amount;
    private final String share;

    private ShareRule(RuleSpec spec, String total, String amount, String share) {
        this.spec = spec;
        this.total = total;
        this.amount = amount;
        this.share = share;
    }

    public static ShareRule compile(RuleSpec spec) {
        String total = spec.optionalText("total", "total");
        String amount = spec.optionalText("amount", "budget");
        String share = spec.optionalText("share", "share");
        spec.provide(Set.of("field", "value", "expected", "amount", "total"));
        spec.noOtherParameters();
        return new ShareRule(spec, total, amount, share);
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var table : spec.targets(subject)) {
            BigDecimal whole = Values.amount(table.node().path(total).get(amount));
            if (whole.signum() == 0) {
                continue;
            }
            for (var row : Columns.rows(table)) {
                BigDecimal written = Values.number(row.node().get(share));
                if (written == null) {
                    continue;
                }
                BigDecimal part = Values.amount(row.node().get(amount));
                int scale = Math.max(0, written.scale());
                BigDecimal expected = part.multiply(HUNDRED).divide(whole, scale, RoundingMode.HALF_UP);
                if (expected.compareTo(written) != 0) {
                    String pointer = row.pointer() + "/" + Selector.escape(share);
                    findings.add(spec, pointer, Map.of("field", subject.name(pointer), "value", written,
                            "expected", expected, "amount", part, "total", whole));
                }
            }
        }
    }
}
