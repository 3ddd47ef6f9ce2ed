package cn.perftarget.validation.rule;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading numbers and text out of documents the way filers wrote them. */
public final class Values {

    private Values() {
    }

    /** The number as written ("74.80" keeps scale 2), null when absent, null or not a number. */
    public static BigDecimal number(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        // asText keeps the written digits of a double (74.8), where decimalValue() would expand its binary value.
        return new BigDecimal(node.asText());
    }

    /** A blank amount reads as 0. */
    public static BigDecimal amount(JsonNode node) {
        BigDecimal n = number(node);
        return n == null ? BigDecimal.ZERO : n;
    }

    public static boolean isBlank(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || (node.isTextual() && node.asText().isBlank());
    }

    /** Non-blank text, else null. */
    public static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText().trim() : null;
    }

    public static String display(Object value) {
        if (value == null) {
            return "（空）";
        }
        if (value instanceof BigDecimal n) {
            return n.stripTrailingZeros().toPlainString();
        }
        if (value instanceof JsonNode node) {
            return node.isNumber() ? display(number(node)) : node.isTextual() ? node.asText() : node.toString();
        }
        return value.toString();
    }
}
