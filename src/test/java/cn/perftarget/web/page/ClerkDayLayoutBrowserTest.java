package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.files.Http;

/**
 * A clerk's day on the 申报表 page at 1366 px (issue 19, walls 1, 2 and 8): print, PDF, Excel out and in from the
 * page and the blank 样表 that 批量导入 promises; indicator tables that read in full, where reading a cell never
 * changes what a comment is about; and the official form's layout (years on the 近两年 columns, no such columns in
 * the 长期 table, 二级 choices that validation accepts).
 */
@ApplicationTest
class ClerkDayLayoutBrowserTest {

    private static final String XLSX = Http.XLSX;

    /** Every text and drop-down of the indicator tables that does not show its whole value (a select: its chosen text). */
    private static final String CUT = """
            const ctx = document.createElement('canvas').getContext('2d');
            return [...document.querySelectorAll('table.official.rows td[data-path] :is(input, textarea, select)')]
              .filter(e => e.type !== 'hidden').filter(e => {
                const s = getComputedStyle(e);
                if (e.tagName === 'SELECT') {
                  ctx.font = s.font;
                  const text = e.selectedOptions[0] ? e.selectedOptions[0].text : '';
                  return ctx.measureText(text).width > e.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - 18;
                }
                return e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
              }).map(e => e.name + '=' + e.value);""";

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @TempDir
    Path files;

    @Test
    void aFilerPrintsDownloadsExportsAndImportsTheDeclarationFromItsPage() throws IOException {
        api.freeUniquenessKeys();
        long id = Fixtures.validDraft(api, "filer1");
        int revision = api.as("filer1").get("/api/declarations/" + id).body().get("revision").asInt();
        byte[] exported = new Http(port).get("filer1", "/api/declarations/" + id + "/document", XLSX).body();
        Path bad = files.resolve("错误的申报表.xlsx");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            book.getSheet("绩效目标表").getRow(7).getCell(2).setCellValue("约二百万");
            Files.write(bad, cn.perftarget.files.xlsx.Sheets.bytes(book));
        }
        Path good = Files.write(files.resolve("申报表.xlsx"), exported);

