package cn.perftarget.validation;

import cn.perftarget.validation.rule.Subject;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The members of a FEEL variable that an expression reads. Handing the engine only those matters: it converts
 * every value it is given, and a goal's indicators are most of a document.
 */
final class Projection {

    private static final Projection WHOLE = new Projection(null);

    private final Set<String> members;

    private Projection(Set<String> members) {
        this.members = members;
    }

    /** Reads {@code variable.member} uses; any other use of the variable (passed whole) means no projection. */
    static Projection of(String variable, String expressions) {
        var use = Pattern.compile("\\b" + variable + "\\b(\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_]*))?").matcher(expressions);
        Set<String> members = new LinkedHashSet<>();
        while (use.find()) {
            if (use.group(2) == null) {
                return WHOLE;
            }
            members.add(use.group(2));
        }
        return new Projection(members);
    }

    Object apply(JsonNode node) {
        if (members == null || node == null || !node.isObject()) {
            return Subject.toPlain(node);
        }
        Map<String, Object> projected = new HashMap<>();
        for (String member : members) {
            JsonNode value = node.get(member);
            if (value != null) {
                projected.put(member, Subject.toPlain(value));
            }
        }
        return projected;
    }
}
