package cn.perftarget.web;

import static cn.perftarget.web.Flows.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * The two example chains shipped in processes/, end to end over HTTP through test templates that name them:
 * the four-level chain (主管部门 → 第三方机构评审 → 财政业务科室 → 绩效科 with a required grade) and the 专家会签 panel of
 * three (two of three decide; each member's opinion kept and in the history).
 */
@ApplicationTest
class ReviewChainExamplesApiTest {

    private static final String PANEL_PASSWORD = "huiqian-2021";

    @Autowired
    Api api;

    @BeforeEach
    void panelOfThreeExperts() {
        for (String username : List.of("panel2", "panel3")) {
            Map<String, Object> user = new HashMap<>(Map.of("username", username, "name", "会签专家" + username,
                    "roles", List.of("EXPERT"), "password", PANEL_PASSWORD));
            var created = api.as("admin").post("/api/admin/users", user);
            assertThat(created.status()).as(created.text()).isIn(201, 409);
        }
    }

    @Test
    void fourLevelChainGoesThroughEveryLevelAndOnlyItsReviewersDecideEach() {
        long id = Fixtures.submitted(api, "filer2", "four-level-test", 2021);
        assertThat(status(id)).isEqualTo("DEPT_REVIEW");
        refused("dept1", id, 404);
        decide("dept2", id, Map.of("outcome", "approve"));

        assertThat(status(id)).isEqualTo("THIRD_PARTY_REVIEW");
        assertThat(label(id)).isEqualTo("第三方机构评审中");
        refused("finance2", id, 403);
        decide("expert1", id, Map.of("outcome", "approve"));

        assertThat(status(id)).isEqualTo("FINANCE_SECTION_REVIEW");
        refused("dept2", id, 403);
        decide("finance2", id, Map.of("outcome", "approve"));

        assertThat(status(id)).isEqualTo("PERFORMANCE_REVIEW");
        refused("finance2", id, 403);
        var noGrade = api.as("finance1").post(path(id, "decision"), Map.of("outcome", "approve"));
        assertThat(Flows.errorPaths(Flows.problem(noGrade, 400))).containsExactly("/grade");
        decide("finance1", id, Map.of("outcome", "approve", "grade", "良"));

        assertThat(status(id)).isEqualTo("APPROVED");
        var steps = api.as("auditor1").get(path(id, "decisions")).body().findValuesAsText("step");
        assertThat(steps).containsExactly("DEPT_REVIEW", "THIRD_PARTY_REVIEW", "FINANCE_SECTION_REVIEW",
                "PERFORMANCE_REVIEW");
    }

    @Test
    void fourLevelChainRejectsOnlyAtThePerformanceSection() {
        long id = Fixtures.submitted(api, "filer2", "four-level-test", 2020);
        decide("dept2", id, Map.of("outcome", "approve"));
        decide("expert1", id, Map.of("outcome", "approve"));
        var reject = api.as("finance2").post(path(id, "decision"), Map.of("outcome", "reject", "comment", "不予支持"));
        assertThat(Flows.errorPaths(Flows.problem(reject, 400))).containsExactly("/outcome");
        decide("finance2", id, Map.of("outcome", "approve"));
        decide("finance1", id, Map.of("outcome", "reject", "comment", "目标与职能不符", "grade", "差"));
        assertThat(status(id)).isEqualTo("REJECTED");
    }

    @Test
    void panelOfThreeEndsWhenTwoApproveAndKeepsEachOpinion() {
        long id = Fixtures.submitted(api, "filer1", "panel-test", 2021);
        decide("dept1", id, Map.of("outcome", "approve"));
        assertThat(status(id)).isEqualTo("EXPERT_PANEL_REVIEW");
        for (String member : List.of("expert1", "panel2", "panel3")) {
            assertThat(Flows.ids(as(member).get("/api/tasks?size=500"))).as(member).contains(id);
        }

        decide("expert1", id, Map.of("outcome", "approve", "comment", "目标明确"));
        assertThat(status(id)).as("one vote of three decides nothing").isEqualTo("EXPERT_PANEL_REVIEW");
        var again = api.as("expert1").post(path(id, "decision"), Map.of("outcome", "approve"));
        assertThat(again.status()).as("a member votes once: " + again.text()).isIn(403, 409);
        decide("panel2", id, Map.of("outcome", "return", "comment", "指标值偏低"));
        assertThat(status(id)).isEqualTo("EXPERT_PANEL_REVIEW");
        decide("panel3", id, Map.of("outcome", "approve", "comment", "同意"));

        assertThat(status(id)).as("two of three approved").isEqualTo("FINANCE_REVIEW");
        var panel = opinions(id, "EXPERT_PANEL_REVIEW");
        assertThat(panel).extracting(o -> o.path("reviewer").asText()).containsExactly("expert1", "panel2", "panel3");
        assertThat(panel).extracting(o -> o.path("outcome").asText()).containsExactly("approve", "return", "approve");
        var history = api.as("auditor1").get(path(id, "history")).body();
        long panelEvents = 0;
        for (JsonNode e : history) {
            if ("EXPERT_PANEL_REVIEW".equals(e.path("fromStatus").asText())) {
                panelEvents++;
            }
        }
        assertThat(panelEvents).as("each member's opinion in the history").isEqualTo(3);
    }

    @Test
    void panelReturnsWhenTwoReturnAndANewRoundCountsAfresh() {
        long id = Fixtures.submitted(api, "filer1", "panel-test", 2020);
        decide("dept1", id, Map.of("outcome", "approve"));
        decide("expert1", id, Map.of("outcome", "return", "comment", "测算依据不足"));
        decide("panel2", id, Map.of("outcome", "return", "comment", "同上"));
        assertThat(status(id)).isEqualTo("RETURNED");

        assertThat(api.as("filer1").post(path(id, "submission")).status()).isEqualTo(200);
        decide("dept1", id, Map.of("outcome", "approve"));
        decide("panel3", id, Map.of("outcome", "return", "comment", "仍需修改"));
        assertThat(status(id)).as("the last round's returns do not count").isEqualTo("EXPERT_PANEL_REVIEW");
        decide("expert1", id, Map.of("outcome", "approve"));
        decide("panel2", id, Map.of("outcome", "approve"));
        assertThat(status(id)).isEqualTo("FINANCE_REVIEW");
    }

    private List<JsonNode> opinions(long id, String step) {
        var all = api.as("auditor1").get(path(id, "decisions")).body();
        var out = new java.util.ArrayList<JsonNode>();
        all.forEach(d -> {
            if (d.path("step").asText().equals(step)) {
                out.add(d);
            }
        });
        return out;
    }

    private Api.As as(String user) {
        return user.startsWith("panel") ? api.as(user, PANEL_PASSWORD) : api.as(user);
    }

    private void decide(String reviewer, long id, Map<String, ?> decision) {
        var decided = as(reviewer).post(path(id, "decision"), decision);
        assertThat(decided.status()).as(reviewer + ": " + decided.text()).isEqualTo(200);
    }

    private void refused(String reviewer, long id, int status) {
        var decided = api.as(reviewer).post(path(id, "decision"), Map.of("outcome", "approve", "grade", "优"));
        assertThat(decided.status()).as(reviewer + ": " + decided.text()).isEqualTo(status);
    }

    private String status(long id) {
        return Flows.current(api, "auditor1", id).path("status").asText();
    }

    private String label(long id) {
        return Flows.current(api, "auditor1", id).path("statusLabel").asText();
    }
}
