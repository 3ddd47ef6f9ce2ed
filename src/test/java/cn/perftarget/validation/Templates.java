package cn.perftarget.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.definition.FormsProperties;

/** Every packaged definition version with its sample, validated by the real validator; findings as "path rule" lines. */
final class Templates {

    static final FormDefinitions REGISTRY = new FormDefinitions(new FormsProperties(null), List.of());
    static final FormDefinition DEPT_V1 = REGISTRY.find("dept-overall", 1).orElseThrow();
    static final FormDefinition DEPT_V2 = REGISTRY.find("dept-overall", 2).orElseThrow();
    static final FormDefinition PROJECT_V1 = REGISTRY.find("project-expenditure", 1).orElseThrow();

    private static final DocumentValidator VALIDATOR = new DocumentValidator(new RuleSets());

    private Templates() {
    }

    static ValidationReport validate(FormDefinition definition, JsonNode document, int year) {
        return VALIDATOR.validate(definition, document, new ValidationContext(year));
    }

    static ValidationReport validate(FormDefinition definition, JsonNode document, ValidationContext context) {
        return VALIDATOR.validate(definition, document, context);
    }

    /** Errors and warnings, each as "path rule", errors first. */
    static List<String> findings(ValidationReport report) {
        return Stream.concat(report.errors().stream(), report.warnings().stream())
                .map(f -> f.path() + " " + f.rule()).toList();
    }

    static List<String> warnings(ValidationReport report) {
        return report.warnings().stream().map(f -> f.path() + " " + f.rule()).toList();
    }

    static ObjectNode resource(String path) {
        try (InputStream in = Templates.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return (ObjectNode) DeptOverall.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 2021 project sample (valid for project-expenditure v1, year 2021). */
    static ObjectNode projectSample() {
        return resource("/forms/samples/project-expenditure-2021-sample.json");
    }

    /** The 2022 dept-overall sample (valid for dept-overall v2, year 2022). */
    static ObjectNode deptV2Sample() {
        return resource("/forms/samples/dept-overall-2022-sample.json");
    }

    static ObjectNode with(ObjectNode document, String pointer, String value) {
        JsonPointer p = JsonPointer.compile(pointer);
        ((ObjectNode) document.at(p.head())).put(p.last().getMatchingProperty(), value);
        return document;
    }
}
