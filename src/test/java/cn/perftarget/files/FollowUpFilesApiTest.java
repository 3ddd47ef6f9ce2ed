package cn.perftarget.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.files.xlsx.Sheets;

/**
 * A follow-up has the same files as a declaration, in its own official layout: the 绩效自评表 as xlsx (its scores,
 * total and grade in their cells), saved back from the xlsx like JSON (scores recomputed, read-only targets
 * refused), and as PDF; the 绩效运行监控表 likewise.
 */
@ApplicationTest
class FollowUpFilesApiTest {


    @LocalServerPort
    int port;
    @Autowired
    Api api;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theSelfEvaluationGoesOutAsItsOfficialSheetAndPdfAndComesBackFromTheSheet() throws IOException {
        long id = selfEvaluation(approvedBase());
        var xlsx = http.get("filer1", "/api/declarations/" + id + "/document", Http.XLSX);
        assertThat(xlsx.status()).as(xlsx.text()).isEqualTo(200);
        byte[] changed;
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            String text = text(book);
            // Worked by hand in FollowUpLifecycleApiTest: 97.29, 优; 栏目 8 of ≥10 scores 6.67.
            assertThat(text).contains("绩效自评表", "97.29", "优", "6.67", "增配网站编辑人员");
            find(book, "8个").setCellValue("9个");
            changed = Sheets.bytes(book);
        }
        var saved = http.putXlsx("filer1", id, changed, "\"2\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        var document = api.as("filer1").get("/api/declarations/" + id).body().path("document");
        assertThat(document.at("/indicators/8/actual").asText()).isEqualTo("9个");
        // 9 of ≥10: 0.9 × 50/6 = 7.50 in place of 6.67, so the total rises by 0.83.
        assertThat(document.at("/indicators/8/score").decimalValue()).isEqualByComparingTo("7.50");
        assertThat(document.at("/summary/total").decimalValue()).isEqualByComparingTo("98.12");

        byte[] tampered;
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(http.get("filer1", "/api/declarations/" + id
                + "/document", Http.XLSX).body()))) {
            find(book, "≥10个").setCellValue("≥5个");
            tampered = Sheets.bytes(book);
        }
        var refused = http.putXlsx("filer1", id, tampered, "\"3\"");
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.text()).contains("/indicators/8/target");
        assertThat(api.as("filer1").get("/api/declarations/" + id).body().at("/document/indicators/8/target").asText())
                .isEqualTo("≥10个");

        var pdf = http.get("auditor1", "/api/declarations/" + id + "/document", "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        try (var loaded = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(loaded).replaceAll("\\s+", ""))
                    .contains("绩效自评表", "98.12", "优", "9个7.50人员保障", "增配网站编辑人员");
        }
    }

    @Test
    void theMonitoringFormGoesOutAsItsOfficialSheetAndPdf() throws IOException {
        var created = api.as("filer1").post("/api/declarations",
                Map.of("formKey", "monitoring", "basedOn", approvedBase(), "period", "01-07"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        var xlsx = http.get("filer1", "/api/declarations/" + id + "/document", Http.XLSX);
        assertThat(xlsx.status()).as(xlsx.text()).isEqualTo(200);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(text(book)).contains("绩效运行监控表", "≤157.1万元", "≥10个", "242.98");
        }
        var pdf = http.get("filer1", "/api/declarations/" + id + "/document", "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        try (var loaded = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(loaded).replaceAll("\\s+", ""))
                    .contains("绩效运行监控表", "≤157.1万元", "≥10个");
        }
    }

    private long approvedBase() {
        long base = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var approved = api.as("finance1").post("/api/declarations/" + base + "/decision",
                Map.of("outcome", "approve", "grade", "优"));
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return base;
    }

    /** A self-evaluation of the base with the year's actual values, saved as JSON (revision 2). */
    private long selfEvaluation(long base) {
        var created = api.as("filer1").post("/api/declarations", Map.of("formKey", "self-evaluation", "basedOn", base));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        var document = (ObjectNode) created.body().path("document");
        for (int i = 0; i < Fixtures.SELF_EVALUATION_ACTUALS.length; i++) {
            ((ObjectNode) document.at("/indicators/" + i)).put("actual", Fixtures.SELF_EVALUATION_ACTUALS[i]);
        }
        ((ObjectNode) document.at("/indicators/8")).put("deviationReason", "人员保障").put("improvement", "增配网站编辑人员");
        document.with("header").put("filler", "张三");
        document.with("funds").put("executed", 230.50).put("executionRate", 94.86);
        var saved = api.as("filer1").put("/api/declarations/" + id + "/document", document, "\"1\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        return id;
    }

    private static String text(XSSFWorkbook book) {
        var text = new StringBuilder();
        book.getSheetAt(0).forEach(row -> row.forEach(cell -> text.append(cell).append(' ')));
        return text.toString();
    }

    private static Cell find(XSSFWorkbook book, String value) {
        for (var row : book.getSheetAt(0)) {
            for (var cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(value)) {
                    return cell;
                }
            }
        }
        throw new AssertionError("no cell holds " + value);
    }
}
