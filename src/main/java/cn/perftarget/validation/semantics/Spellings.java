package cn.perftarget.validation.semantics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

import cn.perftarget.definition.DefinitionProblem;
import cn.perftarget.validation.rule.Vocabulary;

/**
 * How a dictionary's values may be written besides its entries: the {@code decorations} around them (a score
 * printed in the cell, 产出指标(50分)), other endings that mean the suffix (目标 for 指标), and the aliases of the
 * vocabulary file its {@code vocabulary} names (forms/vocabulary/indicator-levels.json).
 */
final class Spellings {

    static final Spellings NONE = new Spellings(List.of(), List.of(), Map.of(), Set.of());

    private final List<Pattern> decorations;
    private final List<String> suffixes;
    private final Map<String, String> aliases;
    private final Set<String> wrappers;

    private Spellings(List<Pattern> decorations, List<String> suffixes, Map<String, String> aliases, Set<String> wrappers) {
        this.decorations = decorations;
        this.suffixes = suffixes;
        this.aliases = aliases;
        this.wrappers = wrappers;
    }

    static Spellings read(JsonNode dictionary, String place) {
        List<Pattern> decorations = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        Set<String> wrappers = new HashSet<>();
        JsonNode own = dictionary.path("decorations");
        if (!own.isMissingNode() && !own.isArray()) {
            throw new DefinitionProblem(place + "/decorations", "decorations must be a list of regular expressions");
        }
        for (int i = 0; i < own.size(); i++) {
            decorations.add(compile(own.get(i).asText(), place + "/decorations/" + i));
        }
        JsonNode name = dictionary.path("vocabulary");
        if (!name.isMissingNode()) {
            if (!name.isTextual() || !Vocabulary.exists(name.asText())) {
                throw new DefinitionProblem(place + "/vocabulary",
                        "vocabulary must name a file of forms/vocabulary, e.g. \"indicator-levels\"");
            }
            JsonNode file = Vocabulary.file(name.asText());
            file.path("decorations").forEach(d -> decorations.add(compile(d.path("pattern").asText(), place + "/vocabulary")));
            file.path("suffixes").forEach(s -> suffixes.add(s.path("suffix").asText()));
            file.path("aliases").forEach(a -> aliases.put(a.path("term").asText(), a.path("entry").asText()));
            file.path("wrappers").forEach(w -> wrappers.add(w.path("term").asText()));
        }
        return new Spellings(List.copyOf(decorations), List.copyOf(suffixes), Map.copyOf(aliases), Set.copyOf(wrappers));
    }

    /** The value without its decorations. */
    String strip(String value) {
        String v = value.strip();
        for (Pattern decoration : decorations) {
            v = decoration.matcher(v).replaceAll("").strip();
        }
        return v;
    }

    /**
     * Whether the value is the 一级 of a template that moves the usual 一级 one column down (中央预算内投资:
     * 实施效果指标 → 产出指标/效益指标), so that its 二级 is read as a 一级.
     */
    boolean isWrapper(String value) {
        return !wrappers.isEmpty() && wrappers.contains(strip(value));
    }

    List<String> suffixes() {
        return suffixes;
    }

    /** Term → entry, as the vocabulary file spells them. */
    Map<String, String> aliases() {
        return aliases;
    }

    private static Pattern compile(String regex, String place) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new DefinitionProblem(place, "not a regular expression: " + e.getDescription());
        }
    }
}
