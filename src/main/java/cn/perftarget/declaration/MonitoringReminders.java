package cn.perftarget.declaration;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.identity.Actor;

/**
 * The reminder before a monitoring round's last day ({@code perftarget.deadlines.submission.reminder-before}, as
 * for declarations): once per round, claimed in the database so that of several nodes exactly one sends it, to the
 * filers of each asked unit whose monitoring form of the round is not submitted (not started, or a draft), with
 * an audit event on the form, or on the approved declaration when no form was started.
 */
@Component
public class MonitoringReminders {

    private static final Logger log = LoggerFactory.getLogger(MonitoringReminders.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final MonitoringRoundRepository rounds;
    private final Declarations declarations;
    private final Journal journal;
    private final DeadlineProperties properties;
    private final Clock clock;

    MonitoringReminders(MonitoringRoundRepository rounds, Declarations declarations, Journal journal,
                        DeadlineProperties properties, Clock clock) {
        this.rounds = rounds;
        this.declarations = declarations;
        this.journal = journal;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${perftarget.deadlines.round-check:PT5M}",
               fixedDelayString = "${perftarget.deadlines.round-check:PT5M}")
    void check() {
        try {
            remind(clock.instant());
        } catch (RuntimeException e) {
            // The database may be gone for a moment; the next check tries again.
            log.warn("运行监控截止提醒出错，下一轮重试：{}", e.toString());
        }
    }

    /** Sends the reminders of every round whose reminder time has come at {@code now}; the number of rounds sent. */
    @Transactional
    public int remind(Instant now) {
        int sent = 0;
        var zone = properties.zone();
        for (var round : rounds.unremindedUntil(now.atZone(zone).toLocalDate())) {
            Instant deadline = round.lastDay().plusDays(1).atStartOfDay(zone).toInstant();
            boolean due = !now.isBefore(deadline.minus(properties.submission().reminderBefore())) && now.isBefore(deadline);
            if (!due || rounds.claimReminder(round.id(), now) != 1) {
                continue;
            }
            sent++;
            String details = round.budgetYear() + "年" + MonitoringRounds.label(round.period()) + "运行监控填报截止："
                    + DAY.format(round.lastDay());
            for (var base : declarations.findAll(MonitoringRounds.approvedBases(DeclarationScope.ALL, round.budgetYear()),
                    Sort.by("id"))) {
                var form = declarations.findFollowUps(base.id()).stream()
                        .filter(f -> round.period().equals(f.followUpPeriod())).findFirst();
                if (form.isPresent() && form.get().firstSubmittedAt() != null) {
                    continue;
                }
                var target = form.orElse(base);
                journal.record(Actor.SYSTEM, target, AuditAction.REMINDED, target.status(), details);
                journal.publish(new DeclarationEvent.MonitoringDueSoon(base.id(), round.budgetYear(), round.period(), deadline));
            }
        }
        return sent;
    }
}
