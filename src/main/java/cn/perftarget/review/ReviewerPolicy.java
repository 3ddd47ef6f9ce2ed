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

    // 财预〔2015〕88号: 优 and 良 are approved, 中 goes back for revision, 差 is rejected.
    private static final Map<String, Outcome> OUTCOME_OF_GRADE = Map.of(
            "优", Outcome.APPROVE, "良", Outcome.APPROVE, "中", Outcome.RETURN, "差", Outcome.REJECT);

    private static final Map<Role, DeclarationStatus> STEP_OF = Map.of(
            Role.DEPT_REVIEWER, DeclarationStatus.DEPT_REVIEW,
            Role.FINANCE_REVIEWER, DeclarationStatus.FINANCE_REVIEW,
            Role.EXPERT, DeclarationStatus.EXPERT_REVIEW);

    private ReviewerPolicy() {
    }

    static Outcome outcomeOf(String grade) {
        return OUTCOME_OF_GRADE.get(grade);
    }

    static String outcomeLabel(String grade) {
        return switch (outcomeOf(grade)) {
            case APPROVE -> "批复（approve）";
            case RETURN -> "退回修改（return）";
            case REJECT -> "驳回（reject）";
        };
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
