package cn.perftarget.review;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.audit.AuditEntry;
import cn.perftarget.audit.AuditTrail;
import cn.perftarget.declaration.DeadlineProperties;
import cn.perftarget.declaration.DeclarationPeople;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.DeclarationView;
import cn.perftarget.declaration.StatusConflictException;
import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;
import cn.perftarget.identity.Role;

/**
 * 催办: the filer, or 财政, reminds the reviewers of the step a declaration waits in. Once a day per step (a calendar
 * day in the deadlines' time zone), so that reminders stay worth reading; each urge is an audit event.
 */
@Service
@Transactional
public class ReviewUrges {

    private final DeclarationQueries declarations;
    private final DeclarationPeople people;
    private final ReviewUrgeRepository urges;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Directory directory;
    private final Clock clock;
    private final ZoneId zone;

    ReviewUrges(DeclarationQueries declarations, DeclarationPeople people, ReviewUrgeRepository urges, AuditTrail audit,
                ApplicationEventPublisher events, Directory directory, Clock clock, DeadlineProperties deadlines) {
        this.declarations = declarations;
        this.people = people;
        this.urges = urges;
        this.audit = audit;
        this.events = events;
        this.directory = directory;
        this.clock = clock;
        this.zone = deadlines.zone();
    }

    /** Refuses (403) anyone but a filer of the declaration's unit or a 财政 reviewer who sees it; 404 if unseen. */
    @Transactional(readOnly = true)
    public DeclarationView requireMayUrge(Actor actor, long id) {
        var declaration = declarations.summary(actor, id);
        // 财政 urges what it oversees; a copy (抄送) lets one read, not urge.
        if (!mayUrge(actor, declaration) || !declarations.seesByRole(actor, id)) {
            throw new ActionForbiddenException("只有本单位填报人或财政审核人可以催办，当前用户角色为“" + actor.role().label() + "”");
        }
        return declaration;
    }

    /** Whether the actor may urge this declaration's reviewers (the page shows 催办 while it is in review). */
    public static boolean mayUrge(Actor actor, DeclarationView declaration) {
        return (actor.is(Role.FILER) && actor.belongsTo(declaration.department())) || actor.is(Role.FINANCE_REVIEWER);
    }

    public Urge urge(Actor actor, long id) {
        var declaration = requireMayUrge(actor, id);
        var step = declaration.status();
        if (!step.isInReview()) {
            throw new StatusConflictException("申报表当前状态为“" + step.label() + "”，不在审核中，无需催办");
        }
        var reviewers = people.reviewersOf(id, step);
        if (reviewers.isEmpty()) {
            throw new StatusConflictException("“" + step.label() + "”环节目前没有可以审核的人，请联系管理员");
        }
        var now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        var tomorrow = Duration.between(now, today.plusDays(1).atStartOfDay(zone).toInstant());
        String tooSoon = "“" + step.label() + "”环节今天已经催办过，每个环节每天只能催办一次，请明天再试";
        if (urges.existsByDeclarationIdAndStepAndUrgedOn(id, step.code(), today)) {
            throw new UrgedTooSoonException(tooSoon, tomorrow);
        }
        try {
            urges.saveAndFlush(new ReviewUrge(id, step.code(), today, actor.username(), now));
        } catch (DataIntegrityViolationException raced) {
            throw new UrgedTooSoonException(tooSoon, tomorrow);
        }
        var names = reviewers.stream().map(u -> directory.actor(u).map(Actor::name).orElse(u)).toList();
        audit.record(new AuditEntry(id, actor.username(), actor.role().name(), declaration.department(),
                declaration.year(), AuditAction.URGED, step.code(), step.code(), declaration.revision(), null, null,
                "催办“" + step.label() + "”：" + String.join("、", names)));
        events.publishEvent(new ReviewUrged(id, step, actor.username(), reviewers));
        return new Urge(id, step.code(), step.label(), reviewers, names);
    }
}
