package cn.perftarget.validation.rule;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Parameters naming fields relative to a rule's place ({@code value}, {@code history/*}). */
public final class Relative {

    private Relative() {
    }

    public static List<Selector> selectors(RuleSpec spec, String parameter, List<String> fallback) {
        List<String> patterns = spec.texts(parameter, fallback).stream()
                .map(p -> p.isEmpty() || p.startsWith("/") ? p : "/" + p)
                .toList();
        List<Selector> out = new ArrayList<>();
        for (String pattern : patterns) {
            out.add(Selector.of(pattern));
        }
        return out;
    }

    public static Selector selector(RuleSpec spec, String parameter, String fallback) {
        return selectors(spec, parameter, List.of(fallback)).get(0);
    }

    public static List<Selector.Target> select(List<Selector> selectors, Selector.Target place) {
        if (selectors.size() == 1) {
            return selectors.get(0).selectFrom(place);
        }
        List<Selector.Target> out = new ArrayList<>();
        selectors.forEach(s -> out.addAll(s.selectFrom(place)));
        return out;
    }

    /** The single value a relative pointer without wildcards names, or null. */
    public static JsonNode value(Selector selector, Selector.Target place) {
        var found = selector.selectFrom(place);
        return found.isEmpty() ? null : found.get(0).node();
    }

    /** Non-blank text of a plain field of the place (e.g. level1), or null. */
    public static String text(Selector.Target place, String field) {
        return Values.text(place.node().get(field));
    }
}
