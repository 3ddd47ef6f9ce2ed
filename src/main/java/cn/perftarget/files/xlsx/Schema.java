package cn.perftarget.files.xlsx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import cn.perftarget.definition.FormDefinition;

/** The definition's schema node at a document pointer: its type decides how a cell is read and written. */
final class Schema {

    private final JsonNode root;

    Schema(FormDefinition definition) {
        this.root = definition.documentSchema();
    }

    JsonNode at(String pointer) {
        JsonNode node = root;
        for (String segment : pointer.substring(1).split("/")) {
            node = switch (node.path("type").asText()) {
                case "object" -> node.path("fields").path(segment);
                case "array" -> node.path("items");
                case "map" -> node.path("values");
                default -> MissingNode.getInstance();
            };
        }
        return node;
    }

    String type(String pointer) {
        return at(pointer).path("type").asText("string");
    }

    String label(String pointer) {
        String label = at(pointer).path("label").asText("");
        return label.isEmpty() ? pointer : label;
    }

    /** The label of a field of the items at {@code listPointer}, e.g. 一级指标 for {@code level1}. */
    String itemLabel(String listPointer, String field) {
        return label(listPointer + "/0/" + field);
    }
}
