package cn.perftarget.web.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

import static cn.perftarget.web.page.FieldBuilder.escape;
import static cn.perftarget.web.page.FieldBuilder.isScalar;
import static cn.perftarget.web.page.FieldBuilder.iterable;

/**
 * Lays out any form definition's document schema as page parts, with no knowledge of a particular template: an
 * object of like rows becomes a table (an object of such tables one table with row groups), an array of flat
 * objects a table of rows, an array of richer objects a list of cards, an array of texts a list of lines. A map of
 * four-digit years (近两年) spreads over the two years before the budget year and any year the document holds.
 */
final class FormLayout {

    private static final List<String> LIBRARY_FIELDS = List.of("level1", "level2", "name", "value");

    private final FieldBuilder fields;
    private final TableLayout tables;
    private final FieldAids aids;

    FormLayout(FormDefinition definition, int year) {
        this.fields = new FieldBuilder(definition, year);
        this.tables = new TableLayout(fields);
        this.aids = fields.aids;
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
            case "object" -> TableLayout.isRows(schema) ? tables.table(label, schema, value, pointer, pattern, true)
                    : TableLayout.isTableOfRows(schema) ? tables.table(label, schema, value, pointer, pattern, false)
                    : new Group(pointer, label, schema.path("description").asText(null),
                    children(schema, value, pointer, pattern));
            case "array" -> repeat(label, schema, value, pointer, pattern);
            case "map" -> new Group(pointer, label, schema.path("description").asText(null),
                    List.copyOf(fields.mapCells(schema, value, pointer, pattern, label)));
            default -> fields.field(schema, value, pointer, pattern, label);
        };
    }

    // ---- arrays

    private Repeat repeat(String label, JsonNode schema, JsonNode value, String pointer, String pattern) {
        JsonNode items = schema.path("items");
        String itemLabel = items.path("label").asText(label);
        String itemPattern = pattern + "/*";
        String style = isScalar(items) ? "lines" : TableLayout.isFlat(items) ? "rows" : "cards";
        var columns = new ArrayList<Column>();
        var hints = new LinkedHashMap<String, List<String>>();
        var mapKeys = new HashMap<String, List<String>>();
        if (style.equals("rows")) {
            for (Map.Entry<String, JsonNode> cell : items.path("fields").properties()) {
                String cellLabel = cell.getValue().path("label").asText(cell.getKey());
                aids.hint(itemPattern + "/" + escape(cell.getKey())).or(() -> Optional.ofNullable(
                        cell.getValue().path("description").asText(null)))
                        .ifPresent(h -> hints.computeIfAbsent(h, k -> new ArrayList<>()).add(cellLabel));
                List<String> keys = List.of();
                if ("map".equals(cell.getValue().path("type").asText())) {
                    var present = new TreeSet<String>();
                    iterable(value).forEach(v -> v.path(cell.getKey()).fieldNames().forEachRemaining(present::add));
                    keys = fields.mapKeys(cell.getValue(), present);
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
                .map(h -> String.join("、", h.getValue()) + "的" + h.getKey()).toList(), list, template,
                style.equals("rows") && fillsFromLibrary(items));
    }

    /** Rows with the places a 指标库 entry fills (一级、二级指标, 指标名称, 指标值) are offered the library. */
    private static boolean fillsFromLibrary(JsonNode items) {
        return LIBRARY_FIELDS.stream().allMatch(items.path("fields")::has);
    }

    private Item item(JsonNode items, JsonNode value, String pointer, String pattern, String label, String style,
                      Map<String, List<String>> mapKeys) {
        return switch (style) {
            case "lines" -> new Item(pointer, List.of(fields.field(items, value, pointer, pattern, label)), List.of());
            case "rows" -> {
                var cells = new ArrayList<Field>();
                for (Map.Entry<String, JsonNode> cell : items.path("fields").properties()) {
                    String cellPointer = pointer + "/" + escape(cell.getKey());
                    String cellPattern = pattern + "/" + escape(cell.getKey());
                    String cellLabel = cell.getValue().path("label").asText(cell.getKey());
                    if (!mapKeys.get(cell.getKey()).isEmpty()) {
                        for (String key : mapKeys.get(cell.getKey())) {
                            cells.add(fields.field(cell.getValue().path("values"), value.path(cell.getKey()).path(key),
                                    cellPointer + "/" + escape(key), cellPattern + "/" + escape(key),
                                    cellLabel + " " + key));
                        }
                    } else {
                        cells.add(fields.field(cell.getValue(), value.path(cell.getKey()), cellPointer, cellPattern, cellLabel));
                    }
                }
                yield new Item(pointer, cells, List.of());
            }
            default -> new Item(pointer, List.of(), children(items, value, pointer, pattern));
        };
    }
}
