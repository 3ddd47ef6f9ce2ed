package cn.perftarget.definition;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What makes a declaration of a template unique: the definition's {@code uniqueness} list, whose entries are
 * {@code department} (the declaration's department code), {@code year} (its budget year) or a JSON Pointer to a
 * text or integer field of the document (e.g. {@code /header/projectName}). Two declarations of the same template
 * key (any version) with equal values are the same declaration. Document values are compared after Unicode NFKC
 * normalisation with surrounding and repeated white space removed, so a full-width or padded copy is no new name.
 *
 * @param parts the entries in the order written; empty when the template states no uniqueness
 * @param labels the Chinese name of each entry, for messages
 */
public record Uniqueness(List<String> parts, List<String> labels) {

    static final String DEPARTMENT = "department";
    static final String YEAR = "year";

    public Uniqueness {
        parts = List.copyOf(parts);
        labels = List.copyOf(labels);
    }

    /** Whether a value of the document is part of the key, so that saving the document can change it. */
    public boolean dependsOnDocument() {
        return parts.stream().anyMatch(part -> part.startsWith("/"));
    }

    static Uniqueness none() {
        return new Uniqueness(List.of(), List.of());
    }

    /**
     * The values that identify a declaration, or empty when the template states no uniqueness or a document
     * value is still blank (a project name not yet typed is checked when it is saved).
     */
    public Optional<List<String>> values(String department, int year, JsonNode document) {
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (String part : parts) {
            String value = switch (part) {
                case DEPARTMENT -> department;
                case YEAR -> Integer.toString(year);
                default -> normalised(document == null ? null : document.at(JsonPointer.compile(part)));
            };
            if (value == null || value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value);
        }
        return Optional.of(values);
    }

    private static String normalised(JsonNode node) {
        if (node == null || !(node.isTextual() || node.isIntegralNumber())) {
            return null;
        }
        return Normalizer.normalize(node.asText(), Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
    }

    /** Reads and checks the definition's {@code uniqueness} list against the resolved document schema. */
    static Uniqueness of(JsonNode definition, JsonNode documentSchema) {
        JsonNode list = definition.path("uniqueness");
        if (list.isMissingNode()) {
            return none();
        }
        if (!list.isArray() || list.isEmpty()) {
            throw new DefinitionProblem("/uniqueness", "uniqueness must be a non-empty list of \"department\", \"year\""
                    + " or JSON Pointers to text or integer fields of the document");
        }
        List<String> parts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        var seen = new HashSet<String>();
        for (int i = 0; i < list.size(); i++) {
            String place = "/uniqueness/" + i;
            JsonNode entry = list.get(i);
            if (!entry.isTextual() || !seen.add(entry.asText())) {
                throw new DefinitionProblem(place, "each entry must be a distinct string");
            }
            String part = entry.asText();
            parts.add(part);
            labels.add(switch (part) {
                case DEPARTMENT -> "部门";
                case YEAR -> "年度";
                default -> fieldLabel(documentSchema, part, place);
            });
        }
        return new Uniqueness(parts, labels);
    }

    private static String fieldLabel(JsonNode schema, String pointer, String place) {
        if (!pointer.startsWith("/")) {
            throw new DefinitionProblem(place, "\"" + pointer + "\" is neither department, year nor a JSON Pointer");
        }
        JsonNode current = schema;
        JsonPointer p;
        try {
            p = JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new DefinitionProblem(place, "\"" + pointer + "\" is not a valid JSON Pointer");
        }
        for (; !p.matches(); p = p.tail()) {
            current = current.path("fields").path(p.getMatchingProperty());
            if (current.isMissingNode()) {
                throw new DefinitionProblem(place, "\"" + pointer + "\" is not a field of the document");
            }
        }
        String type = current.path("type").asText();
        if (!type.equals("string") && !type.equals("integer")) {
            throw new DefinitionProblem(place, "\"" + pointer + "\" must be a string or integer field, not " + type);
        }
        return current.path("label").asText(pointer);
    }
}
