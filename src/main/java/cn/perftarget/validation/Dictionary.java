package cn.perftarget.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import cn.perftarget.definition.DefinitionProblem;

/**
 * One dictionary of a definition: a flat list (绩效标准) or two levels (一级 → 二级指标). Matching ignores an
 * optional suffix such as 指标, so 产出 and 产出指标 are the same entry.
 */
final class Dictionary {

    private final String name;
    private final String label;
    private final String suffix;
    private final boolean twoLevels;
    private final Map<String, String> canonical = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> children = new LinkedHashMap<>();

    private Dictionary(String name, String label, String suffix, boolean twoLevels) {
        this.name = name;
        this.label = label;
        this.suffix = suffix;
        this.twoLevels = twoLevels;
    }

    static Dictionary parse(String name, JsonNode node, String place) {
        JsonNode entries = node.path("entries");
        var dictionary = new Dictionary(name, node.path("label").asText(name), node.path("suffix").asText(""),
                entries.isObject());
        if (entries.isArray()) {
            entries.forEach(entry -> dictionary.canonical.put(dictionary.normalize(entry.asText()), entry.asText()));
        } else if (entries.isObject()) {
            entries.fields().forEachRemaining(parent -> {
                if (!parent.getValue().isArray()) {
                    throw new DefinitionProblem(place + "/entries/" + Selector.escape(parent.getKey()),
                            "the entries under \"" + parent.getKey() + "\" must be a list");
                }
                dictionary.canonical.put(dictionary.normalize(parent.getKey()), parent.getKey());
                Map<String, String> level2 = new LinkedHashMap<>();
                parent.getValue().forEach(child -> level2.put(dictionary.normalize(child.asText()), child.asText()));
                dictionary.children.put(parent.getKey(), level2);
            });
        } else {
            throw new DefinitionProblem(place + "/entries", "dictionary \"" + name + "\" needs \"entries\": a list, or an object of lists");
        }
        if (dictionary.canonical.isEmpty()) {
            throw new DefinitionProblem(place + "/entries", "dictionary \"" + name + "\" is empty");
        }
        return dictionary;
    }

    /** The entry this value stands for, or null. */
    String match(String value) {
        return canonical.get(normalize(value));
    }

    /** The second-level entry under {@code parent} (a canonical first-level entry) this value stands for, or null. */
    String matchChild(String parent, String value) {
        var level2 = children.get(parent);
        return level2 == null ? null : level2.get(normalize(value));
    }

    List<String> entries() {
        return List.copyOf(canonical.values());
    }

    List<String> childrenOf(String parent) {
        var level2 = children.get(parent);
        return level2 == null ? List.of() : List.copyOf(level2.values());
    }

    boolean hasTwoLevels() {
        return twoLevels;
    }

    String name() {
        return name;
    }

    String label() {
        return label;
    }

    private String normalize(String value) {
        String v = value.strip();
        return !suffix.isEmpty() && v.endsWith(suffix) && v.length() > suffix.length()
                ? v.substring(0, v.length() - suffix.length()).strip()
                : v;
    }
}
