package cn.perftarget.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inlines named types so that validators and UIs only deal with built-in node types. A reference may
 * override the presentation of the type it uses (its label, whether it is required) but not its shape,
 * otherwise one type could mean different things in different places.
 */
final class SchemaResolver {

    static final Set<String> KINDS = Set.of("object", "string", "number", "integer", "boolean", "array", "map");
    static final List<String> REFERENCE_OVERRIDES = List.of("label", "required", "description");

    private final JsonNode types;

    SchemaResolver(JsonNode types) {
        this.types = types;
    }

    ObjectNode resolve(JsonNode node) {
        return resolve(node, new ArrayDeque<>());
    }

    private ObjectNode resolve(JsonNode node, Deque<String> expanding) {
        String type = node.path("type").asText();
        if (KINDS.contains(type)) {
            return resolveBuiltIn((ObjectNode) node, expanding);
        }
        if (expanding.contains(type)) {
            throw new TypeCycleException(type, expanding);
        }
        JsonNode named = types.get(type);
        if (named == null) {
            throw new IllegalStateException("unknown type " + type);
        }
        expanding.push(type);
        ObjectNode resolved = resolve(named, expanding);
        expanding.pop();
        for (String override : REFERENCE_OVERRIDES) {
            if (node.has(override)) {
                resolved.set(override, node.get(override).deepCopy());
            }
        }
        return resolved;
    }

    private ObjectNode resolveBuiltIn(ObjectNode node, Deque<String> expanding) {
        ObjectNode copy = node.deepCopy();
        if (node.get("fields") instanceof ObjectNode fields) {
            ObjectNode resolvedFields = copy.putObject("fields");
            for (Map.Entry<String, JsonNode> field : fields.properties()) {
                resolvedFields.set(field.getKey(), resolve(field.getValue(), expanding));
            }
        }
        for (String child : List.of("items", "values")) {
            if (node.get(child) instanceof ObjectNode childNode) {
                copy.set(child, resolve(childNode, expanding));
            }
        }
        return copy;
    }

    /** A type that contains itself would expand forever; the loader reports it with the chain. */
    static final class TypeCycleException extends RuntimeException {
        TypeCycleException(String type, Deque<String> expanding) {
            super("type \"" + type + "\" contains itself (" + String.join(" <- ", expanding) + ")");
        }
    }
}
