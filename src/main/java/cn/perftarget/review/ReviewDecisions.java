package cn.perftarget.review;

import java.time.Clock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.audit.AuditEntry;
import cn.perftarget.audit.AuditTrail;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.DeclarationStatus;
import cn.perftarget.declaration.DeclarationView;
import cn.perftarget.declaration.InvalidRequestException;
import cn.perftarget.declaration.ReviewStep;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;

/**
 * Reviewers' decisions and task operations (转办, 加签, 退回到指定环节): handed to the review step, which checks them
 * against the step's model, and kept with comment, grade and fields; each one an audit event.
 */
@Service
@Transactional
public class ReviewDecisions {

    private final DeclarationQueries declarations;
    private final ReviewStep step;
    private final ReviewDecisionRepository decisions;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final Directory directory;

    ReviewDecisions(DeclarationQueries declarations, ReviewStep step, ReviewDecisionRepository decisions,
                    AuditTrail audit, ObjectMapper json, Clock clock, Directory directory) {
        this.declarations = declarations;
        this.step = step;
        this.decisions = decisions;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.directory = directory;
    }

    public DeclarationView decide(Actor actor, long id, DecisionCommand command) {
        requirePointers(command);
        var before = declarations.summary(actor, id);
        DeclarationStatus returnTo = null;
        if (command.returnTo() != null) {
            if (!DeclarationStatus.isCode(command.returnTo())) {
                throw InvalidRequestException.of("/returnTo", "decision.return-to-unknown",
                        "“" + command.returnTo() + "”不是审核环节的状态代码");
            }
            returnTo = declarations.status(command.returnTo());
        }
        var after = step.decide(actor, id, before.status(), command.outcome().code(), command.comment(),
                command.grade(), returnTo);
        String fields = command.fields().isEmpty() ? null : write(command);
        String comment = blankToNull(command.comment());
        decisions.save(new ReviewDecision(id, before.status(), actor.username(), command.outcome().code(), comment,
                command.grade(), fields, before.revision(), clock.instant()));
        var action = returnTo != null ? AuditAction.RETURNED_TO_STEP : command.outcome().action();
        record(actor, before, after, action, comment, command.grade(), fields != null ? fields
                : returnTo != null ? "退回到“" + returnTo.label() + "”" : null);
        return after;
    }

    /** 转办: the caller's task goes to another reviewer of the same step. */
    public DeclarationView handOver(Actor actor, long id, String toUsername, String comment) {
        var before = declarations.summary(actor, id);
        var to = eligibleUser(toUsername);
        var after = step.handOver(actor, id, before.status(), to);
        record(actor, before, after, AuditAction.HANDED_OVER, blankToNull(comment), null, "转办给" + to.name());
        return after;
    }

    /** 加签: asks another reviewer of the same step for an opinion before deciding. */
    public DeclarationView consult(Actor actor, long id, String toUsername, String comment) {
        var before = declarations.summary(actor, id);
        var to = eligibleUser(toUsername);
        var after = step.consult(actor, id, before.status(), to);
        record(actor, before, after, AuditAction.CONSULTED, blankToNull(comment), null, "请" + to.name() + "加签");
        return after;
    }

    /** The consulted reviewer's opinion: kept and shown to who asked, who then decides. */
    public DeclarationView answerConsultation(Actor actor, long id, String comment) {
        if (comment == null || comment.isBlank()) {
            throw InvalidRequestException.of("/comment", "consultation.comment-required", "加签意见不能为空");
        }
        var before = declarations.summary(actor, id);
        var after = step.answerConsultation(actor, id, before.status());
        decisions.save(new ReviewDecision(id, before.status(), actor.username(), "opinion", comment.strip(), null,
                null, before.revision(), clock.instant()));
        record(actor, before, after, AuditAction.CONSULTATION_ANSWERED, comment.strip(), null, null);
        return after;
    }

    private Actor eligibleUser(String username) {
        return directory.activeActor(username).orElseThrow(() -> InvalidRequestException.of("/to", "task.to-unknown",
                "用户“" + username + "”不存在或已停用"));
    }

    private void record(Actor actor, DeclarationView before, DeclarationView after, AuditAction action,
                        String comment, String grade, String details) {
        audit.record(new AuditEntry(before.id(), actor.username(), actor.role().name(), before.department(),
                before.year(), action, before.status().code(), after.status().code(), before.revision(), comment,
                grade, details));
    }

    private static void requirePointers(DecisionCommand command) {
        for (int i = 0; i < command.fields().size(); i++) {
            String pointer = command.fields().get(i);
            if (pointer == null || !(pointer.isEmpty() || pointer.startsWith("/"))) {
                throw InvalidRequestException.of("/fields/" + i, "decision.field-pointer",
                        "“" + pointer + "”不是字段位置（应以 / 开头，如 /header/phone）");
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