        try (var filer = new Browser(port)) {
            filer.login("filer1").open("/declarations/" + id);
            filer.driver.manage().window().setSize(new Dimension(1366, 900));
            assertThat(filer.find(By.id("print-view")).getText()).isEqualTo("打印");
            assertThat(filer.find(By.id("print-view")).getAttribute("href")).endsWith("/declarations/" + id + "/print");
            assertThat(filer.find(By.id("download-pdf")).getText()).isEqualTo("下载PDF");
            assertThat(filer.find(By.id("export-xlsx")).getText()).isEqualTo("导出Excel");
            assertThat(filer.find(By.id("import-xlsx")).getText()).isEqualTo("导入Excel");
            assertThat(fetch(filer, "#print-view")).containsEntry("status", 200L)
                    .hasEntrySatisfying("type", t -> assertThat((String) t).startsWith("text/html"));
            assertThat(fetch(filer, "#download-pdf")).containsEntry("status", 200L)
                    .hasEntrySatisfying("type", t -> assertThat((String) t).startsWith("application/pdf"))
                    .hasEntrySatisfying("disposition", d -> assertThat((String) d).contains("attachment", "filename*=UTF-8''2020"));
            assertThat(fetch(filer, "#export-xlsx")).containsEntry("status", 200L)
                    .hasEntrySatisfying("type", t -> assertThat((String) t).startsWith(XLSX))
                    .hasEntrySatisfying("disposition", d -> assertThat((String) d).contains(".xlsx"));

            filer.find(By.id("import-file")).sendKeys(bad.toString());
            String refused = filer.message("导入失败");
            assertThat(refused).contains("未保存");
            assertThat(filer.find(By.cssSelector("#messages .sheet-errors li")).getText())
                    .contains("绩效目标表!C8").containsPattern("[\\u4e00-\\u9fa5]{4}");
            assertThat(api.as("filer1").get("/api/declarations/" + id).body().get("revision").asInt())
                    .as("nothing saved").isEqualTo(revision);
            filer.screenshot("clerk-import-refused", 1366, 900);

            filer.find(By.id("import-file")).sendKeys(good.toString());
            filer.message("已导入");
            assertThat(filer.find(By.id("revision")).getText()).isEqualTo(Integer.toString(revision + 1));
        }
    }

    @Test
    void theImportPageOffersTheBlankSampleItPromises() throws IOException {
        try (var dept = new Browser(port)) {
            dept.login("dept1").open("/imports");
            assertThat(dept.find(By.id("sample-download")).getText()).isEqualTo("导出样表");
            dept.screenshot("clerk-imports-sample", 1366, 900);
            dept.choose("formKey", "部门整体支出绩效目标申报表");
            dept.type(By.cssSelector("#sample [name=year]"), "2020");
            @SuppressWarnings("unchecked")
            var got = (Map<String, Object>) dept.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    const form = document.getElementById('sample');
                    fetch(form.action + '?' + new URLSearchParams(new FormData(form))).then(async r => {
                      const bytes = new Uint8Array(await r.arrayBuffer());
                      let binary = '';
                      bytes.forEach(b => binary += String.fromCharCode(b));
                      done({status: r.status, type: r.headers.get('content-type'),
                            disposition: r.headers.get('content-disposition'), body: btoa(binary)});
                    });""");
            assertThat(got).containsEntry("status", 200L);
            assertThat((String) got.get("type")).startsWith(XLSX);
            assertThat((String) got.get("disposition")).contains("attachment", ".xlsx");
            try (var book = new XSSFWorkbook(new ByteArrayInputStream(Base64.getDecoder().decode((String) got.get("body"))))) {
                var sheet = book.getSheet("绩效目标表");
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2020年部门整体支出绩效目标申报表");
                assertThat(sheet.getRow(6).getCell(5).getStringCellValue()).isEqualTo("2018年");
                assertThat(sheet.getRow(6).getCell(7).getStringCellValue()).isEqualTo("2019年");
                assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).as("blank").isEmpty();
            }
        }
    }

    @Test
    void indicatorTablesReadInFullAt1366AndOnlyTheAttachControlChangesWhatTheCommentIsAbout() {
        api.freeUniquenessKeys();
        long draft = Fixtures.validDraft(api, "filer1");
        try (var filer = new Browser(port)) {
            filer.login("filer1").open("/declarations/" + draft);
            filer.driver.manage().window().setSize(new Dimension(1366, 900));
            assertThat(filer.field("/annualGoals/0/indicators/0/name").getAttribute("value")).isEqualTo("网络安全事件处置率");
            assertThat(filer.script(CUT)).as("edit view: every indicator text reads in full").asList().isEmpty();
            filer.script("document.querySelector(\"[data-item='/annualGoals/0']\").scrollIntoView()");
            filer.screenshot("clerk-filer-indicators-1366", 1366, 900);
        }
        api.freeUniquenessKeys();
        long id = Fixtures.inDeptReview(api, "filer1");
        try (var dept = new Browser(port)) {
            dept.login("dept1").open("/declarations/" + id);
            dept.driver.manage().window().setSize(new Dimension(1366, 900));
            dept.waitFor("#decision");
            dept.screenshot("clerk-reviewer-top-1366", 1366, 900);
            assertThat(dept.script(CUT)).as("read-only view: every indicator text reads in full").asList().isEmpty();
            assertThat(dept.script("return [...document.querySelectorAll('table.official.rows')]"
                    + ".filter(t => t.scrollWidth > t.parentElement.clientWidth + 1).length")).isEqualTo(0L);

            dept.field("/annualGoals/0/indicators/0/name").click();
            dept.field("/header/phone").click();
            dept.field("/header/phone").sendKeys(Keys.ENTER);
            assertThat(dept.all("#picked li")).as("reading never attaches").isEmpty();

            dept.click("[data-attach='/annualGoals/0/indicators/0']");
            dept.waitFor("#picked li");
            assertThat(dept.find(By.cssSelector("[data-attach='/annualGoals/0/indicators/0']")).getAttribute("aria-pressed"))
                    .isEqualTo("true");
            var phone = dept.find(By.cssSelector("[data-attach='/header/phone']"));
            assertThat(phone.getText()).isEqualTo("加入意见");
            phone.sendKeys(Keys.ENTER);
            assertThat(dept.all("#picked li")).as("the keyboard attaches too").hasSize(2);
            dept.script("document.querySelector(\"[data-item='/annualGoals/0']\").scrollIntoView()");
            dept.screenshot("clerk-reviewer-indicators-1366", 1366, 900);
        }
    }

    @Test
    void theFormFollowsTheOfficialTableAndOffersOnlyThePairsValidationAccepts() {
        api.freeUniquenessKeys();
        long id = Fixtures.validDraft(api, "filer1");
        long v2 = declaration(2022);
        try (var filer = new Browser(port)) {
            filer.login("filer1").open("/declarations/" + id);
            filer.driver.manage().window().setSize(new Dimension(1366, 900));
            String annual = head(filer, "/annualGoals/0/indicators");
            assertThat(annual).contains("近两年指标值");
            assertThat(annual.indexOf("2018年")).isPositive().isLessThan(annual.indexOf("2019年"));
            String longTerm = head(filer, "/longTermGoals/0/indicators");
            assertThat(longTerm).contains("指标名称", "绩效标准").doesNotContain("近两年", "预期", "年");
            String funds = filer.find(By.cssSelector("[data-path='/funds'] thead")).getText();
            assertThat(funds.indexOf("2018年")).isPositive().isLessThan(funds.indexOf("2019年"));

            filer.open("/declarations/" + v2);
            filer.choose("/annualGoals/0/indicators/0/level1", "产出指标");
            assertThat(offered(filer, "/annualGoals/0/indicators/0/level2"))
                    .contains("数量指标", "质量指标", "时效指标").doesNotContain("成本指标", "经济成本指标");
            filer.choose("/annualGoals/0/indicators/0/level1", "成本指标");
            assertThat(offered(filer, "/annualGoals/0/indicators/0/level2"))
                    .containsExactly("请选择", "经济成本指标", "社会成本指标", "生态环境成本指标");
            assertThat(filer.field("/annualGoals/0/indicators/0/level2").getAttribute("value"))
                    .as("质量指标 is not a 成本指标: cleared").isEmpty();
            assertThat(offered(filer, "/annualGoals/0/indicators/1/level2")).as("产出指标 does not offer 成本指标")
                    .containsExactly("请选择", "数量指标", "质量指标", "时效指标");
            assertThat(filer.field("/annualGoals/0/indicators/1/level2").getAttribute("value"))
                    .as("the saved 产出/成本 pair stays as it is, marked").isEqualTo("成本指标");
            assertThat(filer.find(By.cssSelector("td[data-path='/annualGoals/0/indicators/1/level2'] .off-list")).getText())
                    .isEqualTo("不在可选项中，请改选");
        }
    }

    private long declaration(int year) {
        var created = api.as("filer1").post("/api/declarations", Map.of("formKey", "dept-overall", "year", year));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        ObjectNode document = Fixtures.validDocument(year);
        ((ObjectNode) document.get("header")).put("department", created.body().at("/document/header/department").asText());
        var saved = api.as("filer1").put("/api/declarations/" + id + "/document", document, "\"1\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        return id;
    }

    private static String head(Browser browser, String list) {
        return (String) browser.script("return document.querySelector(\"[data-list='" + list + "']\")"
                + ".closest('table').tHead.textContent.replace(/\\s+/g, ' ')");
    }

    /** The choices a drop-down offers: the placeholder and the options of the groups not disabled (for another 一级). */
    @SuppressWarnings("unchecked")
    private static List<String> offered(Browser browser, String pointer) {
        return (List<String>) browser.script("return [...document.querySelector(\"[name='" + pointer + "']\")"
                + ".querySelectorAll('option')].filter(o => !o.matches(':disabled'))"
                + ".filter(o => o.value === '' || o.parentElement.tagName === 'OPTGROUP').map(o => o.textContent)");
    }

    /** Fetches the target of a link of the page with the page's session: status, type and Content-Disposition. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetch(Browser browser, String css) {
        return (Map<String, Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector(arguments[0]).href).then(r => done({status: r.status,
                  type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition')}));""", css);
    }
}
