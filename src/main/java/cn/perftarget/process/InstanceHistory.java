package cn.perftarget.process;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.stereotype.Component;

import cn.perftarget.declaration.ApprovalProcess.ProcessTrace;
import cn.perftarget.declaration.ProcessActivity;
import cn.perftarget.declaration.ProcessRef;
import cn.perftarget.declaration.ReviewStepDefinition;

/** What the engine's history says of a declaration's approval instances: activities, steps passed, the trace. */
@Component
class InstanceHistory {

    private final HistoryService history;
    private final RuntimeService runtime;
    private final RepositoryService repository;

    InstanceHistory(HistoryService history, RuntimeService runtime, RepositoryService repository) {
        this.history = history;
        this.runtime = runtime;
        this.repository = repository;
    }

    /** Every activity of every approval instance the declaration had (adjustments start new ones), oldest first. */
    List<ProcessActivity> activities(ProcessRef ref) {
        List<ProcessActivity> out = new ArrayList<>();
        for (var instance : history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKeyIn(BusinessKey.of(ref).candidates())
                .orderByProcessInstanceStartTime().asc().list()) {
            if (SubmissionDeadlineProcess.KEY.equals(instance.getProcessDefinitionKey())) {
                continue;
            }
            for (var activity : activitiesOf(instance.getId())) {
                out.add(new ProcessActivity(activity.getActivityId(), activity.getActivityName(),
                        activity.getActivityType(), activity.getAssignee(), activity.getStartTime().toInstant(),
                        activity.getEndTime() == null ? null : activity.getEndTime().toInstant(),
                        activity.getDurationInMillis(), instance.getId()));
            }
        }
        return out;
    }

    private List<HistoricActivityInstance> activitiesOf(String instance) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
    }

    /** The review steps completed since the filer last handed the declaration in, oldest first, each once. */
    List<ReviewStepDefinition> passedSteps(String instance, ModelSteps steps) {
        Map<String, ReviewStepDefinition> passed = new LinkedHashMap<>();
        for (var activity : activitiesOf(instance)) {
            if (steps.isFillIn(activity.getActivityId())) {
                passed.clear();
            } else if (activity.getEndTime() != null && !activity.isCanceled()) {
                steps.ofTask(activity.getActivityId()).ifPresent(s -> passed.putIfAbsent(s.status().code(), s));
            }
        }
        return List.copyOf(passed.values());
    }

    /** The model's diagram with the elements the instance passed and those active now. */
    ProcessTrace trace(String instance, String definitionId) {
        var definition = repository.getProcessDefinition(definitionId);
        String xml;
        try (var in = repository.getProcessModel(definitionId)) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> passed = new ArrayList<>();
        for (var activity : activitiesOf(instance)) {
            if (activity.getEndTime() != null && !passed.contains(activity.getActivityId())) {
                passed.add(activity.getActivityId());
            }
        }
        boolean running = runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0;
        List<String> active = running ? runtime.getActiveActivityIds(instance) : List.of();
        return new ProcessTrace(definition.getKey(), definition.getVersion(), xml, passed, active);
    }
}
