package cn.perftarget.declaration;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.identity.Actor;
import cn.perftarget.validation.DocumentValidator;

/**
 * Documents a 主管部门 or 财政 uploads for the departments it reviews: each creates that department's declaration
 * for the year, or saves a new revision of the one there is, with the same structure check and audit events as a
 * filer's save. One call, one transaction: one file's failure leaves the others alone.
 */
@Service
@Transactional
public class DeclarationImport {

    /** What became of one document. */
    public record Imported(DeclarationView declaration, boolean created) {
    }

    private final Declarations declarations;
    private final DocumentStore documents;
    private final FormDefinitions forms;
    private final DocumentValidator validator;
    private final ProcessRounds rounds;
    private final Views views;
    private final Journal journal;
    private final Clock clock;
    private final Access access;

    DeclarationImport(Declarations declarations, DocumentStore documents, FormDefinitions forms,
                      DocumentValidator validator, ProcessRounds rounds, Views views, Journal journal,
                      Clock clock, Access access) {
        this.access = access;
        this.declarations = declarations;
        this.documents = documents;
        this.forms = forms;
        this.validator = validator;
        this.rounds = rounds;
        this.views = views;
        this.journal = journal;
        this.clock = clock;
    }

    /** Whether the actor may upload declarations of this unit: a reviewer whose review scope holds it. */
    public boolean mayImportFor(Actor actor, String department) {
        return access.mayImportFor(actor, department);
    }

    /**
     * Creates or updates the department's declaration of {@code formKey} for {@code year} (for templates with a
     * {@code /header/projectName}, the one of that project) with this document.
     *
     * @throws ActionForbiddenException the actor does not review the department
     * @throws InvalidRequestException  the document does not fit the template's structure
     * @throws StatusConflictException  the declaration is in review or approved
     */
    public Imported importDocument(Actor actor, String department, String formKey, int year, JsonNode document) {
        if (!mayImportFor(actor, department)) {
            throw new ActionForbiddenException("只有该部门的主管部门审核人或财政审核人可以导入其申报表，当前用户为“"
                    + actor.role().label() + "”");
        }
        var definition = forms.latest(formKey).orElseThrow(() -> InvalidRequestException.of(
                "/formKey", "request.unknown-form", "表单“" + formKey + "”不存在"));
        var findings = validator.checkStructure(definition, document);
        if (!findings.isEmpty()) {
            throw InvalidRequestException.notOfStructure(definition.title(), findings);
        }
        var now = clock.instant();
        var existing = same(department, definition.key(), year, document);
        if (existing.size() > 1) {
            throw new StatusConflictException("部门已有 " + existing.size() + " 份 " + year + " 年度的该表，无法确定更新哪一份");
        }
        if (existing.size() == 1) {
            var declaration = declarations.lockById(existing.get(0).id()).orElseThrow();
            if (!declaration.status().isEditable()) {
                throw new StatusConflictException("申报表 " + declaration.id() + " 当前状态为“"
                        + declaration.status().label() + "”，不能导入修改");
            }
            declaration.documentSaved(now);
            documents.store(declaration, document, actor.username(), now);
            journal.record(actor, declaration, AuditAction.SAVED, declaration.status(), "Excel 批量导入");
            return new Imported(views.of(declaration, document), false);
        }
        var declaration = declarations.save(Declaration.open(definition.key(), definition.version(), department,
                year, actor.username(), now));
        documents.store(declaration, document, actor.username(), now);
        rounds.start(declaration, actor);
        journal.record(actor, declaration, AuditAction.CREATED, null, "Excel 批量导入");
        return new Imported(views.of(declaration, document), true);
    }

    private List<Declaration> same(String department, String formKey, int year, JsonNode document) {
        Specification<Declaration> spec = (root, query, cb) -> cb.and(cb.equal(root.get("department"), department),
                cb.equal(root.get("formKey"), formKey), cb.equal(root.get("budgetYear"), year));
        JsonNode project = document.at("/header/projectName");
        return declarations.findAll(spec).stream()
                .filter(d -> project.isMissingNode() || project.equals(documents.current(d).at("/header/projectName")))
                .toList();
    }
}
