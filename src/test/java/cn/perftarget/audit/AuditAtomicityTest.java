package cn.perftarget.audit;

import static cn.perftarget.audit.Steps.breakOf;
import static cn.perftarget.audit.Steps.ok;
import static cn.perftarget.audit.Steps.path;
import static cn.perftarget.audit.Steps.problem;
import static cn.perftarget.audit.Steps.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * An action and its audit event commit together or not at all. The next append to a declaration's chain is made to
 * fail by a row that already holds its sequence number (uq_audit_event_chain); the action must then leave the
 * declaration, its revisions and its process exactly as they were, and succeed once the row is gone.
 */
@ApplicationTest
class AuditAtomicityTest {

    private static final String BLOCKER = "atomicity-test";

    @Autowired
    Api api;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;

    @Test
    void saveWhoseAuditEventCannotBeWrittenChangesNothing() {
        long id = Fixtures.createDraft(api, "filer1");
        var before = state(id);
        var seen = declaration(id);
        var fillIn = openTasks(id);
        int length = chainLength(id);

        try {
            blockNextAppend(id, length);
            problem(api.as("filer1").put(path(id, "document"), Fixtures.validDocument(), "\"1\""), 409);

            assertThat(state(id)).isEqualTo(before);
            assertThat(declaration(id)).isEqualTo(seen);
            assertThat(seen.path("status").asText()).isEqualTo("DRAFT");
            assertThat(seen.path("revision").asInt()).isEqualTo(1);
            assertThat(revisionNumbers(id)).containsExactly(1);
            assertThat(openTasks(id)).extracting(Task::getId).containsExactlyElementsOf(fillIn.stream().map(Task::getId).toList());
            assertThat(chainLength(id)).isEqualTo(length);
            assertThat(audit.historyOf(id)).extracting(AuditRecord::actor).containsExactly("filer1", "system", BLOCKER);
        } finally {
            unblock(id, length);
        }

        var saved = api.as("filer1").put(path(id, "document"), Fixtures.validDocument(), "\"1\"");
        ok(saved);
        assertThat(saved.body().path("revision").asInt()).isEqualTo(2);
        assertThat(revisionNumbers(id)).containsExactly(1, 2);
        assertThat(audit.historyOf(id)).extracting(AuditRecord::action, AuditRecord::seq)
                .last().isEqualTo(tuple("SAVED", length + 1));
        assertThat(breakOf(verify(api), id).isMissingNode()).isTrue();
    }

    @Test
    void submissionWhoseAuditEventCannotBeWrittenStaysDraftInFillIn() {
        long id = Fixtures.validDraft(api, "filer1");
        var before = state(id);
        var seen = declaration(id);
        var fillIn = openTasks(id);
        assertThat(fillIn).extracting(Task::getTaskDefinitionKey).containsExactly("Task_FillIn");
        int length = chainLength(id);

        try {
            blockNextAppend(id, length);
            problem(api.as("filer1").post(path(id, "submission")), 409);

            assertThat(state(id)).isEqualTo(before);
            assertThat(declaration(id)).isEqualTo(seen);
            assertThat(seen.path("status").asText()).isEqualTo("DRAFT");
            assertThat(revisionNumbers(id)).containsExactly(1, 2);
            assertThat(openTasks(id)).extracting(Task::getId).containsExactly(fillIn.get(0).getId());
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(fillIn.get(0).getProcessInstanceId())
                    .activityId("Task_ValidateDeclaration").count()).isZero();
            var waiting = api.as("dept1").get("/api/tasks");
            ok(waiting);
            assertThat(Steps.list(waiting.body())).extracting(t -> t.path("id").asLong()).doesNotContain(id);
            assertThat(chainLength(id)).isEqualTo(length);
        } finally {
            unblock(id, length);
        }

        var submitted = api.as("filer1").post(path(id, "submission"));
        ok(submitted);
        assertThat(submitted.body().path("status").asText()).isEqualTo("DEPT_REVIEW");
        assertThat(openTasks(id)).extracting(Task::getTaskDefinitionKey).containsExactly("Task_DeptReview");
        assertThat(audit.historyOf(id)).last().extracting(AuditRecord::action).isEqualTo("SUBMITTED");
        assertThat(breakOf(verify(api), id).isMissingNode()).isTrue();
    }

    /** What an action could change: the declaration row, its revisions and the head of its audit chain. */
    private List<Object> state(long id) {
        return List.of(
                jdbc.queryForMap("select status, revision, approved_revision, updated_at, first_submitted_at, lock_version "
                        + "from declaration where id = ?", id),
                jdbc.queryForList("select number, saved_at, submitted_at from declaration_revision "
                        + "where declaration_id = ? order by number", id),
                jdbc.queryForMap("select length, head_hash from audit_chain where declaration_id = ?", id));
    }

    private JsonNode declaration(long id) {
        var got = api.as("filer1").get("/api/declarations/" + id);
        ok(got);
        return got.body();
    }

    private List<Integer> revisionNumbers(long id) {
        var got = api.as("filer1").get(path(id, "revisions"));
        ok(got);
        return Steps.list(got.body()).stream().map(r -> r.path("number").asInt()).toList();
    }

    private List<Task> openTasks(long id) {
        return tasks.createTaskQuery().processVariableValueEquals("declarationId", id).list();
    }

    private int chainLength(long id) {
        return jdbc.queryForObject("select length from audit_chain where declaration_id = ?", Integer.class, id);
    }

    /** Takes the chain's next sequence number, so that the next append violates uq_audit_event_chain. */
    private void blockNextAppend(long id, int length) {
        jdbc.update("insert into audit_event (declaration_id, seq, occurred_at, actor, action) values (?, ?, ?, ?, 'SAVED')",
                id, length + 1, OffsetDateTime.now(ZoneOffset.UTC), BLOCKER);
    }

    private void unblock(long id, int length) {
        jdbc.update("delete from audit_event where declaration_id = ? and seq = ? and actor = ?", id, length + 1, BLOCKER);
    }
}
