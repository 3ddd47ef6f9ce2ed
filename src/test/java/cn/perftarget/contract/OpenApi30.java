package cn.perftarget.contract;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The served description is OpenAPI 3.1 (its document schemas are the templates' JSON Schema 2020-12), while the
 * request validator reads OpenAPI 3.0 schemas (draft 4 plus {@code nullable}). This rewrites what 3.1 says in the
 * words 3.0 has for it, meaning kept: {@code type: [X, "null"]} becomes {@code type: X, nullable: true},
 * {@code const} a one-value {@code enum}, a numeric {@code exclusiveMinimum} the boolean form, a single
 * {@code patternProperties} entry the {@code additionalProperties} schema (year maps: every key is a year).
 */
final class OpenApi30 {

    private OpenApi30() {
    }

    static JsonNode from(JsonNode served) {
        var copy = (ObjectNode) served.deepCopy();
        copy.put("openapi", "3.0.3");
        copy.remove("jsonSchemaDialect");
        copy.remove("webhooks");
        rewrite(copy, false);
        return copy;
    }

    /** Walks every object; {@code schema}: whether this object is a schema (so its keywords are rewritten). */
    private static void rewrite(JsonNode node, boolean schema) {
        if (node instanceof ArrayNode array) {
            array.forEach(item -> rewrite(item, schema));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        if (schema) {
            schemaKeywords(object);
        }
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        object.fields().forEachRemaining(fields::add);
        for (var field : fields) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals("example") || key.equals("examples") && !schema) {
                continue; // examples are data, not schemas
            }
            boolean childIsSchema = key.equals("schema") || key.equals("items") || key.equals("not")
                    || key.equals("additionalProperties") && value.isObject()
                    || (schema && (key.equals("allOf") || key.equals("oneOf") || key.equals("anyOf")));
            if (key.equals("schemas") && !schema || key.equals("properties") && schema) {
                value.fields().forEachRemaining(e -> rewrite(e.getValue(), true));
            } else {
                rewrite(value, childIsSchema);
            }
        }
    }

    private static void schemaKeywords(ObjectNode schema) {
        JsonNode type = schema.get("type");
        if (type instanceof ArrayNode types) {
            List<String> named = new ArrayList<>();
            types.forEach(t -> named.add(t.asText()));
            boolean nullable = named.remove("null");
            if (named.size() == 1) {
                schema.put("type", named.get(0));
            } else {
                schema.remove("type");
            }
            if (nullable) {
                schema.put("nullable", true);
            }
        }
        if (schema.has("const")) {
            schema.set("enum", JsonNodeFactory.instance.arrayNode().add(schema.remove("const")));
        }
        for (String bound : List.of("exclusiveMinimum", "exclusiveMaximum")) {
            if (schema.path(bound).isNumber()) {
                schema.set(bound.equals("exclusiveMinimum") ? "minimum" : "maximum", schema.get(bound));
                schema.put(bound, true);
            }
        }
        if (schema.get("patternProperties") instanceof ObjectNode patterns) {
            schema.remove("patternProperties");
            Iterator<JsonNode> values = patterns.elements();
            if (patterns.size() == 1 && !schema.has("properties")) {
                schema.set("additionalProperties", values.next());
            }
        }
        schema.remove("examples");
        schema.remove("$schema");
        schema.remove("$id");
        schema.remove("contentMediaType");
        schema.remove("propertyNames");
    }
}
