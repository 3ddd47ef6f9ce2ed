package cn.perftarget.audit;

import static cn.perftarget.audit.Steps.breakOf;
import static cn.perftarget.audit.Steps.decide;
import static cn.perftarget.audit.Steps.ok;
import static cn.perftarget.audit.Steps.path;
import static cn.perftarget.audit.Steps.verify;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * /api/audit/verify over the real chains: intact after normal use, and each kind of tampering with audit_event
 * found at the event where the chain first breaks. Every tampered chain is put back row for row afterwards.
 */
@ApplicationTest
class ChainVerificationTest {

    @Autowired
    Api api;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void chainOfAFullLifecycleIsIntactAndEndsAtItsRecordedHead() {
        long id = Fixtures.inDeptReview(api, "filer1");
        ok(api.as("filer1").post(path(id, "withdrawal")));
        ok(api.as("dept1").post(path(id, "validation")));
        ok(api.as("filer1").post(path(id, "submission")));
        decide(api, "dept1", id, Map.of("outcome", "return", "comment", "请补充区号|以便联系", "fields", List.of("/header/phone")));
        var document = Fixtures.validDocument();
        ((ObjectNode) document.path("header")).put("phone", "027-85916419");
        ok(api.as("filer1").put(path(id, "document"), document, "\"2\""));
        ok(api.as("filer1").post(path(id, "submission")));
        decide(api, "dept1", id, Map.of("outcome", "approve"));
        decide(api, "finance1", id, Map.of("outcome", "approve", "grade", "优", "comment", "同意，\"按时\"完成"));
        ok(api.as("filer1").post(path(id, "adjustment")));
        ok(api.as("auditor1").get("/api/audit/events?department=HP-EDU&action=WITHDRAWN", MediaType.parseMediaType("text/csv")));

        var events = audit.historyOf(id);
        assertThat(events).extracting(AuditRecord::action).containsExactly("CREATED", "OVERDUE", "SAVED", "SUBMITTED", "WITHDRAWN",
                "VALIDATED", "SUBMITTED", "RETURNED", "SAVED", "SUBMITTED", "APPROVED", "APPROVED", "ADJUSTMENT_OPENED");
        assertThat(events).extracting(AuditRecord::seq).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        var links = jdbc.queryForList("select prev_hash, hash from audit_event where declaration_id = ? order by seq", id);
        assertThat(links.get(0).get("PREV_HASH")).isEqualTo("0".repeat(64));
        for (int i = 1; i < links.size(); i++) {
            assertThat(links.get(i).get("PREV_HASH")).as("prev_hash of seq %d", i + 1).isEqualTo(links.get(i - 1).get("HASH"));
        }
        var head = jdbc.queryForMap("select length, head_hash from audit_chain where declaration_id = ?", id);
        assertThat(head.get("LENGTH")).isEqualTo(13);
        assertThat(head.get("HEAD_HASH")).isEqualTo(events.get(12).hash());

        var verification = verify(api);
        assertThat(breakOf(verification, id).isMissingNode()).as(verification.toString()).isTrue();
        assertThat(breakOf(verification, AuditTrail.GENERAL).isMissingNode()).as(verification.toString()).isTrue();
        assertThat(verification.path("events").asLong()).isGreaterThanOrEqualTo(events.size());
    }

    @Test
    void editedCommentIsReportedAtThatEventAsChangedContent() {
        long id = Steps.returnedAndSavedAgain(api);
        var returned = event(id, 5);
        assertThat(returned.action()).isEqualTo("RETURNED");

        var broken = tampered(id, () -> assertThat(jdbc.update("update audit_event set comment = ? where id = ?",
                "同意", returned.id())).isEqualTo(1));

        assertThat(broken.path("event").asLong()).isEqualTo(returned.id());
        assertThat(broken.path("reason").asText()).contains("内容");
    }

