package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;

/** One whole lifecycle of a 2028 部门整体支出 declaration, through the pages only, in a real chromium. */
@ApplicationTest
class LifecycleBrowserTest {

    private static final String PHONE_COMMENT = "联系电话请填写办公座机（带区号）";

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Test
    void aDeclarationGoesFromFillInThroughReturnToApprovalAndTheAuditorVerifiesIt() {
        long id;
        // Other tests of this shared context file dept-overall 2028 for HP-BDC too; one per department and year.
        api.freeUniquenessKeys();
        try (var filer = new Browser(port)) {
            filer.login("filer1");
            assertThat(filer.url()).endsWith("/declarations");
            filer.screenshot("01-filer-home");
            filer.click("#new");
            filer.waitForUrl("/declarations/new");
            new org.openqa.selenium.support.ui.Select(filer.find(By.name("formKey"))).selectByValue("dept-overall");
            filer.type(By.name("year"), "2028");
            filer.screenshot("02-new-declaration");
            filer.click("#create-submit");
            filer.waitFor("#declaration");
            id = Long.parseLong(filer.url().replaceAll(".*/declarations/", ""));
            assertThat(filer.status()).isEqualTo("草稿");

            fillIn(filer);
            filer.click("#validate");
            filer.waitFor("[data-finding-path='/header/phone'][data-rule='header.phone-format']");
            assertThat(filer.script("return document.querySelector(\"[data-finding-path='/header/phone']\")"
                    + ".closest('[data-path]').dataset.path")).isEqualTo("/header/phone");
            assertThat(texts(filer, "#finding-list li.error")).as("only the phone is wrong").hasSize(1);
            filer.screenshot("03-validation-error");

            filer.type("/header/phone", "027-85916419");
            filer.click("#save");
            filer.message("已保存");
            filer.click("#validate");
            filer.message("校验通过");
            assertThat(filer.all("[data-finding-path]")).filteredOn(e -> e.getAttribute("class").contains("error")).isEmpty();
            filer.screenshot("04-filer-form");
            filer.click("#submit");
            filer.message("已提交");
            assertThat(filer.status()).isEqualTo("主管部门审核中");
            assertThat(filer.all("#save")).as("read-only once submitted").isEmpty();
            assertThat(filer.all("#withdraw")).hasSize(1);
        }

        try (var dept = new Browser(port)) {
            dept.login("dept1");
            assertThat(dept.url()).endsWith("/tasks");
            dept.screenshot("05-reviewer-tasks");
            dept.click("a[href$='/declarations/" + id + "']");
            dept.waitFor("#decision");
            dept.click("[data-attach='/header/phone']");
            dept.waitFor("#picked li");
            dept.type(By.name("comment"), PHONE_COMMENT);
            dept.screenshot("06-reviewer-decision");
            dept.click("#return");
            dept.waitForUrl("/tasks");
            dept.message("已退回");
        }

        try (var filer = new Browser(port)) {
            filer.login("filer1").open("/declarations/" + id);
            assertThat(filer.status()).isEqualTo("已退回");
            var comment = filer.find(By.cssSelector("[data-comment-path='/header/phone']"));
            assertThat(comment.getText()).contains(PHONE_COMMENT);
            assertThat(filer.script("return arguments[0].closest('[data-path]').dataset.path", comment))
                    .isEqualTo("/header/phone");
            filer.screenshot("07-filer-sees-comment");
            filer.type("/header/phone", "027-85916420");
            filer.click("#save");
            filer.message("已保存");
            filer.click("#submit");
            filer.message("已提交");
            assertThat(filer.status()).isEqualTo("主管部门审核中");
        }

        try (var dept = new Browser(port)) {
            dept.login("dept1").open("/declarations/" + id);
            dept.waitFor(".changed[data-path='/header/phone']");
            assertThat(dept.find(By.cssSelector(".changed[data-path='/header/phone'] .was")).getText()).contains("027-85916419");
            dept.screenshot("08-reviewer-changes");
            dept.click("#approve");
            dept.waitForUrl("/tasks");
        }

        try (var finance = new Browser(port)) {
            finance.login("finance1");
            assertThat(finance.url()).endsWith("/dashboard");
            finance.open("/dashboard?year=2028");
            var row = finance.find(By.cssSelector("#progress tr[data-department='HP-BDC']"));
            assertThat(row.getText()).contains("财政审核中");
            assertThat(finance.find(By.cssSelector("#progress tr[data-department='HP-EDU']")).getText()).contains("未填报");
            finance.screenshot("09-dashboard");
            row.findElement(By.cssSelector("a[href$='/declarations/" + id + "']")).click();
            finance.waitFor("#decision");
            new org.openqa.selenium.support.ui.Select(finance.find(By.name("grade"))).selectByVisibleText("优");
            finance.type(By.name("comment"), "同意");
            finance.screenshot("10-finance-decision");
            finance.click("#approve");
            finance.waitForUrl("/tasks");
            finance.open("/declarations/" + id);
            assertThat(finance.status()).isEqualTo("已批复");
        }

        try (var auditor = new Browser(port)) {
            auditor.login("auditor1");
            assertThat(auditor.url()).endsWith("/audit");
            auditor.type(By.name("year"), "2028");
            auditor.click("#search");
            auditor.waitFor("#events a[data-timeline='" + id + "']");
            assertThat(texts(auditor, "#events tbody tr")).anySatisfy(t -> assertThat(t).contains("退回修改", PHONE_COMMENT));
            auditor.click("#events a[data-timeline='" + id + "']");
            auditor.waitFor("#timeline tbody tr");
            assertThat(texts(auditor, "#timeline tbody tr")).anySatisfy(t -> assertThat(t).contains("财政审核人", "优"));
            auditor.click("#verify");
            auditor.message("");
            assertThat(waitText(auditor, "#verify-result", "审计链")).contains("审计链完整");
            auditor.screenshot("11-audit");
        }
        assertThat(api.as("filer1").get("/api/declarations/" + id).body().get("status").asText()).isEqualTo("APPROVED");
    }

