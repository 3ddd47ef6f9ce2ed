package cn.perftarget.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The document under validation with what rules need around it; conversions are done at most once. */
final class Subject {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final ValidationContext context;
    private final Labels labels;
    private Object plain;

    Subject(JsonNode document, ValidationContext context, Labels labels) {
        this.document = document;
        this.context = context;
        this.labels = labels;
    }

    JsonNode document() {
        return document;
    }

    ValidationContext context() {
        return context;
    }

    /** How messages call the place at this pointer, e.g. 年度目标第2项/绩效指标第1项/指标值. */
    String name(String pointer) {
        return labels.nameOf(pointer);
    }

    /** The document as plain Java maps and lists, for the expression language. */
    Object plain() {
        if (plain == null) {
            plain = toPlain(document);
        }
        return plain;
    }

    static Object toPlain(JsonNode node) {
        return JSON.convertValue(node, Object.class);
    }
}
