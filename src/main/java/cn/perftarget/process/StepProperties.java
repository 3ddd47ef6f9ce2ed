package cn.perftarget.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

import cn.perftarget.declaration.ReviewStepDefinition;

/**
 * The extension properties of one review step ({@code camunda:properties} of a user task) and the rules each value
 * follows on its own. Rules that compare steps (unique status, {@code returnTo} targets) are {@link ReviewSteps}'.
 * The values are compared exactly, without trimming: whatever reads them later need not guess what was meant.
 */
final class StepProperties {

    static final String STATUS = "status";
    static final String REVIEWERS = "reviewers";
    static final String OUTCOMES = "outcomes";
    static final String GRADE = "grade";
    static final String RETURN_TO = "returnTo";
    /** Any of these on a task makes it meant as a review step, so one without {@code status} is a mistake. */
    static final Set<String> REVIEW_KEYS = Set.of(STATUS, REVIEWERS, OUTCOMES, GRADE, RETURN_TO);


    private StepProperties() {
    }

    /**
     * The properties by name; a name given twice is a problem (which value wins would depend on the reader) and
     * the first value is kept.
     */
    static Map<String, String> of(BaseElement element, Problems problems) {
        Map<String, String> values = new LinkedHashMap<>();
        if (element.getExtensionElements() == null) {
            return values;
        }
        for (var properties : element.getExtensionElements().getElementsQuery()
                .filterByType(CamundaProperties.class).list()) {
            for (CamundaProperty property : properties.getCamundaProperties()) {
                String name = property.getCamundaName();
                String value = property.getCamundaValue() == null ? "" : property.getCamundaValue();
                if (name == null) {
                    continue;
                }
                if (values.containsKey(name)) {
                    problems.add(element.getId(), "扩展属性 " + name + " 重复定义");
                } else {
                    values.put(name, value);
                }
            }
        }
        return values;
    }

    static boolean isReviewStep(Map<String, String> properties) {
        return properties.containsKey(STATUS);
    }

    /** The rules one review step's own values follow (the declaration module owns them); the label is its name. */
    static void checkValues(String id, String name, Map<String, String> properties, Problems problems) {
        ReviewStepDefinition.problemsOf(name, properties).forEach(message -> problems.add(id, message));
    }

    /**
     * The status codes {@code returnTo} names, or none for {@code any}, {@code none} and an absent value (which
     * need no target). An empty item is reported here; whether each code is a step is {@link ReviewSteps}' rule.
     */
    static List<String> returnTargets(String id, Map<String, String> properties, Problems problems) {
        String returnTo = properties.get(RETURN_TO);
        List<String> targets = new ArrayList<>();
        if (returnTo == null || returnTo.equals("any") || returnTo.equals("none")) {
            return targets;
        }
        for (String code : returnTo.split(",", -1)) {
            if (code.isEmpty()) {
                problems.add(id, "returnTo“" + returnTo + "”无效，应为 any、none 或以英文逗号分隔的本流程其他审核环节的 status");
            } else {
                targets.add(code);
            }
        }
        return targets;
    }
}
