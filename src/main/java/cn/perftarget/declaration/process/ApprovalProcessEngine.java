package cn.perftarget.declaration.process;

import static cn.perftarget.declaration.process.DeclarationApprovalProcess.KEY;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.MESSAGE_WITHDRAWN;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.TASK_FILL_IN;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_DECLARATION_ID;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_DEPARTMENT;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_FORM_KEY;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.REVIEW_TASKS_IN_ORDER;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_OUTCOME;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_REVIEW_DEPARTMENT;
import static cn.perftarget.declaration.process.DeclarationApprovalProcess.VAR_YEAR;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.perftarget.declaration.DeadlineProperties;
import cn.perftarget.declaration.ProcessActivity;
import cn.perftarget.declaration.ReviewTaskInfo;
import cn.perftarget.declaration.StatusConflictException;
import cn.perftarget.identity.Actor;

/**
 * The only door to the engine for the declaration lifecycle. Every call runs under the acting user's identity
 * so that Camunda's user operation log names the real person, and engine-level races surface as 409
 * ({@link EngineCalls}).
 */
@Component
public class ApprovalProcessEngine {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final EngineCalls calls;

    private final HistoryService history;
    private final String escalationGroup;

    ApprovalProcessEngine(RuntimeService runtime, TaskService tasks, EngineCalls calls, HistoryService history,
                          DeadlineProperties deadlines) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.calls = calls;
        this.history = history;
        this.escalationGroup = deadlines.review().escalationGroup();
    }

    public void start(BusinessKey key, Actor actor) {
        calls.as(actor, key.declarationId(), () -> runtime.startProcessInstanceByKey(KEY, key.value(), Map.of(
                VAR_DECLARATION_ID, key.declarationId(),
                VAR_DEPARTMENT, key.department(),
                VAR_FORM_KEY, key.formKey(),
                VAR_YEAR, key.year())));
    }

    /**
     * Starts the watch over the budget year's submission deadline (processes/SubmissionDeadline.bpmn), in an
     * instance of its own so that its timers never change the approval instance a filer's call is changing. A
     * deadline that has already passed is marked overdue at once, in the caller's transaction.
     */
    public void watchSubmissionDeadline(BusinessKey key, Actor actor) {
        calls.as(actor, key.declarationId(), () -> runtime.startProcessInstanceByKey(SubmissionDeadlineProcess.KEY,
                key.value(), Map.of(VAR_DECLARATION_ID, key.declarationId(), VAR_YEAR, key.year())));
    }

    /** Every activity of every process instance the declaration had (adjustments start new ones), oldest first. */
    public List<ProcessActivity> activities(BusinessKey key) {
        List<ProcessActivity> out = new ArrayList<>();
        for (var instance : history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKeyIn(key.candidates()).orderByProcessInstanceStartTime().asc().list()) {
            for (var activity : history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                    .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()) {
                out.add(new ProcessActivity(activity.getActivityId(), activity.getActivityName(),
                        activity.getActivityType(), activity.getAssignee(), activity.getStartTime().toInstant(),
                        activity.getEndTime() == null ? null : activity.getEndTime().toInstant(),
                        activity.getDurationInMillis(), instance.getId()));
            }
        }
        return out;
    }

    /** The open review task of each of these declarations that has one. */
    public Map<Long, ReviewTaskInfo> openReviewTasks(Collection<BusinessKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        var found = tasks.createTaskQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKeyIn(keys.stream().flatMap(k -> Arrays.stream(k.candidates()))
                        .toArray(String[]::new))
                .taskDefinitionKeyIn(REVIEW_TASKS_IN_ORDER.toArray(String[]::new))
                .list();
        Map<String, String> businessKeys = new HashMap<>();
        if (!found.isEmpty()) {
            runtime.createProcessInstanceQuery()
                    .processInstanceIds(found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
                    .list()
                    .forEach(instance -> businessKeys.put(instance.getId(), instance.getBusinessKey()));
        }
        // One query for the page's escalated tasks (the escalation group became a candidate), not one per task.
        var escalated = found.isEmpty() ? Set.<String>of() : tasks.createTaskQuery()
                .taskIdIn(found.stream().map(Task::getId).toArray(String[]::new))
                .taskCandidateGroup(escalationGroup).includeAssignedTasks()
                .list().stream().map(Task::getId).collect(Collectors.toSet());
        Map<Long, ReviewTaskInfo> byDeclaration = new HashMap<>();
        for (Task task : found) {
            long id = BusinessKey.declarationIdOf(businessKeys.get(task.getProcessInstanceId()));
            byDeclaration.put(id, new ReviewTaskInfo(task.getTaskDefinitionKey(), task.getName(),
                    task.getCreateTime().toInstant(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                    escalated.contains(task.getId())));
        }
        return byDeclaration;
    }

    /**
     * Completes fill-in for review by {@code reviewDepartment} (a 主管部门 code); the process then validates and either
     * moves on to review or comes back.
     */
    public void submit(BusinessKey key, String reviewDepartment, Actor actor) {
        completeTask(key, TASK_FILL_IN, Map.of(VAR_REVIEW_DEPARTMENT, reviewDepartment), actor);
    }

    public void withdraw(BusinessKey key, Actor actor) {
        calls.as(actor, key.declarationId(), () -> {
            try {
                return runtime.createMessageCorrelation(MESSAGE_WITHDRAWN)
                        .processInstanceId(instanceIdOf(key))
                        .correlateWithResult();
            } catch (MismatchingMessageCorrelationException e) {
                throw new StatusConflictException("申报表已有审核人处理，不能撤回");
            } catch (RuntimeException e) {
                // A reviewer's decision committed between correlating and delivering: the subscription is gone.
                if (runtime.createEventSubscriptionQuery().eventName(MESSAGE_WITHDRAWN)
                        .processInstanceId(instanceIdOf(key)).count() == 0) {
                    throw new StatusConflictException("申报表已有审核人处理，不能撤回");
                }
                throw e;
            }
        });
    }

    /** The active approval instance of the declaration, under its new key or (started before) its bare id. */
    private String instanceIdOf(BusinessKey key) {
        for (String candidate : key.candidates()) {
            var instance = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
                    .processInstanceBusinessKey(candidate).active().list().stream().findFirst();
            if (instance.isPresent()) {
                return instance.get().getId();
            }
        }
        return "none";
    }

    /** Completes the review task {@code taskKey} with the reviewer's outcome as the routing flag. */
    public void decide(BusinessKey key, String taskKey, String outcome, Actor actor) {
        completeTask(key, taskKey, Map.of(VAR_OUTCOME, outcome), actor);
    }

    private void completeTask(BusinessKey key, String taskKey, Map<String, Object> variables, Actor actor) {
        long declarationId = key.declarationId();
        String taskId = calls.as(actor, declarationId, () -> {
            var task = tasks.createTaskQuery()
                    .processDefinitionKey(KEY)
                    .processInstanceBusinessKeyIn(key.candidates())
                    .taskDefinitionKey(taskKey)
                    .singleResult();
            if (task == null) {
                throw new StatusConflictException("申报表已不在该审核环节，可能已被他人处理，请刷新后重试");
            }
            // The engine's history then names who did the task, as auditors expect of a task assignee. A command
            // of its own (same transaction): in the completing command the activity's end would overwrite it.
            losingToOthers(task.getId(), () -> tasks.setAssignee(task.getId(), actor.username()));
            return task.getId();
        });
        calls.as(actor, declarationId, () -> {
            losingToOthers(taskId, () -> tasks.complete(taskId, variables));
            return null;
        });
    }

    private void losingToOthers(String taskId, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            if (completedByOthers(taskId, e)) {
                throw new StatusConflictException(EngineCalls.CONFLICT);
            }
            throw e;
        }
    }

    /**
     * Whether a failed completion lost a race: another request completed the task and committed after we found it,
     * so the engine read a task and then an execution tree that no longer fit together (a missing task, an execution
     * without its parent) before its optimistic locking could say so. The task is gone then; otherwise the failure
     * is real and stays as it is.
     */
    private boolean completedByOthers(String taskId, RuntimeException failure) {
        try {
            return tasks.createTaskQuery().taskId(taskId).count() == 0;
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            return false;
        }
    }
}
