package cn.perftarget.web;

import static cn.perftarget.web.Flows.approve;
import static cn.perftarget.web.Flows.decide;
import static cn.perftarget.web.Flows.errorPaths;
import static cn.perftarget.web.Flows.path;
import static cn.perftarget.web.Flows.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.process.SubmissionDeadlineProcess;

/**
 * Each event of a declaration's life becomes a message for exactly the people it concerns, and for nobody else:
 * after each step the test reads every demo user's messages about that declaration (a scoping matrix). HP-BDC's
 * 主管部门 is dept1, HP-EDU's dept2; 财政 for HP-BDC is finance1 (绩效科) alone, for HP-EDU finance2 and finance1.
 */
@ApplicationTest
class MessagesApiTest {

    static final List<String> EVERYONE = List.of("filer1", "filer2", "filer3", "dept1", "dept2", "finance1",
            "finance2", "expert1", "auditor1", "admin");

    @Autowired
    Api api;
    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void freeKeys() {
        api.freeUniquenessKeys();
    }

    @Test
    void aRoundOfReviewTellsEachStepsReviewersAndTheFilersAndNobodyElse() {
        long id = Fixtures.validDraft(api, "filer1");
        // The 2020 deadline has passed: the declaration is overdue from creation, which its unit's filers hear of.
        assertThat(matrix(id)).isEqualTo(expect("filer1", "OVERDUE"));

        assertThat(api.as("filer1").post(path(id, "submission")).status()).isEqualTo(200);
        assertThat(matrix(id)).isEqualTo(expect("filer1", "OVERDUE", "dept1", "TASK_ARRIVED"));

        assertThat(approve(api, "dept1", id).status()).isEqualTo(200);
        assertThat(matrix(id)).isEqualTo(expect("filer1", "OVERDUE", "dept1", "TASK_ARRIVED", "finance1", "TASK_ARRIVED"));

        var returned = decide(api, "finance1", id, Map.of("outcome", "return", "comment", "请补充满意度指标"));
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);
        assertThat(matrix(id)).isEqualTo(expect("filer1", "OVERDUE,RETURNED", "dept1", "TASK_ARRIVED",
                "finance1", "TASK_ARRIVED"));
        var message = about("filer1", id).get(0);
        assertThat(message.path("kind").asText()).isEqualTo("RETURNED");
        assertThat(message.path("text").asText()).contains("请补充满意度指标");
        assertThat(message.path("title").asText()).contains("黄陂区大数据中心").contains("2020");
        assertThat(message.path("read").asBoolean()).isFalse();
        assertThat(message.path("declarationId").asLong()).isEqualTo(id);

