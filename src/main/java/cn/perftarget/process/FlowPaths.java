package cn.perftarget.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CompensateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * "Every path reaches an end": every flow node reachable from a start event must be able to reach an end event.
 * A node without outgoing flow is where a declaration would stop for good (the engine ends such a branch silently,
 * leaving the declaration in whatever status it had), and a loop without a way out never ends. Each dead end is
 * reported once, not again on every node before it; a loop is reported on its nodes and the ones leading only there.
 *
 * <p>Reachable follows sequence flows and the boundary events attached to an activity. Reaching an end follows
 * sequence flows and only interrupting boundary events: a non-interrupting one (an SLA reminder) leaves the token
 * on its activity, so its own path to an end says nothing about the activity's. Sub-processes are nodes of their
 * parent's flow; the start events inside them start their inner flow.
 */
final class FlowPaths {

    private final Map<FlowNode, List<FlowNode>> successors = new LinkedHashMap<>();
    private final Map<FlowNode, List<FlowNode>> towardsEnd = new LinkedHashMap<>();
    private final Set<FlowNode> withOutgoing = new HashSet<>();
    private final List<Process> processes;
    private final Set<FlowNode> reachable;
    private final Set<FlowNode> reachesEnd;

    private FlowPaths(BpmnModelInstance model, List<Process> processes) {
        this.processes = processes;
        List<FlowNode> nodes = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (processes.contains(processOf(node))) {
                nodes.add(node);
                successors.put(node, new ArrayList<>());
                towardsEnd.put(node, new ArrayList<>());
            }
        }
        // By sourceRef and targetRef, as the engine reads them: the <bpmn:outgoing> children are optional copies.
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (successors.containsKey(flow.getSource()) && flow.getTarget() != null) {
                successors.get(flow.getSource()).add(flow.getTarget());
                towardsEnd.get(flow.getSource()).add(flow.getTarget());
                withOutgoing.add(flow.getSource());
            }
        }
        for (FlowNode node : nodes) {
            if (node instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null
                    && successors.containsKey(boundary.getAttachedTo())) {
                successors.get(boundary.getAttachedTo()).add(boundary);
                if (boundary.cancelActivity()) {
                    towardsEnd.get(boundary.getAttachedTo()).add(boundary);
                }
            }
        }
        this.reachable = walk(nodes.stream().filter(StartEvent.class::isInstance).toList(), successors);
        // A dead end counts as an end here: it is reported itself, and the nodes before it need no report of their own.
        List<FlowNode> ends = nodes.stream().filter(n -> n instanceof EndEvent || isDeadEnd(n)).toList();
        this.reachesEnd = walk(ends, reversed(towardsEnd));
    }

    static FlowPaths of(BpmnModelInstance model, List<Process> executable) {
        return new FlowPaths(model, executable);
    }

    boolean reachable(FlowNode node) {
        return reachable.contains(node);
    }

    void check(Problems problems) {
        for (Process process : processes) {
            boolean hasStart = successors.keySet().stream()
                    .anyMatch(n -> n instanceof StartEvent && process.equals(processOf(n)));
            if (!hasStart) {
                problems.add(process.getId(), "流程没有开始事件");
            }
        }
        for (FlowNode node : successors.keySet()) {
            if (!reachable.contains(node) || node instanceof EndEvent || isCompensation(node)) {
                continue;
            }
            if (isDeadEnd(node)) {
                problems.add(node.getId(), "没有流出的顺序流：流程走到这里就停住，到达不了结束事件");
            } else if (!reachesEnd.contains(node)) {
                problems.add(node.getId(), "从这里出发的路径都到达不了结束事件（进入了没有出口的循环）");
            }
        }
    }

    private boolean isDeadEnd(FlowNode node) {
        return !(node instanceof EndEvent) && !withOutgoing.contains(node) && !isCompensation(node);
    }

    /** The process an element belongs to, through any sub-processes; null outside every process. */
    static Process processOf(ModelElementInstance element) {
        for (var e = element.getParentElement(); e != null; e = e.getParentElement()) {
            if (e instanceof Process process) {
                return process;
            }
        }
        return null;
    }

    /** Compensation runs outside the normal flow (handlers are linked by association), so it has no path to check. */
    private static boolean isCompensation(FlowNode node) {
        if (node instanceof Activity activity && activity.isForCompensation()) {
            return true;
        }
        return node instanceof BoundaryEvent boundary
                && boundary.getEventDefinitions().stream().anyMatch(CompensateEventDefinition.class::isInstance);
    }

    private static Map<FlowNode, List<FlowNode>> reversed(Map<FlowNode, List<FlowNode>> graph) {
        Map<FlowNode, List<FlowNode>> reversed = new LinkedHashMap<>();
        graph.keySet().forEach(node -> reversed.put(node, new ArrayList<>()));
        graph.forEach((from, targets) -> targets.forEach(to -> reversed.computeIfAbsent(to, k -> new ArrayList<>()).add(from)));
        return reversed;
    }

    private static Set<FlowNode> walk(List<FlowNode> roots, Map<FlowNode, List<FlowNode>> graph) {
        Set<FlowNode> seen = new HashSet<>(roots);
        var queue = new ArrayDeque<>(roots);
        while (!queue.isEmpty()) {
            for (FlowNode next : graph.getOrDefault(queue.poll(), List.of())) {
                if (next != null && seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }
}
