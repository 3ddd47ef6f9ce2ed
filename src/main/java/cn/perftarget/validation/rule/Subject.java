package cn.perftarget.validation.rule;

import cn.perftarget.validation.values.Measure;
import cn.perftarget.validation.ValidationContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The document under validation with what rules need around it; conversions are done at most once. */
public final class Subject {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final ValidationContext context;
    private final Labels labels;
    private final Map<String, Optional<Measure>> measures = new HashMap<>();
    private final Map<List<Selector>, List<Selector.Target>> places = new HashMap<>();

    public Subject(JsonNode document, ValidationContext context, Labels labels) {
        this.document = document;
        this.context = context;
        this.labels = labels;
    }

    public JsonNode document() {
        return document;
    }

    public ValidationContext context() {
        return context;
    }

    /** How messages call the place at this pointer, e.g. 年度目标第2项/绩效指标第1项/指标值. */
    public String name(String pointer) {
        return labels.nameOf(pointer);
    }

    /** The places these selectors pick, selected once for all the rules that share them. */
    public List<Selector.Target> targets(List<Selector> selectors) {
        return places.computeIfAbsent(selectors, all -> {
            if (all.size() == 1) {
                return all.get(0).select(document);
            }
            List<Selector.Target> out = new ArrayList<>();
            all.forEach(selector -> out.addAll(selector.select(document)));
            return out;
        });
    }

    /** An indicator value read by {@link Measure} (no bare grades), parsed once however many rules ask. */
    public Optional<Measure> measure(String text) {
        return measures.computeIfAbsent(text, t -> Measure.parse(t, Set.of()));
    }

    public static Object toPlain(JsonNode node) {
        return JSON.convertValue(node, Object.class);
    }
}
