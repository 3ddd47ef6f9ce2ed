package cn.perftarget.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;

/**
 * The OpenAPI description at /v3/api-docs, as an integrator reads it. Runs after the other test classes
 * (junit-platform.properties orders classes by @Order) so that every status the API tests saw through {@link Api}
 * must be documented for its operation; a new status in a test without documentation fails here.
 */
@ApplicationTest
@Order(Integer.MAX_VALUE)
class OpenApiSpecTest {

    private static final Set<String> TAGS = Set.of("申报", "审核", "审计", "表单", "管理", "消息");

    /** What the contracts (docs/contracts.md) promise, so the check holds even when this class runs alone. */
    private static final List<Api.Exchange> CONTRACT = List.of(
            new Api.Exchange("POST", "/api/declarations", 201), new Api.Exchange("POST", "/api/declarations", 409),
            new Api.Exchange("GET", "/api/declarations/1", 404),
            new Api.Exchange("PUT", "/api/declarations/1/document", 412),
            new Api.Exchange("PUT", "/api/declarations/1/document", 428),
            new Api.Exchange("PUT", "/api/declarations/1/document", 409),
            new Api.Exchange("POST", "/api/declarations/1/submission", 422),
            new Api.Exchange("POST", "/api/declarations/1/withdrawal", 409),
            new Api.Exchange("POST", "/api/declarations/1/decision", 400),
            new Api.Exchange("POST", "/api/declarations/1/decision", 403),
            new Api.Exchange("POST", "/api/declarations/1/decision", 409),
            new Api.Exchange("GET", "/api/audit/events", 403), new Api.Exchange("GET", "/api/forms/x/schema", 404),
            new Api.Exchange("GET", "/api/messages", 200), new Api.Exchange("GET", "/api/messages", 400),
            new Api.Exchange("POST", "/api/messages/1/read", 404), new Api.Exchange("POST", "/api/messages/read-all", 200),
            new Api.Exchange("POST", "/api/declarations/1/copies", 400),
            new Api.Exchange("POST", "/api/declarations/1/copies", 403),
            new Api.Exchange("POST", "/api/declarations/1/urge", 429));

    @Autowired
    Api api;

    private JsonNode spec;

    @BeforeEach
    void readSpec() {
        var response = api.anonymous(HttpMethod.GET, "/v3/api-docs");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        spec = response.body();
    }

