package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * A review chain changed through the pages: the administrator uploads version 2 of {@code BureauReview} (a step
 * 第三方机构评审 no Java knows) on 流程模型 and sees it listed and drawn; a {@code chain-test} declaration then
 * reaches that step, whose expert sees it in the inbox, the step's own decision panel and the diagram with the
 * step marked current, approves, and the declaration moves on to 财政审核.
 */
@ApplicationTest
class ReviewChainBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Test
    void anUploadedStepIsListedDrawnDecidedInTheBrowserAndPassesTheDeclarationOn(@TempDir Path temp)
            throws IOException {
        // Version 1 first, so that the upload below is a new version whatever ran before in this context.
        var v1 = ReviewChainDeploymentTest.deploy(api, "admin", "BureauReview.bpmn",
                ReviewChainDeploymentTest.model("BureauReview-v1.bpmn"));
        assertThat(v1.status()).as(v1.text()).isIn(200, 201);
        int version = v1.body().path("version").asInt() + 1;

        try (var admin = new Browser(port)) {
            admin.login("admin").open("/admin/processes");
            admin.waitFor("a.active[href='/admin/processes']");
            admin.waitFor("#process-list tr[data-key='BureauReview']");
            Path model = Path.of("src/test/resources/cn/perftarget/process/BureauReview-v2.bpmn").toAbsolutePath();
            admin.find(By.id("process-upload")).sendKeys(model.toString());
            admin.click("#deploy");
            assertThat(admin.message("已部署")).contains("BureauReview", "第 " + version + " 版");
            assertThat(admin.all("#process-problems li")).isEmpty();
            admin.waitFor("#process-list tr[data-key='BureauReview'] li[data-version='" + version + "']");
            assertThat(admin.find(By.cssSelector("#process-list tr[data-key='BureauReview']")).getText())
                    .contains("chain-test");
            admin.waitFor("#process-diagram svg [data-element-id='Task_ThirdPartyReview']");
            admin.screenshot("process-admin", 1366, 768);

            // The same model with reviewers nobody can be: refused, naming the step, nothing deployed.
            Path bad = temp.resolve("BureauReview.bpmn");
            Files.writeString(bad, ReviewChainDeploymentTest.model("BureauReview-v2.bpmn")
                    .replace("value=\"role:EXPERT\"", "value=\"everybody\""));
            admin.find(By.id("process-upload")).sendKeys(bad.toString());
            admin.click("#deploy");
            admin.waitFor("#process-problems li");
            assertThat(admin.find(By.cssSelector("#process-problems")).getText()).contains("元素 Task_ThirdPartyReview：");
        }

        long id = Fixtures.submitted(api, "filer1", ReviewChainDeploymentTest.FORM, 2021);
        var approved = api.as("dept1").post("/api/declarations/" + id + "/decision", Map.of("outcome", "approve"));
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);

        try (var expert = new Browser(port)) {
            expert.login("expert1").open("/tasks");
            expert.waitFor("a[href$='/declarations/" + id + "']");
            expert.open("/declarations/" + id);
            assertThat(expert.status()).isEqualTo("第三方机构评审中");
            expert.waitFor("#decision #approve");
            assertThat(expert.all("#decision #return")).hasSize(1);
            assertThat(expert.all("#reject")).isEmpty();
            assertThat(expert.all("select[name='grade']")).isEmpty();
            expert.waitFor("#process-diagram svg .djs-element.current[data-element-id='Task_ThirdPartyReview']");
            expert.script("document.getElementById('process-trace').scrollIntoView();");
            expert.screenshot("process-trace", 1366, 768);
            expert.click("#approve");
            expert.waitForUrl("/tasks");
        }

        try (var finance = new Browser(port)) {
            finance.login("finance1").open("/declarations/" + id);
            assertThat(finance.status()).isEqualTo("财政审核中");
        }
        var latest = ReviewChainDeploymentTest.find(api.as("admin").get("/api/admin/processes").body(), "BureauReview");
        assertThat(latest.path("versions").get(0).path("version").asInt()).as("the refused model was not deployed")
                .isEqualTo(version);
    }
}
