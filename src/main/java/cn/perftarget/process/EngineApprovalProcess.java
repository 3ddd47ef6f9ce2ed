package cn.perftarget.process;

import static cn.perftarget.process.DeclarationApprovalProcess.MESSAGE_WITHDRAWN;
import static cn.perftarget.process.DeclarationApprovalProcess.VAR_APPROVE_COUNT;
import static cn.perftarget.process.DeclarationApprovalProcess.VAR_DECLARATION_ID;
import static cn.perftarget.process.DeclarationApprovalProcess.VAR_DEPARTMENT;
import static cn.perftarget.process.DeclarationApprovalProcess.VAR_FORM_KEY;
import static cn.perftarget.process.DeclarationApprovalProcess.VAR_OUTCOME;
import static cn.perftarget.process.DeclarationApprovalProcess.VAR_REJECT_COUNT;
import static cn.perftarget.process.DeclarationApprovalProcess.VAR_RETURN_COUNT;
import static cn.perftarget.process.DeclarationApprovalProcess.VAR_YEAR;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import cn.perftarget.declaration.ApprovalProcess;
import cn.perftarget.declaration.ProcessActivity;
import cn.perftarget.declaration.ProcessPosition;
import cn.perftarget.declaration.ProcessRef;
import cn.perftarget.declaration.ReviewStepDefinition;
import cn.perftarget.declaration.ReviewTaskInfo;
import cn.perftarget.declaration.StatusConflictException;
import cn.perftarget.identity.Actor;

/**
 * The engine behind the declaration's {@link ApprovalProcess} port. Every call runs under the acting user's
 * identity ({@link EngineCalls}); after a call it reads where the instance waits, so the declaration follows the
 * model without the model calling back into our code.
 */
@Component
class EngineApprovalProcess implements ApprovalProcess {

    private static final List<String> TALLY = List.of(VAR_APPROVE_COUNT, VAR_RETURN_COUNT, VAR_REJECT_COUNT);

    private final RuntimeService runtime;
    private final EngineCalls calls;
    private final EngineStepCatalog catalog;
    private final InstanceTasks tasks;
    private final InstanceHistory history;

    EngineApprovalProcess(RuntimeService runtime, EngineCalls calls, EngineStepCatalog catalog, InstanceTasks tasks,
                          InstanceHistory history) {
        this.runtime = runtime;
        this.calls = calls;
        this.catalog = catalog;
        this.tasks = tasks;
        this.history = history;
    }

    @Override
    public String start(String processKey, ProcessRef ref, Actor actor) {
        if (!catalog.deployed(processKey)) {
            // A template naming a model nobody deployed yet: say so, instead of the engine's NullValueException.
            throw new cn.perftarget.declaration.StatusConflictException("模板“" + ref.formKey() + "”使用的审核流程“"
                    + processKey + "”尚未部署，不能新建申报表；请系统管理员在“流程模型”中部署该流程");
        }
        var key = BusinessKey.of(ref);
        return calls.as(actor, ref.declarationId(), () -> runtime.startProcessInstanceByKey(processKey, key.value(),
                Map.of(VAR_DECLARATION_ID, ref.declarationId(), VAR_DEPARTMENT, ref.department(),
                        VAR_FORM_KEY, ref.formKey(), VAR_YEAR, ref.year())).getId());
    }

    @Override
    public void watchSubmissionDeadline(ProcessRef ref, Actor actor) {
        calls.as(actor, ref.declarationId(), () -> runtime.startProcessInstanceByKey(SubmissionDeadlineProcess.KEY,
                BusinessKey.of(ref).value(), Map.of(VAR_DECLARATION_ID, ref.declarationId(), VAR_YEAR, ref.year())));
    }

    @Override
    public ProcessPosition submit(ProcessRef ref, Map<String, Object> routingFacts, Actor actor) {
        String instance = instanceOf(ref);
        var fillIn = tasks.fillIn(instance, catalog)
                .orElseThrow(() -> new StatusConflictException("申报表当前不在填报环节，可能已被提交，请刷新后重试"));
        Map<String, Object> variables = new HashMap<>(routingFacts);
        TALLY.forEach(name -> variables.put(name, 0));
        tasks.complete(ref, fillIn.getId(), fillIn.getAssignee(), variables, actor);
        return position(instance, null);
    }

    @Override
    public boolean withdrawable(ProcessRef ref) {
        return runtime.createEventSubscriptionQuery().eventName(MESSAGE_WITHDRAWN)
                .processInstanceId(instanceOf(ref)).count() > 0;
    }

    @Override
    public ProcessPosition withdraw(ProcessRef ref, Actor actor) {
        String instance = instanceOf(ref);
        calls.as(actor, ref.declarationId(), () -> {
            try {
                return runtime.createMessageCorrelation(MESSAGE_WITHDRAWN).processInstanceId(instance)
                        .correlateWithResult();
            } catch (MismatchingMessageCorrelationException e) {
                throw new StatusConflictException("申报表已有审核人处理，不能撤回");
            } catch (RuntimeException e) {
                // A reviewer's decision committed between correlating and delivering: the subscription is gone.
                if (runtime.createEventSubscriptionQuery().eventName(MESSAGE_WITHDRAWN)
                        .processInstanceId(instance).count() == 0) {
                    throw new StatusConflictException("申报表已有审核人处理，不能撤回");
                }
                throw e;
            }
        });
        return position(instance, null);
    }

