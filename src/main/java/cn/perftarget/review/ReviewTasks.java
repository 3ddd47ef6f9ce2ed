package cn.perftarget.review;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.DeclarationStatus;
import cn.perftarget.declaration.DeclarationView;
import cn.perftarget.declaration.ResultPage;
import cn.perftarget.declaration.ReviewStep;
import cn.perftarget.identity.Actor;

/** The declarations waiting for a reviewer's decision. */
@Service
public class ReviewTasks {

    private final DeclarationQueries declarations;
    private final ReviewStep reviewStep;

    ReviewTasks(DeclarationQueries declarations, ReviewStep reviewStep) {
        this.declarations = declarations;
        this.reviewStep = reviewStep;
    }

    /**
     * One page, newest declaration first, of the declarations in the caller's review step that the caller may decide, each
     * with its open task. Our table cuts the page (the status is the step, moved by the process in the same
     * transaction as its task); the engine's task query then runs for that page's declarations only.
     */
    @Transactional(readOnly = true)
    public ResultPage<ReviewTask> waitingFor(Actor actor, int page, int size) {
        var waiting = declarations.awaiting(actor, stepOf(actor), page, size);
        var tasks = reviewStep.openTasks(waiting.items());
        return waiting.map(d -> new ReviewTask(d, tasks.get(d.id())));
    }

    /** Whether this declaration waits for the caller's decision now, without listing the caller's tasks. */
    public boolean isWaitingFor(Actor actor, DeclarationView declaration) {
        return ReviewerPolicy.stepOf(actor.role()).filter(declaration.status()::equals).isPresent()
                && !actor.username().equals(declaration.filedBy());
    }

    private static DeclarationStatus stepOf(Actor actor) {
        return ReviewerPolicy.stepOf(actor.role()).orElseThrow(() -> new ActionForbiddenException(
                "待办任务只对审核人开放，当前用户角色为“" + actor.role().label() + "”"));
    }
}
