package cn.perftarget.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The rules that look at all review steps of one process together: exactly one fill-in task (the only user task
 * without {@code status}), reachable from a start; status codes unique; {@code returnTo} naming other steps of the
 * same process; a withdrawal only on a review step; a panel (multi-instance step) knowing how many members it has.
 */
final class ReviewSteps {

    /** The message name of the filer's withdrawal; the application correlates it, so only a review step may wait for it. */
    static final String WITHDRAWAL_MESSAGE = "DeclarationWithdrawn";

    private ReviewSteps() {
    }

    static void check(BpmnModelInstance model, Process process, FlowPaths paths, Problems problems) {
        List<UserTask> fillIns = new ArrayList<>();
        Map<String, UserTask> byStatus = new LinkedHashMap<>();
        Map<UserTask, List<String>> returnTargets = new LinkedHashMap<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (!process.equals(FlowPaths.processOf(task))) {
                continue;
            }
            var properties = StepProperties.of(task, problems);
            if (!StepProperties.isReviewStep(properties)) {
                if (properties.keySet().stream().anyMatch(StepProperties.REVIEW_KEYS::contains)) {
                    // Without this, a step whose status was forgotten would count as a second fill-in task.
                    problems.add(task.getId(), "有审核环节的扩展属性（reviewers、outcomes 等）但缺少 status");
                } else {
                    fillIns.add(task);
                }
                continue;
            }
            StepProperties.checkValues(task.getId(), task.getName(), properties, problems);
            String status = properties.get(StepProperties.STATUS);
            UserTask first = byStatus.putIfAbsent(status, task);
            if (first != null) {
                problems.add(task.getId(), "status“" + status + "”与 " + first.getId() + " 重复，同一流程中每个审核环节的 status 必须唯一");
            }
            returnTargets.put(task, StepProperties.returnTargets(task.getId(), properties, problems));
            checkPanel(task, problems);
        }
        checkReturnTargets(returnTargets, byStatus, problems);
        checkFillIn(process, fillIns, paths, problems);
        checkWithdrawals(model, process, problems);
    }

    private static void checkReturnTargets(Map<UserTask, List<String>> returnTargets, Map<String, UserTask> byStatus,
                                           Problems problems) {
        returnTargets.forEach((task, targets) -> {
            for (String code : targets) {
                UserTask target = byStatus.get(code);
                if (target == null) {
                    problems.add(task.getId(), "returnTo 中的“" + code + "”不是本流程任何审核环节的 status");
                } else if (target.equals(task)) {
                    problems.add(task.getId(), "returnTo 不能包含本环节自己的 status“" + code + "”");
                }
            }
        });
    }

    private static void checkFillIn(Process process, List<UserTask> fillIns, FlowPaths paths, Problems problems) {
        if (fillIns.isEmpty()) {
            problems.add(process.getId(), "没有填报环节：应有且仅有一个不带 status 属性的用户任务（填报）");
            return;
        }
        for (UserTask extra : fillIns.subList(1, fillIns.size())) {
            problems.add(extra.getId(), "不带 status 属性的用户任务只能有一个（填报环节），已有 " + fillIns.get(0).getId()
                    + "；若这是审核环节，请补上 status、reviewers、outcomes");
        }
        UserTask fillIn = fillIns.get(0);
        if (!paths.reachable(fillIn)) {
            problems.add(fillIn.getId(), "填报环节从开始事件出发无法到达");
        }
    }

    private static void checkWithdrawals(BpmnModelInstance model, Process process, Problems problems) {
        for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
            if (!process.equals(FlowPaths.processOf(event)) || !isWithdrawal(event)) {
                continue;
            }
            var attached = event.getAttachedTo();
            boolean onReviewStep = attached instanceof UserTask task
                    && StepProperties.isReviewStep(StepProperties.of(task, new Problems()));
            if (!onReviewStep) {
                problems.add(event.getId(), "撤回（消息 " + WITHDRAWAL_MESSAGE + "）的边界事件只能挂在审核环节上");
            }
        }
    }

    private static boolean isWithdrawal(BoundaryEvent event) {
        return event.getEventDefinitions().stream()
                .filter(MessageEventDefinition.class::isInstance)
                .map(d -> ((MessageEventDefinition) d).getMessage())
                .anyMatch(m -> m != null && WITHDRAWAL_MESSAGE.equals(m.getName()));
    }

    /** The engine refuses a multi-instance task that says neither how many instances nor over what collection. */
    private static void checkPanel(UserTask task, Problems problems) {
        if (task.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop
                && loop.getLoopCardinality() == null && loop.getCamundaCollection() == null) {
            problems.add(task.getId(), "会签（多实例）环节缺少 loopCardinality 或 camunda:collection，无法确定会签人数");
        }
    }
}
