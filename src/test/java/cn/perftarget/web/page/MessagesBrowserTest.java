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
 * 消息 in the browser: the header's bell counts the unread messages, the list marks read and unread and links each
 * to its declaration, 全部已读 clears them, 消息设置 keeps the email choice, and the declaration page's 催办 and
 * 抄送 buttons reach the right people. Saves the guide's screenshots (1366×768).
 */
@ApplicationTest
class MessagesBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Test
    void theBellTheListReadAllAndTheSettings() {
        api.freeUniquenessKeys();
        long id = Fixtures.inDeptReview(api, "filer1");
        var returned = api.as("dept1").post("/api/declarations/" + id + "/decision",
                Map.of("outcome", "return", "comment", "请补充联系电话的区号"));
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);
        long unread = unread("filer1");
        assertThat(unread).isPositive();

        try (var browser = new Browser(port)) {
            browser.login("filer1");
            var bell = browser.find(By.id("messages-bell"));
            assertThat(browser.find(By.id("messages-unread")).getText())
                    .isEqualTo(unread > 99 ? "99+" : Long.toString(unread));
            assertThat(bell.getAttribute("aria-label")).contains("未读");
            bell.click();
            browser.waitForUrl("/messages");
            var first = browser.find(By.cssSelector("#message-list li.message"));
            assertThat(first.getAttribute("class")).contains("unread");
            assertThat(first.getText()).contains("未读", "被退回", "请补充联系电话的区号");
            assertThat(first.findElement(By.cssSelector("a.message-link")).getAttribute("href"))
                    .endsWith("/declarations/" + id);
            browser.screenshot("guide-messages", 1366, 768);

            browser.click("#read-all");
            browser.waitFor("#read-all[disabled]");
            assertThat(browser.all("#message-list li.unread")).isEmpty();
            assertThat(browser.all("#message-list li.read")).isNotEmpty();
            assertThat(browser.all("#messages-unread")).isEmpty();
            assertThat(unread("filer1")).isZero();

            browser.open("/me/settings");
            browser.type(By.id("settings-email"), "filer1@example.gov.cn");
            browser.click("#kind-RETURNED");
            browser.click("#kind-APPROVED");
            browser.click("#settings-save");
            browser.waitFor("#settings-saved");
            assertThat(browser.find(By.id("kind-RETURNED")).isSelected()).isTrue();
            assertThat(browser.find(By.id("kind-TASK_ARRIVED")).isSelected()).isFalse();
            browser.screenshot("guide-message-settings", 1366, 768);
        }
        var settings = api.as("filer1").get("/api/me/message-settings").body();
        assertThat(settings.path("email").asText()).isEqualTo("filer1@example.gov.cn");
        assertThat(settings.path("emailKinds")).extracting(n -> n.asText()).containsExactlyInAnyOrder("RETURNED", "APPROVED");
    }

    @Test
    void theDeclarationPageUrgesItsReviewersAndCopiesSomeoneIn() {
        api.freeUniquenessKeys();
        long id = Fixtures.inDeptReview(api, "filer2");
        try (var browser = new Browser(port)) {
            browser.login("filer2").open("/declarations/" + id);
            browser.click("#urge");
            assertThat(browser.message("已催办")).contains("部门审核", "赵主管");
            browser.click("#copy");
            browser.type(By.id("copy-users"), "filer1");
            browser.type(By.id("copy-note"), "供参考");
            browser.screenshot("guide-copy-urge", 1366, 768);
            browser.click("#copy-send");
            assertThat(browser.message("已抄送给")).contains("张春红");
            browser.click("#urge");
            assertThat(browser.message("今天已经催办过")).contains("明天");
        }
        assertThat(kindsAbout("dept2", id)).contains("URGED");
        assertThat(kindsAbout("filer1", id)).containsExactly("COPIED");
        try (var browser = new Browser(port)) {
            // The copy lets filer1 read the page, without 保存 or 提交.
            browser.login("filer1").open("/declarations/" + id);
            browser.waitFor("#status");
            assertThat(browser.all("#save")).isEmpty();
            assertThat(browser.all("#submit")).isEmpty();
            assertThat(browser.all("#urge")).isEmpty();
        }
    }

    private long unread(String user) {
        return Long.parseLong(api.as(user).get("/api/messages?unread=true&size=1").headers().getFirst("X-Total-Count"));
    }

    private java.util.List<String> kindsAbout(String user, long id) {
        var kinds = new java.util.ArrayList<String>();
        api.as(user).get("/api/messages?size=200").body().forEach(m -> {
            if (m.path("declarationId").asLong() == id) {
                kinds.add(m.path("kind").asText());
            }
        });
        return kinds;
    }
}
