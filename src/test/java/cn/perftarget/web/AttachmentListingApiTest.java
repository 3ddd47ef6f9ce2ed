package cn.perftarget.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.files.Http;

/**
 * The xlsx export, the print view and the PDF list the revision's files: name, kind, size, the start of the hash;
 * and uploads and downloads are timed for Prometheus.
 */
@ApplicationTest
class AttachmentListingApiTest {

    @LocalServerPort
    int port;

    @Test
    void uploadsAndDownloadsAreTimedByResult() {
        var http = new Http(port);
        var uploads = new Uploads(http);
        int year = Http.freshYear();
        long id = http.draft("filer1", "dept-overall", year, Fixtures.validDocument(year));
        var created = uploads.upload("filer1", id, "其他", "计时.pdf", SampleFiles.pdf());
        assertThat(uploads.upload("filer1", id, "其他", "程序.pdf", SampleFiles.exe()).status()).isEqualTo(400);
        assertThat(uploads.download("dept1", id, created.json().path("id").asLong()).status()).isEqualTo(200);

        var scrape = http.get("admin", "/actuator/prometheus", "text/plain").text();
        assertThat(scrape).containsPattern("perftarget_attachment_upload_seconds_count\\{[^}]*result=\"ok\"[^}]*} [1-9]")
                .containsPattern("perftarget_attachment_upload_seconds_count\\{[^}]*result=\"refused\"[^}]*} [1-9]")
                .containsPattern("perftarget_attachment_download_seconds_count\\{[^}]*result=\"ok\"[^}]*} [1-9]");
    }

    @Test
    void theWorkbookThePrintViewAndThePdfListTheFiles() throws Exception {
        var http = new Http(port);
        var uploads = new Uploads(http);
        int year = Http.freshYear();
        long id = http.draft("filer1", "dept-overall", year, Fixtures.validDocument(year));
        byte[] pdf = SampleFiles.pdf(3000);
        String prefix = AttachmentsApiTest.sha256(pdf).substring(0, 16);
        assertThat(uploads.upload("filer1", id, "测算依据", "经费测算表.pdf", pdf).status()).isEqualTo(201);
        assertThat(uploads.upload("filer1", id, "其他", "现场照片.png", SampleFiles.png()).status()).isEqualTo(201);

        var xlsx = http.get("dept1", "/api/declarations/" + id + "/document", Http.XLSX);
        assertThat(xlsx.status()).isEqualTo(200);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("绩效目标表");
            var sheet = book.getSheet("附件清单");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("经费测算表.pdf");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("测算依据");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("2.9 KB");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo(prefix);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("现场照片.png");
        }
        // The workbook with its 附件清单 still saves back as the same document.
        var saved = http.putXlsx("filer1", id, xlsx.body(), "\"2\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);

        var print = http.get("dept1", "/declarations/" + id + "/print", "text/html");
        assertThat(print.text()).contains("附件清单", "经费测算表.pdf", "测算依据", prefix, "现场照片.png");

        var document = http.get("dept1", "/api/declarations/" + id + "/document", "application/pdf");
        try (var file = Loader.loadPDF(document.body())) {
            assertThat(new PDFTextStripper().getText(file)).contains(prefix);
        }
    }
}
