package cn.perftarget.web;

import static cn.perftarget.web.Flows.errorPaths;
import static cn.perftarget.web.Flows.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.audit.AuditRecord;
import cn.perftarget.audit.AuditTrail;
import cn.perftarget.declaration.MonitoringReminders;

/**
 * 财政's 绩效科 opens a monitoring round (year, months, last day): every unit with an approved declaration of the
 * year is asked (a 监控任务 message to its filers, an audit event), the round's monitoring forms are due on its last
 * day and overdue after it, and everyone reads the round's progress in their own scope. Periods here are ones no
 * other test uses: a round is one per year and period in the shared database.
 */
@ApplicationTest
class MonitoringRoundApiTest {

    private static final String ROUNDS = "/api/monitoring-rounds";
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    @Autowired
    Api api;

    @Autowired
    AuditTrail audit;

    @Autowired
    MonitoringReminders reminders;

    @Test
    void financeOpensARoundAndEveryApprovedUnitIsAskedForItsFormByTheLastDay() {
        long base = Flows.approved(api);

        var opened = api.as("finance1").post(ROUNDS, Map.of("year", 2020, "period", "04-09", "lastDay", "2020-10-20"));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        assertThat(opened.body().path("periodLabel").asText()).isEqualTo("4–9月");
        // The end of 20 October in Asia/Shanghai.
        assertThat(opened.body().path("deadline").asText()).isEqualTo("2020-10-20T16:00:00Z");
        assertThat(opened.body().at("/progress/asked").asLong()).isPositive();
        assertThat(opened.body().at("/progress/started").asLong()).isZero();

        var message = messageAbout(base, "MONITORING_REQUESTED");
        assertThat(message.path("text").asText()).contains("2020年4–9月绩效运行监控", "2020年10月20日");
        assertThat(audit.historyOf(base).stream().map(AuditRecord::action)).contains("MONITORING_REQUESTED");

        var form = api.as("filer1").post(Flows.DECLARATIONS, Map.of("formKey", "monitoring", "basedOn", base, "period", "04-09"));
        assertThat(form.status()).as(form.text()).isEqualTo(201);
        assertThat(form.body().path("submissionDeadline").asText()).isEqualTo("2020-10-20T16:00:00Z");
        assertThat(form.body().path("overdue").asBoolean()).as("the last day is past and it was never submitted").isTrue();

        var round = roundOf(api.as("finance1").get(ROUNDS + "?year=2020").body(), "04-09");
        assertThat(round.at("/progress/started").asLong()).isPositive();
        assertThat(round.at("/progress/submitted").asLong()).isZero();
        assertThat(round.path("overdue").asBoolean()).isTrue();
        // filer2 (HP-EDU) reads the round, and none of HP-BDC's forms in its progress.
        var ofFiler2 = roundOf(api.as("filer2").get(ROUNDS + "?year=2020").body(), "04-09");
        assertThat(ofFiler2.at("/progress/started").asLong()).isZero();

        var again = problem(api.as("finance1").post(ROUNDS, Map.of("year", 2020, "period", "04-09", "lastDay", "2020-11-01")), 409);
        assertThat(again.path("detail").asText()).contains("2020年4–9月", "2020年10月20日");
    }

    @Test
    void onlyTheFinanceReviewerWhoSeesEveryUnitMayOpenARoundWhateverTheBodySays() {
        problem(api.as("filer1").send("POST", ROUNDS, "{not json", JSON), 403);
        problem(api.as("dept1").send("POST", ROUNDS, "{\"year\":2020,\"period\":\"05-10\",\"lastDay\":\"2020-11-15\"}", JSON), 403);
        // finance2 is the 教科文科, 归口 HP-EDU only: a round concerns every unit.
        problem(api.as("finance2").send("POST", ROUNDS, "{\"year\":2020,\"period\":\"05-10\",\"lastDay\":\"2020-11-15\"}", JSON), 403);
        assertThat(roundOf(api.as("finance1").get(ROUNDS + "?year=2020").body(), "05-10")).isNull();
    }

