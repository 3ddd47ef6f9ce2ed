package cn.perftarget.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.audit.AuditTrail;

/**
 * Issue 19, wall 7: every time written for people is Asia/Shanghai. The audit CSV carries the offset (a program may
 * read it again), a note names the deadline as a clerk reads a clock (2019-12-01 00:00), never the UTC of
 * {@code Instant.toString()}.
 */
@ApplicationTest
class ShanghaiTimesApiTest {

    /** A budget year long past (its deadline 2016-11-30 has gone), which no other test files for. */
    private static final int PAST_YEAR = 2017;

    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

    @Autowired
    Api api;

    @Autowired
    AuditTrail audit;

    @Test
    void theAuditCsvWritesEachTimeInShanghaiWithItsOffsetAndKeepsTheByteOrderMark() {
        long id = pastDraft();
        var events = audit.historyOf(id);

        var csv = api.as("auditor1").get("/api/audit/events?year=" + PAST_YEAR, MediaType.parseMediaType("text/csv"));

        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csv.text()).startsWith("\uFEFF编号,");
        var lines = csv.text().substring(1).split("\r\n");
        for (var event : events) {
            String row = java.util.Arrays.stream(lines).filter(l -> l.startsWith(event.id() + ",")).findFirst()
                    .orElseThrow();
            String time = row.split(",")[3];
            assertThat(time).as(row).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
            assertThat(OffsetDateTime.parse(time).toInstant()).isEqualTo(event.time().truncatedTo(ChronoUnit.SECONDS));
            assertThat(OffsetDateTime.parse(time).getOffset()).isEqualTo(SHANGHAI);
        }
        assertThat(csv.text()).doesNotContainPattern("\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    }

    @Test
    void theOverdueNoteNamesTheDeadlineInShanghaiTimeToTheMinute() {
        long id = pastDraft();

        JsonNode overdue = overdueEntry(api.as("filer3").get("/api/declarations/" + id + "/history").body());

        assertThat(overdue.path("details").asText()).isEqualTo("已超过提交截止时间：" + (PAST_YEAR - 1) + "-12-01 00:00");
        assertThat(overdue.path("detailsText").asText()).isEqualTo(overdue.path("details").asText());
        assertThat(overdue.path("actorName").asText()).isEqualTo("系统");
        assertThat(overdue.path("roleLabel").asText()).isEqualTo("系统");
    }

    private static JsonNode overdueEntry(JsonNode history) {
        for (JsonNode entry : history) {
            if (entry.path("action").asText().equals("OVERDUE")) {
                return entry;
            }
        }
        throw new AssertionError("no OVERDUE entry in " + history);
    }

    /** A draft of the past year: created after its deadline, it is marked overdue at once. */
    private long pastDraft() {
        api.freeUniquenessKeys();
        var created = api.as("filer3").post("/api/declarations", Map.of("formKey", "dept-overall", "year", PAST_YEAR));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().path("id").asLong();
    }
}
