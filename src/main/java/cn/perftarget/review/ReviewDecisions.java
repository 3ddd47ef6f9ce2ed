package cn.perftarget.review;

import java.time.Clock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.audit.AuditEntry;
import cn.perftarget.audit.AuditTrail;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.DeclarationStatus;
import cn.perftarget.declaration.DeclarationView;
import cn.perftarget.declaration.InvalidRequestException;
import cn.perftarget.declaration.ReviewStep;
import cn.perftarget.declaration.StatusConflictException;
import cn.perftarget.identity.Actor;

/** Reviewers' decisions: checked, handed to the process, and kept with comment, grade and fields. */
@Service
@Transactional
public class ReviewDecisions {

    private final DeclarationQueries declarations;
    private final ReviewStep step;
    private final ReviewDecisionRepository decisions;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    ReviewDecisions(DeclarationQueries declarations, ReviewStep step, ReviewDecisionRepository decisions,
                    AuditTrail audit, ObjectMapper json, Clock clock) {
        this.declarations = declarations;
        this.step = step;
        this.decisions = decisions;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public DeclarationView decide(Actor actor, long id, DecisionCommand command) {
        var before = declarations.summary(actor, id);
        if (!before.status().isInReview()) {
            throw new StatusConflictException("申报表当前状态为“" + before.status().label() + "”，不在审核中");
        }
        ReviewerPolicy.requireTurn(actor, before);
        requireConsistent(command, before.status());
        var after = step.complete(actor, id, before.status(), command.outcome().code());
        String fields = command.fields().isEmpty() ? null : write(command);
        decisions.save(new ReviewDecision(id, before.status(), actor.username(), command.outcome(),
                blankToNull(command.comment()), command.grade(), fields, before.revision(), clock.instant()));
        audit.record(new AuditEntry(id, actor.username(), actor.role().name(), before.department(), before.year(),
                command.outcome().action(), before.status().name(), after.status().name(), before.revision(),
                blankToNull(command.comment()), command.grade(), fields));
        return after;
    }

    private static void requireConsistent(DecisionCommand command, DeclarationStatus step) {
        boolean noComment = command.comment() == null || command.comment().isBlank();
        if (command.outcome() != Outcome.APPROVE && noComment) {
            throw InvalidRequestException.of("/comment", "decision.comment-required",
                    "退回或驳回必须填写审核意见（comment）");
        }
        if (command.outcome() == Outcome.REJECT && step != DeclarationStatus.FINANCE_REVIEW) {
            throw InvalidRequestException.of("/outcome", "decision.reject-only-at-finance",
                    "只有财政审核可以驳回，“" + step.label() + "”环节只能同意或退回");
        }
        if (command.grade() != null && step != DeclarationStatus.FINANCE_REVIEW) {
            throw InvalidRequestException.of("/grade", "decision.grade-only-at-finance",
                    "等级（grade）由财政审核给出，“" + step.label() + "”环节不评等级");
        }
        if (command.grade() != null && !ReviewerPolicy.GRADES.contains(command.grade())) {
            throw InvalidRequestException.of("/grade", "decision.grade",
                    "等级“" + command.grade() + "”无效，应为 优、良、中、差 之一");
        }
        if (command.grade() != null && ReviewerPolicy.outcomeOf(command.grade()) != command.outcome()) {
            throw InvalidRequestException.of("/grade", "decision.grade-outcome",
                    "等级“" + command.grade() + "”应" + ReviewerPolicy.outcomeLabel(command.grade())
                            + "（财预〔2015〕88号：优、良批复，中退回修改，差驳回），与 outcome=" + command.outcome().code() + " 不一致");
        }
        for (int i = 0; i < command.fields().size(); i++) {
            String pointer = command.fields().get(i);
            if (pointer == null || !(pointer.isEmpty() || pointer.startsWith("/"))) {
                throw InvalidRequestException.of("/fields/" + i, "decision.field-pointer",
                        "“" + pointer + "”不是 JSON Pointer（应以 / 开头，如 /header/phone）");
            }
        }
    }

    private String write(DecisionCommand command) {
        try {
            return json.writeValueAsString(command.fields());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
