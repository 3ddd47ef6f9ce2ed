package cn.perftarget.validation.funds;

import cn.perftarget.validation.rule.Relative;
import cn.perftarget.validation.rule.RuleSpec;
import cn.perftarget.validation.rule.Selector;
import cn.perftarget.validation.rule.Values;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The amount columns of table rows such as 资金情况 (当年预算 and each year of 近两年), addressed by their pointer
 * below the row ({@code /budget}, {@code /history/2019}), so that rows with different years still line up.
 */
public final class Columns {

    private static final Selector MEMBERS = Selector.of("/*");

    private final List<Selector> columns;

    public Columns(List<Selector> columns) {
        this.columns = columns;
    }

    public static Columns compile(RuleSpec spec) {
        return new Columns(Relative.selectors(spec, "columns", List.of("budget", "history/*")));
    }

    /** Column pointer below the row → value, for one row. */
    public Map<String, JsonNode> of(Selector.Target row) {
        Map<String, JsonNode> cells = new LinkedHashMap<>();
        for (var cell : Relative.select(columns, row)) {
            cells.put(cell.pointer().substring(row.pointer().length()), cell.node());
        }
        return cells;
    }

    /** The rows of a table: its members that are objects, e.g. 财政拨款, 其他资金, 合计. */
    public static List<Selector.Target> rows(Selector.Target table) {
        return MEMBERS.selectFrom(table).stream().filter(row -> row.node().isObject()).toList();
    }

    /** Every column pointer any of these rows has. */
    public static Set<String> union(List<Map<String, JsonNode>> rows) {
        Set<String> all = new LinkedHashSet<>();
        rows.forEach(row -> all.addAll(row.keySet()));
        return all;
    }

    /**
     * Where a finding about a row's column points: the cell, or where the row lacks it (another row has that year),
     * the first missing member below what the row has, so that the finding still names a place of the document.
     */
    public static String cell(Selector.Target row, String column) {
        JsonNode node = row.node();
        StringBuilder at = new StringBuilder(row.pointer());
        for (JsonPointer rest = JsonPointer.compile(column); !rest.matches(); rest = rest.tail()) {
            String step = rest.toString().substring(0, rest.toString().length() - rest.tail().toString().length());
            JsonNode next = node.at(JsonPointer.compile(step));
            if (next.isMissingNode()) {
                boolean canHold = node.isObject() || node.isArray() && rest.getMatchingIndex() >= 0;
                return canHold ? at + step : at.toString();
            }
            at.append(step);
            node = next;
        }
        return at.toString();
    }

    public static BigDecimal amount(Map<String, JsonNode> row, String column) {
        return Values.amount(row.get(column));
    }

    public static boolean within(BigDecimal a, BigDecimal b, BigDecimal tolerance) {
        return a.subtract(b).abs().compareTo(tolerance) <= 0;
    }
}
