package cn.perftarget.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import cn.perftarget.definition.FormDefinition;

/**
 * The corpus of real published forms in forms/samples/real, as its index corpus.json describes them: each form's
 * template, budget year, department context, place, source, split (tune or held-out) and the judgement of its cells.
 */
final class RealCorpus {

    static final String TUNE = "tune";
    static final String HELD_OUT = "held-out";

    /** A cell's or a table check's judgement: {@code correct} or {@code defect}, and the kind of rule it concerns. */
    record Judgement(boolean defect, String kind) {

        static Judgement parse(String text) {
            int colon = text.indexOf(':');
            String verdict = text.substring(0, colon);
            if (!verdict.equals("correct") && !verdict.equals("defect")) {
                throw new IllegalArgumentException("judgement must be correct:kind or defect:kind, was " + text);
            }
            return new Judgement(verdict.equals("defect"), text.substring(colon + 1));
        }
    }

    record Form(String file, String template, int year, String department, String province, String level,
                String source, String split, Map<String, Judgement> judgements, List<String> fragment) {

        JsonNode document() {
            return Templates.resource("/forms/samples/real/" + file);
        }

        FormDefinition definition() {
            return Templates.REGISTRY.forYear(template, year).orElseThrow();
        }

        ValidationReport report() {
            return Templates.validate(definition(), document(), new ValidationContext(year, department));
        }
    }

    static List<Form> forms() {
        JsonNode index;
        try (InputStream in = RealCorpus.class.getResourceAsStream("/forms/samples/real/corpus.json")) {
            index = DeptOverall.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Form> forms = new ArrayList<>();
        for (JsonNode form : index.get("forms")) {
            Map<String, Judgement> judgements = new LinkedHashMap<>();
            form.get("judgements").fields().forEachRemaining(e -> judgements.put(e.getKey(), Judgement.parse(e.getValue().asText())));
            List<String> fragment = new ArrayList<>();
            form.get("fragment").forEach(line -> fragment.add(line.asText()));
            forms.add(new Form(form.get("file").asText(), form.get("template").asText(), form.get("year").asInt(),
                    form.get("department").isNull() ? null : form.get("department").asText(),
                    form.get("province").asText(), form.get("level").asText(), form.get("source").asText(),
                    form.get("split").asText(), judgements, List.copyOf(fragment)));
        }
        return forms;
    }

    private RealCorpus() {
    }
}
