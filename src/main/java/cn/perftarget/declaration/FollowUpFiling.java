package cn.perftarget.declaration;

import java.time.Clock;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.definition.FollowUpTemplate;
import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;
import cn.perftarget.identity.Role;
import cn.perftarget.validation.Scoring;

/**
 * Opens a follow-up (绩效运行监控, 绩效自评) of an approved declaration: a declaration of its own, on its own template
 * and process, for the base's department and year, its document prefilled from the approved revision (targets
 * read-only). Nothing else has to happen first: the filer calls it on an approved declaration of their unit.
 */
@Service
public class FollowUpFiling {

    private final Declarations declarations;
    private final DocumentStore documents;
    private final FormDefinitions forms;
    private final Access access;
    private final ProcessRounds rounds;
    private final Directory directory;
    private final Views views;
    private final Journal journal;
    private final Clock clock;
    private final DeclarationKeys keys;
    private final TransactionTemplate transactions;

    FollowUpFiling(Declarations declarations, DocumentStore documents, FormDefinitions forms, Access access,
                   ProcessRounds rounds, Directory directory, Views views, Journal journal, Clock clock,
                   DeclarationKeys keys, PlatformTransactionManager transactionManager) {
        this.declarations = declarations;
        this.documents = documents;
        this.forms = forms;
        this.access = access;
        this.rounds = rounds;
        this.directory = directory;
        this.views = views;
        this.journal = journal;
        this.clock = clock;
        this.keys = keys;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * 400 naming {@code formKey} or {@code period} when they do not fit, 404 when the base is not the filer's to
     * see, 409 naming {@code basedOn} when it is not approved, 409 naming the existing follow-up of the same base
     * (and period).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public DeclarationView create(Actor actor, String formKey, long basedOn, String period) {
        if (!actor.is(Role.FILER) || actor.department() == null) {
            throw new ActionForbiddenException("只有填报人可以新建跟踪表，当前用户角色为“" + actor.role().label() + "”");
        }
        if (!forms.exists(formKey)) {
            throw InvalidRequestException.of("/formKey", "request.unknown-form", "表单“" + formKey + "”不存在");
        }
        Declaration base;
        try {
            base = access.visible(actor, basedOn);
        } catch (DeclarationNotFoundException e) {
            throw new DeclarationNotFoundException("basedOn：申报表 " + basedOn + " 不存在或无权查看");
        }
        if (!actor.belongsTo(base.department())) {
            throw new DeclarationNotFoundException("basedOn：申报表 " + basedOn + " 不存在或不属于本单位");
        }
        var definition = forms.forYear(formKey, base.year()).orElseThrow(() -> InvalidRequestException.of(
                "/formKey", "request.no-form-version", "表单“" + formKey + "”没有适用于" + base.year() + "年的版本"));
        var template = FollowUpTemplate.of(definition).orElseThrow(() -> InvalidRequestException.of("/formKey",
                "request.not-follow-up", "表单“" + formKey + "”不是批复后的跟踪表（绩效运行监控、绩效自评），不能带 basedOn"));
        if (!template.follows(base.formKey())) {
            throw InvalidRequestException.of("/formKey", "request.follow-up-form", "表单“" + definition.title()
                    + "”只能跟踪" + String.join("、", template.bases()) + "，申报表 " + basedOn + " 的表单为“"
                    + base.formKey() + "”");
        }
        requirePeriod(template, definition, period);
        if (!base.status().equals(DeclarationStatus.APPROVED) || base.approvedRevision() == null) {
            throw new StatusConflictException("basedOn：申报表 " + basedOn + " 当前状态为“" + base.status().label()
                    + "”，批复后才能新建“" + definition.title() + "”");
        }
        var approved = documents.read(documents.find(base, base.approvedRevision()));
        var initial = definition.initialDocument(directory.departmentName(base.department()), base.year());
        ObjectNode document = template.initialDocument(initial, base.id(), period, approved);
        Scoring.apply(definition, document);
        String key = keys.keyOf(definition, base.department(), base.year(), document);
        try {
            return transactions.execute(tx -> open(actor, definition, base, period, document, key));
        } catch (DataIntegrityViolationException e) {
            if (key == null) {
                throw e;
            }
            throw keys.holder(definition, key, base.department(), base.year(), document).orElseThrow(() -> e);
        }
    }

    private static void requirePeriod(FollowUpTemplate template, FormDefinition definition, String period) {
        if (template.hasPeriod() && !FollowUpTemplate.isPeriod(period)) {
            throw InvalidRequestException.of("/period", "request.period", period == null
                    ? "period：“" + definition.title() + "”须写明监控期间（起止月份，如 01-07 即1–7月）"
                    : "period：“" + period + "”不是监控期间，应为起止月份，如 01-07（1–7月），起月不晚于止月");
        }
        if (!template.hasPeriod() && period != null) {
            throw InvalidRequestException.of("/period", "request.period", "period：“" + definition.title()
                    + "”按全年填报，不能带监控期间");
        }
    }

    private DeclarationView open(Actor actor, FormDefinition definition, Declaration base, String period,
                                 ObjectNode document, String key) {
        keys.requireFree(definition, key, null, base.department(), base.year(), document);
        var now = clock.instant();
        var opened = Declaration.open(definition.key(), definition.version(), base.department(), base.year(),
                actor.username(), now);
        opened.identifyAs(key);
        opened.markFollowUpOf(base.id(), period);
        var declaration = declarations.save(opened);
        documents.store(declaration, document, actor.username(), now);
        journal.record(actor, declaration, AuditAction.CREATED, null, "依据已批复的申报表 " + base.id()
                + (period == null ? "" : "，监控期间 " + period));
        rounds.start(declaration, actor);
        return views.of(declaration, document);
    }
}
