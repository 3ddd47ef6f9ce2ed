package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * axe-core (the vendored copy the pages also serve) on every page of every role, in the state a clerk meets it:
 * no serious or critical violation anywhere. The figures go to target/accessibility.txt for the closing note.
 */
@ApplicationTest
class AccessibilityBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path AXE = Path.of("src/main/resources/static/vendor/axe-core/axe.min.js");
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({id: v.id, impact: v.impact, help: v.help,
                            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))))
              .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));
            """;

    private static String axe;

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @BeforeAll
    static void readAxe() throws IOException {
        axe = Files.readString(AXE);
    }

    @Test
    void everyPageOfEveryRoleHasNoSeriousOrCriticalViolation() throws IOException {
        long draft = Fixtures.validDraft(api, "filer1");
        long inDept = Fixtures.inDeptReview(api, "filer1");
        long inFinance = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var pages = new LinkedHashMap<String, List<String>>();
        pages.put("filer1", List.of("/declarations", "/declarations/new", "/declarations/" + draft,
                "/declarations/" + inDept, "/declarations/" + draft + "/print", "/me/password", "/messages", "/me/settings"));
        pages.put("dept1", List.of("/tasks", "/declarations", "/declarations/" + inDept, "/imports", "/messages"));
        pages.put("finance1", List.of("/dashboard", "/tasks", "/declarations/" + inFinance, "/imports"));
        pages.put("expert1", List.of("/tasks", "/declarations"));
        pages.put("auditor1", List.of("/audit", "/audit?declaration=" + inFinance, "/declarations/" + inFinance,
                "/dashboard"));
        pages.put("admin", List.of("/admin/units", "/admin/users", "/admin/processes", "/admin/outbox"));

        var found = new ArrayList<String>();
        int checked = 0;
        try (var browser = new Browser(port)) {
            browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            checked += check(browser, "anonymous", "/login", found);
            for (Map.Entry<String, List<String>> role : pages.entrySet()) {
                browser.driver.manage().deleteAllCookies();
                browser.login(role.getKey());
                for (String page : role.getValue()) {
                    checked += check(browser, role.getKey(), page, found);
                }
            }
        }
        String report = "axe-core " + axeVersion() + ": " + checked + " pages checked, " + found.size()
                + " serious/critical violations\n" + String.join("\n", found) + "\n";
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "accessibility.txt"), report);
        System.out.print(report);
        assertThat(found).as(report).isEmpty();
    }

    private int check(Browser browser, String role, String page, List<String> found) throws IOException {
        browser.open(page);
        browser.find(By.tagName("body"));
        browser.script(axe);
        JsonNode violations = JSON.readTree(browser.asyncScript(RUN).toString());
        for (JsonNode v : violations) {
            found.add(role + " " + page + ": " + v.path("impact").asText() + " " + v.path("id").asText() + " — "
                    + v.path("help").asText() + " " + v.path("nodes"));
        }
        return 1;
    }

    private static String axeVersion() {
        var matcher = java.util.regex.Pattern.compile("axe v([0-9.]+)").matcher(axe.substring(0, Math.min(400, axe.length())));
        return matcher.find() ? matcher.group(1) : "";
    }
}
