package cn.perftarget.declaration;

import java.time.Clock;
import java.util.HashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;

/** Filers' use cases that move a declaration through the process: submit, withdraw, adjust. */
@Service
@Transactional
public class DeclarationSubmission {

    private final Access access;
    private final ApprovalProcess process;
    private final ProcessRounds rounds;
    private final SubmissionCheck check;
    private final DocumentStore documents;
    private final Views views;
    private final Journal journal;
    private final Clock clock;
    private final Directory directory;

    DeclarationSubmission(Access access, ApprovalProcess process, ProcessRounds rounds, SubmissionCheck check,
                          DocumentStore documents, Views views, Journal journal, Clock clock, Directory directory) {
        this.access = access;
        this.process = process;
        this.rounds = rounds;
        this.check = check;
        this.documents = documents;
        this.views = views;
        this.journal = journal;
        this.clock = clock;
        this.directory = directory;
    }

    /**
     * Validates the current revision first: an invalid declaration stays editable, the result carries the report,
     * and the process is not touched. A valid one completes fill-in with the routing facts and waits in the
     * model's first review step; its revision is frozen. The attempt is recorded either way.
     */
    public SubmissionResult submit(Actor actor, long id) {
        var declaration = access.owned(actor, id);
        var from = declaration.status();
        if (!from.isEditable()) {
            throw new StatusConflictException("申报表当前状态为“" + from.label() + "”，不能提交");
        }
        var checked = check.check(declaration);
        if (!checked.report().valid()) {
            journal.record(actor, declaration, AuditAction.SUBMISSION_REJECTED, from,
                    checked.report().errors().size() + " 项错误");
            return new SubmissionResult(views.of(declaration, checked.document()), checked.report());
        }
        // Reviews follow the unit's 主管部门 as it is now; a later move of the unit leaves this review where it is.
        String reviewDepartment = directory.units().departmentOf(declaration.department())
                .orElseThrow(() -> new StatusConflictException("单位“" + directory.departmentName(declaration.department())
                        + "”不属于任何主管部门，无法提交审核，请联系管理员"));
        var facts = new HashMap<>(checked.routingFacts());
        facts.put("reviewDepartment", reviewDepartment);
        var position = process.submit(declaration.processRef(), facts, actor);
        if (!(position instanceof ProcessPosition.AtStep at)) {
            throw new StatusConflictException("流程模型在填报之后没有进入审核环节，请联系管理员检查流程模型");
        }
        var now = clock.instant();
        declaration.submit(at.step(), reviewDepartment, actor.username(), now);
        documents.freezeCurrent(declaration, now);
        declaration.touch(now);
        journal.record(actor, declaration, AuditAction.SUBMITTED, from, null);
        journal.publish(new DeclarationEvent.StepReached(id, declaration.status(), actor.username()));
        return new SubmissionResult(views.of(declaration, checked.document()), checked.report());
    }

    /** Whether the filer may take the submission back now: no reviewer has acted on it yet. */
    @Transactional(readOnly = true)
    public boolean withdrawable(Actor actor, long id) {
        var declaration = access.visible(actor, id);
        return declaration.status().isInReview() && process.withdrawable(declaration.processRef());
    }

    /** Takes a submission back to draft while no reviewer has acted on it. */
    public DeclarationView withdraw(Actor actor, long id) {
        var declaration = access.owned(actor, id);
        var from = declaration.status();
        if (!from.isInReview() || !process.withdrawable(declaration.processRef())) {
            throw new StatusConflictException("申报表当前状态为“" + from.label() + "”，只有尚未被审核的申报表可以撤回");
        }
        process.withdraw(declaration.processRef(), actor);
        declaration.withdraw();
        declaration.touch(clock.instant());
        journal.record(actor, declaration, AuditAction.WITHDRAWN, from, null);
        journal.publish(new DeclarationEvent.Withdrawn(id, from, actor.username()));
        return view(declaration);
    }

    /** 调整: reopens an approved declaration for a new round of fill-in and review; the approved revision stays. */
    public DeclarationView openAdjustment(Actor actor, long id) {
        var declaration = access.owned(actor, id);
        var from = declaration.status();
        declaration.openAdjustment();
        declaration.touch(clock.instant());
        rounds.start(declaration, actor);
        journal.record(actor, declaration, AuditAction.ADJUSTMENT_OPENED, from, null);
        return view(declaration);
    }

    private DeclarationView view(Declaration declaration) {
        return views.of(declaration, documents.current(declaration));
    }
}
