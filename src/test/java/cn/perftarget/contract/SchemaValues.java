package cn.perftarget.contract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Values for a schema of the served description: {@link #valid} keeps to it (types, enums, bounds, lengths,
 * required members, one branch of a oneOf or anyOf), {@link #spoilt} breaks it in one place (a null, a wrong type,
 * a missing required member, an unknown member, a value past a bound, text past bcrypt's 72 bytes).
 */
public final class SchemaValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TEXTS = List.of("", "x", "黄陂区大数据中心", "密".repeat(25), "a".repeat(300),
            "null", "0", "-1", "<script>", "\u0000", "../../etc", "💥", "Ab-12_3", "HP-BDC", "2026-01-01T00:00:00Z");

    private final JsonNode components;

    public SchemaValues(JsonNode spec) {
        this.components = spec.at("/components/schemas");
    }

    public JsonNode resolve(JsonNode schema) {
        for (int hops = 0; schema.has("$ref") && hops < 10; hops++) {
            String ref = schema.path("$ref").asText();
            schema = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    public JsonNode valid(JsonNode schema, Random random, int depth) {
        schema = resolve(schema);
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.path(choice).isArray() && !schema.path(choice).isEmpty()) {
                var branches = schema.path(choice);
                return valid(branches.get(random.nextInt(branches.size())), random, depth);
            }
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size()));
        }
        String type = type(schema);
        return switch (type) {
            case "object" -> object(schema, random, depth);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int count = depth > 4 ? 0 : random.nextInt(3) + schema.path("minItems").asInt(0);
                for (int i = 0; i < count; i++) {
                    array.add(valid(schema.path("items"), random, depth + 1));
                }
                yield array;
            }
            case "integer", "number" -> {
                long min = schema.has("minimum") ? schema.path("minimum").asLong() : -5;
                long max = schema.has("maximum") ? schema.path("maximum").asLong() : min + 1000;
                long value = random.nextBoolean() ? min : random.nextBoolean() ? max : min + (long) (random.nextDouble() * (max - min));
                yield type.equals("integer") ? NODES.numberNode(value) : NODES.numberNode(BigDecimal.valueOf(value, 2));
            }
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "null" -> NODES.nullNode();
            default -> NODES.textNode(text(schema, random));
        };
    }

    private ObjectNode object(JsonNode schema, Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        var required = new ArrayList<String>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        schema.path("properties").properties().forEach(property -> {
            if (required.contains(property.getKey()) || depth < 4 && random.nextInt(3) > 0) {
                object.set(property.getKey(), valid(property.getValue(), random, depth + 1));
            }
        });
        return object;
    }

    private static String text(JsonNode schema, Random random) {
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(40);
        String text = TEXTS.get(random.nextInt(TEXTS.size()));
        if (text.length() < min) {
            text = text + "甲".repeat(min - text.length());
        }
        return text.length() > max ? text.substring(0, max) : text;
    }

    /** A valid value broken in one place (at the top or one member down). */
    public JsonNode spoilt(JsonNode schema, Random random) {
        JsonNode value = valid(schema, random, 0);
        if (value instanceof ObjectNode object && object.size() > 0 && random.nextInt(4) > 0) {
            var names = new ArrayList<String>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(6)) {
                case 0 -> object.remove(name);
                case 1 -> object.set("unknown" + random.nextInt(10), NODES.textNode("?"));
                case 2 -> object.set(name, wrong(object.get(name), random));
                case 3 -> object.set(name, NODES.arrayNode().addNull().add(1));
                default -> object.set(name, NODES.nullNode());
            }
            return object;
        }
        return wrong(value, random);
    }

    private static JsonNode wrong(JsonNode value, Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode(value.isTextual() ? "密".repeat(30 + random.nextInt(500)) : "2028");
            case 2 -> NODES.numberNode(random.nextBoolean() ? Long.MAX_VALUE : -1);
            case 3 -> NODES.numberNode(new BigDecimal("1e400"));
            case 4 -> NODES.booleanNode(true);
            case 5 -> NODES.objectNode().set("a", NODES.arrayNode().addNull());
            default -> NODES.arrayNode().add(value).addNull();
        };
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
            return "null";
        }
        return type.isTextual() ? type.asText() : schema.has("properties") ? "object" : "string";
    }
}
