package cn.perftarget.declaration;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.declaration.process.ApprovalProcessEngine;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;

/** Filers' use cases that move a declaration through the process: submit, withdraw, adjust. */
@Service
@Transactional
public class DeclarationSubmission {

    private final Access access;
    private final ApprovalProcessEngine process;
    private final SubmissionCheck check;
    private final DocumentStore documents;
    private final Views views;
    private final Journal journal;
    private final Clock clock;
    private final Directory directory;

    DeclarationSubmission(Access access, ApprovalProcessEngine process, SubmissionCheck check,
                          DocumentStore documents, Views views, Journal journal, Clock clock, Directory directory) {
        this.directory = directory;
        this.access = access;
        this.process = process;
        this.check = check;
        this.documents = documents;
        this.views = views;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Hands the current revision to the process, which validates it. An invalid declaration stays editable and
     * the result carries the report; the attempt is recorded either way.
     */
    public SubmissionResult submit(Actor actor, long id) {
        var declaration = access.owned(actor, id);
        var from = declaration.status();
        if (!from.isEditable()) {
            throw new StatusConflictException("申报表当前状态为“" + from.label() + "”，不能提交");
        }
        // Reviews follow the unit's 主管部门 as it is now; a later move of the unit leaves this review where it is.
        String reviewDepartment = directory.units().departmentOf(declaration.department())
                .orElseThrow(() -> new StatusConflictException("单位“" + directory.departmentName(declaration.department())
                        + "”不属于任何主管部门，无法提交审核，请联系管理员"));
        process.submit(declaration.processKey(), reviewDepartment, actor);
        if (!declaration.status().isEditable()) {
            declaration.reviewedBy(reviewDepartment);
        }
        if (declaration.status().isEditable()) {
            var report = check.report(declaration);
            journal.record(actor, declaration, AuditAction.SUBMISSION_REJECTED, from,
                    report.errors().size() + " 项错误");
            return new SubmissionResult(views.of(declaration, check.document(declaration)), report);
        }
        journal.record(actor, declaration, AuditAction.SUBMITTED, from, null);
        return new SubmissionResult(views.of(declaration, check.document(declaration)), check.report(declaration));
    }

    /** Takes a submission back to draft while no reviewer has acted on it. */
    public DeclarationView withdraw(Actor actor, long id) {
        var declaration = access.owned(actor, id);
        var from = declaration.status();
        if (!from.allowsWithdrawal()) {
            throw new StatusConflictException("申报表当前状态为“" + from.label() + "”，只有尚未被审核的申报表可以撤回");
        }
        process.withdraw(declaration.processKey(), actor);
        journal.record(actor, declaration, AuditAction.WITHDRAWN, from, null);
        return view(declaration);
    }

    /** 调整: reopens an approved declaration for a new round of fill-in and review; the approved revision stays. */
    public DeclarationView openAdjustment(Actor actor, long id) {
        var declaration = access.owned(actor, id);
        var from = declaration.status();
        declaration.openAdjustment();
        declaration.touch(clock.instant());
        process.start(declaration.processKey(), actor);
        journal.record(actor, declaration, AuditAction.ADJUSTMENT_OPENED, from, null);
        return view(declaration);
    }

    private DeclarationView view(Declaration declaration) {
        return views.of(declaration, documents.current(declaration));
    }
}
