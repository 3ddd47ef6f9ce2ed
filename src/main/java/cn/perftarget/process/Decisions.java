package cn.perftarget.process;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * Decisions: the keys a business rule task names must be deployed or come in the same deployment (the engine would
 * otherwise fail only when a declaration reaches the task, long after the upload), and a DMN file's decisions need
 * a history time to live (the engine enforces one, {@code enforceHistoryTimeToLive}).
 */
final class Decisions {

    private Decisions() {
    }

    /** The keys a deployment of this DMN model adds: the engine keys a decision by its id. */
    static Set<String> keysOf(DmnModelInstance model) {
        Set<String> keys = new LinkedHashSet<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (decision.getId() != null) {
                keys.add(decision.getId());
            }
        }
        return keys;
    }

    static void checkDecisionModel(DmnModelInstance model, Problems problems) {
        var decisions = model.getModelElementsByType(Decision.class);
        if (decisions.isEmpty()) {
            String id = model.getDefinitions().getId();
            problems.add(id == null || id.isBlank() ? "definitions" : id, "DMN 文件中没有决策（decision）");
        }
        for (Decision decision : decisions) {
            String ttl = decision.getCamundaHistoryTimeToLiveString();
            if (ttl == null || ttl.isBlank()) {
                problems.add(decision.getId(), "缺少 camunda:historyTimeToLive（历史保留期限，如 P3650D）");
            } else if (!ttl.trim().matches("\\d+|P\\d+D")) {
                problems.add(decision.getId(), "camunda:historyTimeToLive“" + ttl + "”无效，应为天数（如 3650）或 P天数D（如 P3650D）");
            }
        }
    }

    /**
     * A decision named by an expression is resolved when the task runs, so only its identifiers can be checked
     * (by {@link ExpressionCheck}); a fixed key must be known now.
     */
    static void checkReferences(BpmnModelInstance model, Set<String> knownKeys, Problems problems) {
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            String ref = task.getCamundaDecisionRef();
            if (ref == null && task.getCamundaClass() == null && task.getCamundaExpression() == null
                    && task.getCamundaDelegateExpression() == null && task.getCamundaType() == null) {
                // The model API reads an empty attribute as absent, so decisionRef="" lands here too.
                problems.add(task.getId(), "业务规则任务缺少 camunda:decisionRef（要调用的决策）");
                continue;
            }
            if (ref == null || ref.contains("${") || ref.contains("#{")) {
                continue;
            }
            if (!knownKeys.contains(ref)) {
                problems.add(task.getId(), "camunda:decisionRef“" + ref + "”不是已部署的决策，也不在同一次部署的 DMN 文件中"
                        + (knownKeys.isEmpty() ? "" : "（已知的决策：" + String.join("、", new TreeSet<>(knownKeys)) + "）"));
            }
        }
    }
}
