package cn.perftarget.web.page;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.web.page.FormParts.Column;
import cn.perftarget.web.page.FormParts.Field;
import cn.perftarget.web.page.FormParts.Group;
import cn.perftarget.web.page.FormParts.Item;
import cn.perftarget.web.page.FormParts.Part;
import cn.perftarget.web.page.FormParts.Repeat;
import cn.perftarget.web.page.FormParts.Row;
import cn.perftarget.web.page.FormParts.RowGroup;
import cn.perftarget.web.page.FormParts.Table;

/**
 * Lays out any form definition's document schema as page parts, with no knowledge of a particular template: an
 * object of like rows becomes a table (an object of such tables one table with row groups), an array of flat
 * objects a table of rows, an array of richer objects a list of cards, an array of texts a list of lines. A map of
 * four-digit years (近两年) spreads over the two years before the budget year and any year the document holds.
 */
final class FormLayout {

    private static final int TEXTAREA_FROM = 500;

    private final FieldAids aids;
    private final int year;

    FormLayout(FormDefinition definition, int year) {
        this.aids = new FieldAids(definition);
        this.year = year;
    }

    List<Part> parts(JsonNode schema, JsonNode document) {
        return children(schema, document, "", "");
    }

    private List<Part> children(JsonNode schema, JsonNode value, String pointer, String pattern) {
        var parts = new ArrayList<Part>();
        for (Map.Entry<String, JsonNode> entry : schema.path("fields").properties()) {
            String key = escape(entry.getKey());
            parts.add(part(entry.getValue(), value.path(entry.getKey()), pointer + "/" + key, pattern + "/" + key));
        }
        return parts;
    }

    private Part part(JsonNode schema, JsonNode value, String pointer, String pattern) {
        String label = schema.path("label").asText(pointer);
        return switch (schema.path("type").asText()) {
            case "object" -> isRows(schema) ? table(label, schema, value, pointer, pattern, true)
                    : isTableOfRows(schema) ? table(label, schema, value, pointer, pattern, false)
                    : new Group(pointer, label, schema.path("description").asText(null),
                    children(schema, value, pointer, pattern));
            case "array" -> repeat(label, schema, value, pointer, pattern);
            case "map" -> new Group(pointer, label, schema.path("description").asText(null),
                    List.copyOf(mapCells(schema, value, pointer, pattern, label)));
            default -> field(schema, value, pointer, pattern, label);
        };
    }

    // ---- tables: an object whose fields are rows of like scalar/map cells, or an object of such objects

