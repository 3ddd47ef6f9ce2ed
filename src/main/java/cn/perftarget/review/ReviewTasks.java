package cn.perftarget.review;

import java.util.List;

import org.springframework.stereotype.Service;

import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.DeclarationView;
import cn.perftarget.identity.Actor;

/** The declarations waiting for a reviewer's decision. */
@Service
public class ReviewTasks {

    private final DeclarationQueries declarations;

    ReviewTasks(DeclarationQueries declarations) {
        this.declarations = declarations;
    }

    public List<DeclarationView> waitingFor(Actor actor) {
        var step = ReviewerPolicy.stepOf(actor.role()).orElseThrow(() -> new ActionForbiddenException(
                "待办任务只对审核人开放，当前用户角色为“" + actor.role().label() + "”"));
        return declarations.list(actor, step, null).stream()
                .filter(d -> !d.filedBy().equals(actor.username()))
                .toList();
    }
}
