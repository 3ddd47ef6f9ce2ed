package cn.perftarget.validation;

import cn.perftarget.validation.rule.Findings;
import cn.perftarget.validation.structure.Messages;
import cn.perftarget.validation.rule.Rule;
import cn.perftarget.validation.rule.Rules;
import cn.perftarget.validation.structure.StructureWalker;
import cn.perftarget.validation.rule.Subject;
import cn.perftarget.validation.rule.Values;

import cn.perftarget.definition.FormDefinition;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks declaration documents against their form definition. The checks are driven by the definition
 * only, so a new template needs no code here.
 */
@Component
public class DocumentValidator {

    private static final Logger log = LoggerFactory.getLogger(DocumentValidator.class);

    // The definition's prefill section says which field was filled from the declaration's year.
    private static final String YEAR_SOURCE = "year";
    private static final String DEPARTMENT_SOURCE = "departmentName";

    private final RuleSets ruleSets;

    DocumentValidator(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    /**
     * Shape only, used when a draft is saved: unknown fields, wrong JSON types, strings too long, too many
     * items, numbers out of range or with too many decimals. Missing sections and blank values pass, so a
     * partial draft can always be saved.
     */
    public List<Finding> checkStructure(FormDefinition definition, JsonNode document) {
        return List.copyOf(StructureWalker.walk(ruleSets.of(definition).schema(), document, false));
    }

    /**
     * Full check used at submission: the structure, required fields and sections (present and not blank;
     * lists need at least one item), the document's year against the declaration's year
     * (rule {@code header.year-mismatch}), the document's department against the declaration's when the context
     * names it (rule {@code header.department-mismatch}), and every rule of the definition's {@code rules}.
     */
    public ValidationReport validate(FormDefinition definition, JsonNode document, ValidationContext context) {
        RuleSet ruleSet = ruleSets.of(definition);
        JsonNode schema = ruleSet.schema();
        Findings findings = new Findings();
        StructureWalker.walk(schema, document, true).forEach(findings::addError);
        if (document != null && document.isObject()) {
            yearMismatches(definition, schema, document, context.year()).forEach(findings::addError);
            departmentMismatches(definition, schema, document, context.departmentName()).forEach(findings::addError);
            Subject subject = new Subject(document, context, ruleSet.labels());
            for (Rule rule : ruleSet.rules()) {
                try {
                    rule.check(subject, findings);
                } catch (RuntimeException e) {
                    // A rule that cannot be evaluated must not let the form through unchecked.
                    log.warn("Rule {} of {} v{} failed", rule, definition.key(), definition.version(), e);
                    findings.addError(new Finding("", "rule.failed", "校验规则执行出错，请联系管理员：" + e.getMessage()));
                }
            }
        }
        return ValidationReport.of(findings.errors(), findings.warnings());
    }

    /**
     * The places of a document whose achieved value lies off its target beyond the share its template's
     * {@code deviation} rules allow, explained (偏差原因 filled) or not; empty for a template without such rules.
     */
    public List<Deviation> deviations(FormDefinition definition, JsonNode document, ValidationContext context) {
        RuleSet ruleSet = ruleSets.of(definition);
        if (document == null || !document.isObject()) {
            return List.of();
        }
        Subject subject = new Subject(document, context, ruleSet.labels());
        return ruleSet.rules().stream().filter(cn.perftarget.validation.values.DeviationRule.class::isInstance)
                .map(cn.perftarget.validation.values.DeviationRule.class::cast)
                .flatMap(rule -> rule.offTarget(subject).stream())
                .map(o -> new Deviation(o.pointer(), o.deviation(), o.explained())).toList();
    }

    private static List<Finding> yearMismatches(FormDefinition definition, JsonNode schema, JsonNode document, int year) {
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, JsonNode> prefill : definition.source().path("prefill").properties()) {
            if (!YEAR_SOURCE.equals(prefill.getValue().asText())) {
                continue;
            }
            JsonPointer pointer = JsonPointer.compile(prefill.getKey());
            JsonNode value = document.at(pointer);
            // A non-integer is already a structure.type error; reporting it twice would only add noise.
            if (value.isNumber() && value.canConvertToExactIntegral()
                    && value.decimalValue().compareTo(BigDecimal.valueOf(year)) != 0) {
                String label = labelAt(schema, pointer);
                findings.add(new Finding(prefill.getKey(), Rules.YEAR_MISMATCH,
                        Messages.yearMismatch(label, value.decimalValue(), year), Rules.HEADER_BASIS, null));
            }
        }
        return findings;
    }

    private static List<Finding> departmentMismatches(FormDefinition definition, JsonNode schema, JsonNode document,
                                                      String departmentName) {
        List<Finding> findings = new ArrayList<>();
        if (departmentName == null || departmentName.isBlank()) {
            return findings;
        }
        for (Map.Entry<String, JsonNode> prefill : definition.source().path("prefill").properties()) {
            if (!DEPARTMENT_SOURCE.equals(prefill.getValue().asText())) {
                continue;
            }
            JsonPointer pointer = JsonPointer.compile(prefill.getKey());
            String value = Values.text(document.at(pointer));
            // A blank one is structure.required; only a different name is this finding.
            if (value != null && !value.equals(departmentName.strip())) {
                findings.add(new Finding(prefill.getKey(), Rules.DEPARTMENT_MISMATCH,
                        Messages.departmentMismatch(labelAt(schema, pointer), value, departmentName.strip()),
                        Rules.HEADER_BASIS, null));
            }
        }
        return findings;
    }

    private static String labelAt(JsonNode schema, JsonPointer pointer) {
        JsonNode node = schema;
        for (JsonPointer p = pointer; !p.matches(); p = p.tail()) {
            node = node.path("fields").path(p.getMatchingProperty());
        }
        return node.path("label").asText(pointer.last().getMatchingProperty());
    }
}
