package cn.perftarget.declaration;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;
import cn.perftarget.identity.Role;
import cn.perftarget.validation.Scoring;

/**
 * 财政复核 of self-evaluations (抽查复核): the 绩效科 draws one sample per budget year from its approved self-evaluations,
 * a share of them chosen at random with a recorded seed (the draw can be repeated from it); each drawn one is told
 * (an audit event, a message to its unit's filers), and the 绩效科 records a 复核 score, which the template's grade
 * thresholds turn into a grade, next to the self-evaluated one.
 */
@Service
@Transactional(readOnly = true)
public class SelfEvaluationRechecks {

    private static final Set<Role> READERS = Set.of(Role.FINANCE_REVIEWER, Role.AUDITOR, Role.ADMIN);

    /** A drawn self-evaluation: its own score and grade, and the 复核 once recorded (null before). */
    public record Item(long declarationId, String department, String departmentName, BigDecimal selfScore,
                       String selfGrade, BigDecimal score, String grade, String comment, String recheckedBy,
                       String recheckedByName, Instant recheckedAt) {

        /** 复核 minus 自评, once rechecked: how far 财政 found the self-evaluation off. */
        public BigDecimal difference() {
            return score == null || selfScore == null ? null : score.subtract(selfScore);
        }
    }

    /** The year's sample; {@code items} only those in the caller's scope. */
    public record Sample(int year, int share, long seed, int population, String drawnBy, String drawnByName,
                         Instant drawnAt, List<Item> items) {
    }

    private final RecheckSampleRepository samples;
    private final RecheckRepository rechecks;
    private final Declarations declarations;
    private final DocumentStore documents;
    private final FormDefinitions forms;
    private final Access access;
    private final Journal journal;
    private final Directory directory;
    private final Clock clock;
    private final LocalTimes times;

    SelfEvaluationRechecks(RecheckSampleRepository samples, RecheckRepository rechecks, Declarations declarations,
                           DocumentStore documents, FormDefinitions forms, Access access, Journal journal,
                           Directory directory, Clock clock, LocalTimes times) {
        this.times = times;
        this.samples = samples;
        this.rechecks = rechecks;
        this.declarations = declarations;
        this.documents = documents;
        this.forms = forms;
        this.access = access;
        this.journal = journal;
        this.directory = directory;
        this.clock = clock;
    }

    /** Draws the year's sample: 403 unless 绩效科, 409 when drawn already or when nothing is there to draw from. */
    @Transactional
    public Sample draw(Actor actor, int year, int sharePercent) {
        requirePerformanceSection(actor);
        samples.ofYear(year).ifPresent(s -> {
            throw new StatusConflictException(year + "年度的财政复核样本已于 " + times.minutes(s.drawnAt()) + " 抽取，每个年度只抽取一次");
        });
        var population = declarations.findAll(approvedSelfEvaluations(year), Sort.by("id")).stream()
                .filter(d -> forms.find(d.formKey(), d.formVersion()).map(Scoring::scores).orElse(false)).toList();
        if (population.isEmpty()) {
            throw new StatusConflictException(year + "年度还没有已批复的绩效自评表，无从抽取");
        }
        long seed = new SecureRandom().nextLong();
        int count = Math.max(1, (population.size() * sharePercent + 99) / 100);
        var drawn = new ArrayList<>(population);
        Collections.shuffle(drawn, new Random(seed));
        var chosen = drawn.subList(0, count).stream().sorted(Comparator.comparing(Declaration::id)).toList();
        var sample = samples.save(new RecheckSample(year, sharePercent, seed, population.size(), actor.username(),
                clock.instant()));
        samples.flush();
        String details = "抽中" + year + "年度绩效自评财政复核（抽样比例 " + sharePercent + "%，" + population.size()
                + " 份中抽取 " + count + " 份）";
        for (var declaration : chosen) {
            rechecks.save(new Recheck(declaration.id(), sample.id()));
            journal.record(actor, declaration, AuditAction.RECHECK_DRAWN, declaration.status(), details);
            journal.publish(new DeclarationEvent.RecheckDrawn(declaration.id(), year));
        }
        return view(actor, sample);
    }

