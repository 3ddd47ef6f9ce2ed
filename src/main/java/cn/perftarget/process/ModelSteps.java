package cn.perftarget.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

import cn.perftarget.declaration.ReviewStepDefinition;

/**
 * Reads the review steps of a BPMN model: every user task with a {@code status} extension property, in the order
 * a declaration meets them from the start event. The one reader of the properties, for the catalog and the model
 * check alike.
 */
final class ModelSteps {

    private final Map<String, ReviewStepDefinition> byTask;
    private final String fillInTask;

    private ModelSteps(Map<String, ReviewStepDefinition> byTask, String fillInTask) {
        this.byTask = byTask;
        this.fillInTask = fillInTask;
    }

    /** The steps of the model's executable process; a wrong property throws, naming the task. */
    static ModelSteps of(BpmnModelInstance model, String processKey) {
        var process = model.getModelElementsByType(Process.class).stream()
                .filter(p -> processKey == null || processKey.equals(p.getId())).findFirst().orElse(null);
        Map<String, ReviewStepDefinition> steps = new LinkedHashMap<>();
        String fillIn = null;
        if (process == null) {
            return new ModelSteps(steps, null);
        }
        int order = 0;
        for (UserTask task : inFlowOrder(process)) {
            var properties = properties(task);
            if (!properties.containsKey(DeclarationApprovalProcess.PROPERTY_STATUS)) {
                fillIn = fillIn == null ? task.getId() : fillIn;
                continue;
            }
            try {
                steps.put(task.getId(), ReviewStepDefinition.of(process.getId(), task.getId(), task.getName(),
                        properties, task.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics, order++));
            } catch (IllegalArgumentException e) {
                throw new ModelProblem(task.getId(), e.getMessage());
            }
        }
        return new ModelSteps(steps, fillIn);
    }

    Optional<ReviewStepDefinition> ofTask(String taskId) {
        return Optional.ofNullable(byTask.get(taskId));
    }

    List<ReviewStepDefinition> all() {
        return List.copyOf(byTask.values());
    }

    boolean isFillIn(String taskId) {
        return taskId != null && taskId.equals(fillInTask);
    }

    String fillInTask() {
        return fillInTask;
    }

    /** The extension properties of an element, by name (read as the model check reads them). */
    static Map<String, String> properties(org.camunda.bpm.model.bpmn.instance.BaseElement element) {
        return StepProperties.of(element, new Problems());
    }

    /** The user tasks in breadth-first order from the start events, following flows and boundary events. */
    private static List<UserTask> inFlowOrder(Process process) {
        var queue = new ArrayDeque<FlowNode>(process.getChildElementsByType(StartEvent.class));
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<UserTask> tasks = new ArrayList<>();
        var boundaries = process.getChildElementsByType(BoundaryEvent.class);
        while (!queue.isEmpty()) {
            var node = queue.poll();
            if (!seen.add(node.getId())) {
                continue;
            }
            if (node instanceof UserTask task) {
                tasks.add(task);
            }
            node.getOutgoing().stream().map(SequenceFlow::getTarget).forEach(queue::add);
            boundaries.stream().filter(b -> b.getAttachedTo() == node).forEach(queue::add);
        }
        // Tasks no path reaches still count (the model check reports them), after the others.
        process.getChildElementsByType(UserTask.class).stream().filter(t -> !seen.contains(t.getId()))
                .sorted(Comparator.comparing(UserTask::getId)).forEach(tasks::add);
        return tasks;
    }
}
