package cn.perftarget.declaration;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.perftarget.identity.Actor;

/**
 * The port through which a declaration's lifecycle drives its approval process; the process module implements it
 * with the engine. Each command runs on the acting user's behalf and answers where the instance then waits, so the
 * aggregate follows the model. Callers have checked who may act before they call.
 */
public interface ApprovalProcess {

    /** Starts an instance of the process {@code processKey} (its latest version); returns the instance id. */
    String start(String processKey, ProcessRef ref, Actor actor);

    /** Watches the budget year's submission deadline in an instance of its own. */
    void watchSubmissionDeadline(ProcessRef ref, Actor actor);

    /** Completes fill-in with the routing facts of a valid submission. */
    ProcessPosition submit(ProcessRef ref, Map<String, Object> routingFacts, Actor actor);

    /** Whether the filer may still take the submission back (the model's withdrawal event is waiting). */
    boolean withdrawable(ProcessRef ref);

    ProcessPosition withdraw(ProcessRef ref, Actor actor);

    /** Completes the actor's task of this step (one of its {@link #openTasks}) with the outcome as routing flag. */
    ProcessPosition decide(ProcessRef ref, ReviewStepDefinition step, OpenTask task, String outcome, Actor actor);

    /** 退回到指定环节: leaves the current step and waits again in an earlier one. */
    ProcessPosition returnTo(ProcessRef ref, ReviewStepDefinition target, Actor actor);

    /** 转办: the actor's task (one of the step's {@link #openTasks}) goes to another reviewer. */
    void handOver(ProcessRef ref, OpenTask task, Actor actor, String toUser);

    /** 加签: another reviewer gives an opinion on the actor's task before the actor decides. */
    void consult(ProcessRef ref, OpenTask task, Actor actor, String toUser);

    /** The consulted reviewer has given the opinion: the task goes back to who asked. */
    void answerConsultation(ProcessRef ref, ReviewStepDefinition step, Actor actor);

    /** The open tasks of the step: who holds each, who asked for an opinion (加签) on it, and whether {@code username} already decided in this round (会签). */
    List<OpenTask> openTasks(ProcessRef ref, ReviewStepDefinition step, String username);

    /** The open review task of each of these declarations that has one, keyed by declaration id. */
    Map<Long, ReviewTaskInfo> openReviewTasks(Collection<ProcessRef> refs);

    /** Every activity of every approval instance the declaration had, oldest first. */
    List<ProcessActivity> activities(ProcessRef ref);

    /** The review steps this declaration's current instance has passed (left), oldest first. */
    List<ReviewStepDefinition> passedSteps(ProcessRef ref);

    /** The model of the declaration's current (or last) instance and where it stands, for 流程跟踪. */
    Optional<ProcessTrace> trace(ProcessRef ref);

    /** An open engine task of a review step. */
    record OpenTask(String id, String assignee, String consultedBy, boolean decidedByCaller) {
    }

    /** A process diagram with the elements passed and the ones active now. */
    record ProcessTrace(String processKey, int version, String bpmnXml, List<String> passed, List<String> active) {
    }
}
