package cn.perftarget.files.xlsx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Puts a value at a JSON Pointer, creating the objects and arrays on the way (array items in order). */
final class DocumentTree {

    private DocumentTree() {
    }

    /** The schema says which containers are arrays: a 近两年 map has year keys that look like indexes. */
    static void put(ObjectNode root, String pointer, JsonNode value, Schema schema) {
        String[] segments = pointer.substring(1).split("/");
        JsonNode current = root;
        var prefix = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            boolean lastSegment = i == segments.length - 1;
            prefix.append('/').append(segments[i]);
            boolean nextIsIndex = !lastSegment && schema.type(prefix.toString()).equals("array");
            String segment = segments[i];
            if (current instanceof ArrayNode array) {
                int index = Integer.parseInt(segment);
                while (array.size() <= index) {
                    array.addNull();
                }
                if (lastSegment) {
                    array.set(index, value);
                } else if (!array.get(index).isContainerNode()) {
                    array.set(index, nextIsIndex ? array.arrayNode() : array.objectNode());
                }
                current = array.get(index);
            } else {
                ObjectNode object = (ObjectNode) current;
                if (lastSegment) {
                    object.set(segment, value);
                } else if (!object.path(segment).isContainerNode()) {
                    object.set(segment, nextIsIndex ? object.arrayNode() : object.objectNode());
                }
                current = object.get(segment);
            }
        }
    }

    /** An empty array at the pointer unless something is there already. */
    static void ensureArray(ObjectNode root, String pointer, Schema schema) {
        if (root.at(pointer).isMissingNode()) {
            put(root, pointer, root.arrayNode(), schema);
        }
    }
}
