package cn.perftarget.declaration;

import java.util.ArrayList;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.identity.Directory;
import cn.perftarget.validation.DocumentValidator;
import cn.perftarget.validation.ValidationContext;
import cn.perftarget.validation.ValidationReport;

/** Validates a declaration's current revision against the form version it pinned. */
@Component
class SubmissionCheck {

    private final DocumentStore documents;
    private final FormDefinitions forms;
    private final DocumentValidator validator;
    private final Directory directory;
    private final ObjectProvider<RevisionFiles> files;

    SubmissionCheck(DocumentStore documents, FormDefinitions forms,
                    DocumentValidator validator, Directory directory, ObjectProvider<RevisionFiles> files) {
        this.files = files;
        this.documents = documents;
        this.forms = forms;
        this.validator = validator;
        this.directory = directory;
    }

    /** What a submission found: the document it read, its report, and the facts the process routes on. */
    record Checked(JsonNode document, ValidationReport report, Map<String, Object> routingFacts) {
    }

    /**
     * Validates the current revision and reads, from the same read of the document, the facts the process routes
     * on: the total budget in 万元 where the template says it is (blank reads as 0) and whether the template always
     * wants an expert review.
     */
    Checked check(Declaration declaration) {
        var definition = definition(declaration);
        var document = documents.current(declaration);
        var report = withFiles(definition, declaration, validator.validate(definition, document, context(declaration)));
        var routing = definition.routing();
        var budget = document.at(routing.path("totalBudget").asText("/missing"));
        return new Checked(document, report, Map.of(
                "totalBudget", budget.isNumber() ? budget.doubleValue() : 0.0,
                "templateRequiresExpert", routing.path("expertReview").asBoolean(false)));
    }

    ValidationReport report(Declaration declaration) {
        var definition = definition(declaration);
        return withFiles(definition, declaration,
                validator.validate(definition, documents.current(declaration), context(declaration)));
    }

    /** The current revision's values off their targets, as the template's deviation rules measure them. */
    java.util.List<cn.perftarget.validation.Deviation> deviations(Declaration declaration) {
        return validator.deviations(definition(declaration), documents.current(declaration), context(declaration));
    }

    // The files of the revision are part of what is submitted: a kind the template requires and nobody attached is
    // an error like a missing field, after the document's own findings.
    private ValidationReport withFiles(FormDefinition definition, Declaration declaration, ValidationReport report) {
        var errors = new ArrayList<>(report.errors());
        files.orderedStream().forEach(f -> errors.addAll(f.findings(definition, declaration.id(), declaration.revision())));
        return errors.size() == report.errors().size() ? report : ValidationReport.of(errors, report.warnings());
    }

    // The department's name as the directory knows it now: the one a new declaration's document was filled with.
    private ValidationContext context(Declaration declaration) {
        return new ValidationContext(declaration.year(), directory.departmentName(declaration.department()));
    }

    private FormDefinition definition(Declaration declaration) {
        return forms.find(declaration.formKey(), declaration.formVersion())
                .orElseThrow(() -> new IllegalStateException(
                        "表单定义 " + declaration.formKey() + " v" + declaration.formVersion() + " 已不存在，但申报表 "
                                + declaration.id() + " 仍在使用它"));
    }
}
