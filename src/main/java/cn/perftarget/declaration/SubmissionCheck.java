package cn.perftarget.declaration;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.identity.Directory;
import cn.perftarget.validation.DocumentValidator;
import cn.perftarget.validation.ValidationContext;
import cn.perftarget.validation.ValidationReport;

/** Validates a declaration's current revision against the form version it pinned. */
@Component
public class SubmissionCheck {

    private final Declarations declarations;
    private final DocumentStore documents;
    private final FormDefinitions forms;
    private final DocumentValidator validator;
    private final Directory directory;

    SubmissionCheck(Declarations declarations, DocumentStore documents, FormDefinitions forms,
                    DocumentValidator validator, Directory directory) {
        this.declarations = declarations;
        this.documents = documents;
        this.forms = forms;
        this.validator = validator;
        this.directory = directory;
    }

    /**
     * Validates the current revision and reads the facts the process routes on, from one read of the document:
     * the total budget in 万元 where the template says it is (blank reads as 0) and whether the template always
     * wants an expert review.
     */
    public Result check(long declarationId) {
        var declaration = declarations.findById(declarationId)
                .orElseThrow(() -> new DeclarationNotFoundException(declarationId));
        var definition = definition(declaration);
        var document = documents.current(declaration);
        var report = validator.validate(definition, document, context(declaration));
        remember(new Checked(declaration.id(), declaration.revision(), document, report));
        var routing = definition.routing();
        var budget = document.at(routing.path("totalBudget").asText("/missing"));
        return new Result(report.valid(), new RoutingFacts(budget.isNumber() ? budget.doubleValue() : 0.0,
                routing.path("expertReview").asBoolean(false)));
    }

    /** Whether the current revision passed, and what the process routes on. */
    public record Result(boolean valid, RoutingFacts facts) {
    }

    ValidationReport report(Declaration declaration) {
        var checked = checkedInThisTransaction(declaration);
        return checked != null ? checked.report()
                : validator.validate(definition(declaration), documents.current(declaration), context(declaration));
    }

    /** The current revision's document, as the process's check read it in this transaction if it did. */
    JsonNode document(Declaration declaration) {
        var checked = checkedInThisTransaction(declaration);
        return checked != null ? checked.document() : documents.current(declaration);
    }

    /**
     * A submission validates in the process (Task_ValidateDeclaration) and then answers with the report: the same
     * revision of the same declaration in the same transaction, and a saved revision never changes, so the answer
     * reuses that validation and its read of the document instead of doing both again. Kept for the transaction only.
     */
    private record Checked(long declarationId, int revision, JsonNode document, ValidationReport report) {
    }

    private void remember(Checked checked) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        if (TransactionSynchronizationManager.getResource(this) == null) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SubmissionCheck.this);
                }
            });
        } else {
            TransactionSynchronizationManager.unbindResource(this);
        }
        TransactionSynchronizationManager.bindResource(this, checked);
    }

    private Checked checkedInThisTransaction(Declaration declaration) {
        if (TransactionSynchronizationManager.getResource(this) instanceof Checked checked
                && checked.declarationId() == declaration.id() && checked.revision() == declaration.revision()) {
            return checked;
        }
        return null;
    }

    // The department's name as the directory knows it now: the one a new declaration's document was filled with.
    private ValidationContext context(Declaration declaration) {
        return new ValidationContext(declaration.year(), directory.departmentName(declaration.department()));
    }

    /** What the approval process routes on. */
    public record RoutingFacts(double totalBudget, boolean templateRequiresExpert) {
    }

    private FormDefinition definition(Declaration declaration) {
        return forms.find(declaration.formKey(), declaration.formVersion())
                .orElseThrow(() -> new IllegalStateException(
                        "表单定义 " + declaration.formKey() + " v" + declaration.formVersion() + " 已不存在，但申报表 "
                                + declaration.id() + " 仍在使用它"));
    }
}
