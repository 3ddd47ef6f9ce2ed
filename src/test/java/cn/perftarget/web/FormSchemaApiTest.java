package cn.perftarget.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;

/**
 * GET /api/forms/{key}/schema: the JSON Schema (2020-12) of each template's documents, checked with a real JSON Schema
 * validator against the sample documents in forms/samples and against documents the server refuses.
 */
@ApplicationTest
class FormSchemaApiTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Api api;

    static Stream<Path> samples() throws IOException {
        var files = Files.list(Path.of("forms/samples")).filter(p -> p.toString().endsWith(".json")).sorted().toList();
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        return files.stream();
    }

    private static String templateOf(Path sample) {
        String name = sample.getFileName().toString();
        return Stream.of("dept-overall", "project-expenditure").filter(name::startsWith).findFirst().orElseThrow();
    }

    private JsonNode schemaJson(String key, String query) {
        var response = api.as("filer1").get("/api/forms/" + key + "/schema" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    private JsonSchema schema(String key, String query) {
        return SCHEMAS.getSchema(schemaJson(key, query));
    }

    private static ObjectNode read(Path file) throws IOException {
        return (ObjectNode) JSON.readTree(file.toFile());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dept-overall", "project-expenditure"})
    void eachTemplatesSchemaIsAValidDraft202012SchemaServedAsSchemaJson(String key) {
        var response = api.as("dept1").get("/api/forms/" + key + "/schema");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/schema+json");
        assertThat(response.body().path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        var metaSchema = SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(metaSchema.validate(response.body())).isEmpty();
        assertThat(response.body().path("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void schemaCarriesLabelsLimitsAndMapsFromTheFormDefinition() {
        var schema = schemaJson("dept-overall", "");

        assertThat(schema.path("title").asText()).isEqualTo("部门整体支出绩效目标申报表");
        assertThat(schema.at("/properties/header/title").asText()).isEqualTo("基本信息");
        assertThat(schema.at("/properties/header/properties/phone/maxLength").asInt()).isEqualTo(30);
        assertThat(schema.at("/properties/header/properties/year/minimum").asInt()).isEqualTo(2000);
        assertThat(schema.at("/properties/header/properties/year/maximum").asInt()).isEqualTo(2100);
        var history = schema.at("/properties/funds/properties/income/properties/fiscal/properties/history");
        assertThat(history.at("/patternProperties/^[0-9]{4}$/minimum").asInt()).isZero();
        assertThat(history.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(history.path("maxProperties").asInt()).isEqualTo(10);
        assertThat(schema.has("required")).isFalse();
        assertThat(schemaJson("dept-overall", "?submission=true").path("required")).extracting(JsonNode::asText)
                .contains("header", "funds", "annualGoals");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleDocumentMatchesItsTemplatesSchemaForSaving(Path sample) throws IOException {
        assertThat(schema(templateOf(sample), "?version=1").validate(read(sample))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dept-overall-2020-huangpi-corrected.json", "project-expenditure-2021-sample.json"})
    void completeSamplesAlsoMatchTheSubmissionSchema(String name) throws IOException {
        Path sample = Path.of("forms/samples", name);

        assertThat(schema(templateOf(sample), "?submission=true").validate(read(sample))).isEmpty();
    }

    @Test
    void theHalfEmptySeedFormFailsTheSubmissionSchemaAtItsMissingIndicatorValues() throws IOException {
        var seed = read(Path.of("forms/samples/dept-overall-2020-huangpi-seed.json"));

        Set<ValidationMessage> errors = schema("dept-overall", "?submission=true").validate(seed);

        assertThat(errors).extracting(ValidationMessage::getType).contains("required");
        assertThat(errors).extracting(e -> e.getInstanceLocation().toString())
                .contains("$.longTermGoals[0].indicators[0]");
    }

    @Test
    void aDocumentWithAnUnknownFieldFails() throws IOException {
        var document = read(Path.of("forms/samples/dept-overall-2020-huangpi-corrected.json"));
        ((ObjectNode) document.get("header")).put("nickname", "大数据");

        var errors = schema("dept-overall", "").validate(document);

        assertThat(errors).extracting(ValidationMessage::getType).containsExactly("additionalProperties");
        assertThat(errors).extracting(e -> e.getInstanceLocation().toString()).containsExactly("$.header");
    }

    @Test
    void aDocumentWithAWrongTypeFails() throws IOException {
        var document = read(Path.of("forms/samples/project-expenditure-2021-sample.json"));
        ((ObjectNode) document.get("funds")).put("total", "一百万");
        ((ObjectNode) document.get("header")).put("year", 2020.5);

        var errors = schema("project-expenditure", "").validate(document);

        assertThat(errors).extracting(ValidationMessage::getType).containsOnly("type");
        assertThat(errors).extracting(e -> e.getInstanceLocation().toString())
                .containsExactlyInAnyOrder("$.funds.total", "$.header.year");
    }

    @Test
    void aYearKeyThatIsNotFourDigitsFails() throws IOException {
        var document = read(Path.of("forms/samples/dept-overall-2020-huangpi-corrected.json"));
        ((ObjectNode) document.at("/funds/income/fiscal/history")).put("去年", 1);

        assertThat(schema("dept-overall", "").validate(document)).isNotEmpty();
    }

    @Test
    void anUnknownTemplateOrVersionIsA404Problem() {
        for (String path : List.of("/api/forms/nothing/schema", "/api/forms/dept-overall/schema?version=99")) {
            var response = api.as("filer1").get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().path("detail").asText()).contains("表单");
        }
    }

    @Test
    void anonymousCallersGetNoSchema() {
        assertThat(api.anonymous(org.springframework.http.HttpMethod.GET, "/api/forms/dept-overall/schema").status())
                .isEqualTo(401);
    }
}
