package cn.perftarget.definition;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks one schema node and its children: known type, known properties, properties of the right kind. */
final class SchemaNodeChecker {

    private static final Set<String> COMMON = Set.of("type", "label", "required", "description", "readOnly", "computed");
    private static final Map<String, Set<String>> KIND_PROPERTIES = Map.of(
            "object", Set.of("fields"),
            "string", Set.of("maxLength"),
            "number", Set.of("min", "max", "scale"),
            "integer", Set.of("min", "max"),
            "boolean", Set.of(),
            "array", Set.of("items", "maxItems"),
            "map", Set.of("keyPattern", "keyLabel", "values", "maxItems"));

    private final JsonNode types;

    SchemaNodeChecker(JsonNode types) {
        this.types = types;
    }

    void check(JsonNode node, String place) {
        if (!node.isObject()) {
            throw new DefinitionProblem(place, "a schema node must be an object with a \"type\"");
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new DefinitionProblem(place + "/type", "\"type\" is missing or not a string");
        }
        String type = typeNode.asText();
        Set<String> extra = KIND_PROPERTIES.get(type);
        if (extra == null && !types.has(type)) {
            throw new DefinitionProblem(place + "/type", "unknown type \"" + type + "\"; built-in types are "
                    + new java.util.TreeSet<>(KIND_PROPERTIES.keySet()) + ", named types are declared under /types");
        }
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String name = property.getKey();
            if (!COMMON.contains(name) && (extra == null || !extra.contains(name))) {
                throw new DefinitionProblem(place + "/" + Pointers.escape(name), "property \"" + name
                        + "\" is not allowed on " + (extra == null ? "a reference to type \"" + type + "\"" : "type " + type));
            }
            checkProperty(name, property.getValue(), place + "/" + Pointers.escape(name));
        }
        requireChild(node, type, "object", "fields", place);
        requireChild(node, type, "array", "items", place);
        requireChild(node, type, "map", "values", place);
        if (node.has("min") && node.has("max") && node.get("min").decimalValue().compareTo(node.get("max").decimalValue()) > 0) {
            throw new DefinitionProblem(place + "/min", "min is greater than max");
        }
    }

    private void checkProperty(String name, JsonNode value, String place) {
        switch (name) {
            case "label", "description", "keyLabel" -> expect(value.isTextual(), place, "a string");
            case "required", "readOnly", "computed" -> expect(value.isBoolean(), place, "true or false");
            case "maxLength", "maxItems", "scale" -> expect(value.canConvertToExactIntegral() && value.canConvertToInt() && value.intValue() >= 0, place, "a non-negative integer");
            case "min", "max" -> expect(value.isNumber(), place, "a number");
            case "keyPattern" -> checkPattern(value, place);
            case "items", "values" -> check(value, place);
            case "fields" -> checkFields(value, place);
            default -> { }
        }
    }

    private void checkFields(JsonNode fields, String place) {
        expect(fields.isObject(), place, "an object of field name -> schema node");
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            check(field.getValue(), place + "/" + Pointers.escape(field.getKey()));
        }
    }

    private static void checkPattern(JsonNode value, String place) {
        expect(value.isTextual(), place, "a regular expression string");
        try {
            Pattern.compile(value.asText());
        } catch (PatternSyntaxException e) {
            throw new DefinitionProblem(place, "invalid regular expression: " + e.getDescription());
        }
    }

    private static void requireChild(JsonNode node, String type, String kind, String child, String place) {
        if (type.equals(kind) && !node.has(child)) {
            throw new DefinitionProblem(place, "type " + kind + " needs \"" + child + "\"");
        }
    }

    private static void expect(boolean ok, String place, String what) {
        if (!ok) {
            throw new DefinitionProblem(place, "must be " + what);
        }
    }
}
