package cn.perftarget.definition;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the JSON Schema (2020-12) of a template's documents from its resolved schema nodes, so a client can check
 * a document with any JSON Schema validator before sending it. Two stages, as the server checks them: a save accepts
 * any value left out or null; a submission needs every required value present, not null and not blank (a list
 * with at least one item). {@code scale} has no portable JSON Schema form ({@code multipleOf} on decimals fails in
 * validators that use binary floating point), so it is said in the description.
 */
final class DocumentJsonSchema {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final String NOT_BLANK = "\\S";

    private final boolean submission;

    DocumentJsonSchema(boolean submission) {
        this.submission = submission;
    }

    ObjectNode write(FormDefinition definition) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("$schema", DIALECT);
        root.put("$id", "urn:perftarget:form:" + definition.key() + ":v" + definition.version()
                + (submission ? ":submission" : ""));
        ObjectNode body = node(definition.documentSchema(), true);
        body.put("type", "object");
        body.put("title", definition.title());
        String about = definition.source().path("description").asText("");
        body.put("description", (about.isEmpty() ? "" : about + " ") + (submission
                ? "提交时的要求：必填项须填写且不为空，列表至少一项。"
                : "保存时的要求：任何值都可省略或为 null；提交时必填项须填写（见 ?submission=true）。"));
        root.setAll(body);
        return root;
    }

    private ObjectNode node(JsonNode schema, boolean required) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        String kind = schema.path("type").asText();
        boolean nonNull = submission && required;
        out.set("type", type(kind.equals("map") ? "object" : kind, nonNull));
        if (schema.hasNonNull("label")) {
            out.put("title", schema.get("label").asText());
        }
        if (schema.path("readOnly").asBoolean(false) || schema.path("computed").asBoolean(false)) {
            out.put("readOnly", true);
        }
        StringBuilder description = new StringBuilder(schema.path("description").asText(""));
        switch (kind) {
            case "object" -> object(schema, out);
            case "map" -> map(schema, out, description);
            case "array" -> array(schema, out, nonNull);
            case "string" -> {
                copy(schema, "maxLength", out, "maxLength");
                if (nonNull) {
                    out.put("pattern", NOT_BLANK);
                }
            }
            case "number", "integer" -> {
                copy(schema, "min", out, "minimum");
                copy(schema, "max", out, "maximum");
                if (schema.has("scale")) {
                    append(description, "最多 " + schema.get("scale").asInt() + " 位小数");
                }
            }
            default -> { }
        }
        if (!description.isEmpty()) {
            out.put("description", description.toString());
        }
        return out;
    }

    private void object(JsonNode schema, ObjectNode out) {
        ObjectNode properties = out.putObject("properties");
        ArrayNode requiredNames = JsonNodeFactory.instance.arrayNode();
        for (Map.Entry<String, JsonNode> field : schema.path("fields").properties()) {
            boolean fieldRequired = field.getValue().path("required").asBoolean(false);
            properties.set(field.getKey(), node(field.getValue(), fieldRequired));
            if (fieldRequired) {
                requiredNames.add(field.getKey());
            }
        }
        if (submission && !requiredNames.isEmpty()) {
            out.set("required", requiredNames);
        }
        out.put("additionalProperties", false);
    }

    private void map(JsonNode schema, ObjectNode out, StringBuilder description) {
        out.putObject("patternProperties")
                .set(schema.path("keyPattern").asText(".*"), node(schema.get("values"), false));
        out.put("additionalProperties", false);
        copy(schema, "maxItems", out, "maxProperties");
        if (schema.hasNonNull("keyLabel")) {
            append(description, "键：" + schema.get("keyLabel").asText());
        }
    }

    private void array(JsonNode schema, ObjectNode out, boolean nonNull) {
        // At submission no item may be null or blank, whether or not the list itself is required.
        out.set("items", node(schema.get("items"), submission));
        copy(schema, "maxItems", out, "maxItems");
        if (nonNull) {
            out.put("minItems", 1);
        }
    }

    private static JsonNode type(String kind, boolean nonNull) {
        if (nonNull) {
            return JsonNodeFactory.instance.textNode(kind);
        }
        return JsonNodeFactory.instance.arrayNode().add(kind).add("null");
    }

    private static void copy(JsonNode from, String name, ObjectNode to, String as) {
        if (from.has(name)) {
            to.set(as, from.get(name).deepCopy());
        }
    }

    private static void append(StringBuilder description, String text) {
        description.append(description.isEmpty() ? "" : "；").append(text);
    }
}
