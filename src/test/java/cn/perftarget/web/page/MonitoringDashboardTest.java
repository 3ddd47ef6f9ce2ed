package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.DeclarationStatus;
import cn.perftarget.identity.Directory;

/**
 * 财政's dashboard shows the year's 绩效运行监控 per unit with a signal from the forecasts against the approved
 * targets: 绿 on course, 黄 off course with the reason and a correction given, 红 off course without a reason;
 * a 财政业务科室 without the unit in its 归口 does not see it; follow-ups do not count as the year's declarations.
 */
@ApplicationTest
class MonitoringDashboardTest {

    @LocalServerPort
    int port;
    @Autowired
    Api api;
    @Autowired
    DeclarationQueries queries;
    @Autowired
    Directory directory;

    @Test
    void eachMonitoringGetsItsSignalOnTheFinanceDashboard() {
        long base = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var approved = api.as("finance1").post("/api/declarations/" + base + "/decision",
                Map.of("outcome", "approve", "grade", "优"));
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        int year = approved.body().path("year").asInt(approved.body().at("/declaration/year").asInt());
        var finance = directory.actor("finance1").orElseThrow();
        long draftsBefore = drafts(finance, year);

        long green = monitoring(base, "01-07", indicator -> { });
        long amber = monitoring(base, "01-06", indicator -> indicator.put("deviationReason", "经费保障")
                .put("correction", "下半年追加经费"));
        long red = monitoring(base, "01-09", indicator -> { });
        assertThat(drafts(finance, year)).as("the year's drafts, follow-ups aside").isEqualTo(draftsBefore);

        var session = new PageSession(port);
        session.login("finance1", Api.PASSWORD);
        String html = session.get("/dashboard?year=" + year).body();
        assertThat(html).contains("年度绩效运行监控", "偏离目标的指标");
        assertThat(signal(html, green)).isEqualTo("GREEN");
        assertThat(signal(html, amber)).isEqualTo("AMBER");
        assertThat(signal(html, red)).isEqualTo("RED");
        // The progress table above lists the year's declarations only, and a follow-up is never 逾期 by their deadline.
        String progress = html.substring(html.indexOf("id=\"progress\""), html.indexOf("id=\"monitoring-panel\""));
        assertThat(progress).contains("/declarations/" + base + "\"").doesNotContain("/declarations/" + red + "\"");
        assertThat(api.as("filer1").get("/api/declarations/" + red).body().path("overdue").asBoolean()).isFalse();

        var edu = new PageSession(port);
        edu.login("finance2", Api.PASSWORD);
        assertThat(edu.get("/dashboard?year=" + year).body()).doesNotContain("data-declaration=\"" + red + "\"");
    }

    /** A monitoring of the base on course everywhere but, except for 01-07, 50 % short on its first numeric indicator. */
    private long monitoring(long base, String period, java.util.function.Consumer<ObjectNode> offCourse) {
        var created = api.as("filer1").post("/api/declarations",
                Map.of("formKey", "monitoring", "basedOn", base, "period", period));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        var document = (ObjectNode) created.body().path("document");
        document.with("header").put("filler", "张三");
        ObjectNode first = null;
        for (JsonNode item : document.path("indicators")) {
            var indicator = (ObjectNode) item;
            String value = indicator.path("target").asText().replaceFirst("^[≥≤=<>]", "");
            indicator.put("actual", value).put("forecast", value);
            var number = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)(\\D.*)$").matcher(value);
            if (first == null && number.matches() && !period.equals("01-07")) {
                first = indicator;
                indicator.put("forecast", new java.math.BigDecimal(number.group(1)).divide(java.math.BigDecimal.valueOf(2))
                        .stripTrailingZeros().toPlainString() + number.group(2));
                offCourse.accept(indicator);
            }
        }
        // Spent in step with the time gone: no warning about the execution rate.
        var funds = document.with("funds");
        var budget = funds.path("budget").decimalValue();
        var share = funds.path("timeShare").decimalValue();
        var executed = budget.multiply(share).divide(java.math.BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
        funds.put("executed", executed).put("executionRate", executed.multiply(java.math.BigDecimal.valueOf(100))
                .divide(budget, 2, java.math.RoundingMode.HALF_UP));
        var saved = api.as("filer1").put("/api/declarations/" + id + "/document", document, "\"1\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        return id;
    }

    private long drafts(cn.perftarget.identity.Actor actor, int year) {
        return queries.progress(actor, year).counts().getOrDefault("HP-BDC", Map.of())
                .getOrDefault(DeclarationStatus.DRAFT, 0L);
    }

    private static String signal(String html, long id) {
        var row = Pattern.compile("<tr[^>]*data-declaration=\"" + id + "\"[^>]*>").matcher(html);
        assertThat(row.find()).as("a row of monitoring " + id).isTrue();
        var signal = Pattern.compile("data-signal=\"([A-Z]*)\"").matcher(row.group());
        return signal.find() ? signal.group(1) : "";
    }
}