    @Test
    void aBadRoundIsRefusedNamingItsField() {
        assertThat(errorPaths(problem(api.as("finance1").send("POST", ROUNDS,
                "{\"year\":2020,\"period\":\"09-05\",\"lastDay\":\"2020-11-15\"}", JSON), 400))).containsExactly("/period");
        assertThat(errorPaths(problem(api.as("finance1").send("POST", ROUNDS,
                "{\"year\":2020,\"period\":\"01-13\",\"lastDay\":\"2020-11-15\"}", JSON), 400))).containsExactly("/period");
        var early = problem(api.as("finance1").send("POST", ROUNDS,
                "{\"year\":2020,\"period\":\"06-11\",\"lastDay\":\"2020-11-30\"}", JSON), 400);
        assertThat(errorPaths(early)).containsExactly("/lastDay");
        assertThat(early.toString()).contains("2020年11月30日");
        assertThat(errorPaths(problem(api.as("finance1").send("POST", ROUNDS,
                "{\"year\":2020,\"period\":\"06-11\"}", JSON), 400))).containsExactly("/lastDay");
        assertThat(errorPaths(problem(api.as("finance1").send("POST", ROUNDS,
                "{\"year\":1999,\"period\":\"06-11\",\"lastDay\":\"2020-12-15\"}", JSON), 400))).containsExactly("/year");
        assertThat(errorPaths(problem(api.as("finance1").send("POST", ROUNDS,
                "{\"year\":2020,\"period\":\"06-11\",\"lastDay\":\"2020-12-32\"}", JSON), 400))).containsExactly("/lastDay");
        problem(api.as("finance1").get(ROUNDS), 400);
        assertThat(roundOf(api.as("finance1").get(ROUNDS + "?year=2020").body(), "06-11")).isNull();
    }

    @Test
    void nearTheLastDayEachUnitWhoseFormIsNotSubmittedIsRemindedOnce() {
        long withoutForm = Flows.approved(api);
        long withDraft = Flows.approved(api);
        var opened = api.as("finance1").post(ROUNDS, Map.of("year", 2020, "period", "05-11", "lastDay", "2020-12-20"));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        var form = api.as("filer1").post(Flows.DECLARATIONS, Map.of("formKey", "monitoring", "basedOn", withDraft, "period", "05-11"));
        assertThat(form.status()).as(form.text()).isEqualTo(201);
        long draft = form.body().path("id").asLong();

        // Eight days before the end of 20 December (Asia/Shanghai): not yet (reminders come 7 days before).
        assertThat(reminders.remind(Instant.parse("2020-12-12T15:00:00Z"))).isZero();
        assertThat(reminders.remind(Instant.parse("2020-12-18T02:00:00Z"))).isEqualTo(1);
        assertThat(reminders.remind(Instant.parse("2020-12-19T02:00:00Z"))).as("once per round").isZero();

        var message = messageAbout(withoutForm, "DEADLINE_NEAR");
        assertThat(message.path("title").asText()).startsWith("运行监控即将截止：");
        assertThat(message.path("text").asText()).contains("2020年5–11月绩效运行监控", "2020年12月20日");
        assertThat(messageAbout(withDraft, "DEADLINE_NEAR").path("text").asText()).contains("尚未提交");
        assertThat(audit.historyOf(withoutForm).stream().map(AuditRecord::action)).contains("REMINDED");
        assertThat(audit.historyOf(draft).stream().map(AuditRecord::action)).contains("REMINDED");
        assertThat(audit.historyOf(withDraft).stream().map(AuditRecord::action)).doesNotContain("REMINDED");
    }

    private JsonNode messageAbout(long declaration, String kind) {
        var messages = api.as("filer1").get("/api/messages?size=500").body();
        List<JsonNode> found = new ArrayList<>();
        messages.forEach(m -> {
            if (m.path("declarationId").asLong() == declaration && m.path("kind").asText().equals(kind)) {
                found.add(m);
            }
        });
        assertThat(found).as("a %s message about %d", kind, declaration).hasSize(1);
        return found.get(0);
    }

    private static JsonNode roundOf(JsonNode rounds, String period) {
        for (JsonNode round : rounds) {
            if (round.path("period").asText().equals(period)) {
                return round;
            }
        }
        return null;
    }
}
