package cn.perftarget.web;

import static cn.perftarget.web.Flows.approve;
import static cn.perftarget.web.Flows.errorPaths;
import static cn.perftarget.web.Flows.path;
import static cn.perftarget.web.Flows.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * 抄送 grants reading and nothing more, with a COPIED message; 催办 tells the current step's reviewers, once a day
 * per step (429 the second time), and is audited once. Who may do either is checked before the body is read.
 */
@ApplicationTest
class CopyAndUrgeApiTest {

    @Autowired
    Api api;

    @BeforeEach
    void freeKeys() {
        api.freeUniquenessKeys();
    }

    @Test
    void aCopyLetsThemReadTheDeclarationAndNothingMore() {
        long id = Fixtures.validDraft(api, "filer1");
        problem(api.as("filer2").get(path(id)), 404);
        problem(api.as("dept2").get(path(id)), 404);
        assertThat(listed("filer2", id)).as("in filer2's list before the copy").isFalse();

        var copied = api.as("filer1").post(path(id, "copies"), Map.of("users", List.of("filer2", "dept2"),
                "note", "请参考我们的指标"));
        assertThat(copied.status()).as(copied.text()).isEqualTo(200);
        assertThat(copied.body().path("users")).extracting(n -> n.asText()).containsExactly("filer2", "dept2");
        for (String user : List.of("filer2", "dept2")) {
            var message = MessagesApiTest.about(api, user, id);
            assertThat(message).hasSize(1);
            assertThat(message.get(0).path("kind").asText()).isEqualTo("COPIED");
            assertThat(message.get(0).path("text").asText()).contains("请参考我们的指标");
        }
        assertThat(MessagesApiTest.about(api, "filer3", id)).isEmpty();

        // Reading: the declaration (also in their declaration list), its print view and its PDF.
        assertThat(listed("filer2", id)).as("in filer2's list after the copy").isTrue();
        assertThat(listed("filer3", id)).as("in filer3's list").isFalse();
        var read = api.as("filer2").get(path(id));
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(api.as("filer2").get("/declarations/" + id + "/print", MediaType.TEXT_HTML).status()).isEqualTo(200);
        assertThat(api.as("filer2").get(path(id, "document"), MediaType.APPLICATION_PDF).status()).isEqualTo(200);
        // Nothing more: no save, no submission, no onward copy.
        problem(api.as("filer2").put(path(id, "document"), Fixtures.validDocument(), read.etag()), 403);
        problem(api.as("filer2").post(path(id, "submission")), 403);
        problem(api.as("filer2").post(path(id, "copies"), Map.of("users", List.of("filer3"))), 403);
        problem(api.as("filer3").get(path(id)), 404);

        // A reviewer copied in on a declaration in review may not decide it.
        assertThat(api.as("filer1").post(path(id, "submission")).status()).isEqualTo(200);
        problem(api.as("dept2").post(path(id, "decision"), Map.of("outcome", "approve")), 403);
        assertThat(audited(id, "COPIED")).isEqualTo(1);
    }

    private boolean listed(String user, long id) {
        var list = api.as(user).get("/api/declarations?size=500&status=DRAFT");
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        return list.body().findValuesAsText("id").contains(String.valueOf(id));
    }

