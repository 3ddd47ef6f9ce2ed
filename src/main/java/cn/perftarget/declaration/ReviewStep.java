package cn.perftarget.declaration;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.declaration.process.ApprovalProcessEngine;
import cn.perftarget.declaration.process.BusinessKey;
import cn.perftarget.declaration.process.DeclarationApprovalProcess;
import cn.perftarget.identity.Actor;

/** Completes the review step a declaration waits in; who may do so is the review module's business. */
@Service
public class ReviewStep {

    private final Access access;
    private final ApprovalProcessEngine process;
    private final DocumentStore documents;
    private final Views views;

    ReviewStep(Access access, ApprovalProcessEngine process, DocumentStore documents, Views views) {
        this.access = access;
        this.process = process;
        this.documents = documents;
        this.views = views;
    }

    /**
     * Hands the reviewer's outcome ({@code approve}, {@code return} or {@code reject}) to the process for the step
     * the declaration was in when the reviewer looked at it; the process routes and moves the status.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public DeclarationView complete(Actor actor, long id, DeclarationStatus step, String outcome) {
        var declaration = access.visible(actor, id);
        if (declaration.status() != step) {
            throw new StatusConflictException("申报表已不在“" + step.label() + "”环节，当前为“"
                    + declaration.status().label() + "”");
        }
        access.requireDecides(actor, declaration);
        String task = DeclarationApprovalProcess.reviewTaskFor(step)
                .orElseThrow(() -> new StatusConflictException("申报表当前状态为“" + step.label() + "”，不在审核中"));
        process.decide(declaration.processKey(), task, outcome, actor);
        return views.of(declaration, documents.current(declaration));
    }

    /** The open review task of each of these declarations that has one, keyed by declaration id. */
    public Map<Long, ReviewTaskInfo> openTasks(List<DeclarationView> declarations) {
        return process.openReviewTasks(declarations.stream()
                .map(d -> new BusinessKey(d.id(), d.department(), d.year(), d.formKey())).toList());
    }
}