    private void eachOperation(BiConsumer<String, JsonNode> check) {
        spec.path("paths").properties().forEach(path -> path.getValue().properties().forEach(
                op -> check.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue())));
    }

    @Test
    void infoHasTheChineseTitleTheBuildVersionAndADescription() {
        assertThat(spec.at("/info/title").asText()).isEqualTo("PerfTarget 绩效目标申报流程引擎 API");
        assertThat(spec.at("/info/version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(spec.at("/info/description").asText()).contains("绩效目标申报表", "application/problem+json");
        assertThat(spec.path("tags")).extracting(t -> t.path("name").asText()).containsExactlyInAnyOrderElementsOf(TAGS);
        assertThat(api.anonymous(HttpMethod.GET, "/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void everyOperationHasASummaryADescriptionAndOneCapabilityTag() {
        var operations = new ArrayList<String>();
        eachOperation((name, op) -> {
            operations.add(name);
            assertThat(op.path("summary").asText()).as(name).isNotBlank();
            assertThat(op.path("description").asText()).as(name).isNotBlank();
            assertThat(op.path("tags")).as(name).hasSize(1);
            assertThat(TAGS).as(name).contains(op.path("tags").get(0).asText());
        });
        assertThat(operations).hasSizeGreaterThanOrEqualTo(22).contains("GET /api/forms/{key}/schema");
    }

    @Test
    void noOperationTakesTheAuthenticatedActorAsAParameter() {
        eachOperation((name, op) -> op.path("parameters").forEach(parameter -> {
            assertThat(parameter.at("/schema/$ref").isMissingNode()).as(name + " " + parameter).isTrue();
            assertThat(parameter.at("/schema/type").asText()).as(name + " " + parameter).isNotEqualTo("object");
            if (parameter.path("name").asText().equals("actor")) {
                // The audit search filters by the username of whoever acted; that one is a plain optional string.
                assertThat(name).isEqualTo("GET /api/audit/events");
                assertThat(parameter.path("required").asBoolean(false)).isFalse();
                assertThat(parameter.at("/schema/type").asText()).isEqualTo("string");
            }
        }));
    }

    @Test
    void everyErrorResponseIsProblemJsonWithAnExample() {
        eachOperation((name, op) -> {
            assertThat(op.path("responses").has("401")).as(name).isTrue();
            op.path("responses").properties().forEach(response -> {
                if (response.getKey().compareTo("400") >= 0) {
                    var media = response.getValue().at("/content/application~1problem+json");
                    assertThat(media.at("/schema/$ref").asText()).as(name + " " + response.getKey())
                            .isEqualTo("#/components/schemas/ProblemDetail");
                    assertThat(media.path("examples").size()).as(name + " " + response.getKey()).isPositive();
                }
            });
        });
        var problem = spec.at("/components/schemas/ProblemDetail/properties");
        assertThat(problem.properties()).extracting(Map.Entry::getKey)
                .contains("type", "title", "status", "detail", "errors", "valid", "warnings", "currentRevision");
    }

    @Test
    void basicAndSessionAreTheSecuritySchemes() {
        assertThat(spec.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(spec.at("/components/securitySchemes/session/in").asText()).isEqualTo("cookie");
        assertThat(spec.path("security")).extracting(s -> s.properties().iterator().next().getKey())
                .containsExactlyInAnyOrder("basicAuth", "session");
    }

    @Test
    void theDocumentIsShownAsTheTemplatesJsonSchema() {
        var body = spec.at("/paths/~1api~1declarations~1{id}~1document/put/requestBody/content/application~1json/schema");
        assertThat(body.path("$ref").asText()).isEqualTo("#/components/schemas/Document");
        var document = spec.at("/components/schemas/Document");
        assertThat(document.path("description").asText()).contains("/api/forms/{formKey}/schema");
        // One branch per template: the shipped ones and the test templates (example review chains, a required 附件).
        assertThat(document.path("anyOf")).extracting(s -> s.path("$ref").asText()).containsExactlyInAnyOrder(
                "#/components/schemas/Document-dept-overall", "#/components/schemas/Document-project-expenditure",
                "#/components/schemas/Document-monitoring", "#/components/schemas/Document-self-evaluation",
                "#/components/schemas/Document-chain-test", "#/components/schemas/Document-four-level-test",
                "#/components/schemas/Document-panel-test", "#/components/schemas/Document-attachment-test");
        var deptOverall = spec.at("/components/schemas/Document-dept-overall");
        assertThat(deptOverall.at("/properties/header/properties/phone/maxLength").asInt()).isEqualTo(30);
        assertThat(deptOverall.path("additionalProperties").asBoolean(true)).isFalse();
        // Beside its formKey the document is exactly one template's: a oneOf discriminated by formKey.
        var view = spec.at("/components/schemas/DeclarationView");
        assertThat(view.at("/discriminator/propertyName").asText()).isEqualTo("formKey");
        assertThat(view.path("oneOf")).extracting(s -> s.path("$ref").asText()).containsExactlyInAnyOrder(
                "#/components/schemas/DeclarationView-dept-overall",
                "#/components/schemas/DeclarationView-project-expenditure",
                "#/components/schemas/DeclarationView-monitoring", "#/components/schemas/DeclarationView-self-evaluation",
                // the test templates that name the example review chains
                "#/components/schemas/DeclarationView-chain-test", "#/components/schemas/DeclarationView-four-level-test",
                "#/components/schemas/DeclarationView-panel-test", "#/components/schemas/DeclarationView-attachment-test");
        var deptView = spec.at("/components/schemas/DeclarationView-dept-overall");
        assertThat(deptView.at("/properties/formKey/const").asText()).isEqualTo("dept-overall");
        assertThat(deptView.at("/properties/document/$ref").asText())
                .isEqualTo("#/components/schemas/Document-dept-overall");
    }

    @Test
    void everyStatusTheApiTestsObserveIsDocumentedForItsOperation() {
        var operations = new ArrayList<Pattern>();
        var templates = new ArrayList<String>();
        spec.path("paths").properties().forEach(path -> {
            templates.add(path.getKey());
            operations.add(Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+")));
        });
        var seen = new HashSet<>(Api.observed());
        seen.addAll(CONTRACT);
        var undocumented = new TreeSet<String>();
        int checked = 0;
        for (var exchange : seen) {
            Optional<String> template = templateOf(exchange.path(), templates, operations);
            var operation = template.map(t -> spec.path("paths").path(t).path(exchange.method().toLowerCase()));
            if (operation.isEmpty() || operation.get().isMissingNode()) {
                continue; // no such operation (unknown path, 405): nothing to document
            }
            checked++;
            if (!operation.get().path("responses").has(Integer.toString(exchange.status()))) {
                undocumented.add(exchange.method() + " " + template.get() + " " + exchange.status());
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(CONTRACT.size());
        assertThat(undocumented).isEmpty();
    }

    /** Every request and response of the suite so far was held to the description (ApiContract); none broke it. */
    @Test
    void everyExchangeOfTheSuiteKeptToTheDescription() {
        var created = api.as("filer1").post("/api/declarations", java.util.Map.of("formKey", "dept-overall", "year", 2025));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(cn.perftarget.contract.ApiContract.broken()).isEmpty();
    }

    @Test
    void aNewDeclarationLinksToWhatIsDoneWithItNext() {
        var links = spec.at("/paths/~1api~1declarations/post/responses/201/links");
        assertThat(links.properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("GetDeclaration", "SaveDocument", "Submit", "Decide");
        links.forEach(link -> assertThat(link.at("/parameters/id").asText()).isEqualTo("$response.body#/id"));
        assertThat(spec.at("/components/schemas/ProblemDetail/properties/instance/format").asText())
                .isEqualTo("uri-reference");
    }

    /** The most specific template (fewest variables) that matches the path. */
    private static Optional<String> templateOf(String path, List<String> templates, List<Pattern> patterns) {
        var matches = new ArrayList<String>();
        for (int i = 0; i < templates.size(); i++) {
            if (patterns.get(i).matcher(path).matches()) {
                matches.add(templates.get(i));
            }
        }
        return matches.stream().min(Comparator.comparingLong(t -> t.chars().filter(c -> c == '{').count()));
    }
}
