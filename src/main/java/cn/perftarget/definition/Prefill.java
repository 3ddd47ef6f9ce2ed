package cn.perftarget.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Set;

/** The facts a new declaration knows before anyone types: kept to a closed set so a typo fails at start-up. */
final class Prefill {

    static final String DEPARTMENT_NAME = "departmentName";
    static final String YEAR = "year";
    static final Set<String> SOURCES = Set.of(DEPARTMENT_NAME, YEAR);

    private Prefill() {
    }

    static JsonNode value(String source, String departmentName, int year) {
        return switch (source) {
            case DEPARTMENT_NAME -> departmentName == null ? NullNode.instance : TextNode.valueOf(departmentName);
            case YEAR -> IntNode.valueOf(year);
            default -> throw new IllegalStateException("unknown prefill source " + source);
        };
    }
}