    @Test
    void editedStatusOfTheLastEventIsReportedAtThatEvent() {
        long id = Steps.returnedAndSavedAgain(api);
        var last = event(id, 6);

        var broken = tampered(id, () -> jdbc.update("update audit_event set status_to = 'APPROVED' where id = ?", last.id()));

        assertThat(broken.path("event").asLong()).isEqualTo(last.id());
        assertThat(broken.path("reason").asText()).contains("内容");
    }

    @Test
    void deletedMiddleEventIsReportedAtTheNextEvent() {
        long id = Steps.returnedAndSavedAgain(api);
        var saved = event(id, 3);
        var next = event(id, 4);

        var broken = tampered(id, () -> assertThat(jdbc.update("delete from audit_event where id = ?", saved.id())).isEqualTo(1));

        assertThat(broken.path("event").asLong()).isEqualTo(next.id());
        assertThat(broken.path("reason").asText()).contains("删除");
    }

    @Test
    void deletedLastEventIsReportedAgainstTheChainHead() {
        long id = Steps.returnedAndSavedAgain(api);
        var last = event(id, 6);

        var broken = tampered(id, () -> assertThat(jdbc.update("delete from audit_event where id = ?", last.id())).isEqualTo(1));

        assertThat(broken.path("event").isNull()).as(broken.toString()).isTrue();
        assertThat(broken.path("reason").asText()).contains("链头").contains("末尾");
    }

    @Test
    void swappedSequenceNumbersAreReportedAtTheEventMovedForward() {
        long id = Steps.returnedAndSavedAgain(api);
        var second = event(id, 3);
        var third = event(id, 4);

        var broken = tampered(id, () -> {
            jdbc.update("update audit_event set seq = -1 where id = ?", second.id());
            jdbc.update("update audit_event set seq = 3 where id = ?", third.id());
            jdbc.update("update audit_event set seq = 4 where id = ?", second.id());
        });

        assertThat(broken.path("event").asLong()).isEqualTo(third.id());
        assertThat(broken.path("reason").asText()).contains("顺序");
    }

    @Test
    void eventWrittenAroundTheTrailIsReportedAtThatEvent() {
        long id = Steps.returnedAndSavedAgain(api);
        long[] intruder = new long[1];

        var broken = tampered(id, () -> {
            jdbc.update("insert into audit_event (declaration_id, occurred_at, actor, action) "
                    + "values (?, current_timestamp, 'intruder', 'APPROVED')", id);
            intruder[0] = jdbc.queryForObject("select id from audit_event where declaration_id = ? and actor = 'intruder'",
                    Long.class, id);
        });

        assertThat(broken.path("event").asLong()).isEqualTo(intruder[0]);
        assertThat(broken.path("reason").asText()).contains("链序号");
    }

    private AuditRecord event(long id, int seq) {
        return audit.historyOf(id).stream().filter(e -> e.seq() == seq).findFirst().orElseThrow();
    }

    /**
     * Verifies the declaration's chain before, during and after {@code change}; returns the break seen during it.
     * The chain's rows are kept in full beforehand and put back in finally, whatever the change did.
     */
    private JsonNode tampered(long id, Runnable change) {
        assertThat(breakOf(verify(api), id).isMissingNode()).as("chain %d before the change", id).isTrue();
        var rows = jdbc.queryForList("select * from audit_event where declaration_id = ? order by id", id);
        JsonNode broken;
        try {
            change.run();
            broken = breakOf(verify(api), id);
        } finally {
            jdbc.update("delete from audit_event where declaration_id = ?", id);
            rows.forEach(this::insert);
        }
        assertThat(breakOf(verify(api), id).isMissingNode()).as("chain %d after it was put back", id).isTrue();
        assertThat(audit.historyOf(id)).hasSize(rows.size());
        assertThat(broken.isMissingNode()).as("chain %d reported as broken", id).isFalse();
        return broken;
    }

    private void insert(Map<String, Object> row) {
        var columns = List.copyOf(row.keySet());
        jdbc.update("insert into audit_event (" + String.join(", ", columns) + ") values ("
                        + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")",
                columns.stream().map(row::get).toArray());
    }
}
