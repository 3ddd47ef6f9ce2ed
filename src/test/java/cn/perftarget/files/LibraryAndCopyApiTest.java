package cn.perftarget.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/** GET /api/indicator-library and POST /api/declarations with copyFrom, over real HTTP. */
@ApplicationTest
class LibraryAndCopyApiTest {

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private List<JsonNode> library(String user, String query) {
        var got = http.get(user, "/api/indicator-library" + query, "application/json");
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        var items = new ArrayList<JsonNode>();
        got.json().forEach(items::add);
        return items;
    }

    @Test
    void libraryIsSearchableByLevelsTextAndFrameworkWithCoreIndicatorsFirst() {
        var quality = library("filer1", "?level1=%E4%BA%A7%E5%87%BA&level2=%E8%B4%A8%E9%87%8F%E6%8C%87%E6%A0%87&framework=dept-2015");
        assertThat(quality).isNotEmpty().allSatisfy(i -> {
            assertThat(i.path("level1").asText()).isEqualTo("产出指标");
            assertThat(i.path("level2").asText()).isEqualTo("质量指标");
            assertThat(i.path("value").asText()).isNotBlank();
            assertThat(i.has("unit")).isTrue();
        });
        assertThat(quality.get(0).path("core").asBoolean()).isTrue();
        assertThat(quality).extracting(i -> i.path("name").asText()).contains("预算执行率", "平台可用率");

        var satisfaction = library("dept1", "?q=%E6%BB%A1%E6%84%8F%E5%BA%A6");
        assertThat(satisfaction).isNotEmpty().allSatisfy(i -> assertThat(i.toString()).contains("满意度"));
        assertThat(satisfaction).extracting(i -> i.path("framework").asText()).contains("dept-2015", "project-2021");

        var project = library("auditor1", "?framework=project-2021");
        assertThat(project).allSatisfy(i -> assertThat(i.path("framework").asText()).isEqualTo("project-2021"));
        assertThat(project).extracting(i -> i.path("level1").asText()).contains("成本指标", "满意度指标");
        assertThat(library("filer1", "?framework=none")).isEmpty();
        assertThat(library("filer1", "?form=project-expenditure")).isNotEmpty()
                .allSatisfy(i -> assertThat(i.path("framework").asText()).isEqualTo("project-2021"));
        assertThat(library("filer1", "?form=dept-overall")).isNotEmpty()
                .allSatisfy(i -> assertThat(i.path("framework").asText()).isEqualTo("dept-2015"));

        assertThat(http.get(null, "/api/indicator-library", "application/json").status()).isEqualTo(401);
        var tooLong = http.get("filer1", "/api/indicator-library?q=" + "x".repeat(101), "application/json");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text()).contains("q");
    }

    private Http.Response create(String filer, int year, Object copyFrom) {
        return http.send(filer, "POST", "/api/declarations", "application/json",
                ("{\"formKey\":\"dept-overall\",\"year\":" + year + ",\"copyFrom\":" + copyFrom + "}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void copyLastYearTakesGoalsTasksAndIndicatorsMakesExpectedTheHistoryAndLeavesFundsBlank() {
        int earlier = Http.freshYear();
        int year = Http.freshYear();
        var source = Fixtures.validDocument(earlier);
        long from = http.draft("filer1", "dept-overall", earlier, source);

        var created = create("filer1", year, from);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        var document = created.json().path("document");
        assertThat(document.at("/header/year").asInt()).isEqualTo(year);
        assertThat(document.at("/header/department").asText()).isEqualTo("黄陂区大数据中心");
        assertThat(document.at("/header/filler").asText()).isEqualTo("张春红");
        assertThat(document.has("funds")).isFalse();
        assertThat(document.get("annualTasks")).isEqualTo(source.get("annualTasks"));
        assertThat(document.get("functions")).isEqualTo(source.get("functions"));
        assertThat(document.get("longTermGoals")).isEqualTo(source.get("longTermGoals"));
        var indicator = document.at("/annualGoals/0/indicators/1");
        assertThat(indicator.path("name").asText()).isEqualTo("运行维护费");
        assertThat(indicator.has("expected")).isFalse();
        assertThat(indicator.path("history").toString()).isEqualTo("{\"" + earlier + "\":\"157.1万元\"}");
        assertThat(document.at("/annualGoals/2/indicators/0/history/" + earlier).asText()).isEqualTo("12个");
        assertThat(created.json().path("revision").asInt()).isEqualTo(1);
    }

    @Test
    void copyFromMustBeAnEarlierDeclarationOfTheSameDepartment() {
        int year = Http.freshYear();
        long own = http.draft("filer1", "dept-overall", year, Fixtures.validDocument(year));
        int otherYear = Http.freshYear();
        long others = http.draft("filer2", "dept-overall", otherYear, Fixtures.validDocument(otherYear));

        var notEarlier = create("filer1", year, own);
        assertThat(notEarlier.status()).isEqualTo(400);
        assertThat(notEarlier.json().path("errors").get(0).path("path").asText()).isEqualTo("/copyFrom");
        assertThat(notEarlier.json().path("detail").asText()).contains("copyFrom", "应早于");

        var otherDepartment = create("filer1", otherYear + 1, others);
        assertThat(otherDepartment.status()).isEqualTo(404);
        assertThat(otherDepartment.json().path("detail").asText()).contains("copyFrom");
        assertThat(create("filer1", year + 1, 999_999_999L).status()).isEqualTo(404);
        assertThat(create("filer1", year + 1, "\"abc\"").status()).isEqualTo(400);
    }
}
