package cn.perftarget.declaration;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import cn.perftarget.identity.UnitKind;

/**
 * An organisation change of the general audit chain ({"what","before","after"}, written by the identity module) in
 * words: 用户 filer9；姓名：李四 → 李五；角色：填报人 → 填报人、审计. Only what changed is named; a new or a removed
 * account or unit is named in full. Codes of units, roles and kinds become their Chinese names.
 */
final class ChangeWords {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("username", "用户名");
        LABELS.put("code", "代码");
        LABELS.put("name", "名称");
        LABELS.put("unit", "单位");
        LABELS.put("kind", "类型");
        LABELS.put("parent", "上级单位");
        LABELS.put("oversees", "归口");
        LABELS.put("roles", "角色");
        LABELS.put("enabled", "启用");
        LABELS.put("active", "启用");
        LABELS.put("lockedUntil", "锁定至");
        LABELS.put("failedLogins", "连续登录失败次数");
    }

    private final EventWords.Reading words;
    private final LocalTimes times;

    ChangeWords(EventWords.Reading words, LocalTimes times) {
        this.words = words;
        this.times = times;
    }

    String of(JsonNode change) {
        JsonNode before = change.path("before");
        JsonNode after = change.path("after");
        List<String> parts = new ArrayList<>();
        parts.add(change.path("what").asText());
        for (Map.Entry<String, String> field : LABELS.entrySet()) {
            String key = field.getKey();
            String old = value(key, before.path(key));
            String now = value(key, after.path(key));
            if (before.isObject() && after.isObject()) {
                if (!old.equals(now)) {
                    parts.add(field.getValue() + "：" + blank(old) + " → " + blank(now));
                }
            } else if (after.isObject() && after.has(key) || before.isObject() && before.has(key)) {
                parts.add(field.getValue() + "：" + blank(after.isObject() ? now : old));
            }
        }
        return String.join("；", parts);
    }

    private String value(String key, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(value(key, item)));
            return String.join("、", items);
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? "是" : "否";
        }
        String text = node.asText();
        return switch (key) {
            case "unit", "parent", "oversees" -> words.unit(text);
            case "roles" -> words.role(text);
            case "kind" -> kind(text);
            case "lockedUntil" -> time(text);
            default -> text;
        };
    }

    private static String kind(String code) {
        for (UnitKind kind : UnitKind.values()) {
            if (kind.name().equals(code)) {
                return kind.label();
            }
        }
        return code;
    }

    private String time(String text) {
        try {
            return times.minutes(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private static String blank(String text) {
        return text.isEmpty() ? "（空）" : text;
    }
}