        assertThat(api.as("filer1").post(path(id, "submission")).status()).isEqualTo(200);
        assertThat(approve(api, "dept1", id).status()).isEqualTo(200);
        assertThat(approve(api, "finance1", id).status()).isEqualTo(200);
        assertThat(matrix(id)).isEqualTo(expect("filer1", "OVERDUE,RETURNED,APPROVED",
                "dept1", "TASK_ARRIVED,TASK_ARRIVED", "finance1", "TASK_ARRIVED,TASK_ARRIVED"));
    }

    @Test
    void aRejectionTellsTheUnitsFilersWithTheReason() {
        long id = Fixtures.inFinanceReview(api, "filer2", "dept2");
        var rejected = decide(api, "finance2", id, Map.of("outcome", "reject", "comment", "项目不符合支持方向", "grade", "差"));
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);
        assertThat(matrix(id)).isEqualTo(expect("filer2", "OVERDUE,REJECTED", "dept2", "TASK_ARRIVED",
                "finance1", "TASK_ARRIVED", "finance2", "TASK_ARRIVED"));
        assertThat(about("filer2", id).get(0).path("text").asText()).contains("项目不符合支持方向");
    }

    @Test
    void aWithdrawalTellsTheReviewersWhoHadIt() {
        long id = Fixtures.inDeptReview(api, "filer1");
        assertThat(api.as("filer1").post(path(id, "withdrawal")).status()).isEqualTo(200);
        assertThat(matrix(id)).isEqualTo(expect("filer1", "OVERDUE", "dept1", "TASK_ARRIVED,WITHDRAWN"));
    }

    @Test
    void handOverAndConsultationReachOnlyWhomTheyName() {
        long id = Fixtures.inFinanceReview(api, "filer2", "dept2");
        var handed = api.as("finance2").post(path(id, "handover"), Map.of("to", "finance1"));
        assertThat(handed.status()).as(handed.text()).isEqualTo(200);
        assertThat(matrix(id)).isEqualTo(expect("filer2", "OVERDUE", "dept2", "TASK_ARRIVED",
                "finance1", "TASK_ARRIVED,HANDED_OVER", "finance2", "TASK_ARRIVED"));
        var asked = api.as("finance1").post(path(id, "consultation"), Map.of("to", "finance2", "comment", "请提意见"));
        assertThat(asked.status()).as(asked.text()).isEqualTo(200);
        assertThat(kinds("finance2", id)).isEqualTo("TASK_ARRIVED,CONSULTED");
    }

    @Test
    void theDeadlineReminderTellsTheUnitsFilersOnly() {
        var created = api.as("filer1").post("/api/declarations", Map.of("formKey", "dept-overall", "year", 2031));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        assertThat(matrix(id)).isEqualTo(expect());
        var watch = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(SubmissionDeadlineProcess.KEY).variableValueEquals("declarationId", id).singleResult();
        var reminder = engine.getManagementService().createJobQuery().processInstanceId(watch.getId()).timers()
                .activityId(SubmissionDeadlineProcess.EVENT_SUBMISSION_REMINDER).singleResult();
        engine.getManagementService().executeJob(reminder.getId());
        assertThat(matrix(id)).isEqualTo(expect("filer1", "DEADLINE_NEAR"));
        assertThat(about("filer1", id).get(0).path("text").asText()).contains("2030年11月30日");
    }

    @Test
    void readUnreadPagingAndSomeoneElsesMessage() {
        long id = Fixtures.inDeptReview(api, "filer2");
        assertThat(decide(api, "dept2", id, Map.of("outcome", "return", "comment", "第一次退回")).status()).isEqualTo(200);
        assertThat(api.as("filer2").post(path(id, "submission")).status()).isEqualTo(200);
        assertThat(decide(api, "dept2", id, Map.of("outcome", "return", "comment", "第二次退回")).status()).isEqualTo(200);

        var unread = api.as("filer2").get("/api/messages?unread=true&size=2");
        assertThat(unread.status()).isEqualTo(200);
        long unreadCount = Long.parseLong(unread.headers().getFirst("X-Total-Count"));
        assertThat(unreadCount).isGreaterThanOrEqualTo(3);
        assertThat(unread.body()).hasSize(2);
        assertThat(unread.body().get(0).path("text").asText()).contains("第二次退回");
        assertThat(unread.body().get(1).path("text").asText()).contains("第一次退回");
        assertThat(unread.headers().getFirst("Link")).contains("rel=\"next\"").contains("unread=true")
                .contains("page=1");
        var second = api.as("filer2").get("/api/messages?unread=true&size=2&page=1");
        assertThat(second.body().get(0).path("id").asLong()).isLessThan(unread.body().get(1).path("id").asLong());

        long messageId = unread.body().get(0).path("id").asLong();
        problem(api.as("filer1").post("/api/messages/" + messageId + "/read"), 404);
        problem(api.as("dept2").post("/api/messages/" + messageId + "/read"), 404);
        var read = api.as("filer2").post("/api/messages/" + messageId + "/read");
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(read.body().path("read").asBoolean()).isTrue();
        assertThat(total("filer2", true)).isEqualTo(unreadCount - 1);
        assertThat(api.as("filer2").get("/api/messages?size=1").body().get(0).path("read").asBoolean()).isTrue();

        var all = api.as("filer2").post("/api/messages/read-all");
        assertThat(all.status()).as(all.text()).isEqualTo(200);
        assertThat(all.body().path("marked").asLong()).isEqualTo(unreadCount - 1);
        assertThat(total("filer2", true)).isZero();
        assertThat(total("filer2", false)).isGreaterThanOrEqualTo(unreadCount);
        assertThat(total("dept2", true)).isPositive();
    }

    @Test
    void badPagingIsNamed() {
        assertThat(errorPaths(problem(api.as("filer1").get("/api/messages?size=0"), 400))).containsExactly("size");
        assertThat(errorPaths(problem(api.as("filer1").get("/api/messages?size=501"), 400))).containsExactly("size");
        assertThat(errorPaths(problem(api.as("filer1").get("/api/messages?page=-1"), 400))).containsExactly("page");
        assertThat(errorPaths(problem(api.as("filer1").get("/api/messages?page=2147483647&size=2"), 400)))
                .containsExactly("page");
        problem(api.as("filer1").get("/api/messages?unread=maybe"), 400);
        problem(api.as("filer1").post("/api/messages/0x1/read"), 400);
    }

    private long total(String user, boolean unread) {
        var got = api.as(user).get("/api/messages?size=1" + (unread ? "&unread=true" : ""));
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        return Long.parseLong(got.headers().getFirst("X-Total-Count"));
    }

    /** Each user's message kinds about the declaration, oldest first, joined by commas; users with none left out. */
    private Map<String, String> matrix(long id) {
        var matrix = new LinkedHashMap<String, String>();
        for (String user : EVERYONE) {
            String kinds = kinds(user, id);
            if (!kinds.isEmpty()) {
                matrix.put(user, kinds);
            }
        }
        return matrix;
    }

    private String kinds(String user, long id) {
        var kinds = new ArrayList<>(about(user, id).stream().map(m -> m.path("kind").asText()).toList());
        java.util.Collections.reverse(kinds);
        return String.join(",", kinds);
    }

    /** The user's messages about one declaration, newest first (the newest 500 of theirs are enough here). */
    static List<JsonNode> about(Api api, String user, long id) {
        var got = api.as(user).get("/api/messages?size=500");
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        var found = new ArrayList<JsonNode>();
        got.body().forEach(m -> {
            if (m.path("declarationId").asLong() == id) {
                found.add(m);
            }
        });
        return found;
    }

    private List<JsonNode> about(String user, long id) {
        return about(api, user, id);
    }

    private static Map<String, String> expect(String... userAndKinds) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < userAndKinds.length; i += 2) {
            map.put(userAndKinds[i], userAndKinds[i + 1]);
        }
        return map;
    }
}
