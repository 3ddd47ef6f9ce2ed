package cn.perftarget.declaration;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Field-level differences between two documents, addressed by JSON Pointer (RFC 6901). */
final class DocumentDiff {

    private DocumentDiff() {
    }

    static List<FieldChange> between(JsonNode from, JsonNode to) {
        var changes = new ArrayList<FieldChange>();
        compare("", from, to, changes);
        return changes;
    }

    private static void compare(String path, JsonNode from, JsonNode to, List<FieldChange> changes) {
        if (isMissing(from) && isMissing(to)) {
            return;
        }
        if (from != null && to != null && from.isObject() && to.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            from.fieldNames().forEachRemaining(names::add);
            to.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(path + "/" + escape(name), from.get(name), to.get(name), changes);
            }
        } else if (from != null && to != null && from.isArray() && to.isArray()) {
            int size = Math.max(from.size(), to.size());
            for (int i = 0; i < size; i++) {
                compare(path + "/" + i, from.get(i), to.get(i), changes);
            }
        } else if (isContainer(from) || isContainer(to)) {
            // A container appeared, vanished or changed kind: report each leaf so the diff stays field level.
            leaves(path, from, true, changes);
            leaves(path, to, false, changes);
        } else if (!equal(from, to)) {
            changes.add(new FieldChange(path, nullIfMissing(from), nullIfMissing(to)));
        }
    }

    private static void leaves(String path, JsonNode node, boolean old, List<FieldChange> changes) {
        if (isContainer(node)) {
            if (node.isObject()) {
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    leaves(path + "/" + escape(name), node.get(name), old, changes);
                }
            } else {
                for (int i = 0; i < node.size(); i++) {
                    leaves(path + "/" + i, node.get(i), old, changes);
                }
            }
        } else if (!isMissing(node)) {
            changes.add(old ? new FieldChange(path, node, null) : new FieldChange(path, null, node));
        }
    }

    private static boolean equal(JsonNode a, JsonNode b) {
        if (isMissing(a) || isMissing(b)) {
            return isMissing(a) && isMissing(b);
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static boolean isContainer(JsonNode node) {
        return node != null && node.isContainerNode();
    }

    private static boolean isMissing(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static JsonNode nullIfMissing(JsonNode node) {
        return isMissing(node) ? null : node;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
