package cn.perftarget.audit;

import static cn.perftarget.audit.Steps.breakOf;
import static cn.perftarget.audit.Steps.ok;
import static cn.perftarget.audit.Steps.problem;
import static cn.perftarget.audit.Steps.verify;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.audit.anchor.AnchorProperties;

/**
 * The signed anchor of the chain heads: what /api/audit/anchor returns, and verification against it when a chain lost
 * its tail together with its head, which the chain alone cannot show. Tampered rows and files are put back.
 */
@ApplicationTest
class AuditAnchorTest {

    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AnchorProperties anchorProperties;

    @Test
    void tailRemovedTogetherWithItsHeadIsReportedAgainstTheAnchor() {
        long id = Steps.returnedAndSavedAgain(api);
        int last = lengthOf(id);
        var anchor = anchorNow();
        assertThat(anchoredLength(anchor, id)).isEqualTo(last);
        var rows = jdbc.queryForList("select * from audit_event where declaration_id = ? and seq = ?", id, last);
        var previous = jdbc.queryForObject("select hash from audit_event where declaration_id = ? and seq = ?",
                String.class, id, last - 1);
        var head = jdbc.queryForMap("select length, head_hash from audit_chain where declaration_id = ?", id);
        JsonNode broken;
        JsonNode afterAnotherAnchor;
        try {
            assertThat(jdbc.update("delete from audit_event where declaration_id = ? and seq = ?", id, last)).isEqualTo(1);
            jdbc.update("update audit_chain set length = ?, head_hash = ? where declaration_id = ?", last - 1, previous, id);
            broken = breakOf(verify(api), id);
            afterAnotherAnchor = anchorNow();
        } finally {
            rows.forEach(this::insert);
            jdbc.update("update audit_chain set length = ?, head_hash = ? where declaration_id = ?",
                    head.get("LENGTH"), head.get("HEAD_HASH"), id);
        }

        assertThat(broken.isMissingNode()).as("the shortened chain is reported").isFalse();
        assertThat(broken.path("event").isNull()).as(broken.toString()).isTrue();
        assertThat(broken.path("reason").asText()).contains((last - 1) + " 个事件").contains("锚定的 " + last + " 个").contains("末尾");
        assertThat(anchoredLength(afterAnotherAnchor, id)).as("a later anchor keeps the evidence").isEqualTo(last);
        assertThat(breakOf(verify(api), id).isMissingNode()).as("intact once put back").isTrue();
    }

    @Test
    void chainRewrittenConsistentlySinceTheAnchorIsReportedAtTheAnchoredEvent() {
        long id = Steps.returnedAndSavedAgain(api);
        int last = lengthOf(id);
        anchorNow();
        var lastEvent = jdbc.queryForMap("select id, actor, hash from audit_event where declaration_id = ? and seq = ?", id, last);
        // The last event rewritten with its hash recomputed and the head to match: the chain alone looks whole.
        String forged = jdbc.queryForObject("select declaration_id, seq, occurred_at, actor_role, department, budget_year, "
                + "action, status_from, status_to, revision, comment, grade, details, prev_hash from audit_event where id = ?",
                (rs, n) -> EventHash.of(rs.getLong(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        "intruder", rs.getString(4), rs.getString(5), (Integer) rs.getObject(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), (Integer) rs.getObject(10), rs.getString(11), rs.getString(12),
                        rs.getString(13), rs.getString(14)), lastEvent.get("ID"));
        JsonNode broken;
        try {
            jdbc.update("update audit_event set actor = 'intruder', hash = ? where id = ?", forged, lastEvent.get("ID"));
            jdbc.update("update audit_chain set head_hash = ? where declaration_id = ?", forged, id);
            broken = breakOf(verify(api), id);
        } finally {
            jdbc.update("update audit_event set actor = ?, hash = ? where id = ?", lastEvent.get("ACTOR"), lastEvent.get("HASH"),
                    lastEvent.get("ID"));
            jdbc.update("update audit_chain set head_hash = ? where declaration_id = ?", lastEvent.get("HASH"), id);
        }

        assertThat(broken.path("event").asLong()).as(broken.toString()).isEqualTo(((Number) lastEvent.get("ID")).longValue());
        assertThat(broken.path("reason").asText()).contains("第 " + last + " 个事件").contains("锚定的不符");
        assertThat(breakOf(verify(api), id).isMissingNode()).isTrue();
    }

    @Test
    void forgedAnchorFileIsReportedAndNotOverwritten() throws Exception {
        anchorNow();
        var file = anchorProperties.file();
        var original = Files.readString(file);
        JsonNode verification;
        Api.Response refused;
        try {
            Files.writeString(file, original.replaceFirst("\"length\":(\\d+)", "\"length\":9$1"));
            verification = verify(api);
            refused = api.as("auditor1").post("/api/audit/anchor");
            assertThat(Files.readString(file)).isNotEqualTo(original);
        } finally {
            Files.writeString(file, original);
        }
        assertThat(verification.path("intact").asBoolean()).isFalse();
        assertThat(breakOf(verification, AuditTrail.GENERAL).path("reason").asText()).contains("签名不符");
        assertThat(problem(refused, 409).path("detail").asText()).contains("签名不符");
        assertThat(breakOf(verify(api), AuditTrail.GENERAL).isMissingNode()).isTrue();
    }

    @Test
    void onlyAuditorsSeeOrWriteTheAnchor() {
        problem(api.as("filer1").get("/api/audit/anchor"), 403);
        problem(api.as("admin").post("/api/audit/anchor"), 403);
        var got = api.as("auditor1").get("/api/audit/anchor");
        ok(got);
        assertThat(got.body().path("signature").asText()).hasSize(64);
        assertThat(got.body().path("time").asText()).isNotBlank();
        assertThat(got.body().path("chains").isArray()).isTrue();
    }

    private JsonNode anchorNow() {
        var written = api.as("auditor1").post("/api/audit/anchor");
        ok(written);
        return written.body();
    }

    private static int anchoredLength(JsonNode anchor, long id) {
        for (JsonNode chain : anchor.path("chains")) {
            if (chain.path("declaration").asLong() == id) {
                return chain.path("length").asInt();
            }
        }
        return -1;
    }

    private void insert(Map<String, Object> row) {
        var columns = List.copyOf(row.keySet());
        jdbc.update("insert into audit_event (" + String.join(", ", columns) + ") values ("
                        + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")",
                columns.stream().map(row::get).toArray());
    }

    private int lengthOf(long declaration) {
        return jdbc.queryForObject("select length from audit_chain where declaration_id = ?", Integer.class, declaration);
    }

}
