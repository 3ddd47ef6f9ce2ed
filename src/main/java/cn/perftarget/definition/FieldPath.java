package cn.perftarget.definition;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a JSON Pointer leads in a document, named by the labels of its template: the one place that turns a
 * pointer into words, so pages, messages and files name a field the same way. Top-level sections (基本信息,
 * 部门总体资金情况) are left out of deeper places because they only add length; an array item is its list's label
 * with a number; a map key (a year) stands as itself; a segment the template does not know stands as written.
 *
 * @param steps the labelled steps, outermost first; never empty
 */
public record FieldPath(List<Step> steps) {

    /** People's separator between the steps: 年度目标1 › 绩效指标2 › 指标值. */
    static final String SEPARATOR = " › ";

    /**
     * @param label  the label of the field, list or key
     * @param number the 1-based number of the item when the step is an item of a list, otherwise 0
     */
    public record Step(String label, int number) {
    }

    public FieldPath {
        steps = List.copyOf(steps);
    }

    /** The path of {@code pointer} in documents of the resolved {@code schema} (see {@link FormDefinition#documentSchema()}). */
    public static FieldPath of(JsonNode schema, String pointer) {
        List<Step> steps = new ArrayList<>();
        if (pointer == null || pointer.isEmpty()) {
            steps.add(new Step(schema.path("label").asText("申报表"), 0));
            return new FieldPath(steps);
        }
        String[] segments = pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1);
        JsonNode node = schema;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i].replace("~1", "/").replace("~0", "~");
            String type = node.path("type").asText();
            if (type.equals("array") && !segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
                int number = Integer.parseInt(segment) + 1;
                Step list = steps.isEmpty() ? null : steps.get(steps.size() - 1);
                if (list != null && list.number() == 0) {
                    steps.set(steps.size() - 1, new Step(list.label(), number));
                } else {
                    steps.add(new Step(node.path("items").path("label").asText(node.path("label").asText("")), number));
                }
                node = node.path("items");
            } else if (type.equals("map")) {
                steps.add(new Step(segment, 0));
                node = node.path("values");
            } else {
                node = node.path("fields").path(segment);
                boolean topSection = i == 0 && segments.length > 1 && node.path("type").asText().equals("object");
                if (!topSection) {
                    steps.add(new Step(node.path("label").asText(segment), 0));
                }
            }
        }
        return new FieldPath(steps);
    }

    /** As people read it: 年度目标1 › 绩效指标2 › 指标值, 收入构成 › 其他资金 › 当年预算（万元）. */
    public String text() {
        return String.join(SEPARATOR, steps.stream()
                .map(step -> step.number() > 0 ? step.label() + step.number() : step.label()).toList());
    }
}
