package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * Wall 6 of a clerk's day (issue 19), met through the pages: after a return with comments on fields and a
 * revision that changed them, the declaration page, the auditor's page and an import's result name fields in the
 * template's words, roles, units and people by their Chinese names: no JSON Pointer, no code.
 */
@ApplicationTest
class ClerkDayWordsBrowserTest {

    /** Words a clerk never reads: pointers into the document, role codes and unit codes. */
    private static final List<String> CODES = List.of("/annualGoals", "/header/", "/funds/", "FILER", "DEPT_REVIEWER",
            "FINANCE_REVIEWER", "AUDITOR", "SYSTEM", "HP-BDC", "HP-EDU", "CZ-JXK");

    private static final String PHONE = "/header/phone";
    private static final String VALUE = "/annualGoals/0/indicators/0/value";

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Test
    void afterAReturnWithFieldCommentsAndARevisionTheDeclarationAndAuditPagesSpeakInWordsAndNames() {
        long id = returnedAndRevised();
        String reviewer = ClerkDayFixtures.nameOf(api, "dept1");
        try (var browser = new Browser(port)) {
            browser.login("dept1").open("/declarations/" + id);
            browser.waitFor("#decision");
            browser.click("[data-attach='" + PHONE + "']");
            browser.click("[data-attach='/annualGoals/0/indicators/0']");
            browser.waitFor("#picked li");
            String page = text(browser);
            assertThat(page).contains("自您上次审核以来的修改", "联系电话", "年度目标1 › 绩效指标1 › 指标值", reviewer);
            assertNoCodes(page, "dept1's declaration page");
            assertThat(browser.find(By.id("picked")).getText()).contains("联系电话", "年度目标1 › 绩效指标1");
        }
        try (var browser = new Browser(port)) {
            browser.login("filer1").open("/declarations/" + id);
            var comments = browser.all("[data-comment-path]");
            assertThat(comments).isNotEmpty();
            comments.forEach(c -> assertThat(c.getText()).startsWith(reviewer + "（").doesNotContain("dept1"));
            assertNoCodes(text(browser), "filer1's declaration page");
        }
        try (var browser = new Browser(port)) {
            browser.login("auditor1").open("/audit?declaration=" + id);
            browser.waitFor("#events tbody tr");
            browser.waitFor("#timeline tbody tr");
            // This declaration's timeline and its rows of the event list, searched for as an auditor would (the
            // list also holds other events, such as an administrator's unit changes, whose 代码 field is a code).
            int year = api.as("filer1").get("/api/declarations/" + id).body().path("year").asInt();
            browser.script("const f = document.getElementById('audit-search');"
                    + "f.querySelector('[name=department]').value = 'HP-BDC';"
                    + "f.querySelector('[name=year]').value = arguments[0];"
                    + "f.querySelector('[name=actor]').value = 'dept1';"
                    + "f.querySelector('[name=action]').value = 'RETURNED';"
                    + "f.requestSubmit();", String.valueOf(year));
            browser.waitFor("#events tbody tr a[data-timeline='" + id + "']");
            String page = String.valueOf(browser.script("return document.getElementById('timeline-panel').innerText + "
                    + "[...document.querySelectorAll('#events tbody tr')].filter(r => r.querySelector('a[data-timeline=\"" + id
                    + "\"]')).map(r => r.innerText).join('\\n');"));
            assertThat(page).contains("主管部门审核人", "黄陂区大数据中心", reviewer, "涉及：联系电话、年度目标1 › 绩效指标1 › 指标值");
            assertNoCodes(page, "the audit page");
        }
    }

    @Test
    void aSaveRefusedForItsStructureNamesTheFieldNotItsPointer() {
        api.freeUniquenessKeys();
        long id = Fixtures.validDraft(api, "filer1");
        var document = Fixtures.validDocument();
        document.with("header").put("department", "黄陂区大数据中心");
        document.with("funds").with("income").with("other").put("budget", "十万");
        var refused = api.as("filer1").put("/api/declarations/" + id + "/document", document, "\"2\"");
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertNoCodes(refused.body().path("detail").asText(), "the refusal's detail");
    }

    @Test
    void anImportResultNamesTheUnitAsTheSheetDoes(@TempDir Path temp) throws IOException {
        api.freeUniquenessKeys();
        Path sheet = ClerkDayFixtures.sheet(temp, "黄陂区大数据中心", 2074);
        try (var browser = new Browser(port)) {
            browser.login("dept1").open("/imports");
            // The import form's own select (the page's first one belongs to 导出样表).
            new Select(browser.find(By.cssSelector("#import [name=formKey]"))).selectByValue("dept-overall");
            browser.find(By.name("files")).sendKeys(sheet.toString());
            browser.click("#import-submit");
            browser.message("导入完成");
            var rows = browser.all("#job-files tr");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getAttribute("data-status")).as(rows.get(0).getText()).isEqualTo("CREATED");
            assertThat(rows.get(0).getText()).contains("黄陂区大数据中心");
            assertNoCodes(text(browser), "the import's result");
        }
    }

    /** filer1's declaration returned by dept1 with comments on the phone and an indicator value, then both changed. */
    private long returnedAndRevised() {
        api.freeUniquenessKeys();
        long id = Fixtures.inDeptReview(api, "filer1");
        var returned = api.as("dept1").post("/api/declarations/" + id + "/decision", Map.of("outcome", "return",
                "comment", "电话请加区号，指标值请写明运算符", "fields", List.of(PHONE, VALUE)));
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);
        var current = api.as("filer1").get("/api/declarations/" + id).body();
        var document = (ObjectNode) current.path("document").deepCopy();
        document.with("header").put("phone", "027-85916419");
        ((ObjectNode) document.withArray("annualGoals").get(0).withArray("indicators").get(0)).put("value", "≥99.5%");
        var saved = api.as("filer1").put("/api/declarations/" + id + "/document", document,
                "\"" + current.path("revision").asInt() + "\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        var submitted = api.as("filer1").post("/api/declarations/" + id + "/submission");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        return id;
    }

    private static String text(Browser browser) {
        return String.valueOf(browser.script("return document.body.innerText;"));
    }

    private static void assertNoCodes(String text, String where) {
        AbstractStringAssert<?> page = assertThat(text).as(where);
        CODES.forEach(page::doesNotContain);
    }
}
