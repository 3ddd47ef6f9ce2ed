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
