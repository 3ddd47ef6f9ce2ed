package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * A clerk's day on the 申报表 without losing work: a warning before leaving with unsaved edits, a draft kept in the
 * browser and offered back, counts against length limits and numbers checked as typed, a save that keeps all but
 * the one bad cell, and return comments marked 已处理 once fixed and folded once approved.
 */
@ApplicationTest
class ClerkDayFormBrowserTest {

    private static final String FUNCTIONS = "/functions";
    private static final String FILLER = "/header/filler";
    private static final String FISCAL = "/funds/income/fiscal/budget";
    private static final String OTHER = "/funds/income/other/budget";
    /** Whether leaving now would be held up: what the browser asks its beforeunload listeners. */
    private static final String LEAVING_IS_WARNED = "const e = new Event('beforeunload', {cancelable: true});"
            + "window.dispatchEvent(e); return e.defaultPrevented || (window.onbeforeunload != null"
            + " && window.onbeforeunload(e) != null);";

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Test
    void leavingWithUnsavedEditsIsWarnedAndASaveLiftsTheWarning() {
        long id = Fixtures.validDraft(api, "filer1");
        try (var filer = new Browser(port)) {
            filer.login("filer1").open("/declarations/" + id);
            filer.waitFor("#declaration");
            assertThat(filer.script(LEAVING_IS_WARNED)).as("nothing typed yet").isEqualTo(false);
            filer.type(FILLER, "李明");
            assertThat(filer.script(LEAVING_IS_WARNED)).as("an unsaved edit").isEqualTo(true);
            filer.click("#save");
            filer.message("已保存");
            assertThat(filer.script(LEAVING_IS_WARNED)).as("saved").isEqualTo(false);
            assertThat(filer.scriptsRun()).as("no alert or confirm").isZero();
        }
    }

    @Test
    void aDraftTypedSurvivesAReloadAndIsRestoredOrDiscardedFromTheBanner() {
        long id = Fixtures.validDraft(api, "filer1");
        String saved = document(id).path("functions").asText();
        try (var filer = new Browser(port)) {
            filer.login("filer1").open("/declarations/" + id);
            filer.type(FUNCTIONS, "未保存的部门职能草稿");
            reload(filer);
            var banner = filer.find(By.id("draft-banner"));
            assertThat(banner.getText()).contains("发现未保存的草稿（保存于", "恢复", "放弃");
            assertThat(value(filer, FUNCTIONS)).as("the page shows what is saved").isEqualTo(saved);

            filer.click("#draft-restore");
            assertThat(value(filer, FUNCTIONS)).isEqualTo("未保存的部门职能草稿");
            assertThat(filer.all("#draft-banner")).isEmpty();

            reload(filer);
            filer.click("#draft-discard");
            assertThat(value(filer, FUNCTIONS)).isEqualTo(saved);
            reload(filer);
            filer.waitFor("#declaration");
            assertThat(filer.all("#draft-banner")).as("the draft was discarded").isEmpty();

            filer.type(FUNCTIONS, "保存后草稿即清除");
            filer.click("#save");
            filer.message("已保存");
            reload(filer);
            filer.waitFor("#declaration");
            assertThat(filer.all("#draft-banner")).as("a save clears the draft").isEmpty();
            assertThat(filer.scriptsRun()).isZero();
        }
    }

    @Test
    void aCounterShowsCharactersAgainstTheLimitAndMarksTooMany() {
        long id = Fixtures.validDraft(api, "filer1");
        try (var filer = new Browser(port)) {
            filer.login("filer1").open("/declarations/" + id);
            filer.type(FILLER, "张三");
            WebElement counter = describedBy(filer, FILLER, ".char-count");
            assertThat(counter.getText()).isEqualTo("2 / 50");
            assertThat(counter.getAttribute("class")).doesNotContain("over");

            filer.type(FILLER, "很".repeat(53));
            assertThat(counter.getText()).isEqualTo("53 / 50");
            assertThat(counter.getAttribute("class")).contains("over");
            assertThat(filer.field(FILLER).getAttribute("aria-invalid")).isEqualTo("true");
            var problem = describedBy(filer, FILLER, ".inline-problem");
            assertThat(problem.getText()).contains("最多50个字", "超出 3 字");
            assertThat(problem.getAttribute("aria-live")).isEqualTo("polite");

            filer.type(FILLER, "张三");
            assertThat(counter.getAttribute("class")).doesNotContain("over");
            assertThat(filer.field(FILLER).getAttribute("aria-invalid")).isNull();
        }
    }

    @Test
    void aLetterInAnAmountIsMarkedAtOnceBesideTheCell() {
        long id = Fixtures.validDraft(api, "filer1");
        try (var filer = new Browser(port)) {
            filer.login("filer1").open("/declarations/" + id);
            assertThat(filer.field(FISCAL).getAttribute("inputmode")).isEqualTo("decimal");
            filer.type(FISCAL, "24o");
            var problem = describedBy(filer, FISCAL, ".inline-problem");
            assertThat(problem.getText()).contains("应为数字", "24o");
            assertThat(filer.script("return arguments[0].closest('td') === arguments[1].closest('td')",
                    problem, filer.field(FISCAL))).as("beside the cell").isEqualTo(true);
            assertThat(filer.field(FISCAL).getAttribute("aria-invalid")).isEqualTo("true");

            filer.type(FISCAL, "240");
            assertThat(filer.field(FISCAL).getAttribute("aria-invalid")).isNull();
            assertThat(problem.getText()).isEmpty();
        }
    }

