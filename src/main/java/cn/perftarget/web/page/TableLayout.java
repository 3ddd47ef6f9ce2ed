package cn.perftarget.web.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import cn.perftarget.web.page.FormParts.Column;
import cn.perftarget.web.page.FormParts.Field;
import cn.perftarget.web.page.FormParts.Row;
import cn.perftarget.web.page.FormParts.RowGroup;
import cn.perftarget.web.page.FormParts.Table;

import static cn.perftarget.web.page.FieldBuilder.escape;
import static cn.perftarget.web.page.FieldBuilder.isScalar;
import static cn.perftarget.web.page.FieldBuilder.iterable;

/**
 * An object whose fields are rows of like scalar/map cells (财政拨款, 其他资金, 合计 of 收入构成) as one official table,
 * or an object of such objects as one table with row groups; total and share cells are computed live.
 */
final class TableLayout {

    private final FieldBuilder fields;
    private final FieldAids aids;

    TableLayout(FieldBuilder fields) {
        this.fields = fields;
        this.aids = fields.aids;
    }

    static boolean isFlat(JsonNode schema) {
        if (!"object".equals(schema.path("type").asText()) || schema.path("fields").isEmpty()) {
            return false;
        }
        for (JsonNode field : schema.path("fields")) {
            String type = field.path("type").asText();
            if (type.equals("object") || type.equals("array")
                    || type.equals("map") && !isScalar(field.path("values"))) {
                return false;
            }
        }
        return true;
    }

    /** Every field is a flat object with the same cell names: 财政拨款, 其他资金, 合计 of 收入构成. */
    static boolean isRows(JsonNode schema) {
        var names = new TreeSet<String>();
        for (JsonNode row : schema.path("fields")) {
            if (!isFlat(row)) {
                return false;
            }
            var own = new TreeSet<String>();
            row.path("fields").fieldNames().forEachRemaining(own::add);
            if (!names.isEmpty() && !names.equals(own)) {
                return false;
            }
            names.addAll(own);
        }
        return !names.isEmpty();
    }

    static boolean isTableOfRows(JsonNode schema) {
        if (schema.path("fields").isEmpty()) {
            return false;
        }
        for (JsonNode group : schema.path("fields")) {
            if (!"object".equals(group.path("type").asText()) || !isRows(group)) {
                return false;
            }
        }
        return true;
    }

    /** {@code single}: the object itself is the one row group; otherwise each of its fields is a row group. */
    Table table(String label, JsonNode schema, JsonNode value, String pointer, String pattern, boolean single) {
        var groups = new ArrayList<Map.Entry<String, JsonNode>>();
        if (single) {
            groups.add(Map.entry("", schema));
        } else {
            schema.path("fields").properties().forEach(groups::add);
        }
        JsonNode rowSchema = groups.get(0).getValue().path("fields").elements().next();
        var columns = new ArrayList<Column>();
        var keysOf = new HashMap<String, List<String>>();
        for (Map.Entry<String, JsonNode> cell : rowSchema.path("fields").properties()) {
            List<String> keys = List.of();
            if ("map".equals(cell.getValue().path("type").asText())) {
                var present = new TreeSet<String>();
                for (Map.Entry<String, JsonNode> group : groups) {
                    JsonNode groupValue = group.getKey().isEmpty() ? value : value.path(group.getKey());
                    for (JsonNode row : iterable(groupValue)) {
                        row.path(cell.getKey()).fieldNames().forEachRemaining(present::add);
                    }
                }
                keys = fields.mapKeys(cell.getValue(), present);
            }
            keysOf.put(cell.getKey(), keys);
            columns.add(new Column(cell.getValue().path("label").asText(cell.getKey()), keys));
        }
        var rowGroups = new ArrayList<RowGroup>();
        for (Map.Entry<String, JsonNode> group : groups) {
            String groupPointer = group.getKey().isEmpty() ? pointer : pointer + "/" + escape(group.getKey());
            String groupPattern = group.getKey().isEmpty() ? pattern : pattern + "/" + escape(group.getKey());
            JsonNode groupValue = group.getKey().isEmpty() ? value : value.path(group.getKey());
            var rows = new ArrayList<Row>();
            var sum = aids.sum(groupPattern);
            var share = aids.share(groupPattern);
            for (Map.Entry<String, JsonNode> row : group.getValue().path("fields").properties()) {
                String rowPointer = groupPointer + "/" + escape(row.getKey());
                String rowLabel = row.getValue().path("label").asText(row.getKey());
                var cells = new ArrayList<Field>();
                for (Map.Entry<String, JsonNode> cell : row.getValue().path("fields").properties()) {
                    JsonNode cellSchema = row.getValue().path("fields").path(cell.getKey());
                    JsonNode cellValue = groupValue.path(row.getKey()).path(cell.getKey());
                    String cellPointer = rowPointer + "/" + escape(cell.getKey());
                    String cellPattern = groupPattern + "/" + escape(row.getKey()) + "/" + escape(cell.getKey());
                    String cellLabel = label + " " + rowLabel + " " + cellSchema.path("label").asText(cell.getKey());
                    if (!keysOf.get(cell.getKey()).isEmpty()) {
                        for (String key : keysOf.get(cell.getKey())) {
                            cells.add(withCalc(fields.field(cellSchema.path("values"), cellValue.path(key),
                                            cellPointer + "/" + escape(key), cellPattern + "/" + escape(key),
                                            cellLabel + " " + key), group, groupPointer, row.getKey(),
                                    cell.getKey() + "/" + escape(key), sum, share));
                        }
                    } else {
                        cells.add(withCalc(fields.field(cellSchema, cellValue, cellPointer, cellPattern, cellLabel), group,
                                groupPointer, row.getKey(), cell.getKey(), sum, share));
                    }
                }
                rows.add(new Row(rowPointer, rowLabel, cells));
            }
            String groupLabel = group.getKey().isEmpty() ? null : group.getValue().path("label").asText(group.getKey());
            rowGroups.add(new RowGroup(groupPointer, groupLabel, rows));
        }
        return new Table(pointer, label, columns, rowGroups);
    }

    /** A total cell sums the other rows' cells of its column; a share cell divides its amount by the total's. */
    private static Field withCalc(Field field, Map.Entry<String, JsonNode> group, String groupPointer, String row,
                                  String column, Optional<FieldAids.Sum> sum,
                                  Optional<FieldAids.Share> share) {
        if (sum.isPresent() && row.equals(sum.get().total()) && sum.get().columns().stream()
                .anyMatch(c -> c.equals(column) || c.endsWith("/*") && column.startsWith(c.substring(0, c.length() - 1)))) {
            var parts = new ArrayList<String>();
            group.getValue().path("fields").fieldNames().forEachRemaining(r -> {
                if (!r.equals(row)) {
                    parts.add(groupPointer + "/" + escape(r) + "/" + column);
                }
            });
            return calc(field, "sum", String.join("|", parts));
        }
        if (share.isPresent() && column.equals(share.get().share())) {
            return calc(field, "share", groupPointer + "/" + escape(row) + "/" + share.get().amount() + "|"
                    + groupPointer + "/" + escape(share.get().total()) + "/" + share.get().amount());
        }
        return field;
    }

    private static Field calc(Field f, String calc, String operands) {
        return new Field(f.pointer(), f.label(), f.type(), f.control(), f.value(), f.choices(),
                "自动计算", f.required(), f.maxLength(), calc, operands, f.depends(), f.parent(), f.fixed());
    }
}
