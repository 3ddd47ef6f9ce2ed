package cn.perftarget.web;

import static cn.perftarget.web.Flows.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/** What operators see: Prometheus metrics for administrators, the engine's health, and one access log line per request. */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityApiTest {

    /** A budget year no other test uses, so this class's declarations are its own. */
    private static final int YEAR = 2088;
    private static final String PROMETHEUS = "/actuator/prometheus";

    @Autowired
    Api api;

    /** A declaration of filer2 (HP-EDU) for {@link #YEAR}, submitted and approved by its 主管部门. */
    private long decidedDeclaration() {
        var created = api.as("filer2").post("/api/declarations", Map.of("formKey", "dept-overall", "year", YEAR));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        var document = Fixtures.validDocument(YEAR);
        ((ObjectNode) document.get("header")).put("department", "黄陂区教育局");
        assertThat(api.as("filer2").put("/api/declarations/" + id + "/document", document, "\"1\"").status()).isEqualTo(200);
        assertThat(api.as("filer2").post("/api/declarations/" + id + "/validation").status()).isEqualTo(200);
        var submitted = api.as("filer2").post("/api/declarations/" + id + "/submission");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        var decided = api.as("dept2").post("/api/declarations/" + id + "/decision", Map.of("outcome", "approve"));
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        return id;
    }

    @Test
    void prometheusShowsTheAdministratorEveryBusinessMeter() {
        decidedDeclaration();

        var scrape = api.as("admin").get(PROMETHEUS, MediaType.TEXT_PLAIN);

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.text()).contains(
                "perftarget_declarations{", "status=\"DRAFT\"", "status=\"FINANCE_REVIEW\"",
                "perftarget_declarations_overdue ",
                "perftarget_review_tasks_open{", "step=\"DEPT_REVIEW\"", "step=\"FINANCE_REVIEW\"", "step=\"EXPERT_REVIEW\"",
                "perftarget_validation_seconds_count{", "form=\"dept-overall\"",
                "perftarget_submission_seconds_count{", "result=\"accepted\"",
                "perftarget_decision_seconds_count{", "outcome=\"approve\"",
                "http_server_requests_seconds_count{");
        assertThat(scrape.text()).containsPattern("perftarget_submission_seconds_count\\{[^}]*result=\"accepted\"[^}]*} [1-9]");
        assertThat(scrape.text()).containsPattern("perftarget_decision_seconds_count\\{[^}]*outcome=\"approve\"[^}]*result=\"accepted\"[^}]*} [1-9]");
    }

    @Test
    void prometheusIsRefusedToOthersAsProblemJson() {
        var forbidden = problem(api.as("filer1").get(PROMETHEUS, MediaType.TEXT_PLAIN), 403);
        assertThat(forbidden.path("detail").asText()).contains(PROMETHEUS);

        var anonymous = api.anonymous(HttpMethod.GET, PROMETHEUS);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }

    @Test
    void healthShowsTheEngineToEveryoneAndItsDetailsToTheAdministratorOnly() {
        var admin = api.as("admin").get("/actuator/health");
        assertThat(admin.status()).as(admin.text()).isEqualTo(200);
        var engine = admin.body().at("/components/engine");
        assertThat(engine.path("status").asText()).isEqualTo("UP");
        assertThat(engine.at("/details/processDefinitions/DeclarationApproval").asInt()).isPositive();
        assertThat(engine.at("/details/decisionDefinitions/Decision_ExpertReviewRouting").asInt()).isPositive();
        // The tests drive timers themselves, so the job executor is switched off here.
        assertThat(engine.at("/details/jobExecutor").asText()).isEqualTo("disabled");

        for (var other : new Api.Response[] {api.anonymous(HttpMethod.GET, "/actuator/health"),
                api.as("filer1").get("/actuator/health")}) {
            assertThat(other.body().at("/components/engine/status").asText()).isEqualTo("UP");
            assertThat(other.body().at("/components/engine/details").isMissingNode()).as(other.text()).isTrue();
        }
    }

    @Test
    void eachRequestIsOneAccessLogLineWithUserMethodPathStatusAndDuration(CapturedOutput output) throws Exception {
        api.as("filer1").get("/api/declarations?year=" + YEAR);
        api.anonymous(HttpMethod.GET, "/api/forms");

        awaitLine(output, line -> line.contains("perftarget.access")
                && line.contains("user=filer1 method=GET path=/api/declarations status=200 duration="));
        awaitLine(output, line -> line.contains("user=- method=GET path=/api/forms status=401 duration="));
        assertThat(output.getOut().lines()
                .filter(l -> l.contains("user=filer1 method=GET path=/api/declarations status=200")).count()).isOne();
    }

    @Test
    void handledClientErrorsLogNoStackTrace(CapturedOutput output) throws Exception {
        long id = decidedDeclaration();
        problem(api.as("filer2").put("/api/declarations/" + id + "/document", Fixtures.validDocument(YEAR), "\"2\""), 409);
        problem(api.as("filer2").post("/api/declarations/" + id + "/withdrawal"), 409);
        problem(api.as("filer1").get("/api/declarations/" + id), 404);
        problem(api.as("filer2").get("/api/declarations/abc"), 400);
        problem(api.as("filer2").post("/api/declarations", "{\"formKey\": "), 400);

        awaitLine(output, line -> line.contains("method=POST path=/api/declarations status=400"));
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    /** The server writes the line after the response has gone out, so the client may be a moment ahead of it. */
    private static void awaitLine(CapturedOutput output, Predicate<String> line) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (output.getOut().lines().noneMatch(line)) {
            assertThat(Instant.now()).as("an access log line in:\n" + output.getOut()).isBefore(until);
            Thread.sleep(10);
        }
    }
}
