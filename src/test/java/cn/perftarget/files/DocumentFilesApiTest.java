package cn.perftarget.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.files.xlsx.Sheets;

/** GET/PUT of the document as the official xlsx and the PDF, and the print page, over real HTTP. */
@ApplicationTest
class DocumentFilesApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Api api;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private long draft(int year) {
        return http.draft("filer1", "dept-overall", year, Fixtures.validDocument(year));
    }

    private static XSSFWorkbook open(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    private static boolean merged(Sheet sheet, String range) {
        return sheet.getMergedRegions().stream().anyMatch(r -> r.formatAsString().equals(range));
    }

    private static int rowStartingWith(Sheet sheet, String text) {
        for (var row : sheet) {
            var a = row.getCell(0);
            if (a != null && a.toString().startsWith(text)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row starts with " + text);
    }

    @Test
    void xlsxExportIsTheOfficialSheetWithMergedHeadersAndValuesAtTheirAddresses() throws IOException {
        int year = Http.freshYear();
        long id = draft(year);

        var got = http.get("filer1", "/api/declarations/" + id + "/document", Http.XLSX);

        assertThat(got.status()).isEqualTo(200);
        assertThat(got.header("Content-Type")).startsWith(Http.XLSX);
        assertThat(got.header("ETag")).isEqualTo("\"2\"");
        assertThat(got.header("Content-Disposition")).startsWith("attachment").contains(".xlsx");
        try (var book = open(got.body())) {
            Sheet sheet = book.getSheet("绩效目标表");
            assertThat(book.getNumberOfSheets()).isEqualTo(1);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(year + "年部门整体支出绩效目标申报表");
            assertThat(merged(sheet, "A1:I1")).isTrue();
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("黄陂区大数据中心");
            assertThat(sheet.getRow(3).getCell(6).getStringCellValue()).isEqualTo("85916419");
            assertThat(merged(sheet, "A6:B7")).as("总体资金情况 header").isTrue();
            assertThat(merged(sheet, "F6:I6")).as("近两年收支情况 header").isTrue();
            assertThat(sheet.getRow(6).getCell(5).getStringCellValue()).as("the older year first").isEqualTo((year - 2) + "年");
            assertThat(sheet.getRow(6).getCell(7).getStringCellValue()).isEqualTo((year - 1) + "年");
            assertThat(merged(sheet, "A8:A10")).isTrue();
            assertThat(sheet.getRow(7).getCell(0).getStringCellValue()).isEqualTo("收入构成");
            assertThat(sheet.getRow(7).getCell(2).getNumericCellValue()).isEqualTo(242.98);
            var share = sheet.getRow(7).getCell(4);
            assertThat(share.getNumericCellValue()).isEqualTo(1.0);
            assertThat(share.getCellStyle().getDataFormatString()).isEqualTo("0%");
            int goal = rowStartingWith(sheet, "长期目标 1：");
            assertThat(sheet.getRow(goal).getCell(0).getStringCellValue()).isEqualTo("长期目标 1：保障全区电子政务网络安全运行维护工作");
            assertThat(sheet.getRow(goal + 1).getCell(1).getStringCellValue()).isEqualTo("一级指标");
            assertThat(sheet.getRow(goal + 2).getCell(1).getStringCellValue()).isEqualTo("产出指标");
            assertThat(merged(sheet, new CellRangeAddress(goal + 2, goal + 3, 1, 1).formatAsString()))
                    .as("一级指标 merged over its two 产出 rows").isTrue();
            assertThat(merged(sheet, new CellRangeAddress(goal + 4, goal + 5, 1, 1).formatAsString()))
                    .as("效益指标 merged over its two rows").isTrue();
            assertThat(sheet.getRow(goal + 3).getCell(3).getStringCellValue()).isEqualTo("网络故障响应时间");
            assertThat(sheet.getRow(goal + 4).getCell(3).getStringCellValue()).isEqualTo("政务网络安全运行维护");
            assertThat(sheet.getRow(goal + 4).getCell(4).getStringCellValue()).isEqualTo("≥98%");
            int annual = rowStartingWith(sheet, "年度目标 1：");
            assertThat(sheet.getRow(annual + 1).getCell(6).getStringCellValue()).isEqualTo("近两年指标值");
            assertThat(sheet.getRow(annual + 2).getCell(6).getStringCellValue()).isEqualTo((year - 2) + "年");
            assertThat(sheet.getRow(annual + 3).getCell(8).getStringCellValue()).isEqualTo("100%");
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(book.getPrintArea(0)).isEqualTo("绩效目标表!$A$1:$I$" + (sheet.getLastRowNum() + 1));
            assertThat(sheet.getRow(goal + 3).getCell(3).getCellStyle().getWrapText()).isTrue();
        }
    }

    @Test
    void xlsxPutIsTheSameSaveAsJsonWithIfMatchRevisionAndAuditEvent() throws IOException {
        int year = Http.freshYear();
        long id = draft(year);
        var xlsx = http.get("filer1", "/api/declarations/" + id + "/document", Http.XLSX).body();
        try (var book = open(xlsx)) {
            book.getSheetAt(0).getRow(3).getCell(6).setCellValue("027-85916419");
            xlsx = Sheets.bytes(book);
        }

        assertThat(http.putXlsx("filer1", id, xlsx, null).status()).isEqualTo(428);
        assertThat(http.putXlsx("filer1", id, xlsx, "\"1\"").status()).isEqualTo(412);
        assertThat(http.putXlsx("filer2", id, xlsx, "\"2\"").status()).isEqualTo(404);
        var saved = http.putXlsx("filer1", id, xlsx, "\"2\"");

        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(saved.header("ETag")).isEqualTo("\"3\"");
        var expected = Fixtures.validDocument(year);
        expected.with("header").put("phone", "027-85916419");
        var current = api.as("filer1").get("/api/declarations/" + id);
        assertThat(Sheets.normal(current.body().get("document"))).isEqualTo(Sheets.normal(expected));
        var json = http.get("filer1", "/api/declarations/" + id + "/document", "application/json");
        assertThat(json.header("ETag")).isEqualTo("\"3\"");
        assertThat(Sheets.normal(json.json())).isEqualTo(Sheets.normal(expected));
        var saves = api.as("auditor1").get("/api/declarations/" + id + "/history").body().findValues("action").stream()
                .filter(a -> a.asText().equals("SAVED")).count();
        assertThat(saves).isEqualTo(2);
    }

    @Test
    void aBadCellIs400NamingSheetCellAndPathAndSavesNothing() throws IOException {
        long id = draft(Http.freshYear());
        var xlsx = http.get("filer1", "/api/declarations/" + id + "/document", Http.XLSX).body();
        try (var book = open(xlsx)) {
            book.getSheetAt(0).getRow(7).getCell(2).setCellValue("二百四十");
            xlsx = Sheets.bytes(book);
        }

        var refused = http.putXlsx("filer1", id, xlsx, "\"2\"");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        var error = refused.json().path("errors").get(0);
        assertThat(error.path("cell").asText()).isEqualTo("绩效目标表!C8");
        assertThat(error.path("path").asText()).isEqualTo("/funds/income/fiscal/budget");
        assertThat(error.path("message").asText()).contains("绩效目标表!C8", "应为数字", "二百四十");
        assertThat(api.as("filer1").get("/api/declarations/" + id).body().path("revision").asInt()).isEqualTo(2);
        var notXlsx = http.putXlsx("filer1", id, "这不是表格".getBytes(), "\"2\"");
        assertThat(notXlsx.status()).isEqualTo(400);
        assertThat(notXlsx.json().path("detail").asText()).contains("不是有效的 Excel");
    }

    @Test
    void pdfHoldsTheLabelsValuesAndEveryReviewLevelsDecision() throws IOException {
        int year = Http.freshYear();
        long id = draft(year);
        assertThat(api.as("filer1").post("/api/declarations/" + id + "/submission").status()).isEqualTo(200);
        assertThat(api.as("dept1").post("/api/declarations/" + id + "/decision",
                Map.of("outcome", "approve", "comment", "目标明确，同意报送")).status()).isEqualTo(200);
        assertThat(api.as("finance1").post("/api/declarations/" + id + "/decision",
                Map.of("outcome", "approve", "comment", "同意批复", "grade", "优")).status()).isEqualTo(200);

        var got = http.get("auditor1", "/api/declarations/" + id + "/document", "application/pdf");

        assertThat(got.status()).as(got.text()).isEqualTo(200);
        assertThat(got.header("Content-Type")).startsWith("application/pdf");
        try (var pdf = Loader.loadPDF(got.body())) {
            // labels in narrow cells wrap onto two lines, so compare without white space
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains(year + "年部门整体支出绩效目标申报表", "部门名称", "黄陂区大数据中心", "张春红",
                    "收入构成", "242.98", "100%", "部门职能概述", "年度工作任务", "长期绩效指标", "一级指标",
                    "政务网络安全运行维护达标率", "≥98%", "预期当年实现值", "审核意见",
                    "主管部门审核意见", "王主管", "目标明确，同意报送", "财政审核意见", "财政审核人", "同意批复", "优");
        }
    }

    @Test
    void printPageIsTheOfficialLayoutForWhoeverMaySeeTheDeclaration() {
        long id = draft(Http.freshYear());

        var page = http.get("dept1", "/declarations/" + id + "/print", "text/html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.text()).contains("size: A4", "@media print", "部门整体支出绩效目标申报表", "colspan=\"9\"",
                "黄陂区大数据中心", "尚无审核意见");
        assertThat(http.get(null, "/declarations/" + id + "/print", "text/html").status()).isEqualTo(401);
        assertThat(http.get("filer2", "/declarations/" + id + "/print", "text/html").status()).isEqualTo(404);
    }

    /** Not a check: leaves the seed's PDF in target/ for docs/screenshots (pdftoppm -png -f 1 -l 1). */
    @Test
    void seedFormPrintsAsPdf() throws IOException {
        int year = 2020;
        long id = http.draft("filer2", "dept-overall", year, Sheets.sample("dept-overall-2020-huangpi-seed.json"));
        var got = http.get("filer2", "/api/declarations/" + id + "/document", "application/pdf");
        assertThat(got.status()).isEqualTo(200);
        try (var pdf = Loader.loadPDF(got.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("2020年部门整体支出绩效目标申报表", "... ...");
        }
        Files.write(Path.of("target", "seed-2020.pdf"), got.body());
    }
}
