package cn.perftarget.review;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.ResultPage;
import cn.perftarget.declaration.ReviewStep;
import cn.perftarget.identity.Actor;

/** The declarations waiting for a reviewer's decision, in any review step of the models that the caller decides. */
@Service
public class ReviewTasks {

    private final DeclarationQueries declarations;
    private final ReviewStep reviewStep;

    ReviewTasks(DeclarationQueries declarations, ReviewStep reviewStep) {
        this.declarations = declarations;
        this.reviewStep = reviewStep;
    }

    /**
     * One page, newest declaration first, of the declarations in the review steps the caller decides, each with its
     * open task. Our table cuts the page (the status is the step, moved with its task in the same transaction); the
     * engine's task query then runs for that page's declarations only.
     */
    @Transactional(readOnly = true)
    public ResultPage<ReviewTask> waitingFor(Actor actor, int page, int size) {
        // Reviewers, and holders of a role a step of a model names (role:ADMIN …).
        var stepRoles = declarations.reviewSteps().stream().map(s -> s.reviewers().role()).toList();
        if (actor.roles().stream().noneMatch(r -> r.isReviewer() || stepRoles.contains(r))) {
            throw new ActionForbiddenException("待办任务只对审核人开放，当前用户角色为“" + actor.role().label() + "”");
        }
        var waiting = declarations.awaiting(actor, page, size);
        var tasks = reviewStep.openTasks(waiting.items());
        return waiting.map(d -> new ReviewTask(d, tasks.get(d.id())));
    }

    /**
     * The declarations waiting in a step the caller decides that the caller submitted, so may not decide
     * (self-review), each with who else may: the inbox shows them, so nothing sits there unexplained.
     */
    @Transactional(readOnly = true)
    public java.util.List<OwnSubmission> ownSubmissionsWaiting(Actor actor) {
        return declarations.ownSubmissionsAwaiting(actor, 20).stream().map(d -> new OwnSubmission(d,
                reviewStep.otherReviewers(actor, d.id()).stream().map(Actor::name).toList())).toList();
    }

    /** A declaration the caller may not decide because they submitted it, and who may ({@code others}). */
    public record OwnSubmission(cn.perftarget.declaration.DeclarationView declaration, java.util.List<String> others) {
    }

    /** Whether this declaration waits for the caller's decision now. */
    @Transactional(readOnly = true)
    public boolean isWaitingFor(Actor actor, long id) {
        return reviewStep.turnOf(actor, id) == ReviewStep.Turn.DECIDE;
    }
}
