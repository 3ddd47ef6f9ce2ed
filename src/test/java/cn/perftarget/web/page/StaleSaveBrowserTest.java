package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/** Two browser sessions on one declaration: the second save is refused with a clear message and loses nothing. */
@ApplicationTest
class StaleSaveBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Test
    void aStaleSaveSaysWhoSavedInBetweenAndKeepsBothInputs() {
        var created = api.as("filer1").post("/api/declarations", Map.of("formKey", "dept-overall", "year", 2064));
        long id = created.body().get("id").asLong();
        assertThat(api.as("filer1").put("/api/declarations/" + id + "/document", Fixtures.validDocument(2064), "\"1\"")
                .status()).isEqualTo(200);
        try (var first = new Browser(port); var second = new Browser(port)) {
            first.login("filer1").open("/declarations/" + id);
            second.login("filer1").open("/declarations/" + id);
            first.type("/functions", "第一个窗口填写的部门职能");
            second.type("/functions", "第二个窗口填写的部门职能");

            first.click("#save");
            first.message("已保存，修订号 3");
            second.click("#save");
            String notice = second.message("保存失败");
            assertThat(notice).contains("filer1", "修订号 3", "仍然保留", "未被覆盖");
            assertThat(second.field("/functions").getAttribute("value")).isEqualTo("第二个窗口填写的部门职能");
            assertThat(document(id).get("functions").asText()).isEqualTo("第一个窗口填写的部门职能");
            second.screenshot("stale-save");

            second.click("#overwrite");
            second.message("已保存，修订号 4");
        }
        assertThat(document(id).get("functions").asText()).isEqualTo("第二个窗口填写的部门职能");
        assertThat(api.as("filer1").get("/api/declarations/" + id + "/revisions/3").body().at("/document/functions").asText())
                .isEqualTo("第一个窗口填写的部门职能");
    }

    private com.fasterxml.jackson.databind.JsonNode document(long id) {
        return api.as("filer1").get("/api/declarations/" + id).body().get("document");
    }
}
