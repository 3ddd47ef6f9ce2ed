package cn.perftarget.validation.rule;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON Pointer in which a {@code *} segment stands for every member of an object or every item of an array,
 * e.g. {@code /annualGoals/*&#47;indicators/*}. It selects the places a rule looks at.
 */
public record Selector(String pattern, List<String> segments) {

    /**
     * One selected place: the value there, the last segment (member name or index) and its concrete pointer,
     * which is built only when asked for (on a finding), as most places have none.
     */
    public static final class Target {

        private final Target parent;
        private final String key;
        private final JsonNode node;

        public Target(Target parent, String key, JsonNode node) {
            this.parent = parent;
            this.key = key;
            this.node = node;
        }

        public static Target root(JsonNode node) {
            return new Target(null, "", node);
        }

        public JsonNode node() {
            return node;
        }

        public String key() {
            return key;
        }

        public String pointer() {
            return parent == null ? "" : parent.pointer() + "/" + escape(key);
        }
    }

    public static Selector of(String pattern) {
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

    public List<Target> select(JsonNode root) {
        List<Target> out = new ArrayList<>();
        collect(Target.root(root), 0, out);
        return out;
    }

    /** Selects below a target; the results' pointers continue the target's. */
    public List<Target> selectFrom(Target base) {
        List<Target> out = new ArrayList<>();
        collect(base, 0, out);
        return out;
    }

    private void collect(Target at, int depth, List<Target> out) {
        JsonNode node = at.node();
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (depth == segments.size()) {
            out.add(at);
            return;
        }
        String segment = segments.get(depth);
        if (segment.equals("*")) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    collect(new Target(at, Integer.toString(i), node.get(i)), depth + 1, out);
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    var field = it.next();
                    collect(new Target(at, field.getKey(), field.getValue()), depth + 1, out);
                }
            }
        } else if (node.isObject()) {
            collect(new Target(at, segment, node.get(segment)), depth + 1, out);
        } else if (node.isArray() && !segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
            collect(new Target(at, segment, node.get(Integer.parseInt(segment))), depth + 1, out);
        }
    }

    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