    /** Types the whole form as a filer would, adding rows with the page's buttons; the phone is wrong on purpose. */
    private static void fillIn(Browser b) {
        b.type("/header/filler", "张春红");
        b.type("/header/phone", "12345");
        b.type("/funds/income/fiscal/budget", "120.5");
        b.type("/funds/income/other/budget", "30");
        b.type("/funds/expenditure/basic/budget", "50.5");
        b.type("/funds/expenditure/project/budget", "100");
        assertThat(b.field("/funds/income/total/budget").getAttribute("value")).isEqualTo("150.5");
        assertThat(b.field("/funds/income/fiscal/share").getAttribute("value")).isEqualTo("80.07");
        assertThat(b.field("/funds/expenditure/project/share").getAttribute("value")).isEqualTo("66.45");
        measureLiveSum(b);
        b.type("/functions", "负责全区政务信息化建设、电子政务网络与政务数据中心的运行维护。");
        b.click("button[data-add='/annualTasks/*']");
        b.type("/annualTasks/0", "保障全区电子政务网络安全稳定运行。");
        for (String goals : List.of("/longTermGoals", "/annualGoals")) {
            b.click("button[data-add='" + goals + "/*']");
            b.type(goals + "/0/title", "政务网络与数据中心安全稳定运行");
            for (int i = 0; i < 2; i++) {
                b.click("[data-item='" + goals + "/0'] button[data-add='" + goals + "/*/indicators/*']");
            }
            String row = goals + "/0/indicators/";
            b.choose(row + "0/level1", "产出指标");
            b.choose(row + "0/level2", "数量指标");
            b.type(row + "0/name", "运维业务系统数量");
            b.type(row + "0/value", "≥85个");
            b.choose(row + "0/standard", "计划标准");
            b.choose(row + "1/level1", "效益指标");
            b.choose(row + "1/level2", "社会效益指标");
            b.type(row + "1/name", "政务网络可用率");
            b.type(row + "1/value", "≥99%");
            b.choose(row + "1/standard", "行业标准");
        }
    }

    /** 合计 and 占比 after one input event, timed to the next animation frame (printed, not asserted). */
    private static void measureLiveSum(Browser b) {
        Object result = b.asyncScript("""
                const done = arguments[arguments.length - 1];
                const input = document.querySelector('[name="/funds/income/other/budget"]');
                const total = document.querySelector('[name="/funds/income/total/budget"]');
                const start = performance.now();
                input.value = '29.5';
                input.dispatchEvent(new Event('input', {bubbles: true}));
                const handled = performance.now() - start;
                const afterInput = total.value;
                requestAnimationFrame(() => {
                  done([handled, performance.now() - start, afterInput]);
                });
                """);
        var figures = (List<?>) result;
        System.out.printf("Live sums: 合计 updated in %.2f ms (input handler); next animation frame after %.2f ms%n",
                ((Number) figures.get(0)).doubleValue(), ((Number) figures.get(1)).doubleValue());
        assertThat(figures.get(2)).as("合计 is updated by the input event itself").isEqualTo("150");
        b.type("/funds/income/other/budget", "30");
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(Browser b, String css) {
        return (List<String>) b.script("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);", css);
    }

    private static String waitText(Browser b, String css, String contains) {
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(20))
                .until(d -> d.findElement(By.cssSelector(css)).getText().contains(contains));
        return b.find(By.cssSelector(css)).getText();
    }
}
