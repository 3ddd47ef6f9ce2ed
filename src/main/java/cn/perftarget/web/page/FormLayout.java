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
    private final Map<String, List<String>> official;

    /**
     * @param offered  which 一级/二级 pairs the drop-downs may offer
     * @param official the fields each indicator table of the official form has, by list pattern: a table shows
     *                 only those (the 长期绩效指标 has no 近两年 or 预期 columns); empty: every field
     */
    FormLayout(FormDefinition definition, int year, OfferedPairs.Check offered, Map<String, List<String>> official) {
        this.fields = new FieldBuilder(definition, year, offered);
        this.tables = new TableLayout(fields);
        this.aids = fields.aids;
        this.official = official;
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
        List<String> shown = official.get(pattern);
        if (style.equals("rows")) {
            for (Map.Entry<String, JsonNode> cell : items.path("fields").properties()) {
                if (shown != null && !shown.contains(cell.getKey())) {
                    continue;
                }
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
            list.add(item(items, itemValue, pointer + "/" + index, itemPattern, itemLabel, style, mapKeys, shown));
            index++;
        }
        Item template = item(items, MissingNode.getInstance(), itemPattern, itemPattern, itemLabel, style, mapKeys, shown);
        return new Repeat(pointer, itemPattern, label, itemLabel, style, columns, hints.entrySet().stream()
                .map(h -> String.join("、", h.getValue()) + "的" + h.getKey()).toList(), list, template,
                style.equals("rows") && fillsFromLibrary(items) && !holdsReadOnly(items), holdsReadOnly(items));
    }

    /** Whether an item has a field the system fills and a save may not change (a follow-up's targets). */
    private static boolean holdsReadOnly(JsonNode items) {
        return items.toString().contains("\"readOnly\":true");
    }

    /** Rows with the places a 指标库 entry fills (一级、二级指标, 指标名称, 指标值) are offered the library. */
    private static boolean fillsFromLibrary(JsonNode items) {
        return LIBRARY_FIELDS.stream().allMatch(items.path("fields")::has);
    }

    private Item item(JsonNode items, JsonNode value, String pointer, String pattern, String label, String style,
                      Map<String, List<String>> mapKeys, List<String> shown) {
        return switch (style) {
            case "lines" -> new Item(pointer, List.of(fields.field(items, value, pointer, pattern, label)), List.of(), List.of());
            case "rows" -> {
                var cells = new ArrayList<Field>();
                var kept = new ArrayList<Field>();
                for (Map.Entry<String, JsonNode> cell : items.path("fields").properties()) {
                    String cellPointer = pointer + "/" + escape(cell.getKey());
                    String cellPattern = pattern + "/" + escape(cell.getKey());
                    String cellLabel = cell.getValue().path("label").asText(cell.getKey());
                    if (shown != null && !shown.contains(cell.getKey())) {
                        kept.addAll(notShown(cell.getValue(), value.path(cell.getKey()), cellPointer, cellPattern, cellLabel));
                    } else if (!mapKeys.get(cell.getKey()).isEmpty()) {
                        for (String key : mapKeys.get(cell.getKey())) {
                            cells.add(fields.field(cell.getValue().path("values"), value.path(cell.getKey()).path(key),
                                    cellPointer + "/" + escape(key), cellPattern + "/" + escape(key),
                                    cellLabel + " " + key));
                        }
                    } else {
                        cells.add(fields.field(cell.getValue(), value.path(cell.getKey()), cellPointer, cellPattern, cellLabel));
                    }
                }
                cells.replaceAll(f -> f.depends() == null ? f : f.withParent(value.path(f.depends()).asText("")));
                yield new Item(pointer, cells, List.of(), kept);
            }
            default -> new Item(pointer, List.of(), children(items, value, pointer, pattern), List.of());
        };
    }

    /**
     * A value the official table has no column for (a 近两年 value of a 长期指标 saved through the API) is kept as a
     * hidden input, so that saving the page does not drop it.
     */
    private List<Field> notShown(JsonNode schema, JsonNode value, String pointer, String pattern, String label) {
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (value.isObject()) {
            var kept = new ArrayList<Field>();
            value.properties().forEach(e -> kept.add(fields.field(schema.path("values"), e.getValue(),
                    pointer + "/" + escape(e.getKey()), pattern + "/" + escape(e.getKey()), label + " " + e.getKey())));
            return kept;
        }
        return List.of(fields.field(schema, value, pointer, pattern, label));
    }
}
