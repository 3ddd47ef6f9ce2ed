package cn.perftarget.validation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON Pointer in which a {@code *} segment stands for every member of an object or every item of an array,
 * e.g. {@code /annualGoals/*&#47;indicators/*}. It selects the places a rule looks at.
 */
record Selector(String pattern, List<String> segments) {

    /** One selected place: its concrete pointer, the value there and the last segment (member name or index). */
    record Target(String pointer, JsonNode node, String key) {
    }

    static Selector of(String pattern) {
        if (!pattern.isEmpty() && !pattern.startsWith("/")) {
            throw new IllegalArgumentException("“" + pattern + "” is not a JSON Pointer (must be empty or start with /)");
        }
        List<String> segments = new ArrayList<>();
        if (!pattern.isEmpty()) {
            for (String raw : pattern.substring(1).split("/", -1)) {
                segments.add(raw.replace("~1", "/").replace("~0", "~"));
            }
        }
        return new Selector(pattern, List.copyOf(segments));
    }

    List<Target> select(JsonNode root) {
        List<Target> out = new ArrayList<>();
        collect(root, "", "", 0, out);
        return out;
    }

    /** Selects below a target, keeping the target's pointer as prefix. */
    List<Target> selectFrom(Target base) {
        List<Target> out = new ArrayList<>();
        collect(base.node(), base.pointer(), base.key(), 0, out);
        return out;
    }

    private void collect(JsonNode node, String pointer, String key, int depth, List<Target> out) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (depth == segments.size()) {
            out.add(new Target(pointer, node, key));
            return;
        }
        String segment = segments.get(depth);
        if (segment.equals("*")) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    collect(node.get(i), pointer + "/" + i, Integer.toString(i), depth + 1, out);
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    var field = it.next();
                    collect(field.getValue(), pointer + "/" + escape(field.getKey()), field.getKey(), depth + 1, out);
                }
            }
        } else if (node.isObject()) {
            collect(node.get(segment), pointer + "/" + escape(segment), segment, depth + 1, out);
        } else if (node.isArray() && segment.chars().allMatch(Character::isDigit) && !segment.isEmpty()) {
            collect(node.get(Integer.parseInt(segment)), pointer + "/" + segment, segment, depth + 1, out);
        }
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
