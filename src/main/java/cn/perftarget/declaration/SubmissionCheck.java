package cn.perftarget.declaration;

import org.springframework.stereotype.Component;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;
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

    SubmissionCheck(Declarations declarations, DocumentStore documents, FormDefinitions forms,
                    DocumentValidator validator) {
        this.declarations = declarations;
        this.documents = documents;
        this.forms = forms;
        this.validator = validator;
    }

    /** Whether the declaration's current revision has no validation errors. */
    public boolean passes(long declarationId) {
        var declaration = declarations.findById(declarationId)
                .orElseThrow(() -> new DeclarationNotFoundException(declarationId));
        return report(declaration).valid();
    }

    ValidationReport report(Declaration declaration) {
        return validator.validate(definition(declaration), documents.current(declaration),
                new ValidationContext(declaration.year()));
    }

    /**
     * The facts the process routes on, read from the current revision where the template says they are: the
     * total budget in 万元 (blank reads as 0) and whether the template always wants an expert review.
     */
    public RoutingFacts routingFacts(long declarationId) {
        var declaration = declarations.findById(declarationId)
                .orElseThrow(() -> new DeclarationNotFoundException(declarationId));
        var routing = definition(declaration).routing();
        var budget = documents.current(declaration).at(routing.path("totalBudget").asText("/missing"));
        return new RoutingFacts(budget.isNumber() ? budget.doubleValue() : 0.0,
                routing.path("expertReview").asBoolean(false));
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
