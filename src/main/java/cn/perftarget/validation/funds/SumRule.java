package cn.perftarget.validation.funds;

import cn.perftarget.validation.rule.Findings;
import cn.perftarget.validation.rule.Rule;
import cn.perftarget.validation.rule.RuleSpec;
import cn.perftarget.validation.rule.Selector;
import cn.perftarget.validation.rule.Subject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Kind {@code sum}: in each place (a table such as 收入构成), the {@code total} row equals the sum of the other
 * rows, column by column, within {@code tolerance}; a blank amount reads as 0.
 */
public final class SumRule implements Rule {

    private final RuleSpec spec;
    private final String total;
    private final Columns columns;
    private final BigDecimal tolerance;

    private SumRule(RuleSpec spec, String total, Columns columns, BigDecimal tolerance) {
        this.spec = spec;
        this.total = total;
        this.columns = columns;
        this.tolerance = tolerance;
    }

    public static SumRule compile(RuleSpec spec) {
        String total = spec.optionalText("total", "total");
        var columns = Columns.compile(spec);
        var tolerance = BigDecimal.valueOf(spec.number("tolerance", 0.000001));
        spec.provide(Set.of("field", "total", "sum"));
        spec.noOtherParameters();
        return new SumRule(spec, total, columns, tolerance);
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var table : spec.targets(subject)) {
            if (!table.node().isObject() || !table.node().path(total).isObject()) {
                continue;
            }
            Selector.Target totalTarget = null;
            Map<String, JsonNode> totalRow = null;
            List<Map<String, JsonNode>> parts = new ArrayList<>();
            for (var row : Columns.rows(table)) {
                if (row.key().equals(total)) {
                    totalTarget = row;
                    totalRow = columns.of(row);
                } else {
                    parts.add(columns.of(row));
                }
            }
            var all = new ArrayList<>(parts);
            all.add(totalRow);
            for (String column : Columns.union(all)) {
                BigDecimal sum = parts.stream().map(p -> Columns.amount(p, column)).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal stated = Columns.amount(totalRow, column);
                if (!Columns.within(stated, sum, tolerance)) {
                    String pointer = Columns.cell(totalTarget, column);
                    findings.add(spec, pointer, Map.of("field", subject.name(pointer), "total", stated, "sum", sum));
                }
            }
        }
    }
}
