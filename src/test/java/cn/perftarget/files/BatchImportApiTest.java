package cn.perftarget.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.files.xlsx.Sheets;

/** POST /api/imports with many official-layout xlsx files, polled at GET /api/imports/{id}, over real HTTP. */
@ApplicationTest
class BatchImportApiTest {

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private static byte[] sheet(String department, int year, java.util.function.Consumer<org.apache.poi.ss.usermodel.Sheet> edit) {
        var document = Fixtures.validDocument(year);
        document.with("header").put("department", department);
        try (XSSFWorkbook book = Sheets.workbook(Sheets.DEPT, document)) {
            edit.accept(book.getSheetAt(0));
            return Sheets.bytes(book);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode finished(Http.Response started) {
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(location).isEqualTo("/api/imports/" + started.json().path("id").asText());
        var deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode job = started.json();
        while (!job.path("status").asText().equals("DONE") && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            job = http.get("finance1", location, "application/json").json();
        }
        assertThat(job.path("status").asText()).isEqualTo("DONE");
        return job;
    }

    /** Every declaration the user sees, page by page: the shared database holds more than one page. */
    private Map<Long, Integer> revisions(String user) {
        var all = new HashMap<Long, Integer>();
        for (int page = 0; ; page++) {
            var items = http.get(user, "/api/declarations?size=500&page=" + page, "application/json").json();
            items.forEach(d -> all.put(d.path("id").asLong(), d.path("revision").asInt()));
            if (items.size() < 500) {
                return all;
            }
        }
    }

    /**
     * 25 budget years no other test of the shared database files in (each department files one declaration a
     * year, and the import updates a department's existing one): both templates' versions, v1 and v2.
     */
    private static final int[] BATCH_YEARS = {2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013,
            2014, 2046, 2047, 2048, 2049, 2051, 2052, 2053, 2054, 2055, 2056, 2057, 2058};

    @Test
    void fiftyFilesWithThreeBadOnesSaveFortySevenAndReportTheThreeByCell() {
        assertThat(BATCH_YEARS).hasSize(25);
        var before = revisions("finance1");
        var files = new LinkedHashMap<String, byte[]>();
        for (int i = 0; i < 50; i++) {
            String department = i % 2 == 0 ? "黄陂区大数据中心" : "黄陂区教育局";
            int year = BATCH_YEARS[i / 2];
            files.put(String.format("%02d-%s-%d.xlsx", i, department, year), switch (i) {
                case 7 -> sheet(department, year, s -> s.getRow(7).getCell(2).setCellValue("约二百万"));
                case 20 -> sheet("不存在的局", year, s -> { });
                case 33 -> sheet(department, year, s -> s.getRow(0).getCell(0).setCellValue("二〇五七年部门整体支出绩效目标申报表"));
                default -> sheet(department, year, s -> { });
            });
        }

        var job = finished(http.upload("finance1", "/api/imports", files));

        assertThat(job.path("total").asInt()).isEqualTo(50);
        assertThat(job.path("saved").asInt()).isEqualTo(47);
        assertThat(job.path("failed").asInt()).isEqualTo(3);
        var results = job.path("files");
        assertThat(results.get(7).path("status").asText()).isEqualTo("FAILED");
        assertThat(results.get(7).path("errors").get(0).path("cell").asText()).isEqualTo("绩效目标表!C8");
        assertThat(results.get(7).path("errors").get(0).path("path").asText()).isEqualTo("/funds/income/fiscal/budget");
        assertThat(results.get(20).path("errors").get(0).path("cell").asText()).isEqualTo("绩效目标表!C3");
        assertThat(results.get(20).path("message").asText()).contains("不存在的局", "不存在");
        assertThat(results.get(33).path("errors").get(0).path("cell").asText()).isEqualTo("绩效目标表!A1");
        var after = revisions("finance1");
        before.forEach((id, revision) -> assertThat(after.get(id)).as("declaration %d unchanged", id).isEqualTo(revision));
        assertThat(after.size() - before.size()).isEqualTo(47);
        for (var result : results) {
            if (!result.path("status").asText().equals("FAILED")) {
                assertThat(result.path("status").asText()).isEqualTo("CREATED");
                var declaration = http.get("finance1", "/api/declarations/" + result.path("declarationId").asLong(),
                        "application/json").json();
                int i = result.path("index").asInt();
                assertThat(declaration.path("department").asText()).isEqualTo(i % 2 == 0 ? "HP-BDC" : "HP-EDU");
                assertThat(declaration.path("year").asInt()).isEqualTo(BATCH_YEARS[i / 2]);
                assertThat(Sheets.normal(declaration.path("document")))
                        .isEqualTo(Sheets.normal(withDepartment(Fixtures.validDocument(BATCH_YEARS[i / 2]), i)));
            }
        }
    }

    private static JsonNode withDepartment(com.fasterxml.jackson.databind.node.ObjectNode document, int i) {
        document.with("header").put("department", i % 2 == 0 ? "黄陂区大数据中心" : "黄陂区教育局");
        return document;
    }

    /** Issue 19, wall 3: a 主管部门 reviewer brings in a unit's sheet; the unit's filer then has it as a draft. */
    @Test
    void aFollowUpTemplateIsNotImportedInBatchItBelongsToItsApprovedDeclaration() {
        for (String formKey : new String[] {"monitoring", "self-evaluation"}) {
            var refused = http.upload("finance1", "/api/imports?formKey=" + formKey,
                    Map.of("unit.xlsx", sheet("黄陂区大数据中心", Http.freshYear(), s -> { })));
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/path").asText()).isEqualTo("formKey");
            assertThat(refused.json().path("detail").asText()).contains("跟踪表", "不能批量导入");
        }
    }

    @Test
    void aDeptReviewerCreatesTheUnitsDeclarationByImport() {
        int year = Http.freshYear();
        var started = http.upload("dept1", "/api/imports", Map.of("unit.xlsx", sheet("黄陂区大数据中心", year, s -> { })));
        assertThat(started.status()).isEqualTo(202);
        var deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode job = started.json();
        while (!job.path("status").asText().equals("DONE") && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            job = http.get("dept1", started.header("Location"), "application/json").json();
        }
        var file = job.path("files").get(0);
        assertThat(file.path("status").asText()).as(job.toString()).isEqualTo("CREATED");
        var created = http.get("filer1", "/api/declarations/" + file.path("declarationId").asLong(), "application/json");
        assertThat(created.json().path("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void aDeptReviewerImportsForItsOwnDepartmentOnlyAndUpdatesAnEditableDraft() {
        int year = Http.freshYear();
        long existing = http.draft("filer1", "dept-overall", year, Fixtures.validDocument(year));
        var files = new LinkedHashMap<String, byte[]>();
        files.put("own.xlsx", sheet("黄陂区大数据中心", year, s -> s.getRow(3).getCell(6).setCellValue("027-85916419")));
        files.put("other.xlsx", sheet("黄陂区教育局", year, s -> { }));

        var started = http.upload("dept1", "/api/imports", files);
        assertThat(started.status()).isEqualTo(202);
        var deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode job = started.json();
        while (!job.path("status").asText().equals("DONE") && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            job = http.get("dept1", started.header("Location"), "application/json").json();
        }

        var own = job.path("files").get(0);
        assertThat(own.path("status").asText()).as(job.toString()).isEqualTo("UPDATED");
        assertThat(own.path("declarationId").asLong()).isEqualTo(existing);
        assertThat(own.path("revision").asInt()).isEqualTo(3);
        assertThat(http.get("filer1", "/api/declarations/" + existing, "application/json").json()
                .at("/document/header/phone").asText()).isEqualTo("027-85916419");
        var other = job.path("files").get(1);
        assertThat(other.path("status").asText()).isEqualTo("FAILED");
        assertThat(other.path("errors").get(0).path("cell").asText()).isEqualTo("绩效目标表!C3");
        assertThat(other.path("message").asText()).contains("不在您的审核范围内");
        assertThat(http.get("finance1", started.header("Location"), "application/json").status()).isEqualTo(404);
        assertThat(http.upload("filer1", "/api/imports", files).status()).isEqualTo(403);
        assertThat(http.upload("finance1", "/api/imports", Map.of()).status()).isEqualTo(400);
    }
}
