package cn.perftarget.declaration;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A review step as its process model says it is: a BPMN user task with the extension properties {@code status},
 * {@code reviewers}, {@code outcomes}, {@code grade} and (optional) {@code returnTo}; its name is the label. A
 * multi-instance task is a panel (会签): each member decides, the model's completion condition ends the step.
 *
 * @param processKey the process (model) the step belongs to
 * @param taskId     the user task's id, e.g. {@code Task_DeptReview}
 * @param name       the task's name: the step's label ({@code 主管部门审核})
 * @param status     the status a declaration has while it waits here, labelled as waiting there ({@code 主管部门审核中})
 * @param order      the step's place in its model, from the start event (for columns and timelines)
 */
public record ReviewStepDefinition(String processKey, String taskId, String name, DeclarationStatus status, Reviewers reviewers,
                                   Set<String> outcomes, GradeRule grade, boolean panel, Set<String> returnTo,
                                   int order) {

    public static final List<String> OUTCOMES = List.of("approve", "return", "reject");
    /** {@code returnTo} value: any earlier step the declaration passed. */
    public static final String RETURN_ANY = "any";
    /** {@code returnTo} value: only back to the filer. */
    public static final String RETURN_NONE = "none";

    public ReviewStepDefinition {
        outcomes = Set.copyOf(outcomes);
        returnTo = Set.copyOf(returnTo);
    }

    /**
     * Reads a step from its task's extension properties; a property that is missing or wrong is an
     * {@link IllegalArgumentException} whose Chinese message names it (the model check shows it to the administrator).
     */
    public static ReviewStepDefinition of(String processKey, String taskId, String name, Map<String, String> properties,
                                          boolean panel, int order) {
        var problems = problemsOf(name, properties);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0));
        }
        String label = name.strip();
        return new ReviewStepDefinition(processKey, taskId, label,
                DeclarationStatus.of(properties.get("status"), label.endsWith("中") ? label : label + "中"),
                Reviewers.parse(properties.get("reviewers")), list(properties.get("outcomes")),
                GradeRule.parse(properties.get("grade")), panel,
                list(properties.getOrDefault("returnTo", RETURN_ANY)), order);
    }

    /** What is wrong with a step's name and extension properties, each problem in Chinese; none if it may be used. */
    public static List<String> problemsOf(String name, Map<String, String> properties) {
        return StepPropertyRules.problems(name, properties);
    }

    /** The step's label, as its task is named. */
    public String label() {
        return name;
    }

    public boolean allows(String outcome) {
        return outcomes.contains(outcome);
    }

    /** Whether a reviewer here may send the declaration back to this earlier step. */
    public boolean mayReturnTo(DeclarationStatus target) {
        return allows("return") && !returnTo.contains(RETURN_NONE)
                && (returnTo.contains(RETURN_ANY) || returnTo.contains(target.code()));
    }

    private static Set<String> list(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        var items = new LinkedHashSet<String>();
        Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
        return items;
    }

    /** Whether a step asks for a grade (评级, 优良中差). */
    public enum GradeRule {
        REQUIRED, OPTIONAL, NONE;

        static GradeRule parse(String value) {
            if (value == null || value.isBlank() || value.equals("none")) {
                return NONE;
            }
            return switch (value.strip()) {
                case "required" -> REQUIRED;
                case "optional" -> OPTIONAL;
                default -> throw new IllegalArgumentException("grade“" + value + "”无效，应为 required、optional 或 none");
            };
        }
    }
}
