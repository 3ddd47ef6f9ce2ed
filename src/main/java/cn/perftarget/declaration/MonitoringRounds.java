package cn.perftarget.declaration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.definition.FollowUpTemplate;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;

/**
 * Monitoring rounds (绩效运行监控轮次): 财政's 绩效科 opens one for a budget year and the months it covers, with the
 * last day its forms are due; every unit with an approved declaration of that year is asked (a 监控任务 message to
 * its filers, an audit event on the declaration). A monitoring form of that year and period is then due on that
 * day and overdue after it while it was never submitted. A filer may still start a monitoring form without a round.
 */
@Service
@Transactional(readOnly = true)
public class MonitoringRounds {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** How far a round has come in the caller's scope: approved declarations asked, forms started, submitted, approved. */
    public record Progress(long asked, long started, long submitted, long approved) {
    }

    /** A round; {@code deadline} is the end of {@code lastDay} in the deadlines' zone. */
    public record Round(long id, int year, String period, String periodLabel, LocalDate lastDay, Instant deadline,
                        String openedBy, String openedByName, Instant openedAt, boolean overdue, Progress progress) {
    }

    /** An approved declaration asked for a round's monitoring form that has none yet (未填报). */
    public record Awaited(long basedOn, String department, String departmentName, String period, String periodLabel,
                          LocalDate lastDay, boolean overdue) {
    }

    private final MonitoringRoundRepository rounds;
    private final Declarations declarations;
    private final Access access;
    private final Journal journal;
    private final Directory directory;
    private final DeadlineProperties properties;
    private final Clock clock;

    MonitoringRounds(MonitoringRoundRepository rounds, Declarations declarations, Access access, Journal journal,
                     Directory directory, DeadlineProperties properties, Clock clock) {
        this.rounds = rounds;
        this.declarations = declarations;
        this.access = access;
        this.journal = journal;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Opens a round: 403 unless the caller is a 财政审核人 who sees every unit (绩效科), 400 naming {@code period} or
     * {@code lastDay}, 409 when the year already has a round for these months.
     */
    @Transactional
    public Round open(Actor actor, int year, String period, LocalDate lastDay) {
        if (!mayOpen(actor)) {
            throw new ActionForbiddenException("开启运行监控须由可查看全部单位的财政审核人（绩效科）执行，当前用户为“"
                    + actor.role().label() + "”");
        }
        if (!FollowUpTemplate.isPeriod(period)) {
            throw InvalidRequestException.of("/period", "request.period", "period：“" + period
                    + "”不是监控期间，应为起止月份，如 01-07（1–7月），起月不晚于止月");
        }
        LocalDate periodEnd = YearMonth.of(year, Integer.parseInt(period.substring(3))).atEndOfMonth();
        if (!lastDay.isAfter(periodEnd)) {
            throw InvalidRequestException.of("/lastDay", "request.last-day", "lastDay：截止日期应在监控期间结束（"
                    + DAY.format(periodEnd) + "）之后");
        }
        var existing = rounds.find(year, period);
        if (existing.isPresent()) {
            throw new StatusConflictException(year + "年" + label(period) + "的运行监控已于此前开启，截止日期为"
                    + DAY.format(existing.get().lastDay()));
        }
        var round = rounds.save(new MonitoringRound(year, period, lastDay, actor.username(), clock.instant()));
        rounds.flush();
        Instant deadline = deadline(round);
        String details = "开启" + year + "年" + label(period) + "绩效运行监控，截止日期为" + DAY.format(lastDay);
        for (var base : declarations.findAll(approvedBases(DeclarationScope.ALL, year), Sort.by("department", "id"))) {
            journal.record(actor, base, AuditAction.MONITORING_REQUESTED, base.status(), details);
            journal.publish(new DeclarationEvent.MonitoringRequested(base.id(), year, period, deadline));
        }
        return view(round, access.scopeOf(actor));
    }

    /** Whether the caller may open a round: a 财政审核人 who sees every unit (绩效科). */
    public boolean mayOpen(Actor actor) {
        return access.performanceSection(actor);
    }

    /** The year's rounds, by period, with their progress in the caller's scope. */
    public List<Round> of(Actor actor, int year) {
        var scope = access.scopeOf(actor);
        return rounds.ofYear(year).stream().map(r -> view(r, scope)).toList();
    }

    /** The approved declarations in the caller's scope that a round of the year asked for and that have no form yet. */
    public List<Awaited> awaited(Actor actor, int year) {
        var scope = access.scopeOf(actor);
        var yearRounds = rounds.ofYear(year);
        if (yearRounds.isEmpty()) {
            return List.of();
        }
        Set<String> started = new HashSet<>();
        declarations.findAll(monitoringForms(scope, year, null)).forEach(f -> started.add(f.basedOn() + "/" + f.followUpPeriod()));
        var bases = declarations.findAll(approvedBases(scope, year), Sort.by("department", "id"));
        return yearRounds.stream().flatMap(r -> bases.stream().filter(b -> !started.contains(b.id() + "/" + r.period()))
                .map(b -> new Awaited(b.id(), b.department(), directory.departmentName(b.department()), r.period(),
                        label(r.period()), r.lastDay(), clock.instant().isAfter(deadline(r))))).toList();
    }

    /** When the monitoring form of this year and period is due: the end of its round's last day, if 财政 opened one. */
    Optional<Instant> deadline(int year, String period) {
        return rounds.find(year, period).map(this::deadline);
    }

    private Round view(MonitoringRound r, DeclarationScope scope) {
        var forms = monitoringForms(scope, r.budgetYear(), r.period());
        Specification<Declaration> submitted = (root, query, cb) -> cb.isNotNull(root.get("firstSubmittedAt"));
        Specification<Declaration> approved = (root, query, cb) -> cb.equal(root.get("status"), DeclarationStatus.APPROVED);
        var progress = new Progress(declarations.count(approvedBases(scope, r.budgetYear())), declarations.count(forms),
                declarations.count(forms.and(submitted)), declarations.count(forms.and(approved)));
        return new Round(r.id(), r.budgetYear(), r.period(), label(r.period()), r.lastDay(), deadline(r), r.openedBy(),
                directory.personName(r.openedBy()), r.openedAt(), clock.instant().isAfter(deadline(r)), progress);
    }

    private Instant deadline(MonitoringRound round) {
        return round.lastDay().plusDays(1).atStartOfDay(properties.zone()).toInstant();
    }

    /** The approved declarations (not follow-ups) of a year in a scope: the ones a round asks. */
    static Specification<Declaration> approvedBases(DeclarationScope scope, int year) {
        Specification<Declaration> base = (root, query, cb) -> cb.isNull(root.get("basedOn"));
        return Access.within(scope, DeclarationStatus.APPROVED, year).and(base);
    }

    private static Specification<Declaration> monitoringForms(DeclarationScope scope, int year, String period) {
        Specification<Declaration> monitoring = (root, query, cb) -> period == null
                ? cb.isNotNull(root.get("followUpPeriod")) : cb.equal(root.get("followUpPeriod"), period);
        return Access.within(scope, null, year).and(monitoring);
    }

    /** The months of a period for people: 01-07 → 1–7月. */
    public static String label(String period) {
        return Integer.parseInt(period.substring(0, 2)) + "–" + Integer.parseInt(period.substring(3)) + "月";
    }
}
