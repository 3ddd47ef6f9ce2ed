package cn.perftarget.validation;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

import static cn.perftarget.validation.DeptOverall.DEFINITION;
import static cn.perftarget.validation.DeptOverall.JSON;

/** Validates edited copies of the corrected dept-overall sample and shows findings as "path rule" lines. */
final class RuleFixture {

    static final int YEAR = 2020;

    private static final DocumentValidator VALIDATOR = new DocumentValidator(new RuleSets());

    private RuleFixture() {
    }

    static ValidationReport validate(JsonNode document) {
        return validate(document, YEAR);
    }

    static ValidationReport validate(JsonNode document, int year) {
        return VALIDATOR.validate(DEFINITION, document, new ValidationContext(year));
    }

    static List<String> errors(ValidationReport report) {
        return lines(report.errors());
    }

    static List<String> warnings(ValidationReport report) {
        return lines(report.warnings());
    }

    static List<String> lines(List<Finding> findings) {
        return findings.stream().map(f -> f.path() + " " + f.rule()).toList();
    }

    /** Errors and warnings of one rule, as "path rule" lines. */
    static List<String> findingsOf(ValidationReport report, String rule) {
        return java.util.stream.Stream.concat(report.errors().stream(), report.warnings().stream())
                .filter(f -> f.rule().equals(rule)).map(f -> f.path() + " " + f.rule()).toList();
    }

    /** The message of the only finding (error or warning) at this path with this rule. */
    static String message(ValidationReport report, String path, String rule) {
        return java.util.stream.Stream.concat(report.errors().stream(), report.warnings().stream())
                .filter(f -> f.path().equals(path) && f.rule().equals(rule))
                .map(Finding::message).reduce((a, b) -> {
                    throw new AssertionError("more than one " + rule + " at " + path);
                }).orElseThrow(() -> new AssertionError("no " + rule + " at " + path));
    }

    /**
     * Sets the value at a JSON Pointer whose parent exists. A String is a JSON string; anything else is read as
     * a JSON literal, so {@code json("100.0")} keeps the written decimals the way a request body would.
     */
    static ObjectNode set(ObjectNode document, String pointer, Object value) {
        JsonNode node = value == null ? NullNode.instance
                : value instanceof JsonNode n ? n
                : value instanceof String s ? JSON.getNodeFactory().textNode(s)
                : json(value.toString());
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = document.at(p.head());
        String last = p.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            object.set(last, node);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), node);
        } else {
            throw new IllegalArgumentException("no object or array at " + p.head());
        }
        return document;
    }

    static ObjectNode remove(ObjectNode document, String pointer) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = document.at(p.head());
        String last = p.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        } else {
            throw new IllegalArgumentException("no object or array at " + p.head());
        }
        return document;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