    @Test
    void aSaveWithBadCellsKeepsEveryOtherEditAndTheBadTextsInTheDraft() {
        long id = Fixtures.validDraft(api, "filer1");
        var before = document(id);
        try (var filer = new Browser(port)) {
            filer.login("filer1").open("/declarations/" + id);
            filer.type(FUNCTIONS, "本次修改的部门职能");
            filer.type(FISCAL, "24o");   // caught in the page
            filer.type(OTHER, "-5");      // refused only by the server (below the minimum)
            filer.click("#save");
            String notice = filer.message("已保存其余内容");
            assertThat(notice).contains("2 处", "暂未保存");
            filer.waitFor("[name='" + OTHER + "'][aria-invalid='true']");
            assertThat(describedBy(filer, OTHER, ".inline-problem").getText()).contains("不能小于0");

            var after = document(id);
            assertThat(after.path("functions").asText()).isEqualTo("本次修改的部门职能");
            assertThat(after.at("/funds/income/fiscal/budget")).isEqualTo(before.at("/funds/income/fiscal/budget"));
            assertThat(after.at("/funds/income/other/budget")).isEqualTo(before.at("/funds/income/other/budget"));

            reload(filer);
            assertThat(value(filer, FUNCTIONS)).as("the saved edit").isEqualTo("本次修改的部门职能");
            filer.click("#draft-restore");
            assertThat(value(filer, FISCAL)).isEqualTo("24o");
            assertThat(value(filer, OTHER)).isEqualTo("-5");
            assertThat(filer.field(FISCAL).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(filer.scriptsRun()).isZero();
        }
    }

    @Test
    void aReturnCommentOnAFixedFieldShowsHandledAndCommentsFoldAfterApproval() {
        long id = Fixtures.inDeptReview(api, "filer1");
        var returned = api.as("dept1").post("/api/declarations/" + id + "/decision", Map.of("outcome", "return",
                "comment", "请核对联系人和电话", "fields", List.of("/header/phone", FILLER)));
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);
        var fetched = api.as("filer1").get("/api/declarations/" + id);
        var changed = (ObjectNode) fetched.body().path("document");
        ((ObjectNode) changed.path("header")).put("phone", "027-85916419");
        assertThat(api.as("filer1").put("/api/declarations/" + id + "/document", changed, fetched.etag()).status())
                .isEqualTo(200);

        try (var filer = new Browser(port)) {
            filer.login("filer1").open("/declarations/" + id);
            var phone = filer.find(By.cssSelector("[data-comment-path='/header/phone']"));
            var name = filer.find(By.cssSelector("[data-comment-path='" + FILLER + "']"));
            assertThat(phone.getText()).contains("请核对联系人和电话", "已处理");
            assertThat(name.getText()).contains("请核对联系人和电话").doesNotContain("已处理");
            assertThat(phone.isDisplayed()).isTrue();
        }

        assertThat(api.as("filer1").post("/api/declarations/" + id + "/submission").status()).isEqualTo(200);
        assertThat(api.as("dept1").post("/api/declarations/" + id + "/decision", Map.of("outcome", "approve"))
                .status()).isEqualTo(200);
        var approved = api.as("finance1").post("/api/declarations/" + id + "/decision",
                Map.of("outcome", "approve", "grade", "优"));
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);

        try (var filer = new Browser(port)) {
            filer.login("filer1").open("/declarations/" + id);
            var phone = filer.find(By.cssSelector("[data-comment-path='/header/phone']"));
            assertThat(phone.isDisplayed()).as("folded after approval").isFalse();
            assertThat(filer.script("return arguments[0].closest('details').open", phone)).isEqualTo(false);
            var fold = filer.find(By.cssSelector("[data-path='/header/phone'] details.comments-settled > summary"));
            assertThat(fold.getText()).contains("已批复");
            fold.click();
            assertThat(phone.isDisplayed()).as("one click opens it").isTrue();
            assertThat(phone.getText()).contains("已处理");
            assertThat(filer.script("return document.querySelector('details.decisions-fold').open")).isEqualTo(false);
        }
    }

    private JsonNode document(long id) {
        var got = api.as("filer1").get("/api/declarations/" + id);
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        return got.body().path("document");
    }

    private static void reload(Browser browser) {
        browser.driver.navigate().refresh();
        browser.waitFor("#declaration");
    }

    private static String value(Browser browser, String pointer) {
        return (String) browser.script("return arguments[0].value", browser.field(pointer));
    }

    /** The note of this kind that the control names in its aria-describedby. */
    private static WebElement describedBy(Browser browser, String pointer, String css) {
        return (WebElement) browser.script("const ids = (arguments[0].getAttribute('aria-describedby') || '').split(' ');"
                + "return ids.map(i => document.getElementById(i)).find(e => e && e.matches(arguments[1])) || null;",
                browser.field(pointer), css);
    }
}