    private static boolean isFlat(JsonNode schema) {
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

    private static boolean isScalar(JsonNode schema) {
        return List.of("string", "number", "integer", "boolean").contains(schema.path("type").asText());
    }

    /** Every field is a flat object with the same cell names: 财政拨款, 其他资金, 合计 of 收入构成. */
    private static boolean isRows(JsonNode schema) {
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

    private static boolean isTableOfRows(JsonNode schema) {
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
    private Table table(String label, JsonNode schema, JsonNode value, String pointer, String pattern, boolean single) {
        var groups = new ArrayList<Map.Entry<String, JsonNode>>();
        if (single) {
            groups.add(Map.entry("", schema));
        } else {
            schema.path("fields").properties().forEach(groups::add);
        }
        JsonNode rowSchema = groups.get(0).getValue().path("fields").elements().next();
        var columns = new ArrayList<Column>();
        var keysOf = new java.util.HashMap<String, List<String>>();
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
                keys = mapKeys(cell.getValue(), present);
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
                            cells.add(withCalc(field(cellSchema.path("values"), cellValue.path(key),
                                            cellPointer + "/" + escape(key), cellPattern + "/" + escape(key),
                                            cellLabel + " " + key), group, groupPointer, row.getKey(),
                                    cell.getKey() + "/" + escape(key), sum, share));
                        }
                    } else {
                        cells.add(withCalc(field(cellSchema, cellValue, cellPointer, cellPattern, cellLabel), group,
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
                                  String column, java.util.Optional<FieldAids.Sum> sum,
                                  java.util.Optional<FieldAids.Share> share) {
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
                "自动计算", f.required(), f.maxLength(), calc, operands);
    }

    // ---- arrays

    private Repeat repeat(String label, JsonNode schema, JsonNode value, String pointer, String pattern) {
        JsonNode items = schema.path("items");
        String itemLabel = items.path("label").asText(label);
        String itemPattern = pattern + "/*";
        String style = isScalar(items) ? "lines" : isFlat(items) ? "rows" : "cards";
        var columns = new ArrayList<Column>();
        var hints = new java.util.LinkedHashMap<String, List<String>>();
        var mapKeys = new java.util.HashMap<String, List<String>>();
        if (style.equals("rows")) {
            for (Map.Entry<String, JsonNode> cell : items.path("fields").properties()) {
                String cellLabel = cell.getValue().path("label").asText(cell.getKey());
                aids.hint(itemPattern + "/" + escape(cell.getKey())).or(() -> java.util.Optional.ofNullable(
                        cell.getValue().path("description").asText(null)))
                        .ifPresent(h -> hints.computeIfAbsent(h, k -> new ArrayList<>()).add(cellLabel));
                List<String> keys = List.of();
                if ("map".equals(cell.getValue().path("type").asText())) {
                    var present = new TreeSet<String>();
                    iterable(value).forEach(v -> v.path(cell.getKey()).fieldNames().forEachRemaining(present::add));
                    keys = mapKeys(cell.getValue(), present);
                }
                mapKeys.put(cell.getKey(), keys);
                columns.add(new Column(cell.getValue().path("label").asText(cell.getKey()), keys));
            }
        }
        var list = new ArrayList<Item>();
        int index = 0;
        for (JsonNode itemValue : iterable(value)) {
            list.add(item(items, itemValue, pointer + "/" + index, itemPattern, itemLabel, style, mapKeys));
            index++;
        }
        Item template = item(items, MissingNode.getInstance(), itemPattern, itemPattern, itemLabel, style, mapKeys);
        return new Repeat(pointer, itemPattern, label, itemLabel, style, columns, hints.entrySet().stream()
                .map(h -> String.join("、", h.getValue()) + "的" + h.getKey()).toList(), list, template);
    }

    private Item item(JsonNode items, JsonNode value, String pointer, String pattern, String label, String style,
                      Map<String, List<String>> mapKeys) {
        return switch (style) {
            case "lines" -> new Item(pointer, List.of(field(items, value, pointer, pattern, label)), List.of());
            case "rows" -> {
                var cells = new ArrayList<Field>();
                for (Map.Entry<String, JsonNode> cell : items.path("fields").properties()) {
                    String cellPointer = pointer + "/" + escape(cell.getKey());
                    String cellPattern = pattern + "/" + escape(cell.getKey());
                    String cellLabel = cell.getValue().path("label").asText(cell.getKey());
                    if (!mapKeys.get(cell.getKey()).isEmpty()) {
                        for (String key : mapKeys.get(cell.getKey())) {
                            cells.add(field(cell.getValue().path("values"), value.path(cell.getKey()).path(key),
                                    cellPointer + "/" + escape(key), cellPattern + "/" + escape(key),
                                    cellLabel + " " + key));
                        }
                    } else {
                        cells.add(field(cell.getValue(), value.path(cell.getKey()), cellPointer, cellPattern, cellLabel));
                    }
                }
                yield new Item(pointer, cells, List.of());
            }
            default -> new Item(pointer, List.of(), children(items, value, pointer, pattern));
        };
    }

    // ---- maps and scalars

    private List<Field> mapCells(JsonNode schema, JsonNode value, String pointer, String pattern, String label) {
        var present = new TreeSet<String>();
        value.fieldNames().forEachRemaining(present::add);
        var cells = new ArrayList<Field>();
        for (String key : mapKeys(schema, present)) {
            cells.add(field(schema.path("values"), value.path(key), pointer + "/" + escape(key),
                    pattern + "/" + escape(key), label + " " + key));
        }
        return cells;
    }

    /** The keys a map shows: those present, and for a map of years the two before the budget year. */
    private List<String> mapKeys(JsonNode schema, TreeSet<String> present) {
        var keys = new TreeSet<>(present);
        if ("^[0-9]{4}$".equals(schema.path("keyPattern").asText())) {
            keys.add(Integer.toString(year - 2));
            keys.add(Integer.toString(year - 1));
        }
        return List.copyOf(keys);
    }

    private Field field(JsonNode schema, JsonNode value, String pointer, String pattern, String label) {
        String type = schema.path("type").asText("string");
        String text = value.isMissingNode() || value.isNull() ? ""
                : value.isNumber() ? plain(value) : value.asText();
        var choices = aids.dropdown(pattern);
        String control = choices.isPresent() ? "select"
                : type.equals("string") && schema.path("maxLength").asInt(0) >= TEXTAREA_FROM ? "textarea" : "text";
        String hint = aids.hint(pattern).orElse(schema.path("description").asText(null));
        return new Field(pointer, label, type, control, text, choices.orElse(List.of()), hint,
                schema.path("required").asBoolean(false), schema.path("maxLength").asInt(0), null, null);
    }

    private static String plain(JsonNode number) {
        return new BigDecimal(number.asText()).stripTrailingZeros().toPlainString();
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node.isContainerNode() ? node : List.of();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
