package cn.perftarget.process;

import java.util.List;

import cn.perftarget.declaration.DeclarationSubmission;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;
import cn.perftarget.review.DecisionCommand;
import cn.perftarget.review.Outcome;
import cn.perftarget.review.ReviewDecisions;

/** The calls the API makes on a declaration in the approval process, as the demo users make them. */
record UseCases(DeclarationSubmission submission, ReviewDecisions decisions) {

    static final Actor DEPT = new Actor("dept1", "王主管", Role.DEPT_REVIEWER, "HP-BDC");
    static final Actor FINANCE = new Actor("finance1", "财政审核人", Role.FINANCE_REVIEWER, "CZ-JXK");
    static final Actor EXPERT = new Actor("expert1", "评审专家", Role.EXPERT, null);

    void submit(long id) {
        submission.submit(ProcessTestSupport.FILER, id);
    }

    /** A decision with what the step asks for: a comment unless approving, a grade where 财政 decides. */
    void decide(Actor reviewer, long id, String outcome) {
        var code = Outcome.of(outcome).orElseThrow();
        String grade = reviewer.is(Role.FINANCE_REVIEWER)
                ? switch (code) { case APPROVE -> "优"; case REJECT -> "差"; case RETURN -> null; } : null;
        decisions.decide(reviewer, id, new DecisionCommand(code, code == Outcome.APPROVE ? null : "请修改", grade,
                List.of()));
    }
}
