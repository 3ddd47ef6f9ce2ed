package cn.perftarget;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.web.context.WebServerApplicationContext;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.audit.AuditTrail;

/**
 * A filer working on a budget year whose submission deadline passed long ago (2020), with the job executor
 * running, as in production: the engine's own jobs never make create → save → submit fail, and each declaration is
 * marked overdue exactly once and never reminded. One application of its own (the shared test context has the job
 * executor off), on an in-memory database of its own.
 */
class PastDeadlineRaceTest {

    private static final int ROUNDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thirtyLifecyclesOfAPastDeadlineYearWithTheJobExecutorRunningHaveNoConflictAndOneOverdueMarkEach()
            throws Exception {
        try (var app = new SpringApplicationBuilder(PerfTargetApplication.class).run(
                "--spring.profiles.active=demo",
                "--spring.datasource.url=jdbc:h2:mem:deadline-race-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--server.port=0",
                "--camunda.bpm.process-engine-name=deadlineRace",
                // Closing its own Camunda webapps would reset those of the shared test context (static delegates).
                "--camunda.bpm.webapp.enabled=false",
                "--camunda.bpm.job-execution.enabled=true")) {
            var jobExecutor = ((ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class)
                    .getProcessEngineConfiguration()).getJobExecutor();
            assertThat(jobExecutor.isActive()).as("job executor running").isTrue();
            String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            var document = JSON.writeValueAsString(Fixtures.validDocument());

            List<Long> ids = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            var jdbc = app.getBean(JdbcTemplate.class);
            for (int round = 0; round < ROUNDS; round++) {
                // One department files one declaration a year; free the key so that each round files 2020 again.
                jdbc.update("update declaration set uniqueness_key = null where uniqueness_key is not null");
                var created = call(base, "POST", "/api/declarations", "{\"formKey\":\"dept-overall\",\"year\":2020}", null);
                if (created.statusCode() != 201) {
                    failures.add("create " + created.statusCode() + " " + created.body());
                    continue;
                }
                long id = JSON.readTree(created.body()).path("id").asLong();
                ids.add(id);
                var saved = call(base, "PUT", "/api/declarations/" + id + "/document", document, "\"1\"");
                if (saved.statusCode() != 200) {
                    failures.add("save " + id + " " + saved.statusCode() + " " + saved.body());
                    continue;
                }
                var submitted = call(base, "POST", "/api/declarations/" + id + "/submission", null, null);
                if (submitted.statusCode() != 200) {
                    failures.add("submit " + id + " " + submitted.statusCode() + " " + submitted.body());
                } else if (!JSON.readTree(submitted.body()).path("status").asText().equals("DEPT_REVIEW")) {
                    failures.add("submit " + id + " " + submitted.body());
                }
            }
            assertThat(failures).as("failed calls of %d lifecycles", ROUNDS).isEmpty();
            assertThat(ids).hasSize(ROUNDS);

            // Whatever became due meanwhile must have run before the records are read.
            var management = app.getBean(ManagementService.class);
            var until = Instant.now().plus(Duration.ofSeconds(60));
            while (management.createJobQuery().executable().count() > 0 && Instant.now().isBefore(until)) {
                Thread.sleep(100);
            }
            assertThat(management.createJobQuery().executable().count()).as("due jobs left").isZero();

            var audit = app.getBean(AuditTrail.class);
            for (long id : ids) {
                var actions = audit.historyOf(id).stream().map(e -> e.action()).toList();
                assertThat(actions).as("events of declaration %d", id)
                        .containsOnlyOnce(AuditAction.OVERDUE.name())
                        .doesNotContain(AuditAction.REMINDED.name())
                        .startsWith(AuditAction.CREATED.name(), AuditAction.OVERDUE.name())
                        .endsWith(AuditAction.SUBMITTED.name());
                var declaration = JSON.readTree(call(base, "GET", "/api/declarations/" + id, null, null).body());
                assertThat(declaration.path("status").asText()).isEqualTo("DEPT_REVIEW");
                assertThat(declaration.path("overdue").asBoolean()).isTrue();
            }
        }
    }

    private HttpResponse<String> call(String base, String method, String path, String body, String ifMatch)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("filer1:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
