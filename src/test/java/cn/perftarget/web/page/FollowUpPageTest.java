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
 * The form page renders the follow-up templates from their definitions: copied targets and computed scores are shown
 * read-only, the rest editable; the base's page shows its year 申报 → 监控 → 自评 with each status and link.
 */
@ApplicationTest
class FollowUpPageTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Test
    void followUpFormsShowTargetsReadOnlyAndTheBaseShowsItsYear() {
        long base = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var approved = api.as("finance1").post("/api/declarations/" + base + "/decision",
                Map.of("outcome", "approve", "grade", "优"));
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        long monitoring = api.as("filer1").post("/api/declarations",
                Map.of("formKey", "monitoring", "basedOn", base, "period", "01-07")).body().path("id").asLong();
        long selfEvaluation = api.as("filer1").post("/api/declarations",
                Map.of("formKey", "self-evaluation", "basedOn", base)).body().path("id").asLong();

        var filer = new PageSession(port);
        filer.login("filer1", Api.PASSWORD);
        var monitoringPage = filer.get("/declarations/" + monitoring);
        assertThat(monitoringPage.statusCode()).isEqualTo(200);
        String html = monitoringPage.body();
        assertThat(html).contains("绩效运行监控表", "≤157.1万元", "依据已批复的", "/declarations/" + base);
        assertThat(control(html, "/indicators/1/target")).contains("readonly");
        assertThat(control(html, "/indicators/1/forecast")).doesNotContain("readonly");

        String selfPage = filer.get("/declarations/" + selfEvaluation).body();
        assertThat(selfPage).contains("绩效自评表");
        assertThat(control(selfPage, "/indicators/0/target")).contains("readonly");
        assertThat(control(selfPage, "/indicators/0/actual")).doesNotContain("readonly");

        String basePage = filer.get("/declarations/" + base).body();
        assertThat(basePage).contains("本年度", "申报（已批复）", "监控 1–7月（草稿）", "自评（草稿）",
                "/declarations/" + monitoring + "\"", "/declarations/" + selfEvaluation + "\"");
    }

    /** The opening tag of the control named by this pointer. */
    private static String control(String html, String pointer) {
        var matcher = Pattern.compile("<(textarea|input|select)[^>]*name=\"" + Pattern.quote(pointer) + "\"[^>]*>")
                .matcher(html);
        assertThat(matcher.find()).as("a control named " + pointer).isTrue();
        return matcher.group();
    }
}
