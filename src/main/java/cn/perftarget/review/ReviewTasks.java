package cn.perftarget.review;

import java.util.List;

import org.springframework.stereotype.Service;

import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.DeclarationView;
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

    /** The declarations in the caller's review step that the caller may decide, each with its open task. */
    public List<ReviewTask> waitingFor(Actor actor) {
        var step = ReviewerPolicy.stepOf(actor.role()).orElseThrow(() -> new ActionForbiddenException(
                "待办任务只对审核人开放，当前用户角色为“" + actor.role().label() + "”"));
        List<DeclarationView> waiting = declarations.awaiting(actor, step).stream()
                .filter(d -> !d.filedBy().equals(actor.username()))
                .toList();
        var tasks = reviewStep.openTasks(waiting);
        return waiting.stream().map(d -> new ReviewTask(d, tasks.get(d.id()))).toList();
    }
}
