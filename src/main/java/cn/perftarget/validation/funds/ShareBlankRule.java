package cn.perftarget.validation.funds;

import cn.perftarget.validation.rule.Findings;
import cn.perftarget.validation.rule.Rule;
import cn.perftarget.validation.rule.RuleSpec;
import cn.perftarget.validation.rule.Selector;
import cn.perftarget.validation.rule.Subject;
import cn.perftarget.validation.rule.Values;

import java.util.Map;
import java.util.Set;

/** Kind {@code shareBlank}: a row with a non-zero amount has its 占比 filled in. */
public final class ShareBlankRule implements Rule {

    private final RuleSpec spec;
    private final String amount;
    private final String share;

    private ShareBlankRule(RuleSpec spec, String amount, String share) {
        this.spec = spec;
        this.amount = amount;
        this.share = share;
    }

    public static ShareBlankRule compile(RuleSpec spec) {
        String amount = spec.optionalText("amount", "budget");
        String share = spec.optionalText("share", "share");
        spec.provide(Set.of("field", "amount"));
        spec.noOtherParameters();
        return new ShareBlankRule(spec, amount, share);
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var table : spec.targets(subject)) {
            for (var row : Columns.rows(table)) {
                var part = Values.amount(row.node().get(amount));
                if (part.signum() != 0 && Values.isBlank(row.node().get(share))) {
                    String pointer = row.pointer() + "/" + Selector.escape(share);
                    findings.add(spec, pointer, Map.of("field", subject.name(pointer), "amount", part));
                }
            }
        }
    }
}
