package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * A monitoring round on the pages: the 绩效科's dashboard lists it with its progress and, per unit asked, a 未填报
 * line until the unit starts its form; the approved declaration's page offers the round's months first, with the
 * day they are due. A 财政业务科室 neither opens rounds nor sees units outside its 归口. (Period 03-08: no other
 * test opens it.)
 */
@ApplicationTest
class MonitoringRoundPageTest {

    @LocalServerPort
    int port;
    @Autowired
    Api api;

    @Test
    void theDashboardListsTheRoundAndTheUnitsThatHaveNotStartedAndTheFormOffersItsMonths() {
        long base = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var approved = api.as("finance1").post("/api/declarations/" + base + "/decision",
                Map.of("outcome", "approve", "grade", "优"));
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        var opened = api.as("finance1").post("/api/monitoring-rounds",
                Map.of("year", 2020, "period", "03-08", "lastDay", "2020-09-10"));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);

        var finance = new PageSession(port);
        finance.login("finance1", Api.PASSWORD);
        String dashboard = finance.get("/dashboard?year=2020").body();
        assertThat(dashboard).contains("id=\"open-round\"", "id=\"monitoring-rounds\"");
        assertThat(row(dashboard, "tr[^>]*data-period=\"03-08\"[^>]*>\\s*<td>3–8月</td>")).contains("2020-09-10");
        assertThat(row(dashboard, "tr[^>]*class=\"awaited[^\"]*\"[^>]*data-based-on=\"" + base + "\"[^>]*data-period=\"03-08\""))
                .contains("未填报", "逾期", "截止 2020-09-10");

        var page = new PageSession(port);
        page.login("filer1", Api.PASSWORD);
        String form = page.get("/declarations/" + base).body();
        var option = Pattern.compile("<option value=\"03-08\" selected=\"selected\">([^<]*)</option>").matcher(form);
        assertThat(option.find()).as("the round's months, chosen").isTrue();
        assertThat(option.group(1)).isEqualTo("3–8月（财政已开启，9月10日前填报）");

        var started = api.as("filer1").post("/api/declarations",
                Map.of("formKey", "monitoring", "basedOn", base, "period", "03-08"));
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        // The form itself is due by the round's last day, not by the declarations' deadline of the year.
        String formPage = page.get("/declarations/" + started.body().path("id").asLong()).body();
        assertThat(formPage).contains("<span id=\"due-by\">2020-09-10</span>", "监控期间 <span>3–8月</span>");
        // Its indicators are the approved ones: none is added, removed or moved (a save would refuse it).
        assertThat(formPage).contains("name=\"/indicators/0/forecast\"").doesNotContain("data-op=\"remove\"")
                .doesNotContain("data-add=").doesNotContain("data-template-for=");
        assertThat(page.get("/declarations/" + Fixtures.validDraft(api, "filer1")).body()).contains("data-op=\"remove\"", "data-add=");
        var selfEvaluation = api.as("filer1").post("/api/declarations", Map.of("formKey", "self-evaluation", "basedOn", base));
        assertThat(selfEvaluation.status()).as(selfEvaluation.text()).isEqualTo(201);
        assertThat(page.get("/declarations/" + selfEvaluation.body().path("id").asLong()).body())
                .as("a self-evaluation has no set day").doesNotContain("id=\"due-by\"");
        assertThat(api.as("filer1").get("/api/declarations/" + started.body().path("id").asLong()).body()
                .path("period").asText()).isEqualTo("03-08");

        String after = finance.get("/dashboard?year=2020").body();
        assertThat(Pattern.compile("<tr[^>]*data-based-on=\"" + base + "\"[^>]*data-period=\"03-08\"").matcher(after).find())
                .as("no 未填报 line once the form is started").isFalse();
        assertThat(after).contains("data-declaration=\"" + started.body().path("id").asLong() + "\"");

        // Follow-ups are started on their approved declaration: the import page does not offer their templates.
        assertThat(finance.get("/imports").body()).contains("<option value=\"dept-overall\"")
                .doesNotContain("<option value=\"monitoring\"").doesNotContain("<option value=\"self-evaluation\"");

        var section = new PageSession(port);
        section.login("finance2", Api.PASSWORD);
        assertThat(section.get("/dashboard?year=2020").body()).doesNotContain("id=\"open-round\"")
                .doesNotContain("data-based-on=\"" + base + "\"").contains("id=\"monitoring-rounds\"");
    }

    private static String row(String html, String start) {
        var matcher = Pattern.compile("<" + start).matcher(html);
        assertThat(matcher.find()).as("a row <" + start).isTrue();
        return html.substring(matcher.start(), html.indexOf("</tr>", matcher.start()));
    }
}