    @Override
    public ProcessPosition decide(ProcessRef ref, ReviewStepDefinition step, OpenTask task, String outcome,
                                  Actor actor) {
        String instance = instanceOf(ref);
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_OUTCOME, outcome);
        if (step.panel()) {
            variables.putAll(tally(instance, step, outcome));
        }
        tasks.complete(ref, task.id(), task.assignee(), variables, actor);
        return position(instance, outcome);
    }

    /** A panel's votes of this round, with this one: from zero at the round's first vote. */
    private Map<String, Object> tally(String instance, ReviewStepDefinition step, String outcome) {
        Map<String, Object> tally = new HashMap<>();
        boolean firstVote = !tasks.anyDecidedThisRound(instance, step);
        for (String name : TALLY) {
            Object value = firstVote ? null : runtime.getVariable(instance, name);
            tally.put(name, value instanceof Number n ? n.intValue() : 0);
        }
        String counter = switch (outcome) {
            case "approve" -> VAR_APPROVE_COUNT;
            case "return" -> VAR_RETURN_COUNT;
            default -> VAR_REJECT_COUNT;
        };
        tally.put(counter, (Integer) tally.get(counter) + 1);
        return tally;
    }

    @Override
    public ProcessPosition returnTo(ProcessRef ref, ReviewStepDefinition target, Actor actor) {
        String instance = instanceOf(ref);
        calls.as(actor, ref.declarationId(), () -> {
            var modification = runtime.createProcessInstanceModification(instance);
            for (var child : runtime.getActivityInstance(instance).getChildActivityInstances()) {
                modification.cancelActivityInstance(child.getId());
            }
            modification.startBeforeActivity(target.taskId()).setVariable(VAR_OUTCOME, "return").execute();
            return null;
        });
        return position(instance, "return");
    }

    @Override
    public void handOver(ProcessRef ref, OpenTask task, Actor actor, String toUser) {
        tasks.handOver(ref, task, actor, toUser);
    }

    @Override
    public void consult(ProcessRef ref, OpenTask task, Actor actor, String toUser) {
        tasks.consult(ref, task, actor, toUser);
    }

    @Override
    public void answerConsultation(ProcessRef ref, ReviewStepDefinition step, Actor actor) {
        tasks.answer(ref, instanceOf(ref), step, actor);
    }

    @Override
    public List<OpenTask> openTasks(ProcessRef ref, ReviewStepDefinition step, String username) {
        return tasks.open(instanceOf(ref), step, username);
    }

    @Override
    public Map<Long, ReviewTaskInfo> openReviewTasks(Collection<ProcessRef> refs) {
        return tasks.openReviewTasks(refs, catalog);
    }

    @Override
    public List<ProcessActivity> activities(ProcessRef ref) {
        return history.activities(ref);
    }

    @Override
    public List<ReviewStepDefinition> passedSteps(ProcessRef ref) {
        var definition = catalog.definitionOf(ref);
        return definition.map(d -> history.passedSteps(instanceOf(ref), catalog.stepsOf(d))).orElse(List.of());
    }

    @Override
    public Optional<ProcessTrace> trace(ProcessRef ref) {
        return catalog.definitionOf(ref).map(d -> history.trace(instanceOf(ref), d));
    }

    /** Where the instance waits now: a review step, fill-in, or (gone) the end. */
    private ProcessPosition position(String instance, String lastOutcome) {
        var running = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult();
        if (running == null) {
            return new ProcessPosition.Ended("reject".equals(lastOutcome));
        }
        var steps = catalog.stepsOf(running.getProcessDefinitionId());
        var waiting = tasks.waitingTaskKeys(instance);
        for (String taskKey : waiting) {
            // A round on a version from before steps had properties: the same task of the latest version says.
            var step = steps.ofTask(taskKey).or(() -> catalog.steps().stream()
                    .filter(s -> s.taskId().equals(taskKey)).findFirst());
            if (step.isPresent()) {
                return new ProcessPosition.AtStep(step.get());
            }
        }
        if (waiting.stream().anyMatch(steps::isFillIn)) {
            return new ProcessPosition.AtFillIn();
        }
        throw new StatusConflictException("流程没有停在任何填报或审核环节，请联系管理员检查流程模型");
    }

    /** The declaration's current approval instance: by the id it keeps, or for older rounds by business key. */
    private String instanceOf(ProcessRef ref) {
        if (ref.instanceId() != null) {
            return ref.instanceId();
        }
        return catalog.lastInstance(ref).map(EngineStepCatalog.Instance::id).orElse("none");
    }
}
