package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * The user guide (docs/guide) as a clerk reaches it: the header's 帮助 opens the page of their role, every page of
 * the guide renders with its pictures, and the pictures are this build's pages at 1366×768 (written to
 * target/screenshots/guide-*.png; docs/screenshots holds the copies the guide shows).
 */
@ApplicationTest
class UserGuideBrowserTest {

    private static final Path GUIDE = Path.of("docs", "guide");
    private static final Pattern IMAGE = Pattern.compile("\\(\\.\\./screenshots/(guide-[a-z0-9-]+\\.png)\\)");

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Test
    void theHeadersHelpOpensTheGuidePageOfEachRole() {
        var pages = Map.of("filer1", "填报人手册", "dept1", "主管部门审核人手册", "finance1", "财政审核人手册",
                "expert1", "评审专家手册", "auditor1", "审计手册", "admin", "系统管理员手册");
        try (var browser = new Browser(port)) {
            browser.open("/login").click("#help");
            assertThat(browser.find(By.cssSelector("article.guide h1")).getText()).isEqualTo("使用手册");
            for (var role : pages.entrySet()) {
                browser.driver.manage().deleteAllCookies();
                browser.login(role.getKey());
                browser.click("#help");
                assertThat(browser.find(By.cssSelector("article.guide h1")).getText()).isEqualTo(role.getValue());
            }
        }
    }

    @Test
    void everyGuidePageRendersWithAllItsPicturesAndLinks() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(GUIDE)) {
            sources = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(sources).hasSizeGreaterThanOrEqualTo(7);
        try (var browser = new Browser(port)) {
            for (Path source : sources) {
                String markdown = Files.readString(source);
                var images = IMAGE.matcher(markdown).results().map(m -> m.group(1)).toList();
                for (String image : images) {
                    assertThat(Path.of("docs", "screenshots", image)).as(source + " shows " + image).exists();
                }
                String name = source.getFileName().toString().replace(".md", "");
                browser.open("README".equals(name) ? "/help" : "/help/" + name);
                browser.find(By.cssSelector("article.guide h1"));
                Object broken = browser.script("return [...document.querySelectorAll('article.guide img')]"
                        + ".filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src);");
                assertThat((List<?>) broken).as(source + ": pictures that did not load").isEmpty();
                assertThat(browser.all("article.guide img")).hasSize(images.size());
                assertThat(browser.all("article.guide a[href$='.md']")).as("links between pages go to /help").isEmpty();
            }
        }
    }

    @Test
    void theGuidesPicturesAreTakenFromEachRolesPagesAt1366By768() {
        long draft = Fixtures.validDraft(api, "filer1");
        long inDept = Fixtures.inDeptReview(api, "filer1");
        long inFinance = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var shots = new java.util.LinkedHashMap<String, String[]>();
        shots.put("guide-filer-list", new String[] {"filer1", "/declarations"});
        shots.put("guide-filer-form", new String[] {"filer1", "/declarations/" + draft});
        shots.put("guide-dept-tasks", new String[] {"dept1", "/tasks"});
        shots.put("guide-dept-decision", new String[] {"dept1", "/declarations/" + inDept});
        shots.put("guide-finance-dashboard", new String[] {"finance1", "/dashboard"});
        shots.put("guide-finance-decision", new String[] {"finance1", "/declarations/" + inFinance});
        shots.put("guide-expert-tasks", new String[] {"expert1", "/tasks"});
        shots.put("guide-auditor-audit", new String[] {"auditor1", "/audit"});
        shots.put("guide-admin-users", new String[] {"admin", "/admin/users"});
        shots.put("guide-admin-processes", new String[] {"admin", "/admin/processes"});
        try (var browser = new Browser(port)) {
            browser.open("/login");
            assertThat(browser.screenshot("guide-login", 1366, 768)).exists();
            String signedIn = null;
            for (var shot : shots.entrySet()) {
                if (!shot.getValue()[0].equals(signedIn)) {
                    browser.driver.manage().deleteAllCookies();
                    browser.login(shot.getValue()[0]);
                    signedIn = shot.getValue()[0];
                }
                browser.open(shot.getValue()[1]);
                browser.find(By.id("main"));
                assertThat(browser.all("#messages .notice.error")).as(shot.getKey()).isEmpty();
                assertThat(browser.screenshot(shot.getKey(), 1366, 768)).exists();
            }
        }
    }
}