    @Test
    void aReviewerCopiesAUnitInAndBadNamesAreNamed() {
        long id = Fixtures.inDeptReview(api, "filer1");
        var copied = api.as("dept1").post(path(id, "copies"), Map.of("units", List.of("HP-EDU")));
        assertThat(copied.status()).as(copied.text()).isEqualTo(200);
        assertThat(copied.body().path("users")).extracting(n -> n.asText()).contains("filer2", "dept2")
                .doesNotContain("dept1", "filer1", "finance2");
        assertThat(api.as("filer2").get(path(id)).status()).isEqualTo(200);

        assertThat(errorPaths(problem(api.as("filer1").post(path(id, "copies"),
                Map.of("users", List.of("filer2", "nobody"))), 400))).containsExactly("/users/1");
        assertThat(errorPaths(problem(api.as("filer1").post(path(id, "copies"),
                Map.of("units", List.of("NO-SUCH-UNIT"))), 400))).containsExactly("/units/0");
        assertThat(errorPaths(problem(api.as("filer1").post(path(id, "copies"), Map.of()), 400))).containsExactly("/users");
        assertThat(errorPaths(problem(api.as("filer1").post(path(id, "copies"),
                Map.of("users", List.of("filer1"))), 400))).containsExactly("/users/0");
        // Authorization before content: a caller without the right gets 403 whatever the body holds.
        problem(api.as("auditor1").send("POST", path(id, "copies"), "{\"users\": 12}",
                Map.of("Content-Type", "application/json")), 403);
        problem(api.as("filer2").send("POST", path(id, "copies"), "{\"users\": 12}",
                Map.of("Content-Type", "application/json")), 403);
        problem(api.as("filer3").send("POST", path(id, "copies"), "{\"users\": 12}",
                Map.of("Content-Type", "application/json")), 404);
    }

    @Test
    void urgingTellsTheStepsReviewersOnceADayAndIsAuditedOnce() {
        long id = Fixtures.inDeptReview(api, "filer1");
        problem(api.as("dept1").post(path(id, "urge")), 403);
        problem(api.as("auditor1").post(path(id, "urge")), 403);
        problem(api.as("filer2").post(path(id, "urge")), 404);

        var urged = api.as("filer1").post(path(id, "urge"));
        assertThat(urged.status()).as(urged.text()).isEqualTo(200);
        assertThat(urged.body().path("step").asText()).isEqualTo("DEPT_REVIEW");
        assertThat(urged.body().path("reviewers")).extracting(n -> n.asText()).containsExactly("dept1");
        assertThat(urged.body().path("reviewerNames")).extracting(n -> n.asText()).containsExactly("王主管");
        assertThat(MessagesApiTest.about(api, "dept1", id).get(0).path("kind").asText()).isEqualTo("URGED");
        for (String user : List.of("dept2", "finance1", "finance2", "filer3", "expert1")) {
            assertThat(MessagesApiTest.about(api, user, id)).isEmpty();
        }

        var again = problem(api.as("filer1").post(path(id, "urge")), 429);
        assertThat(again.path("detail").asText()).contains("今天已经催办过");
        assertThat(api.as("filer1").post(path(id, "urge")).headers().getFirst("Retry-After")).matches("[1-9][0-9]*");
        problem(api.as("finance1").post(path(id, "urge")), 429);
        assertThat(audited(id, "URGED")).isEqualTo(1);
        assertThat(MessagesApiTest.about(api, "dept1", id).stream().filter(m -> m.path("kind").asText().equals("URGED")))
                .hasSize(1);

        // The next step is another step: 财政 may urge it today.
        assertThat(approve(api, "dept1", id).status()).isEqualTo(200);
        var finance = api.as("finance1").post(path(id, "urge"));
        assertThat(finance.status()).as(finance.text()).isEqualTo(200);
        assertThat(audited(id, "URGED")).isEqualTo(2);
    }

    @Test
    void aCopyDoesNotLetFinanceOutsideItsOversightUrge() {
        long id = Fixtures.inDeptReview(api, "filer1");
        assertThat(api.as("filer1").post(path(id, "copies"), Map.of("users", List.of("finance2"))).status()).isEqualTo(200);
        assertThat(api.as("finance2").get(path(id)).status()).isEqualTo(200);
        problem(api.as("finance2").post(path(id, "urge")), 403);
    }

    @Test
    void aDraftIsNotUrged() {
        long id = Fixtures.validDraft(api, "filer2");
        problem(api.as("filer2").post(path(id, "urge")), 409);
    }

    private long audited(long id, String action) {
        var history = api.as("auditor1").get(path(id, "history")).body();
        return history.findValuesAsText("action").stream().filter(action::equals).count();
    }
}
