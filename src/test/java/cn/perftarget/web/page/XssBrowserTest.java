package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.definition.FormDefinitions;

/**
 * A document and a reviewer's comment full of markup and template syntax render as text on every page: no injected
 * script runs (alert is hooked and counted), no injected element appears, and the text is shown literally.
 */
@ApplicationTest
class XssBrowserTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMAGE = "\"><img src=x onerror=alert(1)>";
    static final String TEMPLATE = "{{7*7}}";
    static final String ALL = SCRIPT + IMAGE + TEMPLATE;

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    FormDefinitions definitions;

    @Test
    void markupInEveryTextFieldAndInACommentIsShownAsTextOnEveryPage() {
        // A valid declaration with the markup in every free-text field, returned with the markup as comment. Its
        // 部门名称 must be its own department's (header.department-mismatch); the draft below carries markup there.
        ObjectNode valid = Fixtures.validDocument(2067);
        valid.put("functions", "职能" + ALL);
        ((ObjectNode) valid.get("header")).put("filler", IMAGE);
        ((ArrayNode) valid.get("annualTasks")).set(0, new TextNode("任务" + ALL));
        for (String goals : List.of("longTermGoals", "annualGoals")) {
            for (JsonNode goal : valid.get(goals)) {
                ((ObjectNode) goal).put("title", ((ObjectNode) goal).get("title").asText() + ALL);
                int n = 0;
                for (JsonNode indicator : goal.get("indicators")) {
                    ((ObjectNode) indicator).put("name", "指标" + (n++) + ALL);
                }
            }
        }
        long returned = saved(2067, valid, true);
        assertThat(api.as("filer1").post("/api/declarations/" + returned + "/submission").status()).isEqualTo(200);
        var decision = api.as("dept1").post("/api/declarations/" + returned + "/decision", Map.of("outcome", "return",
                "comment", ALL, "fields", List.of("/header/filler", "/functions")));
        assertThat(decision.status()).as(decision.text()).isEqualTo(200);

        // A draft with the markup in every string field the schema has, dictionaries and phone included.
        ObjectNode everywhere = Fixtures.validDocument(2068);
        markEveryString(everywhere);
        long draft = saved(2068, everywhere, false);

        try (var filer = new Browser(port)) {
            filer.open("/login");
            filer.script("alert('the hook counts this one');");
            assertThat(filer.scriptsRun()).as("the detector itself works").isEqualTo(1);
            filer.login("filer1");
            visit(filer, "/declarations");
            visit(filer, "/declarations/" + returned);
            assertThat(filer.field("/header/filler").getAttribute("value")).isEqualTo(IMAGE);
            assertThat(filer.field("/functions").getAttribute("value")).isEqualTo("职能" + ALL);
            var comment = filer.find(By.cssSelector("[data-comment-path='/functions']"));
            assertThat(comment.getText()).contains(ALL);
            visit(filer, "/declarations/" + draft);
            assertThat(filer.field("/header/phone").getAttribute("value")).isEqualTo(IMAGE);
            assertThat(filer.field("/header/department").getAttribute("value")).isEqualTo(ALL);
            assertThat(filer.field("/functions").getAttribute("value")).isEqualTo(ALL);
            assertThat(filer.field("/annualGoals/0/indicators/0/standard").getAttribute("value")).isEqualTo(TEMPLATE);
            assertThat(filer.field("/annualGoals/0/indicators/0/name").getAttribute("value")).isEqualTo(ALL);
            filer.click("#validate");
            filer.waitFor("[data-finding-path]");
            assertThat(filer.find(By.id("finding-list")).getText()).contains(ALL);
            assertQuiet(filer, "/declarations/" + draft + " after validation");
            filer.screenshot("xss-draft");

            filer.open("/declarations/" + returned);
            filer.type("/header/filler", SCRIPT);
            filer.click("#save");
            filer.message("已保存");
            filer.click("#submit");
            filer.message("已提交");
            assertQuiet(filer, "after resubmission");
        }
        try (var dept = new Browser(port)) {
            dept.login("dept1");
            visit(dept, "/tasks");
            visit(dept, "/declarations/" + returned);
            assertThat(dept.find(By.cssSelector(".changes")).getText()).contains(IMAGE, SCRIPT);
            dept.screenshot("xss-reviewer");
        }
        try (var finance = new Browser(port)) {
            finance.login("finance1");
            visit(finance, "/dashboard?year=2067");
        }
        try (var auditor = new Browser(port)) {
            auditor.login("auditor1");
            visit(auditor, "/audit?declaration=" + returned);
            auditor.type(By.name("year"), "2067");
            auditor.click("#search");
            auditor.waitFor("#events a[data-timeline='" + returned + "']");
            auditor.waitFor("#timeline tbody tr");
            assertThat(auditor.find(By.id("events")).getText()).contains(ALL);
            assertThat(auditor.find(By.id("timeline")).getText()).contains(ALL);
            assertQuiet(auditor, "/audit with results");
            auditor.screenshot("xss-audit");
        }
    }

    private void visit(Browser browser, String path) {
        browser.open(path);
        browser.waitFor("#messages");
        assertQuiet(browser, path);
    }

    /** Nothing injected ran or became an element. */
    private static void assertQuiet(Browser browser, String where) {
        assertThat(browser.scriptsRun()).as("scripts run on " + where).isZero();
        assertThat(browser.all("img")).as("injected images on " + where).isEmpty();
        assertThat(browser.script("return [...document.scripts].filter(s => !s.src).length")).as(where).isEqualTo(0L);
    }

    /** {@code ownDepartment}: the header names the declaration's department, as a submission needs. */
    private long saved(int year, ObjectNode document, boolean ownDepartment) {
        var created = api.as("filer1").post("/api/declarations", Map.of("formKey", "dept-overall", "year", year));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        if (ownDepartment) {
            ((ObjectNode) document.get("header")).put("department",
                    created.body().at("/document/header/department").asText());
        }
        var saved = api.as("filer1").put("/api/declarations/" + id + "/document", document, "\"1\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        return id;
    }

    /** The fields whose length limit (30 or 50) is below the whole payload get one part of it each. */
    private static final Map<String, String> SHORT = Map.of("phone", IMAGE, "filler", IMAGE, "level1", SCRIPT,
            "level2", IMAGE, "standard", TEMPLATE);

    private static void markEveryString(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> {
                if (e.getValue().isTextual()) {
                    object.put(e.getKey(), SHORT.getOrDefault(e.getKey(), ALL));
                } else {
                    markEveryString(e.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, new TextNode(ALL));
                } else {
                    markEveryString(array.get(i));
                }
            }
        }
    }
}
