package cn.perftarget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A finance bureau publishes a new template as a file: no Java, no BPMN. The application starts on a forms
 * folder holding only that file, and a declaration is filed and validated against it over HTTP.
 */
class NewTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path forms;

    @Test
    void aNewDefinitionFileIsFiledAndValidatedWithItsOwnDictionary() throws Exception {
        ObjectNode definition = (ObjectNode) resource("/forms/dept-overall-v1.json");
        definition.put("key", "dept-overall-wuhan");
        definition.put("title", "武汉市部门整体支出绩效目标申报表");
        ArrayNode standards = (ArrayNode) definition.at("/dictionaries/standards/entries");
        standards.removeAll().add("计划标准").add("行业标准").add("历史标准").add("国际标准");
        Files.writeString(forms.resolve("dept-overall-wuhan-v1.json"), JSON.writeValueAsString(definition));

        try (var app = new SpringApplicationBuilder(PerfTargetApplication.class).run(
                "--spring.profiles.active=demo",
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:new-template;DB_CLOSE_DELAY=-1",
                "--camunda.bpm.process-engine-name=new-template-test",
                // Closing its own Camunda webapps would reset those of the shared test context (static delegates).
                "--camunda.bpm.webapp.enabled=false",
                "--camunda.bpm.job-execution.enabled=false",
                "--perftarget.audit.anchor.file=" + forms.resolve("anchor").resolve("audit-anchor.json"),
                "--perftarget.forms.location=file:" + forms.toAbsolutePath() + "/")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");

            var listed = call(base, "GET", "/api/forms", null, null);
            assertThat(listed.findValuesAsText("key")).containsExactly("dept-overall-wuhan");

            var created = call(base, "POST", "/api/declarations", "{\"formKey\":\"dept-overall-wuhan\",\"year\":2020}", null);
            long id = created.get("id").asLong();
            assertThat(created.get("formKey").asText()).isEqualTo("dept-overall-wuhan");

            ObjectNode document = (ObjectNode) resource("/forms/samples/dept-overall-2020-huangpi-corrected.json");
            ((ObjectNode) document.at("/annualGoals/0/indicators/0")).put("standard", "国际标准");
            ((ObjectNode) document.at("/annualGoals/0/indicators/1")).put("standard", "其他标准");
            call(base, "PUT", "/api/declarations/" + id + "/document", JSON.writeValueAsString(document), "\"1\"");

            var report = call(base, "POST", "/api/declarations/" + id + "/validation", null, null);
            assertThat(report.get("valid").asBoolean()).isFalse();
            assertThat(report.get("errors")).hasSize(1);
            assertThat(report.at("/errors/0/path").asText()).isEqualTo("/annualGoals/0/indicators/1/standard");
            assertThat(report.at("/errors/0/rule").asText()).isEqualTo("indicator.standard");
            assertThat(report.at("/errors/0/message").asText()).contains("其他标准", "国际标准");
        }
    }

    private static JsonNode call(String base, String method, String path, String body, String ifMatch) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("filer1:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        var response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = NewTemplateTest.class.getResourceAsStream(name)) {
            return JSON.readTree(in);
        }
    }
}
