package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * Walls 3 and 4 of a clerk's day (issue 19), met through the pages: a declaration a 主管部门 reviewer imported for a
 * unit is theirs to decide once the unit submits it; a step nobody may decide says so and names who can help; 财政
 * cannot approve without the grade its step requires.
 */
@ApplicationTest
class ClerkDayReviewBrowserTest {

    private static final String PASSWORD = "Pass-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Test
    void aDeclarationTheDeptReviewerImportedIsTheirsToDecideOnceTheUnitSubmitsIt(@TempDir Path temp)
            throws IOException {
        Path sheet = ClerkDayFixtures.sheet(temp, "黄陂区大数据中心", 2072);
        long id;
        try (var browser = new Browser(port)) {
            browser.login("dept1").open("/imports");
            new Select(browser.find(By.cssSelector("#import [name=formKey]"))).selectByValue("dept-overall");
            browser.find(By.name("files")).sendKeys(sheet.toString());
            browser.click("#import-submit");
            browser.message("导入完成");
            var rows = browser.all("#job-files tr");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getAttribute("data-status")).as(rows.get(0).getText()).isEqualTo("CREATED");
            var link = rows.get(0).findElement(By.cssSelector("a")).getAttribute("href");
            id = Long.parseLong(link.replaceAll(".*/declarations/(\\d+).*", "$1"));
        }
        try (var browser = new Browser(port)) {
            browser.login("filer1").open("/declarations/" + id);
            browser.click("#submit");
            browser.message("已提交");
            assertThat(api.as("filer1").get("/api/declarations/" + id).body().path("status").asText())
                    .isEqualTo("DEPT_REVIEW");
        }
        try (var browser = new Browser(port)) {
            browser.login("dept1").open("/tasks");
            assertThat(browser.all("#content table.list a[href$='/declarations/" + id + "']")).isNotEmpty();
            assertThat(browser.all("#own-submissions a[href$='/declarations/" + id + "']")).isEmpty();
            browser.open("/declarations/" + id);
            browser.click("#approve");
            browser.waitForUrl("/tasks");
        }
        assertThat(api.as("filer1").get("/api/declarations/" + id).body().path("status").asText())
                .isEqualTo("FINANCE_REVIEW");
    }

    @Test
    void aStepNobodyMayDecideIsExplainedInTheInboxAndOnThePageNamingTheAdministrator() {
        String unit = "SR" + UUID.randomUUID().toString().substring(0, 6);
        String user = "sr" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.as("admin").post("/api/admin/units", Map.of("code", unit, "name", "自审测试单位",
                "kind", "DEPARTMENT"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        var account = api.as("admin").post("/api/admin/users", Map.of("username", user, "name", "孙自审", "unit", unit,
                "roles", List.of("FILER", "DEPT_REVIEWER"), "password", PASSWORD));
        assertThat(account.status()).as(account.text()).isEqualTo(201);
        long id = submittedBy(user);
        String administrator = api.as("admin").get("/api/admin/users").body().findParents("username").stream()
                .filter(u -> u.path("username").asText().equals("admin")).findFirst().orElseThrow()
                .path("name").asText();

        try (var browser = new Browser(port)) {
            browser.login(user, PASSWORD).open("/tasks");
            var notice = browser.find(By.id("own-submissions")).getText();
            assertThat(notice).contains("由您本人提交", "没有其他可以审核的人", administrator, "用户管理");
            assertThat(browser.all("#own-submissions a[href$='/declarations/" + id + "']")).hasSize(1);
            browser.open("/declarations/" + id);
            assertThat(browser.find(By.id("step-reviewers")).getText())
                    .contains("主管部门审核中", "没有可以审核的人", administrator);
            assertThat(browser.all("#approve")).isEmpty();
        }
        try (var browser = new Browser(port)) {
            browser.login("filer1").open("/declarations/" + Fixtures.inDeptReview(api, "filer1"));
            assertThat(browser.find(By.id("step-reviewers")).getText()).contains("可审核人", ClerkDayFixtures.nameOf(api, "dept1"));
        }
    }

    @Test
    void financeCannotApproveWithoutTheGradeItsStepRequires() {
        long id = Fixtures.inFinanceReview(api, "filer1", "dept1");
        try (var browser = new Browser(port)) {
            browser.login("finance1").open("/declarations/" + id);
            browser.click("#approve");
            assertThat(browser.message("必须评定等级")).contains("评级");
            assertThat(browser.find(By.name("grade")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(api.as("filer1").get("/api/declarations/" + id).body().path("status").asText())
                    .isEqualTo("FINANCE_REVIEW");
            // Sent anyway (a page without the check, a script): the server refuses it, naming the grade.
            var refused = api.as("finance1").post("/api/declarations/" + id + "/decision", Map.of("outcome", "approve"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().path("errors").findValuesAsText("path")).contains("/grade");

            new Select(browser.find(By.name("grade"))).selectByVisibleText("优");
            browser.click("#approve");
            browser.waitForUrl("/tasks");
        }
        assertThat(api.as("filer1").get("/api/declarations/" + id).body().path("status").asText())
                .isEqualTo("APPROVED");
    }

    private long submittedBy(String user) {
        var created = api.as(user, PASSWORD).post("/api/declarations", Map.of("formKey", "dept-overall", "year", 2020));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        var document = Fixtures.validDocument();
        ((ObjectNode) document.get("header")).put("department", created.body().at("/document/header/department").asText());
        var saved = api.as(user, PASSWORD).put("/api/declarations/" + id + "/document", document, "\"1\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        var submitted = api.as(user, PASSWORD).post("/api/declarations/" + id + "/submission");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        return id;
    }
}
