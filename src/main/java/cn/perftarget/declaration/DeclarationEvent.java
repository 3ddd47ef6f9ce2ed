package cn.perftarget.declaration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What happened to a declaration, in the past tense. Published synchronously inside the transaction of the action,
 * so that a listener (the messages) writes in the same transaction: the action and what it tells people commit or
 * roll back together.
 */
public sealed interface DeclarationEvent {

    long declarationId();

    /**
     * What a decision that moved the declaration from step {@code from} to {@code to} tells: the next step reached,
     * or the final word; nothing when it stays where it was (another reviewer of the same step still decides).
     */
    static Optional<DeclarationEvent> ofDecision(long id, DeclarationStatus from, DeclarationStatus to, String actor,
                                                 String comment) {
        if (to.isInReview()) {
            return to.equals(from) ? Optional.empty() : Optional.of(new StepReached(id, to, actor));
        }
        if (to.equals(DeclarationStatus.RETURNED)) {
            return Optional.of(new Returned(id, from, actor, comment));
        }
        if (to.equals(DeclarationStatus.APPROVED)) {
            return Optional.of(new Approved(id, from, actor, comment));
        }
        if (to.equals(DeclarationStatus.REJECTED)) {
            return Optional.of(new Rejected(id, from, actor, comment));
        }
        return Optional.empty();
    }

    /** The declaration now waits in a review step (after a submission, an approval or a return to a step). */
    record StepReached(long declarationId, DeclarationStatus step, String actor) implements DeclarationEvent {
    }

    /** Returned to the filers for changes; {@code comment} is the reviewer's reason. */
    record Returned(long declarationId, DeclarationStatus from, String actor, String comment) implements DeclarationEvent {
    }

    /** Approved at the last step (已批复). */
    record Approved(long declarationId, DeclarationStatus from, String actor, String comment) implements DeclarationEvent {
    }

    /** Rejected (驳回, final). */
    record Rejected(long declarationId, DeclarationStatus from, String actor, String comment) implements DeclarationEvent {
    }

    /** The filer took the submission back from the step {@code from}. */
    record Withdrawn(long declarationId, DeclarationStatus from, String actor) implements DeclarationEvent {
    }

    /** 转办 ({@code consultation} false) or 加签 (true): a task of the step reached {@code to}. */
    record TaskPassed(long declarationId, DeclarationStatus step, String actor, String to, boolean consultation)
            implements DeclarationEvent {
    }

    /** A review task of {@code step} outlived its SLA and was escalated (升级督办). */
    record ReviewOverdue(long declarationId, DeclarationStatus step) implements DeclarationEvent {
    }

    /** The submission deadline is near and the declaration was never submitted. */
    record DeadlineNear(long declarationId, Instant deadline) implements DeclarationEvent {
    }

    /** The submission deadline passed and the declaration was never submitted. */
    record WentOverdue(long declarationId, Instant deadline) implements DeclarationEvent {
    }

    /** 财政 opened a monitoring round: the approved declaration's unit is asked for its monitoring form by then. */
    record MonitoringRequested(long declarationId, int year, String period, Instant deadline) implements DeclarationEvent {
    }

    /** A monitoring round's last day is near and this approved declaration's monitoring form is not submitted. */
    record MonitoringDueSoon(long declarationId, int year, String period, Instant deadline) implements DeclarationEvent {
    }

    /** The self-evaluation was drawn for the year's 财政复核. */
    record RecheckDrawn(long declarationId, int year) implements DeclarationEvent {
    }

    /** 抄送: these users were copied in (and may now read the declaration). */
    record Copied(long declarationId, String actor, List<String> users, String note) implements DeclarationEvent {
        public Copied {
            users = List.copyOf(users);
        }
    }
}