    /** The year's sample for 财政, 审计 and 管理员 (403 for others), its items in the caller's scope. */
    public Optional<Sample> of(Actor actor, int year) {
        if (!READERS.contains(actor.role())) {
            throw new ActionForbiddenException("财政复核样本只对财政、审计和管理员开放，当前用户角色为“" + actor.role().label() + "”");
        }
        return samples.ofYear(year).map(s -> view(actor, s));
    }

    /** Records (or corrects) the 复核 score of a drawn self-evaluation: 403 unless 绩效科, 404 when not drawn. */
    @Transactional
    public Item record(Actor actor, int year, long declarationId, BigDecimal score, String comment) {
        requirePerformanceSection(actor);
        var sample = samples.ofYear(year).orElseThrow(() -> new DeclarationNotFoundException(year + "年度尚未抽取财政复核样本"));
        var recheck = rechecks.findById(declarationId).filter(r -> r.sampleId().equals(sample.id()))
                .orElseThrow(() -> new DeclarationNotFoundException("申报表 " + declarationId + " 不在" + year + "年度的财政复核样本中"));
        var declaration = declarations.findById(declarationId).orElseThrow(() -> new DeclarationNotFoundException(declarationId));
        var definition = forms.find(declaration.formKey(), declaration.formVersion()).orElseThrow();
        String grade = Scoring.gradeOf(definition, score).orElseThrow();
        recheck.recorded(score, grade, comment, actor.username(), clock.instant());
        rechecks.save(recheck);
        var item = item(declaration, recheck);
        journal.record(actor, declaration, AuditAction.RECHECKED, declaration.status(), "财政复核得分 "
                + score.toPlainString() + "（" + grade + "），自评得分 " + item.selfScore().toPlainString() + "（"
                + item.selfGrade() + "）" + (comment == null || comment.isBlank() ? "" : "：" + comment));
        return item;
    }

    /** Whether the caller draws the sample and records 复核 scores (the 绩效科). */
    public boolean mayRecheck(Actor actor) {
        return access.performanceSection(actor);
    }

    private void requirePerformanceSection(Actor actor) {
        if (!access.performanceSection(actor)) {
            throw new ActionForbiddenException("财政复核须由可查看全部单位的财政审核人（绩效科）执行，当前用户为“"
                    + actor.role().label() + "”");
        }
    }

    private Sample view(Actor actor, RecheckSample sample) {
        var scope = access.scopeOf(actor);
        var items = new ArrayList<Item>();
        for (var recheck : rechecks.ofSample(sample.id())) {
            var declaration = declarations.findById(recheck.declarationId()).orElseThrow();
            if (scope.covers(declaration.department(), null, Set.of())) {
                items.add(item(declaration, recheck));
            }
        }
        return new Sample(sample.budgetYear(), sample.sharePercent(), sample.seed(), sample.population(),
                sample.drawnBy(), directory.personName(sample.drawnBy()), sample.drawnAt(), items);
    }

    private Item item(Declaration declaration, Recheck recheck) {
        var definition = forms.find(declaration.formKey(), declaration.formVersion()).orElseThrow();
        var self = Scoring.score(definition, documents.current(declaration)).orElseThrow();
        return new Item(declaration.id(), declaration.department(), directory.departmentName(declaration.department()),
                self.total(), self.grade(), recheck.score(), recheck.grade(), recheck.comment(), recheck.recheckedBy(),
                recheck.recheckedBy() == null ? null : directory.personName(recheck.recheckedBy()), recheck.recheckedAt());
    }

    private static Specification<Declaration> approvedSelfEvaluations(int year) {
        Specification<Declaration> selfEvaluation = (root, query, cb) -> cb.and(cb.isNotNull(root.get("basedOn")),
                cb.isNull(root.get("followUpPeriod")));
        return Access.within(DeclarationScope.ALL, DeclarationStatus.APPROVED, year).and(selfEvaluation);
    }
}
