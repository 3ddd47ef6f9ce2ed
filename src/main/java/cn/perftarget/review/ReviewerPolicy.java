package cn.perftarget.review;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.declaration.DeclarationStatus;
import cn.perftarget.declaration.DeclarationView;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;

/** Which role reviews which step, and the rules a decision must follow there. */
final class ReviewerPolicy {

    static final Set<String> GRADES = Set.of("优", "良", "中", "差");

    private static final Map<Role, DeclarationStatus> STEP_OF = Map.of(
            Role.DEPT_REVIEWER, DeclarationStatus.DEPT_REVIEW,
            Role.FINANCE_REVIEWER, DeclarationStatus.FINANCE_REVIEW,
            Role.EXPERT, DeclarationStatus.EXPERT_REVIEW);

    private ReviewerPolicy() {
    }

    /** The review status a reviewer of this role works on, if any. */
    static Optional<DeclarationStatus> stepOf(Role role) {
        return Optional.ofNullable(STEP_OF.get(role));
    }

    static void requireTurn(Actor actor, DeclarationView declaration) {
        var step = declaration.status();
        if (stepOf(actor.role()).filter(step::equals).isEmpty()) {
            throw new ActionForbiddenException("“" + step.label() + "”环节不由" + actor.role().label() + "审核");
        }
        if (actor.username().equals(declaration.filedBy())) {
            throw new ActionForbiddenException("不能审核自己填报的申报表");
        }
    }
}
