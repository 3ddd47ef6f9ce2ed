package cn.perftarget.validation.rule;

import com.fasterxml.jackson.databind.JsonNode;

import cn.perftarget.definition.FieldPath;

/**
 * Human names of places in a document as findings write them: 年度目标第2项/绩效指标第1项/指标值. The labels and the
 * walk are {@link FieldPath}'s, so a finding and a page name a field alike; only the spelling differs.
 */
public final class Labels {

    private final JsonNode schema;

    public Labels(JsonNode schema) {
        this.schema = schema;
    }

    /** The place in the style of findings: 年度目标第2项/绩效指标第1项/指标值; the walk is the definition's. */
    public String nameOf(String pointer) {
        StringBuilder name = new StringBuilder();
        for (FieldPath.Step step : FieldPath.of(schema, pointer).steps()) {
            if (!name.isEmpty()) {
                name.append('/');
            }
            name.append(step.label());
            if (step.number() > 0) {
                name.append('第').append(step.number()).append('项');
            }
        }
        return name.toString();
    }
}
