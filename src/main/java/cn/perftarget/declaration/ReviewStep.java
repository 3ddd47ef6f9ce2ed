package cn.perftarget.declaration;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;

/**
 * A reviewer's work on the step a declaration waits in, as its process model defines it: deciding, and the task
 * operations of approval centres (转办, 加签, 退回到指定环节). Who may act and what the step allows are
 * {@link ReviewRules}'; the process routes, and the declaration follows it.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ReviewStep {

    private final Access access;
    private final ReviewRules rules;
    private final ReviewStepCatalog catalog;
    private final ApprovalProcess process;
    private final DocumentStore documents;
    private final Views views;
    private final Clock clock;
    private final Directory directory;
    private final Journal journal;

    ReviewStep(Access access, ReviewRules rules, ReviewStepCatalog catalog, ApprovalProcess process,
               DocumentStore documents, Views views, Clock clock, Directory directory, Journal journal) {
        this.directory = directory;
        this.journal = journal;
        this.access = access;
        this.rules = rules;
        this.catalog = catalog;
        this.process = process;
        this.documents = documents;
        this.views = views;
        this.clock = clock;
    }

    /**
     * Decides the step the declaration was in when the reviewer looked at it ({@code expected}); with
     * {@code returnTo}, a return goes back to that earlier review step instead of the filer.
     */
    public DeclarationView decide(Actor actor, long id, DeclarationStatus expected, String outcome, String comment,
                                  String grade, DeclarationStatus returnTo) {
        var declaration = access.visible(actor, id);
        var step = current(declaration, expected);
        rules.requireEligible(actor, declaration, step);
        rules.requireAllowed(step, outcome, comment, grade);
        var task = requireOwnTurn(actor, declaration, step);
        ProcessPosition position;
        if (returnTo != null) {
            if (!"return".equals(outcome)) {
                throw InvalidRequestException.of("/returnTo", "decision.return-to-needs-return",
                        "只有退回时才能指定退回到的环节");
            }
            position = process.returnTo(declaration.processRef(), returnTarget(declaration, step, returnTo), actor);
        } else {
            position = process.decide(declaration.processRef(), step, task, outcome, actor);
        }
        declaration.follow(position);
        declaration.touch(clock.instant());
        DeclarationEvent.ofDecision(id, step.status(), declaration.status(), actor.username(), comment)
                .ifPresent(journal::publish);
        return views.of(declaration, documents.current(declaration));
    }

    /** 转办: hands the actor's task of the current step to another reviewer who may decide it. */
    public DeclarationView handOver(Actor actor, long id, DeclarationStatus expected, Actor to) {
        var declaration = access.visible(actor, id);
        var step = current(declaration, expected);
        rules.requireEligible(actor, declaration, step);
        var task = requireOwnTurn(actor, declaration, step);
        requireOtherEligible(actor, to, declaration, step);
        process.handOver(declaration.processRef(), task, actor, to.username());
        journal.publish(new DeclarationEvent.TaskPassed(id, step.status(), actor.username(), to.username(), false));
        return views.of(declaration, null);
    }

    /** 加签: asks another eligible reviewer for an opinion before the actor decides. */
    public DeclarationView consult(Actor actor, long id, DeclarationStatus expected, Actor to) {
        var declaration = access.visible(actor, id);
        var step = current(declaration, expected);
        rules.requireEligible(actor, declaration, step);
        var task = requireOwnTurn(actor, declaration, step);
        requireOtherEligible(actor, to, declaration, step);
        process.consult(declaration.processRef(), task, actor, to.username());
        journal.publish(new DeclarationEvent.TaskPassed(id, step.status(), actor.username(), to.username(), true));
        return views.of(declaration, null);
    }

    /** The consulted reviewer gives the opinion asked for; the task goes back to who asked. */
    public DeclarationView answerConsultation(Actor actor, long id, DeclarationStatus expected) {
        var declaration = access.visible(actor, id);
        var step = current(declaration, expected);
        boolean consulted = process.openTasks(declaration.processRef(), step, actor.username()).stream()
                .anyMatch(t -> t.consultedBy() != null && actor.username().equals(t.assignee()));
        if (!consulted) {
            throw new ActionForbiddenException("当前用户没有被邀请对这份申报表发表加签意见");
        }
        process.answerConsultation(declaration.processRef(), step, actor);
        return views.of(declaration, null);
    }

    /** The step the declaration waits in now, as its instance's model defines it. */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public Optional<ReviewStepDefinition> currentStep(Actor actor, long id) {
        var declaration = access.visible(actor, id);
        return declaration.status().isInReview() ? catalog.step(declaration.processRef(), declaration.status())
                : Optional.empty();
    }

    /** What the actor may do on the declaration's current step now: decide, answer a 加签, or nothing. */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public Turn turnOf(Actor actor, long id) {
        var declaration = access.visible(actor, id);
        if (!declaration.status().isInReview()) {
            return Turn.NONE;
        }
        var step = catalog.step(declaration.processRef(), declaration.status()).orElse(null);
        if (step == null) {
            return Turn.NONE;
        }
        var tasks = process.openTasks(declaration.processRef(), step, actor.username());
        if (tasks.stream().anyMatch(t -> t.consultedBy() != null && actor.username().equals(t.assignee()))) {
            return Turn.ANSWER;
        }
        if (!rules.eligible(actor, declaration, step)) {
            return Turn.NONE;
        }
        return ownTask(actor, tasks).isPresent() ? Turn.DECIDE : Turn.NONE;
    }

    /** Who else may decide the declaration's current step: whom the actor may hand the task to or consult (转办, 加签). */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public List<Actor> otherReviewers(Actor actor, long id) {
        return reviewers(actor, id).stream().filter(a -> !a.username().equals(actor.username())).toList();
    }

    /**
     * Everyone who may decide the declaration's current step now, as the viewer may see it; empty when it is not in
     * review, or when no one may (the unit has no other reviewer than the submitter, say): the page then says so.
     */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public List<Actor> reviewers(Actor viewer, long id) {
        var declaration = access.visible(viewer, id);
        var step = declaration.status().isInReview()
                ? catalog.step(declaration.processRef(), declaration.status()).orElse(null) : null;
        if (step == null) {
            return List.of();
        }
        return directory.actors().stream().filter(a -> rules.eligible(a, declaration, step)).toList();
    }

    /**
     * Refuses (403) a reviewer who may not decide the step the declaration waits in, before anything they sent is
     * read: authorization before content. Outside review it passes; the use case then answers 409.
     */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public void requireDecider(Actor actor, long id) {
        var declaration = access.visible(actor, id);
        if (declaration.status().isInReview()) {
            catalog.step(declaration.processRef(), declaration.status())
                    .ifPresent(step -> rules.requireEligible(actor, declaration, step));
        }
    }

    /** What a reviewer may do on a declaration now. */
    public enum Turn { DECIDE, ANSWER, NONE }

    /** The review steps the declaration's current round passed, which a return may go back to. */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public List<ReviewStepDefinition> passedSteps(Actor actor, long id) {
        return process.passedSteps(access.visible(actor, id).processRef());
    }

    /** The open review task of each of these declarations that has one, keyed by declaration id. */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public Map<Long, ReviewTaskInfo> openTasks(List<DeclarationView> declarations) {
        return process.openReviewTasks(declarations.stream()
                .map(d -> new ProcessRef(d.id(), d.department(), d.year(), d.formKey(), null)).toList());
    }

    private ReviewStepDefinition current(Declaration declaration, DeclarationStatus expected) {
        if (!declaration.status().isInReview()) {
            throw new StatusConflictException("申报表当前状态为“" + declaration.status().label() + "”，不在审核中");
        }
        if (expected != null && !declaration.status().equals(expected)) {
            throw new StatusConflictException("申报表已不在“" + expected.label() + "”环节，当前为“"
                    + declaration.status().label() + "”");
        }
        return catalog.step(declaration.processRef(), declaration.status()).orElseThrow(() ->
                new StatusConflictException("流程模型中找不到“" + declaration.status().label() + "”环节"));
    }

    /**
     * The actor's task of the step: held by them, or free; not one they asked an opinion on (加签) yet. Found once
     * here, and the process completes or passes on this one.
     */
    private ApprovalProcess.OpenTask requireOwnTurn(Actor actor, Declaration declaration, ReviewStepDefinition step) {
        var tasks = process.openTasks(declaration.processRef(), step, actor.username());
        if (tasks.stream().anyMatch(t -> actor.username().equals(t.consultedBy()))) {
            throw new StatusConflictException("正在等待加签意见，收到意见后才能处理");
        }
        if (tasks.isEmpty()) {
            throw new StatusConflictException("申报表已不在“" + step.label() + "”环节，可能已被他人处理，请刷新后重试");
        }
        return ownTask(actor, tasks).orElseThrow(() -> {
            var holder = tasks.stream().map(ApprovalProcess.OpenTask::assignee).filter(a -> a != null).findFirst();
            return new ActionForbiddenException(holder.map(h -> "该审核任务已由“" + h + "”处理，不由当前用户处理")
                    .orElse("当前用户在本环节已发表过意见"));
        });
    }

    private static Optional<ApprovalProcess.OpenTask> ownTask(Actor actor, List<ApprovalProcess.OpenTask> tasks) {
        var held = tasks.stream().filter(t -> actor.username().equals(t.assignee()) && t.consultedBy() == null).findFirst();
        return held.isPresent() ? held
                : tasks.stream().filter(t -> t.assignee() == null && !t.decidedByCaller()).findFirst();
    }

    private void requireOtherEligible(Actor actor, Actor to, Declaration declaration, ReviewStepDefinition step) {
        if (to.username().equals(actor.username())) {
            throw InvalidRequestException.of("/to", "task.to-self", "不能转办或加签给自己");
        }
        if (!rules.eligible(to, declaration, step)) {
            throw InvalidRequestException.of("/to", "task.to-ineligible", "“" + to.name() + "”不是“" + step.label()
                    + "”环节的审核人，不能转办或加签给他");
        }
    }

    private ReviewStepDefinition returnTarget(Declaration declaration, ReviewStepDefinition step,
                                              DeclarationStatus target) {
        var passed = process.passedSteps(declaration.processRef()).stream()
                .filter(s -> s.status().equals(target)).findFirst().orElseThrow(() -> InvalidRequestException.of(
                        "/returnTo", "decision.return-to-unknown", "“" + target.label() + "”不是这份申报表在本轮已经过的审核环节"));
        if (!step.mayReturnTo(passed.status())) {
            throw InvalidRequestException.of("/returnTo", "decision.return-to-forbidden",
                    "流程模型不允许从“" + step.label() + "”退回到“" + passed.label() + "”");
        }
        return passed;
    }
}
