package cn.perftarget.validation.semantics;

import cn.perftarget.validation.rule.Selector;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import cn.perftarget.definition.DefinitionProblem;

/**
 * One dictionary of a definition: a flat list (绩效标准) or two levels (一级 → 二级指标). Matching ignores an
 * optional suffix such as 指标, so 产出 and 产出指标 are the same entry; it also strips the {@code decorations}
 * (regular expressions, e.g. a score printed in the cell: 产出指标(50分)) and reads each of {@code aliases}
 * (synonym → entry, e.g. 可持续发展影响指标 → 可持续影响指标) as the entry it names.
 */
public final class Dictionary {

    private final String name;
    private final String label;
    private final String suffix;
    private final boolean twoLevels;
    private final Map<String, String> canonical = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> children = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final Set<String> categories = new HashSet<>();
    private Spellings spellings = Spellings.NONE;
    // The same few level names come on every indicator of every form: strip their decorations once.
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private static final int MAX_KEYS = 10_000;

    private Dictionary(String name, String label, String suffix, boolean twoLevels) {
        this.name = name;
        this.label = label;
        this.suffix = suffix;
        this.twoLevels = twoLevels;
    }

    public static Dictionary parse(String name, JsonNode node, String place) {
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
        dictionary.spellings = Spellings.read(node, place);
        dictionary.readAliases(node.path("aliases"), place + "/aliases");
        dictionary.readVocabularyAliases();
        dictionary.categories.addAll(dictionary.canonical.keySet());
        dictionary.children.values().forEach(level2 -> dictionary.categories.addAll(level2.keySet()));
        return dictionary;
    }

    private void readAliases(JsonNode node, String place) {
        if (node.isMissingNode()) {
            return;
        }
        if (!node.isObject()) {
            throw new DefinitionProblem(place, "aliases must map a synonym to an entry");
        }
        for (var alias : node.properties()) {
            String target = alias.getValue().asText();
            if (!isEntry(normalize(target))) {
                throw new DefinitionProblem(place + "/" + Selector.escape(alias.getKey()),
                        "alias \"" + alias.getKey() + "\" names \"" + target + "\", which is not an entry of \"" + name + "\"");
            }
            aliases.put(normalize(alias.getKey()), normalize(target));
        }
    }

    /** The vocabulary's aliases whose entry this dictionary has (成本指标 as 一级 is not in an 88号 tree). */
    private void readVocabularyAliases() {
        spellings.aliases().forEach((term, entry) -> {
            String target = normalize(entry);
            if (isEntry(target)) {
                aliases.putIfAbsent(normalize(term), target);
            }
        });
    }

    private boolean isEntry(String key) {
        return canonical.containsKey(key) || children.values().stream().anyMatch(level2 -> level2.containsKey(key));
    }

    /** The entry this value stands for, or null. */
    public String match(String value) {
        String key = key(value);
        String found = canonical.get(key);
        return found != null ? found : canonical.get(aliases.getOrDefault(key, key));
    }

    /** The second-level entry under {@code parent} (a canonical first-level entry) this value stands for, or null. */
    public String matchChild(String parent, String value) {
        var level2 = children.get(parent);
        if (level2 == null) {
            return null;
        }
        String key = key(value);
        String found = level2.get(key);
        return found != null ? found : level2.get(aliases.getOrDefault(key, key));
    }

    /**
     * Whether the value, written with the suffix (社会成本指标, not 社会成本), is an entry or alias at any level:
     * a category name, where a 三级指标 should name what is measured.
     */
    public boolean isCategoryName(String value) {
        String v = value.strip();
        if (suffix.isEmpty() || !v.endsWith(suffix) || v.length() <= suffix.length()) {
            return false;
        }
        String key = key(v);
        return categories.contains(key) || aliases.containsKey(key);
    }

    /** A 一级 that wraps the usual 一级 names (see {@link Spellings#isWrapper}). */
    boolean isWrapper(String value) {
        return spellings.isWrapper(value);
    }

    public List<String> entries() {
        return List.copyOf(canonical.values());
    }

    public List<String> childrenOf(String parent) {
        var level2 = children.get(parent);
        return level2 == null ? List.of() : List.copyOf(level2.values());
    }

    public boolean hasTwoLevels() {
        return twoLevels;
    }

    public String name() {
        return name;
    }

    public String label() {
        return label;
    }

    private String key(String value) {
        String key = keys.get(value);
        if (key == null) {
            key = normalize(spellings.strip(value));
            if (keys.size() < MAX_KEYS) {
                keys.put(value, key);
            }
        }
        return key;
    }


    private String normalize(String value) {
        String v = value.strip();
        if (!suffix.isEmpty() && v.endsWith(suffix) && v.length() > suffix.length()) {
            return v.substring(0, v.length() - suffix.length()).strip();
        }
        for (String other : spellings.suffixes()) {
            if (v.endsWith(other) && v.length() > other.length()) {
                return v.substring(0, v.length() - other.length()).strip();
            }
        }
        return v;
    }
}
