package cn.perftarget.process;

import java.util.List;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * References the XML schema does not resolve (they are QNames, not IDREFs) and the model API silently reads as
 * absent: a boundary event attached to an activity that does not exist, a message event waiting for a message that
 * is not defined. The engine refuses both at deployment, with a message that names no element a bureau knows.
 */
final class References {

    private References() {
    }

    static void check(BpmnModelInstance model, List<Process> executable, Problems problems) {
        for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
            if (executable.contains(FlowPaths.processOf(event)) && event.getAttachedTo() == null) {
                problems.add(event.getId(), "attachedToRef“" + event.getDomElement().getAttribute("attachedToRef")
                        + "”不是本模型中的活动，边界事件没有挂在任何活动上");
            }
        }
        for (CatchEvent event : model.getModelElementsByType(CatchEvent.class)) {
            if (!executable.contains(FlowPaths.processOf(event))) {
                continue;
            }
            for (var definition : event.getEventDefinitions()) {
                if (definition instanceof MessageEventDefinition message && message.getMessage() == null) {
                    String ref = message.getDomElement().getAttribute("messageRef");
                    problems.add(event.getId(), ref == null
                            ? "消息事件缺少 messageRef（要等待的消息）"
                            : "messageRef“" + ref + "”不是本模型中定义的消息（bpmn:message）");
                }
            }
        }
    }
}
