package cn.perftarget.process;

import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.perftarget.declaration.ApprovalProcess.OpenTask;
import cn.perftarget.declaration.DeadlineProperties;
import cn.perftarget.declaration.ProcessRef;
import cn.perftarget.declaration.ReviewStepDefinition;
import cn.perftarget.declaration.ReviewTaskInfo;
import cn.perftarget.declaration.StatusConflictException;
import cn.perftarget.identity.Actor;

/** The user tasks of a declaration's approval instance: finding the caller's, completing, handing on, sharing. */
@Component
class InstanceTasks {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final EngineCalls calls;
    private final String escalationGroup;

    InstanceTasks(TaskService tasks, RuntimeService runtime, HistoryService history, EngineCalls calls,
                  DeadlineProperties deadlines) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.calls = calls;
        this.escalationGroup = deadlines.review().escalationGroup();
    }

    Optional<Task> fillIn(String instance, EngineStepCatalog catalog) {
        return tasks.createTaskQuery().processInstanceId(instance).list().stream()
                .filter(t -> catalog.stepsOf(t.getProcessDefinitionId()).isFillIn(t.getTaskDefinitionKey()))
                .findFirst();
    }

    List<String> waitingTaskKeys(String instance) {
        return tasks.createTaskQuery().processInstanceId(instance).list().stream()
                .map(Task::getTaskDefinitionKey).distinct().toList();
    }

    private List<Task> ofStep(String instance, ReviewStepDefinition step) {
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(step.taskId()).list();
    }

    List<OpenTask> open(String instance, ReviewStepDefinition step, String username) {
        var open = ofStep(instance, step);
        boolean decided = step.panel() && decidedThisRound(instance, step, open, username);
        return open.stream().map(t -> new OpenTask(t.getId(), t.getAssignee(),
                t.getDelegationState() == DelegationState.PENDING ? t.getOwner() : null, decided)).toList();
    }

    boolean anyDecidedThisRound(String instance, ReviewStepDefinition step) {
        var open = ofStep(instance, step);
        return open.isEmpty() || finishedThisRound(instance, step, open).count() > 0;
    }

    private boolean decidedThisRound(String instance, ReviewStepDefinition step, List<Task> open, String username) {
        return !open.isEmpty() && finishedThisRound(instance, step, open).taskAssignee(username).count() > 0;
    }

    // A panel's round is its multi-instance body's run: the tasks of one round are created one after another, so
    // the round starts when the body did, and the votes since then are this round's.
    private org.camunda.bpm.engine.history.HistoricTaskInstanceQuery finishedThisRound(
            String instance, ReviewStepDefinition step, List<Task> open) {
        var body = history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId(step.taskId() + "#multiInstanceBody").unfinished().list().stream()
                .map(a -> a.getStartTime()).max(Date::compareTo);
        Date roundStart = body.orElseGet(() -> open.stream().map(Task::getCreateTime).min(Date::compareTo).orElseThrow());
        return history.createHistoricTaskInstanceQuery().processInstanceId(instance)
                .taskDefinitionKey(step.taskId()).finished().startedAfter(new Date(roundStart.getTime() - 1));
    }

    /**
     * Completes the task on the actor's behalf. The engine's history then names who did it, as auditors expect of
     * an assignee: set in a command of its own (same transaction), since the completing command's end of the
     * activity would overwrite it.
     */
    void complete(ProcessRef ref, String taskId, String assignee, Map<String, Object> variables, Actor actor) {
        if (!actor.username().equals(assignee)) {
            calls.as(actor, ref.declarationId(), () -> {
                losingToOthers(taskId, () -> tasks.setAssignee(taskId, actor.username()));
                return null;
            });
        }
        calls.as(actor, ref.declarationId(), () -> {
            losingToOthers(taskId, () -> tasks.complete(taskId, variables));
            return null;
        });
    }

    void handOver(ProcessRef ref, OpenTask task, Actor actor, String toUser) {
        calls.as(actor, ref.declarationId(), () -> {
            losingToOthers(task.id(), () -> {
                tasks.setOwner(task.id(), actor.username());
                tasks.setAssignee(task.id(), toUser);
            });
            return null;
        });
    }

    void consult(ProcessRef ref, OpenTask task, Actor actor, String toUser) {
        calls.as(actor, ref.declarationId(), () -> {
            losingToOthers(task.id(), () -> {
                if (!actor.username().equals(task.assignee())) {
                    tasks.setAssignee(task.id(), actor.username());
                }
                tasks.setOwner(task.id(), actor.username());
                tasks.delegateTask(task.id(), toUser);
            });
            return null;
        });
    }

    void answer(ProcessRef ref, String instance, ReviewStepDefinition step, Actor actor) {
        var task = ofStep(instance, step).stream().filter(t -> actor.username().equals(t.getAssignee())
                && t.getDelegationState() == DelegationState.PENDING).findFirst().orElseThrow(this::gone);
        calls.as(actor, ref.declarationId(), () -> {
            tasks.resolveTask(task.getId());
            return null;
        });
    }

    private StatusConflictException gone() {
        return new StatusConflictException("申报表已不在该审核环节，可能已被他人处理，请刷新后重试");
    }

    /** The open review task of each of these declarations that has one (the first, for a panel). */
    Map<Long, ReviewTaskInfo> openReviewTasks(Collection<ProcessRef> refs, EngineStepCatalog catalog) {
        if (refs.isEmpty()) {
            return Map.of();
        }
        var found = tasks.createTaskQuery()
                .processInstanceBusinessKeyIn(refs.stream().flatMap(r -> Arrays.stream(BusinessKey.of(r).candidates()))
                        .toArray(String[]::new))
                .list().stream()
                .filter(t -> catalog.stepsOf(t.getProcessDefinitionId()).ofTask(t.getTaskDefinitionKey()).isPresent())
                .toList();
        Map<String, String> businessKeys = new HashMap<>();
        if (!found.isEmpty()) {
            runtime.createProcessInstanceQuery()
                    .processInstanceIds(found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
                    .list().forEach(instance -> businessKeys.put(instance.getId(), instance.getBusinessKey()));
        }
        // One query for the page's escalated tasks (the escalation group became a candidate), not one per task.
        Set<String> escalated = found.isEmpty() ? Set.of() : tasks.createTaskQuery()
                .taskIdIn(found.stream().map(Task::getId).toArray(String[]::new))
                .taskCandidateGroup(escalationGroup).includeAssignedTasks()
                .list().stream().map(Task::getId).collect(Collectors.toSet());
        Map<Long, ReviewTaskInfo> byDeclaration = new HashMap<>();
        for (Task task : found) {
            long id = BusinessKey.declarationIdOf(businessKeys.get(task.getProcessInstanceId()));
            byDeclaration.putIfAbsent(id, new ReviewTaskInfo(task.getTaskDefinitionKey(), task.getName(),
                    task.getCreateTime().toInstant(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                    escalated.contains(task.getId())));
        }
        return byDeclaration;
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
     * so the engine read a task and then an execution tree that no longer fit together before its optimistic
     * locking could say so. The task is gone then; otherwise the failure is real and stays as it is.
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
