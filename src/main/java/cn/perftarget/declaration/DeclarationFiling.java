package cn.perftarget.declaration;

import java.time.Clock;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.definition.ReadOnlyFields;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;
import cn.perftarget.identity.Role;
import cn.perftarget.validation.DocumentValidator;
import cn.perftarget.validation.ValidationReport;
import cn.perftarget.validation.Scoring;

/** Filers' use cases that create and change a declaration's document. */
@Service
@Transactional
public class DeclarationFiling {

    private final Declarations declarations;
    private final DocumentStore documents;
    private final FormDefinitions forms;
    private final DocumentValidator validator;
    private final Access access;
    private final ProcessRounds rounds;
    private final ApprovalProcess process;
    private final Directory directory;
    private final Views views;
    private final Journal journal;
    private final SubmissionCheck check;
    private final Clock clock;
    private final LastYearCopy lastYear;
    private final DeclarationKeys keys;
    private final TransactionTemplate transactions;

    DeclarationFiling(Declarations declarations, DocumentStore documents, FormDefinitions forms,
                      DocumentValidator validator, Access access, ProcessRounds rounds, ApprovalProcess process, Directory directory,
                      Views views, Journal journal, SubmissionCheck check, Clock clock, LastYearCopy lastYear,
                      DeclarationKeys keys, PlatformTransactionManager transactionManager) {
        this.keys = keys;
        this.transactions = new TransactionTemplate(transactionManager);
        this.declarations = declarations;
        this.documents = documents;
        this.forms = forms;
        this.validator = validator;
        this.access = access;
        this.rounds = rounds;
        this.process = process;
        this.directory = directory;
        this.views = views;
        this.journal = journal;
        this.check = check;
        this.clock = clock;
        this.lastYear = lastYear;
    }

    /**
     * Opens a declaration for the filer's own department on the version of the form that serves its year; 409
     * naming the existing one when the form's uniqueness key (e.g. department + year) is taken, even by a
     * concurrent create.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public DeclarationView create(Actor actor, String formKey, int year) {
        return create(actor, formKey, year, null);
    }

    /**
     * As {@link #create(Actor, String, int)}; with {@code copyFrom}, the document starts from that earlier
     * declaration of the same department (goals, tasks, indicators; 预期 as last year's value; funds blank).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public DeclarationView create(Actor actor, String formKey, int year, Long copyFrom) {
        if (!actor.is(Role.FILER) || actor.department() == null) {
            throw new ActionForbiddenException("只有填报人可以新建申报表，当前用户角色为“" + actor.role().label() + "”");
        }
        if (directory.departmentCode(actor.department()).isEmpty()) {
            throw new ActionForbiddenException("单位“" + directory.departmentName(actor.department())
                    + "”已停用或不是填报单位，不能新建申报表");
        }
        if (!forms.exists(formKey)) {
            throw InvalidRequestException.of("/formKey", "request.unknown-form", "表单“" + formKey + "”不存在");
        }
        var definition = forms.forYear(formKey, year).orElseThrow(() -> InvalidRequestException.of(
                "/year", "request.no-form-version", "表单“" + formKey + "”没有适用于" + year + "年的版本"));
        var initial = definition.initialDocument(directory.departmentName(actor.department()), year);
        var document = copyFrom == null ? initial : lastYear.start(actor, copyFrom, definition, initial, year);
        String key = keys.keyOf(definition, actor.department(), year, document);
        try {
            return transactions.execute(tx -> open(actor, definition, year, document, key));
        } catch (DataIntegrityViolationException e) {
            if (key == null) {
                throw e;
            }
            throw keys.holder(definition, key, actor.department(), year, document).orElseThrow(() -> e);
        }
    }

    private DeclarationView open(Actor actor, FormDefinition definition, int year, ObjectNode document, String key) {
        keys.requireFree(definition, key, null, actor.department(), year, document);
        var now = clock.instant();
        var opened = Declaration.open(definition.key(), definition.version(), actor.department(), year,
                actor.username(), now);
        opened.identifyAs(key);
        var declaration = declarations.save(opened);
        documents.store(declaration, document, actor.username(), now);
        journal.record(actor, declaration, AuditAction.CREATED, null, null);
        rounds.start(declaration, actor);
        process.watchSubmissionDeadline(declaration.processRef(), actor);
        return views.of(declaration, document);
    }

    /** Saves a new revision of the document, if {@code ifMatch} names the current one. */
    public DeclarationView saveDocument(Actor actor, long id, String ifMatch, JsonNode document) {
        var declaration = access.ownedForUpdate(actor, id);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        if (!declaration.status().isEditable()) {
            throw new StatusConflictException("申报表当前状态为“" + declaration.status().label() + "”，不能修改");
        }
        EntityTags.require(ifMatch, declaration.revision());
        var definition = forms.find(declaration.formKey(), declaration.formVersion()).orElseThrow();
        var findings = validator.checkStructure(definition, document);
        if (!findings.isEmpty()) {
            throw InvalidRequestException.notOfStructure(definition.title(), findings);
        }
        requireReadOnlyKept(definition, declaration, document);
        if (document instanceof ObjectNode scored) {
            // Scores, total and grade are the template's to compute: whatever the client sent there is replaced.
            Scoring.apply(definition, scored);
        }
        if (definition.uniqueness().dependsOnDocument()) {
            reidentify(definition, declaration, document);
        }
        var now = clock.instant();
        declaration.documentSaved(now);
        documents.store(declaration, document, actor.username(), now);
        journal.record(actor, declaration, AuditAction.SAVED, declaration.status(), null);
        return views.of(declaration, document);
    }

    /** Targets copied from the approved declaration (a follow-up's read-only fields) stay as they were. */
    private void requireReadOnlyKept(FormDefinition definition, Declaration declaration, JsonNode document) {
        if (!ReadOnlyFields.any(definition)) {
            return;
        }
        var changed = ReadOnlyFields.changed(definition, documents.current(declaration), document);
        if (!changed.isEmpty()) {
            var findings = changed.stream().map(p -> new cn.perftarget.validation.Finding(p, "structure.read-only",
                    "“" + definition.placeOf(p) + "”由系统依据已批复的申报表填写，不能修改")).toList();
            throw new InvalidRequestException(findings.get(0).message()
                    + (findings.size() > 1 ? "（共 " + findings.size() + " 处）" : ""), findings);
        }
    }

    /** A project name (or another document value of the key) changed: it must not be another declaration's. */
    private void reidentify(FormDefinition definition, Declaration declaration, JsonNode document) {
        String key = keys.keyOf(definition, declaration.department(), declaration.year(), document);
        if (!Objects.equals(key, declaration.uniquenessKey())) {
            keys.requireFree(definition, key, declaration.id(), declaration.department(), declaration.year(), document);
            declaration.identifyAs(key);
            // A concurrent save that took the key just now fails here, inside the transaction, as a 409.
            declarations.flush();
        }
    }

    /** The validation report of the current revision; the document is not changed, the check is recorded. */
    public ValidationReport validate(Actor actor, long id) {
        var declaration = access.visible(actor, id);
        var report = check.report(declaration);
        journal.record(actor, declaration, AuditAction.VALIDATED, declaration.status(),
                (report.valid() ? "通过" : "未通过") + "：" + report.errors().size() + " 项错误，"
                        + report.warnings().size() + " 项警告");
        return report;
    }
}
