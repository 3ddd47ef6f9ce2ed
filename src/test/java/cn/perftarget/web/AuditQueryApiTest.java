package cn.perftarget.web;

import static cn.perftarget.web.Flows.decide;
import static cn.perftarget.web.Flows.path;
import static cn.perftarget.web.Flows.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.audit.AuditRecord;
import cn.perftarget.audit.AuditTrail;

/**
 * GET /api/audit/events for the auditor: each filter, paging and the CSV export. The data live in budget years no
 * other test uses (2093 for searches, 2094 for the export), so year-filtered results hold exactly these events.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditQueryApiTest {

    private static final int YEAR = 2093;
    private static final int EXPORT_YEAR = 2094;
    private static final String EVENTS = "/api/audit/events";
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    Api api;
    @Autowired
    AuditTrail audit;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** filer1's declaration: returned by dept1, corrected, approved by dept1 and finance1 (8 events). */
    List<AuditRecord> bdc;
    /** filer2's draft, saved once (2 events). */
    List<AuditRecord> edu;
    List<AuditRecord> all;

    @BeforeAll
    void fileDeclarationsOfTheYear() {
        long bdcId = draft("filer1", YEAR);
        save("filer1", bdcId, Fixtures.validDocument(YEAR), 1);
        submit(bdcId);
        assertThat(decide(api, "dept1", bdcId, Map.of("outcome", "return", "comment", "请核对目标值")).status()).isEqualTo(200);
        var corrected = Fixtures.validDocument(YEAR);
        ((ObjectNode) corrected.path("header")).put("phone", "027-85916419");
        save("filer1", bdcId, corrected, 2);
        submit(bdcId);
        assertThat(Flows.approve(api, "dept1", bdcId).status()).isEqualTo(200);
        assertThat(decide(api, "finance1", bdcId, Map.of("outcome", "approve", "grade", "优")).status()).isEqualTo(200);

        long eduId = draft("filer2", YEAR);
        var eduDocument = Fixtures.validDocument(YEAR);
        ((ObjectNode) eduDocument.path("header")).put("department", "黄陂区教育局");
        save("filer2", eduId, eduDocument, 1);

        bdc = audit.historyOf(bdcId);
        edu = audit.historyOf(eduId);
        all = Stream.concat(bdc.stream(), edu.stream()).sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
        assertThat(bdc).extracting(AuditRecord::action).containsExactly("CREATED", "SAVED", "SUBMITTED", "RETURNED",
                "SAVED", "SUBMITTED", "APPROVED", "APPROVED");
        assertThat(edu).extracting(AuditRecord::action).containsExactly("CREATED", "SAVED");
    }

    private long draft(String filer, int year) {
        var created = api.as(filer).post(Flows.DECLARATIONS, Map.of("formKey", "dept-overall", "year", year));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().path("id").asLong();
    }

    private void save(String filer, long id, JsonNode document, int revision) {
        var saved = api.as(filer).put(path(id, "document"), document, "\"" + revision + "\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    }

    private void submit(long id) {
        var submitted = api.as("filer1").post(path(id, "submission"));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
    }

    private JsonNode search(String query) {
        var found = api.as("auditor1").get(EVENTS + "?" + query);
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        assertThat(found.contentType()).startsWith("application/json");
        return found.body();
    }

    /** The ids a search found, checking that total counts all matches (not just this page). */
    private List<Long> ids(String query, int total) {
        var body = search(query);
        assertThat(body.path("total").asLong()).as(query).isEqualTo(total);
        var ids = new ArrayList<Long>();
        body.path("items").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    private static List<Long> idsOf(List<AuditRecord> events) {
        return events.stream().map(AuditRecord::id).toList();
    }

    private List<Long> idsOf(String actor, String action) {
        return idsOf(all.stream().filter(e -> actor == null || e.actor().equals(actor))
                .filter(e -> action == null || e.action().equals(action)).toList());
    }

    @Test
    void yearAloneFindsEveryEventOfTheYearOldestFirst() {
        assertThat(ids("year=" + YEAR, 10)).containsExactlyElementsOf(idsOf(all));
    }

    @Test
    void departmentNarrowsToThatDepartmentsDeclarations() {
        assertThat(ids("year=" + YEAR + "&department=HP-EDU", 2)).containsExactlyElementsOf(idsOf(edu));
        assertThat(ids("year=" + YEAR + "&department=HP-BDC", 8)).containsExactlyElementsOf(idsOf(bdc));
        assertThat(ids("year=" + YEAR + "&department=NO-SUCH", 0)).isEmpty();
    }

    @Test
    void actorFindsWhatThatPersonDid() {
        assertThat(ids("year=" + YEAR + "&actor=dept1", 2)).containsExactlyElementsOf(idsOf("dept1", null));
        assertThat(ids("year=" + YEAR + "&actor=finance1", 1)).containsExactlyElementsOf(idsOf("finance1", null));
        assertThat(ids("year=" + YEAR + "&actor=filer2", 2)).containsExactlyElementsOf(idsOf(edu));
        assertThat(ids("year=" + YEAR + "&actor=auditor1", 0)).isEmpty();
    }

    @Test
    void actionFindsThatKindOfEventAcrossDeclarations() {
        assertThat(ids("year=" + YEAR + "&action=SAVED", 3)).containsExactlyElementsOf(idsOf(null, "SAVED"));
        assertThat(ids("year=" + YEAR + "&action=APPROVED", 2)).containsExactlyElementsOf(idsOf(null, "APPROVED"));
        assertThat(ids("year=" + YEAR + "&action=SAVED&department=HP-EDU&actor=filer2", 1))
                .containsExactly(edu.get(1).id());
    }

    @Test
    void itemsCarryTheWholeEvent() {
        var returned = bdc.get(3);
        var item = search("year=" + YEAR + "&action=RETURNED").path("items").get(0);

        assertThat(item.path("id").asLong()).isEqualTo(returned.id());
        assertThat(item.path("declaration").asLong()).isEqualTo(returned.declaration());
        assertThat(item.path("seq").asInt()).isEqualTo(4);
        assertThat(item.path("time").asText()).isEqualTo(returned.time().toString());
        assertThat(item.path("actor").asText()).isEqualTo("dept1");
        assertThat(item.path("role").asText()).isEqualTo("DEPT_REVIEWER");
        assertThat(item.path("department").asText()).isEqualTo("HP-BDC");
        assertThat(item.path("year").asInt()).isEqualTo(YEAR);
        assertThat(item.path("action").asText()).isEqualTo("RETURNED");
        assertThat(item.path("actionLabel").asText()).isEqualTo("退回修改");
        assertThat(item.path("fromStatus").asText()).isEqualTo("DEPT_REVIEW");
        assertThat(item.path("toStatus").asText()).isEqualTo("RETURNED");
        assertThat(item.path("revision").asInt()).isEqualTo(2);
        assertThat(item.path("comment").asText()).isEqualTo("请核对目标值");
        assertThat(item.path("hash").asText()).isEqualTo(returned.hash());
    }

    @Test
    void fromIsInclusiveAndToExclusiveAsInstants() {
        var fifth = all.get(4);
        String at = fifth.time().toString();
        assertThat(ids("year=" + YEAR + "&from=" + at, 6)).containsExactlyElementsOf(idsOf(all.subList(4, 10)));
        assertThat(ids("year=" + YEAR + "&to=" + at, 4)).containsExactlyElementsOf(idsOf(all.subList(0, 4)));
        assertThat(ids("year=" + YEAR + "&from=" + at + "&to=" + all.get(6).time(), 2))
                .containsExactlyElementsOf(idsOf(all.subList(4, 6)));
        String sameWithOffset = fifth.time().atOffset(ZoneOffset.ofHours(-5)).toString();
        assertThat(ids("year=" + YEAR + "&from=" + sameWithOffset, 6)).containsExactlyElementsOf(idsOf(all.subList(4, 10)));
        String localInShanghai = LocalDateTime.ofInstant(fifth.time(), SHANGHAI).toString();
        assertThat(ids("year=" + YEAR + "&from=" + localInShanghai, 6)).containsExactlyElementsOf(idsOf(all.subList(4, 10)));
    }

    @Test
    void plainDatesAreWholeDaysInShanghai() {
        var firstDay = LocalDate.ofInstant(all.get(0).time(), SHANGHAI);
        var lastDay = LocalDate.ofInstant(all.get(9).time(), SHANGHAI);
        assertThat(ids("year=" + YEAR + "&from=" + firstDay + "&to=" + lastDay.plusDays(1), 10))
                .containsExactlyElementsOf(idsOf(all));
        assertThat(ids("year=" + YEAR + "&from=" + lastDay.plusDays(1), 0)).isEmpty();
        assertThat(ids("year=" + YEAR + "&to=" + firstDay, 0)).isEmpty();
    }

    @Test
    void pagesOfThreeSplitTheYearInIdOrderWithTheTotalOnEachPage() {
        var seen = new ArrayList<Long>();
        for (int page = 0; page < 4; page++) {
            var onPage = ids("year=" + YEAR + "&size=3&page=" + page, 10);
            assertThat(onPage).hasSize(page < 3 ? 3 : 1);
            seen.addAll(onPage);
        }
        assertThat(seen).containsExactlyElementsOf(idsOf(all));
        assertThat(ids("year=" + YEAR + "&size=3&page=4", 10)).isEmpty();
        assertThat(ids("year=" + YEAR + "&size=500", 10)).hasSize(10);
        assertThat(ids("year=" + YEAR + "&size=1&page=9", 10)).containsExactly(all.get(9).id());
    }

    @Test
    void withoutAFilterEveryStoredEventCountsAndTheLastPagesEndWithTheNewest() {
        long stored = jdbc.queryForObject("select count(*) from audit_event", Long.class);
        var newest = jdbc.queryForList("select id from audit_event order by id desc fetch first 3 rows only", Long.class);

        var first = search("size=2");
        var last = search("size=1&page=" + (stored - 1));
        var lastOfThree = search("size=3&page=" + ((stored - 1) / 3));

        assertThat(first.path("total").asLong()).isEqualTo(stored);
        assertThat(last.path("total").asLong()).isEqualTo(stored);
        assertThat(idsOn(last)).containsExactly(newest.get(0));
        // Read from the newest end, still oldest first on the page.
        var expected = new ArrayList<>(newest.subList(0, (int) (stored - (stored - 1) / 3 * 3)));
        java.util.Collections.reverse(expected);
        assertThat(idsOn(lastOfThree)).containsExactlyElementsOf(expected);
    }

    private static List<Long> idsOn(JsonNode page) {
        var ids = new ArrayList<Long>();
        page.path("items").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    @Test
    void csvExportHasBomChineseHeaderQuotedCellsAndIsRecordedOnce() {
        long id = draft("filer1", EXPORT_YEAR);
        save("filer1", id, Fixtures.validDocument(EXPORT_YEAR), 1);
        submit(id);
        String comment = "请核对\"平台可用率\"，并补充区号, 谢谢";
        assertThat(decide(api, "dept1", id, Map.of("outcome", "return", "comment", comment,
                "fields", List.of("/header/phone", "/annualGoals/0"))).status()).isEqualTo(200);
        submit(id);
        assertThat(decide(api, "dept1", id, Map.of("outcome", "return", "comment", "=1+2, 请核对")).status()).isEqualTo(200);
        var events = audit.historyOf(id);
        var exportsBefore = audit.historyOf(AuditTrail.GENERAL).size();

        var csv = api.as("auditor1").get(EVENTS + "?year=" + EXPORT_YEAR, CSV);

        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(csv.headers().getContentDisposition().getFilename()).isEqualTo("audit-events.csv");
        assertThat(csv.text()).startsWith("\uFEFF");
        var lines = csv.text().substring(1).split("\r\n", -1);
        assertThat(lines[0]).isEqualTo("编号,申报表,链序号,时间,操作人,角色,部门,年度,操作,原状态,新状态,修订号,意见,等级,详情,哈希");
        assertThat(lines).hasSize(events.size() + 2);
        assertThat(lines[lines.length - 1]).isEmpty();
        var firstReturn = events.get(3);
        assertThat(lines[4]).isEqualTo(String.join(",", Long.toString(firstReturn.id()), Long.toString(id), "4",
                firstReturn.time().atZone(java.time.ZoneId.of("Asia/Shanghai")).withNano(0)
                        .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                "王主管", "主管部门审核人", "黄陂区大数据中心", Integer.toString(EXPORT_YEAR), "退回修改",
                "主管部门审核中", "已退回", "2", "\"请核对\"\"平台可用率\"\"，并补充区号, 谢谢\"", "",
                "涉及：联系电话、年度目标1", firstReturn.hash()));
        assertThat(lines[6]).contains(",\"'=1+2, 请核对\",").doesNotContain(",=1+2");
        for (int i = 0; i < events.size(); i++) {
            assertThat(lines[i + 1]).startsWith(events.get(i).id() + "," + id + "," + (i + 1) + ",");
        }

        var general = audit.historyOf(AuditTrail.GENERAL);
        assertThat(general).hasSize(exportsBefore + 1);
        var export = general.get(general.size() - 1);
        assertThat(export).extracting(AuditRecord::action, AuditRecord::actor, AuditRecord::role, AuditRecord::year)
                .containsExactly("EXPORTED", "auditor1", "AUDITOR", EXPORT_YEAR);
        assertThat(export.details()).startsWith("导出 " + events.size() + " 条");
        assertThat(ids("year=" + EXPORT_YEAR + "&action=EXPORTED", 1)).containsExactly(export.id());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"filer1", "dept1", "finance1", "expert1", "admin"})
    void onlyTheAuditorMaySearchExportOrVerify(String user) {
        int exports = audit.historyOf(AuditTrail.GENERAL).size();

        problem(api.as(user).get(EVENTS + "?year=" + YEAR), 403);
        problem(api.as(user).get(EVENTS + "?year=" + YEAR, CSV), 403);
        problem(api.as(user).get("/api/audit/verify"), 403);

        assertThat(audit.historyOf(AuditTrail.GENERAL)).hasSize(exports);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "action, FOO",
            "from, yesterday",
            "to, 2026-13-01",
            "year, abc",
            "size, 0",
            "size, 501",
            "size, x",
            "page, -1",
            "page, 2147483647"})
    void badParameterIsBadRequestNamingIt(String name, String value) {
        var body = problem(api.as("auditor1").get(EVENTS + "?" + name + "=" + value), 400);
        assertThat(body.path("detail").asText()).contains(name);
        assertThat(Flows.errorPaths(body)).containsExactly(name);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"action, FOO", "from, yesterday", "year, abc"})
    void badParameterOfTheExportIsBadRequestAndRecordsNothing(String name, String value) {
        int exports = audit.historyOf(AuditTrail.GENERAL).size();

        var body = problem(api.as("auditor1").get(EVENTS + "?" + name + "=" + value, CSV), 400);

        assertThat(body.path("detail").asText()).contains(name);
        assertThat(audit.historyOf(AuditTrail.GENERAL)).hasSize(exports);
    }
}
