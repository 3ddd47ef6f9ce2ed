package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * The year after approval in the browser: the filer starts a 运行监控 from the approved declaration's page, fills
 * a forecast that misses its target and saves; 财政 sees the unit's signal on the dashboard; the filer starts the
 * 绩效自评, enters the year's actual values and sees the score; the printed 自评表 carries the scores. Saves
 * the screenshots of docs/screenshots (guide-follow-up-*.png).
 */
@ApplicationTest
class FollowUpBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Api api;

    @Test
    void aFilerMonitorsAndSelfEvaluatesAndFinanceSeesTheSignal() {
        long base = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var approved = api.as("finance1").post("/api/declarations/" + base + "/decision",
                Map.of("outcome", "approve", "grade", "优"));
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        int year = api.as("filer1").get("/api/declarations/" + base).body().path("year").asInt();
        long monitoring;
        long selfEvaluation;

        try (var browser = new Browser(port)) {
            browser.login("filer1").open("/declarations/" + base);
            browser.script("document.getElementById('follow-up-period').value = '01-07';");
            browser.click("#start-monitoring");
            browser.waitForUrl("/declarations/");
            browser.waitFor("[name='/indicators/8/forecast']");
            monitoring = Long.parseLong(browser.url().replaceAll(".*/declarations/(\\d+).*", "$1"));
            assertThat(monitoring).isNotEqualTo(base);
            assertThat(browser.find(By.tagName("h1")).getText()).contains("绩效运行监控表");
            assertThat(browser.field("/indicators/8/target").getAttribute("readonly")).isNotNull();
            browser.type("/indicators/8/actual", "5个");
            browser.type("/indicators/8/forecast", "8个");
            browser.click("#save");
            browser.message("已保存");
            browser.click("#validate");
            browser.waitFor("[data-finding-path='/indicators/8/deviationReason']");
            browser.screenshot("guide-follow-up-monitoring", 1366, 768);

            browser.open("/declarations/" + base);
            browser.waitFor("#start-self-evaluation");
            assertThat(browser.find(By.cssSelector(".year-line")).getText()).contains("监控 1–7月（草稿）");
            browser.click("#start-self-evaluation");
            browser.waitFor("[name='/indicators/0/actual']");
            selfEvaluation = Long.parseLong(browser.url().replaceAll(".*/declarations/(\\d+).*", "$1"));
            assertThat(browser.find(By.tagName("h1")).getText()).contains("绩效自评表");
            browser.screenshot("guide-follow-up-self-evaluation", 1366, 768);
        }

        try (var browser = new Browser(port)) {
            browser.login("finance1").open("/dashboard?year=" + year);
            browser.waitFor("#monitoring-list tr[data-declaration='" + monitoring + "']");
            var row = browser.find(By.cssSelector("#monitoring-list tr[data-declaration='" + monitoring + "']"));
            assertThat(row.getAttribute("data-signal")).isEqualTo("RED");
            assertThat(row.getText()).contains("黄陂区大数据中心", "1–7月", "红");
            browser.script("document.getElementById('monitoring-panel').scrollIntoView();");
            browser.screenshot("guide-follow-up-dashboard", 1366, 768);
        }

        // The year's actual values (as FollowUpLifecycleApiTest works them out by hand: 97.29 → 优), then the print.
        var document = (com.fasterxml.jackson.databind.node.ObjectNode) api.as("filer1")
                .get("/api/declarations/" + selfEvaluation).body().path("document");
        String[] actuals = {"100%", "150.2万元", "99%", "97%", "99.5%", "1个工作日", "98%", "98.5%", "8个", "90.5万元",
                            "99%", "96%"};
        for (int i = 0; i < actuals.length; i++) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) document.at("/indicators/" + i)).put("actual", actuals[i]);
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) document.at("/indicators/8")).put("deviationReason", "人员保障")
                .put("improvement", "增配网站编辑人员");
        document.with("header").put("filler", "张三");
        document.with("funds").put("executed", 230.50).put("executionRate", 94.86);
        var saved = api.as("filer1").put("/api/declarations/" + selfEvaluation + "/document", document, "\"1\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        try (var browser = new Browser(port)) {
            browser.login("filer1").open("/declarations/" + selfEvaluation + "/print");
            String printed = browser.find(By.tagName("body")).getText();
            assertThat(printed).contains("绩效自评表", "97.29", "优", "6.67", "增配网站编辑人员");
            browser.screenshot("guide-follow-up-self-evaluation-print", 1366, 900);
        }
    }

    @Test
    void financeOpensAMonitoringRoundFromTheDashboardAndTheFilerIsAskedByMessage() {
        long base = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var approved = api.as("finance1").post("/api/declarations/" + base + "/decision",
                Map.of("outcome", "approve", "grade", "优"));
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);

        try (var browser = new Browser(port)) {
            browser.login("finance1").open("/dashboard?year=2020");
            browser.waitFor("#open-round");
            // 2–10月: a period no other browser test opens (one round per year and period).
            browser.script("const s = document.getElementById('round-period');"
                    + "s.add(new Option('2–10月', '02-10')); s.value = '02-10';"
                    + "document.getElementById('round-last-day').value = '2020-11-20';");
            browser.click("#open-monitoring-round");
            assertThat(browser.message("已开启2020年2–10月运行监控")).contains("已通知");
            browser.waitFor("#monitoring-rounds tr[data-period='02-10']");
            assertThat(browser.find(By.cssSelector("#monitoring-rounds tr[data-period='02-10']")).getText())
                    .contains("2–10月", "2020-11-20");
            assertThat(browser.find(By.cssSelector("#monitoring-list tr.awaited[data-based-on='" + base + "'][data-period='02-10']"))
                    .getText()).contains("黄陂区大数据中心", "未填报", "逾期");
            // The same round twice: the server's word, in Chinese, and nothing changes.
            browser.script("const s = document.getElementById('round-period');"
                    + "s.add(new Option('2–10月', '02-10')); s.value = '02-10';"
                    + "document.getElementById('round-last-day').value = '2020-11-30';");
            browser.click("#open-monitoring-round");
            assertThat(browser.message("运行监控已于此前开启")).contains("2020年2–10月");
        }

        try (var browser = new Browser(port)) {
            browser.login("filer1").open("/messages");
            browser.waitFor("#message-list");
            assertThat(browser.find(By.id("message-list")).getText()).contains("运行监控：", "2020年2–10月绩效运行监控");
            browser.open("/declarations/" + base);
            browser.waitFor("#follow-up-period");
            assertThat(browser.script("return document.getElementById('follow-up-period').value;")).isEqualTo("02-10");
            browser.click("#start-monitoring");
            browser.waitFor("[name='/indicators/0/forecast']");
            assertThat(browser.url()).doesNotContain("/declarations/" + base);
        }
    }

    @Test
    void financeDrawsTheRecheckSampleAndRecordsTheRecheckScoreTheAuditorReads() {
        long id = Fixtures.approvedSelfEvaluation(api);
        String row = "#recheck-list tr[data-declaration='" + id + "']";
        try (var browser = new Browser(port)) {
            browser.login("finance1").open("/dashboard?year=2020");
            browser.waitFor("#draw-sample");
            browser.script("document.getElementById('sample-share').value = '100';");
            browser.click("#draw-recheck-sample");
            assertThat(browser.message("已抽取2020年度财政复核样本")).contains("抽中的单位已收到消息");
            browser.waitFor(row);
            assertThat(browser.find(By.cssSelector(row)).getText()).contains("黄陂区大数据中心", "97.29", "优");
            browser.script("const r = document.querySelector(arguments[0]);"
                    + "r.querySelector('.recheck-score').value = '85.5';"
                    + "r.querySelector('.recheck-comment').value = '栏目优化数的佐证不足';", row);
            browser.click(row + " .save-recheck");
            assertThat(browser.message("已保存")).contains("85.5（良）");
            // The page comes again in place: the grade from the template's thresholds and how far 财政 found it off.
            browser.wait.until(d -> String.valueOf(browser.script("const r = document.querySelector(arguments[0]);"
                    + "return r ? r.textContent : '';", row)).contains("-11.79"));
            assertThat(browser.find(By.cssSelector(row)).getText()).contains("良", "财政审核人");
            browser.script("document.getElementById('recheck-panel').scrollIntoView();");
            browser.screenshot("guide-follow-up-recheck", 1366, 768);
        }
        try (var browser = new Browser(port)) {
            browser.login("auditor1").open("/dashboard?year=2020");
            browser.waitFor(row);
            assertThat(browser.find(By.cssSelector(row)).getText()).contains("85.5", "良", "栏目优化数的佐证不足");
            assertThat(browser.all(row + " input")).isEmpty();
            assertThat(browser.all("#draw-sample")).isEmpty();
        }
    }
}
