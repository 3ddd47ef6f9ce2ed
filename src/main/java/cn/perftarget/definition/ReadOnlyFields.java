package cn.perftarget.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The fields a template marks {@code "readOnly": true} (a follow-up's 目标值 copied from the approved declaration):
 * the system fills them, a save may not change them. Compared place by place, so an indicator added or removed
 * changes the read-only values at its index and is refused as well.
 */
public final class ReadOnlyFields {

    private ReadOnlyFields() {
    }

    private static final java.util.Map<String, Boolean> ANY = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether the template has read-only fields at all: most have none, and their saves skip the comparison. */
    public static boolean any(FormDefinition definition) {
        return ANY.computeIfAbsent(definition.key() + "@" + definition.version() + "@" + System.identityHashCode(definition.source()),
                k -> definition.source().path("document").toString().contains("\"readOnly\"")
                        || definition.source().path("types").toString().contains("\"readOnly\""));
    }

    /** JSON Pointers of the read-only values that differ between the stored and the new document. */
    public static List<String> changed(FormDefinition definition, JsonNode before, JsonNode after) {
        List<String> out = new ArrayList<>();
        walk(definition.documentSchema(), value(before), value(after), "", out);
        return out;
    }

    /**
     * The new document with each read-only value it leaves out taken from the stored one: what a sheet cannot show
     * (the base's number) or leaves blank is the system's value still. A value it gives is kept, to be compared.
     */
    public static JsonNode filled(FormDefinition definition, JsonNode before, JsonNode after) {
        if (!any(definition) || !(after instanceof com.fasterxml.jackson.databind.node.ObjectNode)) {
            return after;
        }
        var out = after.deepCopy();
        fill(definition.documentSchema(), value(before), out, null, null);
        return out;
    }

    private static void fill(JsonNode schema, JsonNode before, JsonNode after, JsonNode parent, Object key) {
        if (schema.path("readOnly").asBoolean(false)) {
            if (value(after).isMissingNode() && !before.isMissingNode() && parent != null) {
                if (parent instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                    object.set((String) key, before.deepCopy());
                } else if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
                    array.set((Integer) key, before.deepCopy());
                }
            }
            return;
        }
        switch (schema.path("type").asText()) {
            case "object" -> {
                if (!(after instanceof com.fasterxml.jackson.databind.node.ObjectNode object)) {
                    return;
                }
                schema.path("fields").properties().forEach(field -> {
                    if (!object.has(field.getKey()) && field.getValue().path("type").asText().equals("object")
                            && !before.path(field.getKey()).isMissingNode()) {
                        object.putObject(field.getKey());
                    }
                    fill(field.getValue(), value(before.path(field.getKey())), object.path(field.getKey()), object,
                            field.getKey());
                });
            }
            case "array" -> {
                if (after.isArray()) {
                    for (int i = 0; i < after.size(); i++) {
                        fill(schema.path("items"), value(before.path(i)), after.get(i), after, i);
                    }
                }
            }
            default -> { }
        }
    }

    private static void walk(JsonNode schema, JsonNode before, JsonNode after, String pointer, List<String> out) {
        if (schema.path("readOnly").asBoolean(false)) {
            if (!Objects.equals(before, after)) {
                out.add(pointer);
            }
            return;
        }
        switch (schema.path("type").asText()) {
            case "object" -> schema.path("fields").properties().forEach(field -> walk(field.getValue(),
                    value(before.path(field.getKey())), value(after.path(field.getKey())),
                    pointer + "/" + Pointers.escape(field.getKey()), out));
            case "array" -> {
                int size = Math.max(before.isArray() ? before.size() : 0, after.isArray() ? after.size() : 0);
                for (int i = 0; i < size; i++) {
                    walk(schema.path("items"), value(before.path(i)), value(after.path(i)), pointer + "/" + i, out);
                }
            }
            default -> { }
        }
    }

    /** Absent and null are the same everywhere in a document. */
    private static JsonNode value(JsonNode node) {
        return node == null || node.isNull() ? MissingNode.getInstance() : node;
    }

}
