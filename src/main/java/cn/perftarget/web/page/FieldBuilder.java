package cn.perftarget.web.page;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.web.page.FormParts.Field;

/** The input of one scalar place, and the keys a map shows (for a map of years, the two before the budget year too). */
final class FieldBuilder {

    private static final int TEXTAREA_FROM = 500;

    final FieldAids aids;
    private final int year;

    FieldBuilder(FormDefinition definition, int year, OfferedPairs.Check offered) {
        this.aids = new FieldAids(definition, offered);
        this.year = year;
    }

    List<Field> mapCells(JsonNode schema, JsonNode value, String pointer, String pattern, String label) {
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
    List<String> mapKeys(JsonNode schema, TreeSet<String> present) {
        var keys = new TreeSet<>(present);
        if ("^[0-9]{4}$".equals(schema.path("keyPattern").asText())) {
            keys.add(Integer.toString(year - 2));
            keys.add(Integer.toString(year - 1));
        }
        return List.copyOf(keys);
    }

    Field field(JsonNode schema, JsonNode value, String pointer, String pattern, String label) {
        String type = schema.path("type").asText("string");
        String text = value.isMissingNode() || value.isNull() ? ""
                : value.isNumber() ? plain(value) : value.asText();
        var choices = aids.dropdown(pattern);
        String control = choices.isPresent() ? "select"
                : type.equals("string") && schema.path("maxLength").asInt(0) >= TEXTAREA_FROM ? "textarea" : "text";
        String hint = aids.hint(pattern).orElse(schema.path("description").asText(null));
        String depends = choices.isPresent() ? aids.parentField(pattern).orElse(null) : null;
        return new Field(pointer, label, type, control, text, choices.orElse(List.of()), hint,
                schema.path("required").asBoolean(false), schema.path("maxLength").asInt(0), null, null,
                depends, null, fixed(schema));
    }

    /** A value the system fills (a follow-up's copied target, a computed score): shown, not typed over. */
    private static boolean fixed(JsonNode schema) {
        return schema.path("readOnly").asBoolean(false) || schema.path("computed").asBoolean(false);
    }

    private static String plain(JsonNode number) {
        return new BigDecimal(number.asText()).stripTrailingZeros().toPlainString();
    }

    static Iterable<JsonNode> iterable(JsonNode node) {
        return node.isContainerNode() ? node : List.of();
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    static boolean isScalar(JsonNode schema) {
        return List.of("string", "number", "integer", "boolean").contains(schema.path("type").asText());
    }
}
