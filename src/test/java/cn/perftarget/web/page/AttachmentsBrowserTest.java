package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.web.SampleFiles;

/**
 * The 附件 panel as a filer uses it (upload with progress, list, download, refused files, delete) and as the
 * reviewer sees it afterwards (read and download only); its picture is the guide's guide-attachments.png.
 */
@ApplicationTest
class AttachmentsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @TempDir
    Path files;

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(files.resolve(name), content);
    }

    private static void upload(Browser browser, String kind, Path file) {
        new Select(browser.find(By.id("attachment-kind"))).selectByValue(kind);
        browser.find(By.id("attachment-file")).sendKeys(file.toString());
        browser.click("#attachment-submit");
    }

    // The list is redrawn after each upload or removal: a row read in the middle of that is read again.
    private static List<String> names(Browser browser) {
        for (int attempt = 1; ; attempt++) {
            try {
                return browser.all("#attachment-rows a.attachment-download").stream().map(a -> a.getText()).toList();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    @Test
    void aFilerUploadsWithProgressDownloadsAndDeletesAndTheReviewerOnlyReads() throws IOException {
        long id = Fixtures.validDraft(api, "filer1");
        byte[] basis = SampleFiles.pdf(40 * 1024);
        try (var browser = new Browser(port)) {
            browser.login("filer1").open("/declarations/" + id);
            browser.waitFor("#attachments");
            assertThat(browser.find(By.id("attachments-empty")).isDisplayed()).isTrue();

            upload(browser, "测算依据", file("2020年经费测算依据.pdf", basis));
            browser.message("已上传附件“2020年经费测算依据.pdf”");
            assertThat(browser.find(By.id("attachment-progress")).getAttribute("value")).isEqualTo("100");
            assertThat(browser.find(By.id("attachment-progress-text")).getText()).endsWith("100%");
            browser.wait.until(d -> names(browser).size() == 1);
            var link = browser.find(By.cssSelector("#attachment-rows a.attachment-download"));
            assertThat(link.getText()).isEqualTo("2020年经费测算依据.pdf");
            assertThat(link.getAttribute("href")).matches(".*/api/declarations/" + id + "/attachments/\\d+");
            // The link downloads the very bytes, named for the browser in UTF-8.
            @SuppressWarnings("unchecked")
            var got = (Map<String, Object>) browser.asyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(async r => done({status: r.status, size: (await r.arrayBuffer()).byteLength,"
                    + " disposition: r.headers.get('Content-Disposition')}));", link.getAttribute("href"));
            assertThat(((Number) got.get("status")).intValue()).isEqualTo(200);
            assertThat(((Number) got.get("size")).intValue()).isEqualTo(basis.length);
            assertThat(got.get("disposition").toString()).contains("filename*=UTF-8''2020%E5%B9%B4");

            upload(browser, "其他", file("现场照片.pdf", SampleFiles.exe()));
            assertThat(browser.message("附件未上传")).contains("现场照片.pdf", "不是允许的类型");
            assertThat(names(browser)).containsExactly("2020年经费测算依据.pdf");

            upload(browser, "其他", file("过大的扫描件.pdf", SampleFiles.pdf(100 * 1024)));
            assertThat(browser.message("超过单个附件上限")).contains("过大的扫描件.pdf", "64 KB");

            upload(browser, "其他", file("现场照片.png", SampleFiles.png()));
            browser.message("已上传附件“现场照片.png”");
            browser.wait.until(d -> names(browser).size() == 2);
            browser.screenshot("guide-attachments", 1366, 768);
            browser.script("document.getElementById('attachments').scrollIntoView({block: 'start'});");
            assertThat(browser.screenshot("guide-attachments", 1366, 768)).exists();

            browser.all("#attachment-rows tr").get(1).findElement(By.cssSelector("button.attachment-delete")).click();
            browser.message("已删除附件“现场照片.png”");
            browser.wait.until(d -> names(browser).size() == 1);
            assertThat(browser.scriptsRun()).isZero();
        }
        var submitted = api.as("filer1").post("/api/declarations/" + id + "/submission");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);

        try (var browser = new Browser(port)) {
            browser.login("dept1").open("/declarations/" + id);
            browser.waitFor("#attachments");
            browser.wait.until(d -> names(browser).size() == 1);
            assertThat(names(browser)).containsExactly("2020年经费测算依据.pdf");
            assertThat(browser.all("#attachment-upload")).isEmpty();
            assertThat(browser.all("button.attachment-delete")).isEmpty();
            browser.screenshot("attachments-reviewer", 1366, 768);
        }
    }
}
