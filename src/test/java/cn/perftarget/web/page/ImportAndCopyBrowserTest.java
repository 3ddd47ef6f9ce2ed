package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.files.xlsx.Sheets;

/** 批量导入 through its page (progress and each file's result) and 新建申报 that starts from last year's declaration. */
@ApplicationTest
class ImportAndCopyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @TempDir
    Path files;

    @Test
    void financeUploadsTwoSheetsAndSeesOneCreatedAndOneRefusedWithItsCell() throws IOException {
        Path good = sheet("黄陂区教育局", 2070, null);
        Path bad = sheet("黄陂区大数据中心", 2070, "约二百万");
        try (var browser = new Browser(port)) {
            browser.login("finance1").open("/imports");
            // The test context also carries test templates whose processes a test deploys first: choose the form.
            new Select(browser.find(By.cssSelector("#import [name=formKey]"))).selectByValue("dept-overall");
            browser.find(By.name("files")).sendKeys(good + "\n" + bad);
            browser.click("#import-submit");
            browser.message("导入完成");
            assertThat(browser.find(By.id("job-summary")).getText()).contains("共 2 个文件", "保存 1", "失败 1");
            var rows = browser.all("#job-files tr");
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getAttribute("data-status")).isEqualTo("CREATED");
            assertThat(rows.get(0).findElement(By.cssSelector("a")).getAttribute("href")).matches(".*/declarations/\\d+");
            assertThat(rows.get(1).getAttribute("data-status")).isEqualTo("FAILED");
            assertThat(rows.get(1).getText()).contains("失败", "绩效目标表!C8");
            browser.screenshot("imports");
        }
        var edu = api.as("finance1").get("/api/declarations?year=2070").body();
        assertThat(edu).extracting(d -> d.get("department").asText()).containsExactly("HP-EDU");
    }

    @Test
    void aFilerStartsNextYearFromLastYearsDeclaration() {
        var created = api.as("filer1").post("/api/declarations", Map.of("formKey", "dept-overall", "year", 2079));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long last = created.body().get("id").asLong();
        assertThat(api.as("filer1").put("/api/declarations/" + last + "/document", Fixtures.validDocument(2079), "\"1\"")
                .status()).isEqualTo(200);
        try (var browser = new Browser(port)) {
            browser.login("filer1").open("/declarations/new");
            new Select(browser.find(By.name("formKey"))).selectByValue("dept-overall");
            browser.type(By.name("year"), "2080");
            new Select(browser.find(By.name("copyFrom"))).selectByValue(Long.toString(last));
            browser.click("#create-submit");
            browser.waitFor("#declaration");
            long copy = Long.parseLong(browser.url().replaceAll(".*/declarations/(\\d+).*", "$1"));
            assertThat(copy).isNotEqualTo(last);
            JsonNode document = api.as("filer1").get("/api/declarations/" + copy).body().get("document");
            JsonNode earlier = Fixtures.validDocument(2079);
            assertThat(document.get("annualGoals")).hasSize(earlier.get("annualGoals").size());
            assertThat(document.at("/annualGoals/0/indicators/0/name")).isEqualTo(earlier.at("/annualGoals/0/indicators/0/name"));
            assertThat(document.at("/funds/income/fiscal/budget").isMissingNode()
                    || document.at("/funds/income/fiscal/budget").isNull()).as("funds left blank").isTrue();
        }
    }

    private Path sheet(String department, int year, String fiscalBudget) throws IOException {
        var document = Fixtures.validDocument(year);
        document.with("header").put("department", department);
        try (XSSFWorkbook book = Sheets.workbook(Sheets.DEPT, document)) {
            if (fiscalBudget != null) {
                book.getSheetAt(0).getRow(7).getCell(2).setCellValue(fiscalBudget);
            }
            Path file = files.resolve(department + "-" + year + ".xlsx");
            Files.write(file, Sheets.bytes(book));
            return file;
        }
    }
}
