package cn.perftarget.web;

import static cn.perftarget.web.Flows.errorPaths;
import static cn.perftarget.web.Flows.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.audit.AuditRecord;
import cn.perftarget.audit.AuditTrail;

/**
 * 财政复核 of self-evaluations: the 绩效科 draws the year's sample from the approved self-evaluations at random (the
 * seed it keeps repeats the draw), the drawn ones are told, and the 复核 score it records gets the template's grade
 * next to the self-evaluated score. Only this test draws 2021's sample (a year's sample is
 * drawn once; FollowUpBrowserTest draws the seed's 2020).
 */
@ApplicationTest
class SelfEvaluationRecheckApiTest {

    private static final int YEAR = 2021;
    private static final String RECHECKS = "/api/self-evaluation-rechecks";
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    @Autowired
    Api api;
    @Autowired
    AuditTrail audit;

    @Test
    void theSampleIsDrawnAtRandomRepeatablyAndEachDrawnSelfEvaluationGetsItsRecheckScoreAndGrade() {
        var mine = List.of(Fixtures.approvedSelfEvaluationOf(api, YEAR), Fixtures.approvedSelfEvaluationOf(api, YEAR),
                Fixtures.approvedSelfEvaluationOf(api, YEAR));

        problem(api.as("filer1").send("POST", RECHECKS, "{not json", JSON), 403);
        problem(api.as("finance2").send("POST", RECHECKS, "{\"year\":" + YEAR + ",\"share\":50}", JSON), 403);
        assertThat(errorPaths(problem(api.as("finance1").send("POST", RECHECKS, "{\"year\":" + YEAR + ",\"share\":0}", JSON), 400)))
                .containsExactly("/share");
        assertThat(problem(api.as("finance1").send("POST", RECHECKS, "{\"year\":2099,\"share\":50}", JSON), 409)
                .path("detail").asText()).contains("2099年度还没有已批复的绩效自评表");
        problem(api.as("finance1").get(RECHECKS + "?year=" + YEAR), 404);

        var drawn = api.as("finance1").send("POST", RECHECKS, "{\"year\":" + YEAR + ",\"share\":50}", JSON);
        assertThat(drawn.status()).as(drawn.text()).isEqualTo(201);
        var sample = drawn.body();
        var population = approvedSelfEvaluationsOfTheYear();
        assertThat(population).containsAll(mine);
        assertThat(sample.path("population").asInt()).isEqualTo(population.size());
        // Half, rounded up; the same ids again from the kept seed (a shuffle of the population by id).
        var shuffled = new ArrayList<>(population);
        Collections.shuffle(shuffled, new Random(sample.path("seed").asLong()));
        var expected = shuffled.subList(0, (population.size() + 1) / 2).stream().sorted().toList();
        assertThat(ids(sample)).isEqualTo(expected);
        problem(api.as("finance1").send("POST", RECHECKS, "{\"year\":" + YEAR + ",\"share\":100}", JSON), 409);

        long chosen = ids(sample).get(0);
        JsonNode item = sample.path("items").get(0);
        // Its own score and grade as its document has them (ours: 97.29, 优; other tests' may differ).
        var own = api.as("finance1").get("/api/declarations/" + chosen).body().path("document").path("summary");
        assertThat(item.path("selfScore").decimalValue()).isEqualByComparingTo(own.path("total").decimalValue());
        assertThat(item.path("selfGrade").asText()).isEqualTo(own.path("grade").asText());
        assertThat(item.path("score").isNull()).isTrue();
        assertThat(actions(chosen)).contains("RECHECK_DRAWN");
        var notDrawn = population.stream().filter(id -> !ids(sample).contains(id)).findFirst().orElseThrow();
        assertThat(actions(notDrawn)).doesNotContain("RECHECK_DRAWN");
        assertThat(kindsAbout(chosen)).contains("RECHECK_DRAWN");

        String item1 = RECHECKS + "/" + YEAR + "/items/" + chosen;
        problem(api.as("filer1").send("PUT", item1, "{\"score\":85}", JSON), 403);
        assertThat(errorPaths(problem(api.as("finance1").send("PUT", item1, "{\"score\":100.5}", JSON), 400))).containsExactly("/score");
        assertThat(errorPaths(problem(api.as("finance1").send("PUT", item1, "{\"score\":85.555}", JSON), 400))).containsExactly("/score");
        assertThat(errorPaths(problem(api.as("finance1").send("PUT", item1, "{}", JSON), 400))).containsExactly("/score");
        problem(api.as("finance1").send("PUT", RECHECKS + "/" + YEAR + "/items/" + notDrawn, "{\"score\":85}", JSON), 404);
        problem(api.as("finance1").send("PUT", RECHECKS + "/" + (YEAR + 1) + "/items/" + chosen, "{\"score\":85}", JSON), 404);

        var recorded = api.as("finance1").send("PUT", item1, "{\"score\":85.5,\"comment\":\"栏目优化数的佐证不足\"}", JSON);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
        assertThat(recorded.body().path("grade").asText()).isEqualTo("良");
        assertThat(recorded.body().path("recheckedByName").asText()).isEqualTo("财政审核人");
        var trail = audit.historyOf(chosen);
        assertThat(trail.get(trail.size() - 1).action()).isEqualTo("RECHECKED");
        assertThat(trail.get(trail.size() - 1).details()).contains("财政复核得分 85.5（良），自评得分 "
                + own.path("total").decimalValue().toPlainString() + "（" + own.path("grade").asText() + "）：栏目优化数的佐证不足");

        var read = api.as("auditor1").get(RECHECKS + "?year=" + YEAR);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("items").get(0).path("score").decimalValue()).isEqualByComparingTo("85.5");
        problem(api.as("filer1").get(RECHECKS + "?year=" + YEAR), 403);
        // The 教科文科 sees the sample, none of HP-BDC's self-evaluations in it.
        assertThat(api.as("finance2").get(RECHECKS + "?year=" + YEAR).body().path("items")).isEmpty();
    }

    /** Every approved self-evaluation of the year in the shared database, by id. */
    private List<Long> approvedSelfEvaluationsOfTheYear() {
        var list = new ArrayList<Long>();
        api.as("finance1").get(Flows.DECLARATIONS + "?year=" + YEAR + "&status=APPROVED&size=500").body().forEach(d -> {
            if (d.path("formKey").asText().equals("self-evaluation")) {
                list.add(d.path("id").asLong());
            }
        });
        Collections.sort(list);
        return list;
    }

    private static List<Long> ids(JsonNode sample) {
        var list = new ArrayList<Long>();
        sample.path("items").forEach(i -> list.add(i.path("declarationId").asLong()));
        return list;
    }

    private List<String> actions(long id) {
        return audit.historyOf(id).stream().map(AuditRecord::action).toList();
    }

    private List<String> kindsAbout(long id) {
        var kinds = new ArrayList<String>();
        api.as("filer1").get("/api/messages?size=500").body().forEach(m -> {
            if (m.path("declarationId").asLong() == id) {
                kinds.add(m.path("kind").asText());
            }
        });
        return kinds;
    }
}
