package cn.perftarget.web;

import static cn.perftarget.web.Flows.decide;
import static cn.perftarget.web.Flows.errorPaths;
import static cn.perftarget.web.Flows.path;
import static cn.perftarget.web.Flows.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.audit.AuditRecord;
import cn.perftarget.audit.AuditTrail;

/**
 * After approval, 绩效运行监控 and 绩效自评 are declarations of their own: created from the approved declaration
 * (POST /api/declarations with basedOn), prefilled with its indicators (targets read-only), then saved, validated,
 * submitted and decided like a declaration, and listed under the base's followUps.
 */
@ApplicationTest
class FollowUpLifecycleApiTest {

    @Autowired
    Api api;

    @Autowired
    AuditTrail audit;

    @Test
    void aMonitoringRoundIsPrefilledFlagsItsDeviationAndGoesThroughReturnAndApproval() {
        long base = Flows.approved(api);
        var created = api.as("filer1").post(Flows.DECLARATIONS,
                Map.of("formKey", "monitoring", "basedOn", base, "period", "01-07"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        var document = (ObjectNode) created.body().path("document");
        assertThat(created.body().path("basedOn").asLong()).isEqualTo(base);
        assertThat(created.body().path("status").asText()).isEqualTo("DRAFT");
        assertThat(created.body().path("department").asText()).isEqualTo("HP-BDC");
        assertThat(created.body().path("year").asInt()).isEqualTo(2020);
        // The corrected sample's 12 annual indicators, in order, targets copied; the budget of its expenditure total.
        assertThat(document.path("indicators")).hasSize(12);
        assertThat(document.at("/indicators/1/name").asText()).isEqualTo("运行维护费");
        assertThat(document.at("/indicators/1/target").asText()).isEqualTo("≤157.1万元");
        assertThat(document.at("/indicators/8/target").asText()).isEqualTo("≥10个");
        assertThat(document.at("/header/period").asText()).isEqualTo("01-07");
        assertThat(document.at("/header/basedOn").asLong()).isEqualTo(base);
        assertThat(document.at("/funds/budget").decimalValue()).isEqualByComparingTo("242.98");
        assertThat(document.at("/funds/timeShare").decimalValue()).isEqualByComparingTo("58.33"); // 7 of 12 months

        var tampered = document.deepCopy();
        ((ObjectNode) tampered.at("/indicators/1")).put("target", "≤200万元");
        var refused = problem(api.as("filer1").put(path(id, "document"), tampered, "\"1\""), 400);
        assertThat(errorPaths(refused)).containsExactly("/indicators/1/target");

        fillMonitoring(document);
        ((ObjectNode) document.at("/indicators/8")).put("forecast", "8个");   // 20 % short of ≥10个
        document.with("funds").put("executed", 90).put("executionRate", 37.04); // 90 / 242.98, 58.33 % of the time gone
        assertThat(api.as("filer1").put(path(id, "document"), document, "\"1\"").status()).isEqualTo(200);
        var report = api.as("filer1").post(path(id, "validation")).body();
        assertThat(report.path("valid").asBoolean()).isFalse();
        assertThat(rules(report.path("errors"))).containsExactly("/indicators/8/deviationReason monitoring.forecast-deviation");
        assertThat(rules(report.path("warnings"))).contains("/funds/executionRate funds.behind-time");

        ((ObjectNode) document.at("/indicators/8")).put("deviationReason", "经费保障").put("correction", "下半年追加栏目改版经费");
        assertThat(api.as("filer1").put(path(id, "document"), document, "\"2\"").status()).isEqualTo(200);
        assertThat(api.as("filer1").post(path(id, "validation")).body().path("valid").asBoolean()).isTrue();

        runThroughReviewWithOneReturn(id, "dept1");
        assertThat(followUps(base)).containsExactly(id + " monitoring 01-07 APPROVED");
        assertThat(actions(id)).contains("CREATED", "SAVED", "VALIDATED", "SUBMITTED", "RETURNED", "APPROVED");

        // One monitoring per base and period: the second is refused naming the first; another period is fine.
        var again = problem(api.as("filer1").send("POST", Flows.DECLARATIONS,
                "{\"formKey\":\"monitoring\",\"basedOn\":" + base + ",\"period\":\"01-07\"}",
                Map.of("Content-Type", "application/json")), 409);
        assertThat(again.at("/existing/id").asLong()).isEqualTo(id);
        var later = api.as("filer1").send("POST", Flows.DECLARATIONS,
                "{\"formKey\":\"monitoring\",\"basedOn\":" + base + ",\"period\":\"01-10\"}",
                Map.of("Content-Type", "application/json"));
        assertThat(later.status()).as(later.text()).isEqualTo(201);
        assertThat(followUps(base)).hasSize(2);
    }

    @Test
    void theApprovedSampleOf2020IsSelfEvaluatedToNinetySevenPointTwoNineAndExcellent() {
        long base = Flows.approved(api);
        var created = api.as("filer1").post(Flows.DECLARATIONS, Map.of("formKey", "self-evaluation", "basedOn", base));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        var document = (ObjectNode) created.body().path("document");
        assertThat(document.path("indicators")).hasSize(12);

        // Realistic year-end figures of 黄陂区大数据中心 against its 12 approved targets.
        String[] actuals = {"100%", "150.2万元", "99%", "97%", "99.5%", "1个工作日", "98%", "98.5%", "8个", "90.5万元",
                            "99%", "96%"};
        for (int i = 0; i < actuals.length; i++) {
            ((ObjectNode) document.at("/indicators/" + i)).put("actual", actuals[i]);
        }
        document.with("header").put("filler", "张三");
        document.with("funds").put("executed", 230.50).put("executionRate", 94.86);
        var saved = api.as("filer1").put(path(id, "document"), document, "\"1\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        var report = api.as("filer1").post(path(id, "validation")).body();
        assertThat(rules(report.path("errors"))).containsExactly("/indicators/8/deviationReason selfeval.actual-deviation");

        ((ObjectNode) document.at("/indicators/8")).put("deviationReason", "人员保障").put("improvement", "增配网站编辑人员");
        saved = api.as("filer1").put(path(id, "document"), document, "\"2\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        // Worked by hand (the sample's order: 产出 0 1 4 5 8 9, 效益 2 6 10, 满意度 3 7 11):
        // 产出, 50/6 each: 处置率 =100% 100% → 8.33, 运维费 ≤157.1 150.2 → 8.33, 可用率 99.5% → 8.33,
        //   转办时限 ≤1 1 → 8.33, 栏目 8 of ≥10 → 0.8 → 6.67, 运行费用 ≤85.88 90.5 → 85.88/90.5 → 7.91 = 47.90
        // 效益, 30/3 each: 99%, 98%, 99% against ≥98% → 10 + 10 + 10 = 30.00
        // 满意度, 10/3 each: 97/98 → 3.30, 98.5% → 3.33, 96/98 → 3.27 = 9.90
        // 预算执行率 94.86% × 10 = 9.49; total 47.90 + 30.00 + 9.90 + 9.49 = 97.29 → 优
        var scored = saved.body().path("document");
        assertThat(scored.at("/indicators/8/score").decimalValue()).isEqualByComparingTo("6.67");
        assertThat(scored.at("/indicators/9/score").decimalValue()).isEqualByComparingTo("7.91");
        assertThat(scored.at("/indicators/3/score").decimalValue()).isEqualByComparingTo("3.30");
        assertThat(scored.at("/funds/score").decimalValue()).isEqualByComparingTo("9.49");   // 94.86 % of 10
        assertThat(scored.at("/summary/total").decimalValue()).isEqualByComparingTo("97.29");
        assertThat(scored.at("/summary/grade").asText()).isEqualTo("优");
        assertThat(api.as("filer1").post(path(id, "validation")).body().path("valid").asBoolean()).isTrue();

        runThroughReviewWithOneReturn(id, "dept1");
        assertThat(followUps(base)).containsExactly(id + " self-evaluation - APPROVED");
        assertThat(actions(id)).contains("CREATED", "SAVED", "VALIDATED", "SUBMITTED", "RETURNED", "APPROVED");
        assertThat(Flows.current(api, "filer1", id).path("basedOn").asLong()).isEqualTo(base);
        var again = problem(api.as("filer1").send("POST", Flows.DECLARATIONS,
                "{\"formKey\":\"self-evaluation\",\"basedOn\":" + base + "}", Map.of("Content-Type", "application/json")), 409);
        assertThat(again.at("/existing/id").asLong()).isEqualTo(id);
    }


    @Test
    void anotherUnitNeitherSeesNorFollowsUpHpBdcsDeclarations() {
        long base = Flows.approved(api);
        long id = api.as("filer1").post(Flows.DECLARATIONS, Map.of("formKey", "self-evaluation", "basedOn", base))
                .body().path("id").asLong();
        problem(api.as("filer2").get(path(id)), 404);
        problem(api.as("dept2").get(path(id)), 404);
        problem(api.as("filer2").post(Flows.DECLARATIONS, Map.of("formKey", "monitoring", "basedOn", base, "period", "01-06")), 404);
        assertThat(api.as("dept1").get(path(id)).status()).isEqualTo(200);
        assertThat(api.as("dept1").get(path(base)).body().path("followUps")).hasSize(1);
    }

    @Test
    void aFollowUpNeedsAnApprovedBaseAFollowUpFormAndAFittingPeriod() {
        long draft = Fixtures.validDraft(api, "filer1");
        var unapproved = problem(api.as("filer1").post(Flows.DECLARATIONS,
                Map.of("formKey", "self-evaluation", "basedOn", draft)), 409);
        assertThat(unapproved.path("detail").asText()).contains("basedOn", "草稿");
        assertThat(Flows.current(api, "filer1", draft).path("followUps")).isEmpty();

        long base = Flows.approved(api);
        assertThat(errorPaths(problem(api.as("filer1").post(Flows.DECLARATIONS,
                Map.of("formKey", "monitoring", "basedOn", base, "period", "07-01")), 400))).containsExactly("/period");
        assertThat(errorPaths(problem(api.as("filer1").post(Flows.DECLARATIONS,
                Map.of("formKey", "monitoring", "basedOn", base)), 400))).containsExactly("/period");
        assertThat(errorPaths(problem(api.as("filer1").post(Flows.DECLARATIONS,
                Map.of("formKey", "self-evaluation", "basedOn", base, "period", "01-12")), 400))).containsExactly("/period");
        assertThat(errorPaths(problem(api.as("filer1").post(Flows.DECLARATIONS,
                Map.of("formKey", "dept-overall", "basedOn", base)), 400))).containsExactly("/formKey");
        assertThat(errorPaths(problem(api.as("filer1").post(Flows.DECLARATIONS,
                Map.of("formKey", "no-such-form", "basedOn", base)), 400))).containsExactly("/formKey");
        problem(api.as("filer1").post(Flows.DECLARATIONS, Map.of("formKey", "monitoring", "basedOn", 999999, "period", "01-06")), 404);
        problem(api.as("dept1").post(Flows.DECLARATIONS, Map.of("formKey", "monitoring", "basedOn", base, "period", "01-06")), 403);
    }

    /** Submit, 主管部门 returns, resubmit, 主管部门 and 财政 approve (财政's grade is optional here). */
    private void runThroughReviewWithOneReturn(long id, String deptReviewer) {
        var submitted = api.as("filer1").post(path(id, "submission"));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        assertThat(submitted.body().path("status").asText()).isEqualTo("DEPT_REVIEW");
        // The steps reuse DEPT_REVIEW and FINANCE_REVIEW: the follow-up waits in the usual inboxes.
        assertThat(Flows.ids(api.as(deptReviewer).get("/api/tasks?size=500"))).contains(id);
        assertThat(Flows.ids(api.as("dept2").get("/api/tasks?size=500"))).doesNotContain(id);
        var returned = decide(api, deptReviewer, id, Map.of("outcome", "return", "comment", "请补充偏差原因的依据"));
        assertThat(returned.body().path("status").asText()).as(returned.text()).isEqualTo("RETURNED");
        var again = api.as("filer1").post(path(id, "submission"));
        assertThat(again.body().path("status").asText()).as(again.text()).isEqualTo("DEPT_REVIEW");
        assertThat(decide(api, deptReviewer, id, Map.of("outcome", "approve")).body().path("status").asText())
                .isEqualTo("FINANCE_REVIEW");
        assertThat(Flows.ids(api.as("finance1").get("/api/tasks?size=500"))).contains(id);
        var approved = decide(api, "finance1", id, Map.of("outcome", "approve"));
        assertThat(approved.body().path("status").asText()).as(approved.text()).isEqualTo("APPROVED");
    }

    private static void fillMonitoring(ObjectNode document) {
        document.with("header").put("filler", "张三");
        for (JsonNode indicator : document.path("indicators")) {
            // On course: to date and forecast as the target without its operator (≥98% → 98%).
            String value = indicator.path("target").asText().replaceFirst("^[≥≤=<>]", "");
            ((ObjectNode) indicator).put("actual", value).put("forecast", value);
        }
    }

    private java.util.List<String> followUps(long base) {
        var list = new java.util.ArrayList<String>();
        Flows.current(api, "filer1", base).path("followUps").forEach(f -> list.add(f.path("id").asLong() + " "
                + f.path("formKey").asText() + " " + f.path("period").asText("-") + " " + f.path("status").asText()));
        return list;
    }

    private java.util.List<String> actions(long id) {
        return audit.historyOf(id).stream().map(AuditRecord::action).toList();
    }

    private static java.util.List<String> rules(JsonNode findings) {
        var list = new java.util.ArrayList<String>();
        findings.forEach(f -> list.add(f.path("path").asText() + " " + f.path("rule").asText()));
        return list;
    }
}
