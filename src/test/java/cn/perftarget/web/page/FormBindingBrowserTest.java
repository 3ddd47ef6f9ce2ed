package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.definition.FormDefinitions;

/**
 * Every input of the 申报表 page, for both templates, is named by the JSON Pointer of its value; adding, moving and
 * removing rows keeps the names true; every finding of a report is shown at an element for its path.
 */
@ApplicationTest
class FormBindingBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    FormDefinitions definitions;

    @Test
    void everyInputOfBothTemplatesIsNamedByThePointerOfItsValue() throws IOException {
        long dept = declaration("dept-overall", 2061, Fixtures.validDocument(2061));
        long project = declaration("project-expenditure", 2062, projectSample(2062));
        try (var browser = new Browser(port)) {
            browser.login("filer1");
            for (long id : new long[] {dept, project}) {
                browser.open("/declarations/" + id);
                browser.waitFor("#declaration");
                JsonNode declaration = api.as("filer1").get("/api/declarations/" + id).body();
                JsonNode document = declaration.get("document");
                JsonNode schema = definitions.find(declaration.get("formKey").asText(), 1).orElseThrow().documentSchema();
                var names = names(browser);
                assertThat(names).as("inputs of " + declaration.get("formKey")).hasSizeGreaterThan(20);
                for (var input : names) {
                    String name = input.get("name");
                    assertThat(name).as("an input without a pointer").startsWith("/");
                    assertThat(resolvesInSchema(schema, name)).as(name + " is a place of the schema").isTrue();
                    JsonNode value = document.at(name);
                    if (!value.isMissingNode() && value.isValueNode()) {
                        assertThat(input.get("value")).as(name).isEqualTo(value.isNumber()
                                ? new java.math.BigDecimal(value.asText()).stripTrailingZeros().toPlainString()
                                : value.asText());
                    }
                }
                var named = names.stream().map(n -> n.get("name")).toList();
                for (String leaf : leaves(document, "", new ArrayList<>())) {
                    assertThat(named).as("the document's value at " + leaf + " has an input").contains(leaf);
                }
            }
        }
    }

    @Test
    void addedMovedAndRemovedRowsKeepTheirPointersTrue() {
        long id = declaration("dept-overall", 2065, Fixtures.validDocument(2065));
        int before = api.as("filer1").get("/api/declarations/" + id).body().at("/document/annualGoals/0/indicators").size();
        try (var browser = new Browser(port)) {
            browser.login("filer1").open("/declarations/" + id);
            browser.click("[data-item='/annualGoals/0'] button[data-add='/annualGoals/*/indicators/*']");
            String added = "/annualGoals/0/indicators/" + before;
            browser.type(added + "/name", "新增的指标");
            browser.click("[data-item='" + added + "'] [data-op='up']");
            browser.click("[data-item='/annualGoals/0/indicators/0'] [data-op='remove']");
            assertThat(browser.field("/annualGoals/0/indicators/" + (before - 2) + "/name").getAttribute("value"))
                    .isEqualTo("新增的指标");
            @SuppressWarnings("unchecked")
            var rows = (List<String>) browser.script("""
                    return [...document.querySelectorAll("[data-list='/annualGoals/0/indicators'] > [data-item]")]
                      .map((row, i) => [...row.querySelectorAll('[name]')].every(e => e.name.startsWith(row.dataset.item + '/'))
                         && row.dataset.item === '/annualGoals/0/indicators/' + i ? 'ok' : row.dataset.item);""");
            assertThat(rows).hasSize(before).containsOnly("ok");
            browser.click("#save");
            browser.message("已保存");
        }
        JsonNode indicators = api.as("filer1").get("/api/declarations/" + id).body().at("/document/annualGoals/0/indicators");
        assertThat(indicators).hasSize(before);
        assertThat(indicators.get(before - 2).get("name").asText()).isEqualTo("新增的指标");
        assertThat(indicators.get(before - 1).get("name").asText())
                .isEqualTo(Fixtures.validDocument(2065).at("/annualGoals/0/indicators/" + (before - 1) + "/name").asText());
    }

    @Test
    void aFilerStartsAnIndicatorRowFromTheLibraryAndTypesTheFigureOverItsN() {
        long id = declaration("dept-overall", 2069, Fixtures.validDocument(2069));
        int before = api.as("filer1").get("/api/declarations/" + id).body().at("/document/annualGoals/0/indicators").size();
        try (var browser = new Browser(port)) {
            browser.login("filer1").open("/declarations/" + id);
            assertThat(browser.all("[data-library]")).as("each goal's indicator table offers the library")
                    .hasSize(api.as("filer1").get("/api/declarations/" + id).body().at("/document/annualGoals").size()
                            + api.as("filer1").get("/api/declarations/" + id).body().at("/document/longTermGoals").size());
            browser.click("[data-item='/annualGoals/0'] button[data-library]");
            browser.type(org.openqa.selenium.By.id("library-q"), "重点工作任务");
            browser.waitFor("#library-results tr strong.core");
            browser.screenshot("library");
            browser.click("#library-results tr:first-child button");
            String added = "/annualGoals/0/indicators/" + before;
            assertThat(browser.field(added + "/level1").getAttribute("value")).isEqualTo("产出指标");
            assertThat(browser.field(added + "/level2").getAttribute("value")).isEqualTo("数量指标");
            assertThat(browser.field(added + "/name").getAttribute("value")).isEqualTo("年度重点工作任务完成数");
            var value = browser.field(added + "/value");
            assertThat(value.getAttribute("value")).isEqualTo("≥N项");
            value.sendKeys("12");  // replaces the selected N
            browser.choose(added + "/standard", "计划标准");
            browser.click("#save");
            browser.message("已保存");
        }
        JsonNode row = api.as("filer1").get("/api/declarations/" + id).body().at("/document/annualGoals/0/indicators/" + before);
        assertThat(row.get("name").asText()).isEqualTo("年度重点工作任务完成数");
        assertThat(row.get("value").asText()).isEqualTo("≥12项");
    }

    @Test
    void everyFindingOfAReportIsShownAtItsField() throws IOException {
        ObjectNode seed;
        try (InputStream in = getClass().getResourceAsStream("/forms/samples/dept-overall-2020-huangpi-seed.json")) {
            seed = (ObjectNode) JSON.readTree(in);
        }
        ObjectNode project = projectSample(2066);
        ((ObjectNode) project.get("header")).put("phone", "12");
        ((ObjectNode) project.get("funds")).put("total", 1);
        ((ObjectNode) project.at("/indicators/0")).put("value", "很多x");
        ((ObjectNode) project.at("/indicators/1")).put("level1", "错误指标");
        long dept = declaration("dept-overall", 2063, seed);
        long other = declaration("project-expenditure", 2066, project);
        try (var browser = new Browser(port)) {
            browser.login("filer1");
            for (long id : new long[] {dept, other}) {
                JsonNode report = api.as("filer1").post("/api/declarations/" + id + "/validation").body();
                var findings = new ArrayList<JsonNode>();
                report.get("errors").forEach(findings::add);
                report.get("warnings").forEach(findings::add);
                assertThat(findings).hasSizeGreaterThan(3);
                browser.open("/declarations/" + id);
                browser.click("#validate");
                browser.waitFor("[data-finding-path]");
                for (JsonNode finding : findings) {
                    String path = finding.get("path").asText();
                    Object place = browser.script("""
                            const f = [...document.querySelectorAll('[data-finding-path]')]
                              .find(e => e.dataset.findingPath === arguments[0] && e.dataset.rule === arguments[1]);
                            return f ? (f.closest('[data-path]')?.dataset.path ?? '') : null;""",
                            path, finding.get("rule").asText());
                    assertThat(place).as("finding " + finding + " is shown").isNotNull();
                    assertThat(path).as("finding " + finding + " sits at its field or the nearest place holding it")
                            .startsWith((String) place);
                    assertThat(place).as("finding " + finding).isNotEqualTo("");
                }
                assertThat(browser.all("[data-finding-path]")).hasSize(findings.size());
                assertThat(browser.all("#finding-list li")).hasSize(findings.size());
                browser.screenshot("findings-" + id);
            }
        }
    }

    private long declaration(String formKey, int year, JsonNode document) {
        var created = api.as("filer1").post("/api/declarations", Map.of("formKey", formKey, "year", year));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        var saved = api.as("filer1").put("/api/declarations/" + id + "/document", document, "\"1\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        return id;
    }

    static ObjectNode projectSample(int year) throws IOException {
        try (InputStream in = FormBindingBrowserTest.class.getResourceAsStream("/forms/samples/project-expenditure-2021-sample.json")) {
            var document = (ObjectNode) JSON.readTree(in);
            ((ObjectNode) document.get("header")).put("year", year).put("period", year + "年");
            return document;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> names(Browser browser) {
        return (List<Map<String, String>>) browser.script(
                "return [...document.querySelectorAll('#declaration input, #declaration select, #declaration textarea')]"
                        + ".map(e => ({name: e.name, value: e.value}));");
    }

    /** The pointer names a place the schema allows: an object's field, an array's index, a map's key. */
    private static boolean resolvesInSchema(JsonNode schema, String pointer) {
        JsonNode node = schema;
        for (JsonPointer p = JsonPointer.compile(pointer); !p.matches(); p = p.tail()) {
            String token = p.getMatchingProperty();
            node = switch (node.path("type").asText()) {
                case "object" -> node.path("fields").path(token);
                case "array" -> token.matches("\\d+") ? node.path("items") : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
                case "map" -> token.matches(node.path("keyPattern").asText(".*")) ? node.path("values")
                        : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
                default -> com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            };
            if (node.isMissingNode()) {
                return false;
            }
        }
        return node.path("type").asText().matches("string|number|integer|boolean");
    }

    private static List<String> leaves(JsonNode node, String pointer, List<String> found) {
        if (node.isObject()) {
            node.properties().forEach(e -> leaves(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), pointer + "/" + i, found);
            }
        } else if (!node.isNull()) {
            found.add(pointer);
        }
        return found;
    }
}
