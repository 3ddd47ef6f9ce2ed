package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/** The server-rendered pages, over real HTTP: user text escaped, buttons and panels by role and status. */
@ApplicationTest
class PageRenderingTest {

    private static final String MARKUP = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>{{7*7}}";

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Test
    void userTextIsEscapedInTheServerRenderedHtml() {
        ObjectNode document = Fixtures.validDocument(2073);
        // The header's 部门名称 must be the declaration's own (header.department-mismatch), so the markup goes in
        // the free texts: 部门职能, a 年度工作任务 and a 年度目标's title, and the reviewer's comment.
        document.put("functions", MARKUP);
        ((com.fasterxml.jackson.databind.node.ArrayNode) document.get("annualTasks")).set(0, MARKUP);
        ((ObjectNode) document.at("/annualGoals/0")).put("title", MARKUP);
        long id = declaration(2073, document);
        var submitted = api.as("filer1").post("/api/declarations/" + id + "/submission");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        var returned = api.as("dept1").post("/api/declarations/" + id + "/decision",
                Map.of("outcome", "return", "comment", MARKUP, "fields", List.of("/functions")));
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);

        var session = new PageSession(port);
        session.login("filer1", Api.PASSWORD);
        String html = session.get("/declarations/" + id).body();
        String escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;{{7*7}}";
        assertThat(html).doesNotContain("<script>alert", "<img src=x").contains(escaped)
                .contains("data-comment-path=\"/functions\"");
        assertThat(html.split(java.util.regex.Pattern.quote(escaped), -1)).as("three fields and the comment")
                .hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void theFilerGetsTheFormButtonsOnlyWhileItIsEditableAndTheReviewerTheDecisionPanelOnlyAtTheirStep() {
        long id = declaration(2074, Fixtures.validDocument(2074));
        var filer = new PageSession(port);
        filer.login("filer1", Api.PASSWORD);
        var dept = new PageSession(port);
        dept.login("dept1", Api.PASSWORD);
        var finance = new PageSession(port);
        finance.login("finance1", Api.PASSWORD);

        assertThat(filer.get("/declarations/" + id).body()).contains("id=\"save\"", "id=\"validate\"", "id=\"submit\"")
                .doesNotContain("id=\"withdraw\"", "id=\"adjust\"", "id=\"decision\"");
        assertThat(dept.get("/declarations/" + id).body()).doesNotContain("id=\"save\"", "id=\"decision\"")
                .contains("readonly");

        api.as("filer1").post("/api/declarations/" + id + "/submission");
        assertThat(filer.get("/declarations/" + id).body()).contains("id=\"withdraw\"", ">主管部门审核中<")
                .doesNotContain("id=\"save\"", "id=\"submit\"");
        String review = dept.get("/declarations/" + id).body();
        assertThat(review).contains("id=\"decision\"", "id=\"approve\"", "id=\"return\"", "name=\"comment\"")
                .doesNotContain("name=\"grade\"");
        assertThat(finance.get("/declarations/" + id).body()).doesNotContain("id=\"decision\"");
        assertThat(dept.get("/tasks").body()).contains("/declarations/" + id + "\"");

        api.as("dept1").post("/api/declarations/" + id + "/decision", Map.of("outcome", "approve"));
        assertThat(finance.get("/declarations/" + id).body()).contains("id=\"decision\"", "name=\"grade\"", "id=\"reject\"");
        assertThat(finance.get("/dashboard?year=2074").body()).contains("/declarations/" + id + "\"", "未填报");
    }

    @Test
    void anIndicatorNameIsTypedNotPickedFromTheCategoryNamesItMustNotHold() {
        // indicator.name-is-category is a refusing dictionary rule: its entries are the names NOT allowed.
        long id = declaration(2076, Fixtures.validDocument(2076));
        var filer = new PageSession(port);
        filer.login("filer1", Api.PASSWORD);
        String html = filer.get("/declarations/" + id).body();
        assertThat(html).containsPattern("<(input|textarea)[^>]*name=\"/annualGoals/0/indicators/0/name\"")
                .doesNotContainPattern("<select[^>]*name=\"/annualGoals/0/indicators/0/name\"")
                .containsPattern("<select[^>]*name=\"/annualGoals/0/indicators/0/level1\"");
    }

    @Test
    void aDeclarationOfAnotherDepartmentIsANotFoundPageNotAProblemDocument() {
        long id = declaration(2075, Fixtures.validDocument(2075));
        var other = new PageSession(port);
        other.login("filer2", Api.PASSWORD);
        var page = other.get("/declarations/" + id);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("未找到");
    }

    private long declaration(int year, ObjectNode document) {
        var created = api.as("filer1").post("/api/declarations", Map.of("formKey", "dept-overall", "year", year));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        ((ObjectNode) document.get("header")).put("department", created.body().at("/document/header/department").asText());
        var saved = api.as("filer1").put("/api/declarations/" + id + "/document", document, "\"1\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        return id;
    }
}
