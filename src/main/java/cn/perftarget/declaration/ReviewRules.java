package cn.perftarget.declaration;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.perftarget.identity.Actor;

/**
 * The review rules, read from the step's model: who decides a step (its {@code reviewers}, within the unit tree),
 * that nobody decides on their own submission, which outcomes the step allows, and its grade. The one owner of
 * these rules: the inbox, the decision, the task operations and the pages all ask here.
 */
@Component
public class ReviewRules {

    /** 评级: 财预〔2015〕88号 grades a declaration 优, 良, 中 or 差. */
    public static final Set<String> GRADES = Set.of("优", "良", "中", "差");
    // 88号: 优 and 良 are approved, 中 goes back for revision, 差 is rejected.
    private static final Map<String, String> OUTCOME_OF_GRADE = Map.of(
            "优", "approve", "良", "approve", "中", "return", "差", "reject");
    private static final Map<String, String> OUTCOME_LABELS = Map.of(
            "approve", "同意", "return", "退回", "reject", "驳回");

    private final Access access;

    ReviewRules(Access access) {
        this.access = access;
    }

    public static String outcomeLabel(String outcome) {
        return OUTCOME_LABELS.getOrDefault(outcome, outcome);
    }

    /** Whether the actor may decide this declaration at this step (and so take, hand on or share its task). */
    boolean eligible(Actor actor, Declaration declaration, ReviewStepDefinition step) {
        return !ownSubmission(actor, declaration) && Access.covers(access.decidingScope(actor, step), declaration);
    }

    /** Refuses (403) someone who sees the declaration but does not decide it at this step. */
    void requireEligible(Actor actor, Declaration declaration, ReviewStepDefinition step) {
        if (ownSubmission(actor, declaration)) {
            throw new ActionForbiddenException("不能审核自己提交的申报表");
        }
        if (!Access.covers(access.decidingScope(actor, step), declaration)) {
            throw new ActionForbiddenException("“" + step.label() + "”环节由" + step.reviewers().label()
                    + "审核，这份申报表不由当前用户（" + actor.name() + "）审核");
        }
    }

    /** Self-review is deciding on what one submitted oneself, not on what one imported for a unit. */
    static boolean ownSubmission(Actor actor, Declaration declaration) {
        String submitter = declaration.submittedBy() != null ? declaration.submittedBy() : declaration.filedBy();
        return actor.username().equals(submitter);
    }

    /** Refuses (400, naming the field) a decision the step does not allow. */
    public void requireAllowed(ReviewStepDefinition step, String outcome, String comment, String grade) {
        if (!step.allows(outcome)) {
            throw InvalidRequestException.of("/outcome", "decision.outcome-not-allowed", "“" + step.label()
                    + "”环节不能" + outcomeLabel(outcome) + "，只能" + allowedLabels(step));
        }
        if (!"approve".equals(outcome) && (comment == null || comment.isBlank())) {
            throw InvalidRequestException.of("/comment", "decision.comment-required", "退回或驳回必须填写审核意见");
        }
        if (grade != null && step.grade() == ReviewStepDefinition.GradeRule.NONE) {
            throw InvalidRequestException.of("/grade", "decision.grade-not-allowed",
                    "“" + step.label() + "”环节不评等级，请不要选择等级");
        }
        if (grade != null && !GRADES.contains(grade)) {
            throw InvalidRequestException.of("/grade", "decision.grade", "等级“" + grade + "”无效，应为 优、良、中、差 之一");
        }
        if (grade == null && step.grade() == ReviewStepDefinition.GradeRule.REQUIRED && "approve".equals(outcome)) {
            throw InvalidRequestException.of("/grade", "decision.grade-required",
                    "“" + step.label() + "”环节必须评定等级（优、良、中、差）");
        }
        if (grade != null && !OUTCOME_OF_GRADE.get(grade).equals(outcome)) {
            throw InvalidRequestException.of("/grade", "decision.grade-outcome", "等级“" + grade + "”应"
                    + outcomeLabel(OUTCOME_OF_GRADE.get(grade)) + "（财预〔2015〕88号：优、良同意，中退回修改，差驳回），与所选的“"
                    + outcomeLabel(outcome) + "”不一致");
        }
    }

    private static String allowedLabels(ReviewStepDefinition step) {
        return String.join("、", ReviewStepDefinition.OUTCOMES.stream().filter(step::allows)
                .map(ReviewRules::outcomeLabel).toList());
    }
}
