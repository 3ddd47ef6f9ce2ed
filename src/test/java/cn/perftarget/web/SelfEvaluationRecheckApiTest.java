package cn.perftarget.web;

import static cn.perftarget.web.Flows.decide;
import static cn.perftarget.web.Flows.errorPaths;
import static cn.perftarget.web.Flows.path;
import static cn.perftarget.web.Flows.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.audit.AuditRecord;
import cn.perftarget.audit.AuditTrail;

/**
 * 财政复核 of self-evaluations: the 绩效科 draws the year's sample from the approved self-evaluations at random (the
 * seed it keeps repeats the draw), the drawn ones are told, and the 复核 score it records gets the template's grade
 * next to the self-evaluated score. Only this test draws 2020's sample (one per year in the shared database).
 */
@ApplicationTest
class SelfEvaluationRecheckApiTest {

    private static final String RECHECKS = "/api/self-evaluation-rechecks";
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final String[] ACTUALS = {"100%", "150.2万元", "99%", "97%", "99.5%", "1个工作日", "98%", "98.5%",
                                              "8个", "90.5万元", "99%", "96%"};

    @Autowired
    Api api;
    @Autowired
    AuditTrail audit;

    @Test
    void theSampleIsDrawnAtRandomRepeatablyAndEachDrawnSelfEvaluationGetsItsRecheckScoreAndGrade() {
        var mine = List.of(approvedSelfEvaluation(), approvedSelfEvaluation(), approvedSelfEvaluation());

        problem(api.as("filer1").send("POST", RECHECKS, "{not json", JSON), 403);
        problem(api.as("finance2").send("POST", RECHECKS, "{\"year\":2020,\"share\":50}", JSON), 403);
        assertThat(errorPaths(problem(api.as("finance1").send("POST", RECHECKS, "{\"year\":2020,\"share\":0}", JSON), 400)))
                .containsExactly("/share");
        assertThat(problem(api.as("finance1").send("POST", RECHECKS, "{\"year\":2099,\"share\":50}", JSON), 409)
                .path("detail").asText()).contains("2099年度还没有已批复的绩效自评表");
        problem(api.as("finance1").get(RECHECKS + "?year=2020"), 404);

        var drawn = api.as("finance1").send("POST", RECHECKS, "{\"year\":2020,\"share\":50}", JSON);
        assertThat(drawn.status()).as(drawn.text()).isEqualTo(201);
        var sample = drawn.body();
        var population = approvedSelfEvaluationsOf2020();
        assertThat(population).containsAll(mine);
        assertThat(sample.path("population").asInt()).isEqualTo(population.size());
        // Half, rounded up; the same ids again from the kept seed (a shuffle of the population by id).
        var shuffled = new ArrayList<>(population);
        Collections.shuffle(shuffled, new Random(sample.path("seed").asLong()));
        var expected = shuffled.subList(0, (population.size() + 1) / 2).stream().sorted().toList();
        assertThat(ids(sample)).isEqualTo(expected);
        problem(api.as("finance1").send("POST", RECHECKS, "{\"year\":2020,\"share\":100}", JSON), 409);

        long chosen = ids(sample).get(0);
        JsonNode item = sample.path("items").get(0);
        assertThat(item.path("selfScore").decimalValue()).isEqualByComparingTo("97.29");
        assertThat(item.path("selfGrade").asText()).isEqualTo("优");
        assertThat(item.path("score").isNull()).isTrue();
        assertThat(actions(chosen)).contains("RECHECK_DRAWN");
        var notDrawn = population.stream().filter(id -> !ids(sample).contains(id)).findFirst().orElseThrow();
        assertThat(actions(notDrawn)).doesNotContain("RECHECK_DRAWN");
        assertThat(kindsAbout(chosen)).contains("RECHECK_DRAWN");

        String item1 = RECHECKS + "/2020/items/" + chosen;
        problem(api.as("filer1").send("PUT", item1, "{\"score\":85}", JSON), 403);
        assertThat(errorPaths(problem(api.as("finance1").send("PUT", item1, "{\"score\":100.5}", JSON), 400))).containsExactly("/score");
        assertThat(errorPaths(problem(api.as("finance1").send("PUT", item1, "{\"score\":85.555}", JSON), 400))).containsExactly("/score");
        assertThat(errorPaths(problem(api.as("finance1").send("PUT", item1, "{}", JSON), 400))).containsExactly("/score");
        problem(api.as("finance1").send("PUT", RECHECKS + "/2020/items/" + notDrawn, "{\"score\":85}", JSON), 404);
        problem(api.as("finance1").send("PUT", RECHECKS + "/2021/items/" + chosen, "{\"score\":85}", JSON), 404);

        var recorded = api.as("finance1").send("PUT", item1, "{\"score\":85.5,\"comment\":\"栏目优化数的佐证不足\"}", JSON);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
        assertThat(recorded.body().path("grade").asText()).isEqualTo("良");
        assertThat(recorded.body().path("recheckedByName").asText()).isEqualTo("财政审核人");
        var trail = audit.historyOf(chosen);
        assertThat(trail.get(trail.size() - 1).action()).isEqualTo("RECHECKED");
        assertThat(trail.get(trail.size() - 1).details()).contains("财政复核得分 85.5（良），自评得分 97.29（优）：栏目优化数的佐证不足");

        var read = api.as("auditor1").get(RECHECKS + "?year=2020");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("items").get(0).path("score").decimalValue()).isEqualByComparingTo("85.5");
        problem(api.as("filer1").get(RECHECKS + "?year=2020"), 403);
        // The 教科文科 sees the sample, none of HP-BDC's self-evaluations in it.
        assertThat(api.as("finance2").get(RECHECKS + "?year=2020").body().path("items")).isEmpty();
    }

    private long approvedSelfEvaluation() {
        long base = Flows.approved(api);
        var created = api.as("filer1").post(Flows.DECLARATIONS, Map.of("formKey", "self-evaluation", "basedOn", base));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        var document = (ObjectNode) created.body().path("document");
        for (int i = 0; i < ACTUALS.length; i++) {
            ((ObjectNode) document.at("/indicators/" + i)).put("actual", ACTUALS[i]);
        }
        ((ObjectNode) document.at("/indicators/8")).put("deviationReason", "人员保障").put("improvement", "增配网站编辑人员");
        document.with("header").put("filler", "张三");
        document.with("funds").put("executed", 230.50).put("executionRate", 94.86);
        assertThat(api.as("filer1").put(path(id, "document"), document, "\"1\"").status()).isEqualTo(200);
        var submitted = api.as("filer1").post(path(id, "submission"));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        assertThat(decide(api, "dept1", id, Map.of("outcome", "approve")).status()).isEqualTo(200);
        var approved = decide(api, "finance1", id, Map.of("outcome", "approve"));
        assertThat(approved.body().path("status").asText()).as(approved.text()).isEqualTo("APPROVED");
        return id;
    }

    /** Every approved self-evaluation of 2020 in the shared database, by id. */
    private List<Long> approvedSelfEvaluationsOf2020() {
        var list = new ArrayList<Long>();
        api.as("finance1").get(Flows.DECLARATIONS + "?year=2020&status=APPROVED&size=500").body().forEach(d -> {
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
