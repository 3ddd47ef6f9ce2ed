package cn.perftarget.validation.structure;

import cn.perftarget.validation.rule.Rules;
import cn.perftarget.validation.Finding;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;

/** Checks of single values (text, numbers, booleans) against their schema node. */
public final class ScalarChecks {

    private final List<Finding> findings;
    private final boolean submission;

    public ScalarChecks(List<Finding> findings, boolean submission) {
        this.findings = findings;
        this.submission = submission;
    }

    public void string(JsonNode schema, JsonNode value, Place place, boolean required) {
        if (!value.isTextual()) {
            add(place, Rules.TYPE, Messages.type(place, "string", value));
            return;
        }
        String text = value.asText();
        if (submission && required && text.isBlank()) {
            add(place, Rules.REQUIRED, Messages.required(place, false));
        }
        // Counted in characters as people count them, not UTF-16 units: a rare 汉字 is one character.
        int length = text.codePointCount(0, text.length());
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            add(place, Rules.MAX_LENGTH, Messages.maxLength(place, schema.get("maxLength").asInt(), length));
        }
    }

    public void number(JsonNode schema, JsonNode value, Place place, boolean integer) {
        String kind = integer ? "integer" : "number";
        if (!value.isNumber() || !isFinite(value)) {
            add(place, Rules.TYPE, Messages.type(place, kind, value));
            return;
        }
        BigDecimal number = value.decimalValue();
        if (integer && !value.canConvertToExactIntegral()) {
            add(place, Rules.TYPE, Messages.notInteger(place, number));
            return;
        }
        BigDecimal min = schema.has("min") ? schema.get("min").decimalValue() : null;
        BigDecimal max = schema.has("max") ? schema.get("max").decimalValue() : null;
        if ((min != null && number.compareTo(min) < 0) || (max != null && number.compareTo(max) > 0)) {
            add(place, Rules.RANGE, Messages.range(place, min, max, number));
        }
        if (schema.has("scale") && number.stripTrailingZeros().scale() > schema.get("scale").asInt()) {
            add(place, Rules.SCALE, Messages.scale(place, schema.get("scale").asInt(), number));
        }
    }

    public void bool(JsonNode value, Place place) {
        if (!value.isBoolean()) {
            add(place, Rules.TYPE, Messages.type(place, "boolean", value));
        }
    }

    // A document parsed with non-standard features may carry NaN or Infinity, which have no decimal value.
    private static boolean isFinite(JsonNode value) {
        return !(value.isDouble() || value.isFloat()) || Double.isFinite(value.doubleValue());
    }

    private void add(Place place, String rule, String message) {
        findings.add(new Finding(place.pointer(), rule, message, Rules.STRUCTURE_BASIS, null));
    }
}
