package cn.perftarget.validation.structure;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/** Chinese wording of structural findings, kept together so the tone stays the same everywhere. */
public final class Messages {

    private static final int QUOTED_TEXT_LIMIT = 30;

    private Messages() {
    }

    public static String unknownField(Place parent, String key) {
        return parent.isRoot() ? "未知字段“" + key + "”" : "“" + parent.name() + "”中有未知字段“" + key + "”";
    }

    public static String badKey(Place map, String key, String keyLabel) {
        return "“" + map.name() + "”中的“" + key + "”不是有效的" + keyLabel;
    }

    public static String type(Place place, String expectedKind, JsonNode actual) {
        return "“" + place.name() + "”应为" + kindName(expectedKind) + "，实际为" + describe(actual);
    }

    public static String notInteger(Place place, BigDecimal actual) {
        return "“" + place.name() + "”应为整数，实际为" + plain(actual);
    }

    public static String required(Place place, boolean list) {
        return "“" + place.name() + "”为必填项" + (list ? "，至少填写一项" : "");
    }

    public static String maxLength(Place place, int max, int actual) {
        return "“" + place.name() + "”最多" + max + "个字，实际为" + actual + "个字";
    }

    public static String maxItems(Place place, int max, int actual) {
        return "“" + place.name() + "”最多" + max + "项，实际为" + actual + "项";
    }

    public static String range(Place place, BigDecimal min, BigDecimal max, BigDecimal actual) {
        String bound;
        if (min != null && max != null) {
            bound = "应在" + plain(min) + "到" + plain(max) + "之间";
        } else if (min != null) {
            bound = "不能小于" + plain(min);
        } else {
            bound = "不能大于" + plain(max);
        }
        return "“" + place.name() + "”" + bound + "，实际为" + plain(actual);
    }

    public static String scale(Place place, int max, BigDecimal actual) {
        return "“" + place.name() + "”最多保留" + max + "位小数，实际为" + plain(actual)
                + "（" + actual.stripTrailingZeros().scale() + "位小数）";
    }

    public static String yearMismatch(String label, BigDecimal actual, int expected) {
        return "“" + label + "”为" + plain(actual) + "，与申报年度" + expected + "不一致";
    }

    public static String departmentMismatch(String label, String actual, String expected) {
        return "“" + label + "”为“" + actual + "”，不是本申报表所属部门“" + expected + "”：应填写本部门名称（新建申报表时已自动填入）";
    }

    public static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static String kindName(String kind) {
        return switch (kind) {
            case "string" -> "文本";
            case "number" -> "数字";
            case "integer" -> "整数";
            case "boolean" -> "是或否";
            case "array" -> "列表";
            default -> "对象";
        };
    }

    private static String describe(JsonNode actual) {
        if (actual.isNull()) {
            return "空值（null）";
        }
        if (actual.isTextual()) {
            String text = actual.asText();
            String shown = text.length() > QUOTED_TEXT_LIMIT ? text.substring(0, QUOTED_TEXT_LIMIT) + "…" : text;
            return "文本（“" + shown + "”）";
        }
        if (actual.isNumber()) {
            return "数字（" + actual.asText() + "）";
        }
        if (actual.isBoolean()) {
            return "布尔值（" + actual.asText() + "）";
        }
        return actual.isArray() ? "列表" : "对象";
    }
}
