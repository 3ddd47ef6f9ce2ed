package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;

/**
 * The administrator's pages as the administrator uses them: the unit tree (add a 二级单位 under a 主管部门, rename,
 * deactivate), the users (add one, disable them), a CSV import with a bad line (named, nothing imported), and a
 * user changing their own password on 修改密码.
 */
@ApplicationTest
class AdministrationBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @TempDir
    Path files;

    private final String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(10000, 99999));

    @Test
    void theAdministratorGrowsTheTreeAddsAUserAndDisablesThem() throws IOException {
        String code = "HP-EDU-T" + suffix;
        String username = "clerk" + suffix;
        try (var browser = new Browser(port)) {
            browser.login("admin");
            browser.waitForUrl("/admin/units");
            browser.waitFor("#unit-tree [data-unit='HP-BDC'] [data-unit='HP-BDC-01']");
            browser.type(By.name("code"), code);
            browser.type(By.name("name"), "教育局测试下属单位");
            new Select(browser.find(By.name("kind"))).selectByValue("SUB_UNIT");
            new Select(browser.find(By.name("parent"))).selectByValue("HP-EDU");
            browser.click("#unit-save");
            browser.message("已新增单位 " + code);
            browser.waitFor("#unit-tree [data-unit='HP-EDU'] [data-unit='" + code + "']");
            browser.click("[data-unit='" + code + "'] > .node button");   // 编辑
            browser.type(By.name("name"), "教育局测试单位（改名）");
            browser.click("#unit-save");
            browser.message("已保存单位 " + code);
            browser.screenshot("admin-units");

            browser.open("/admin/users");
            browser.waitFor("#user-rows tr[data-user='filer3']");
            browser.type(By.name("username"), username);
            browser.type(By.name("name"), "测试填报人");
            new Select(browser.find(By.name("unit"))).selectByValue(code);
            browser.click("#user-form input[name=roles][value=FILER]");
            browser.type(By.name("password"), "Start-" + suffix);
            browser.click("#user-save");
            browser.message("已新增用户 " + username);
            browser.waitFor("#user-rows tr[data-user='" + username + "']");
            browser.screenshot("admin-users");
        }
        JsonNode unit = find(api.as("admin").get("/api/admin/units").body(), "code", code);
        assertThat(unit.get("name").asText()).isEqualTo("教育局测试单位（改名）");
        assertThat(unit.get("parent").asText()).isEqualTo("HP-EDU");
        JsonNode user = find(api.as("admin").get("/api/admin/users").body(), "username", username);
        assertThat(user.get("unit").asText()).isEqualTo(code);
        assertThat(user.get("roles")).extracting(JsonNode::asText).containsExactly("FILER");

        try (var clerk = new Browser(port); var admin = new Browser(port)) {
            clerk.login(username, "Start-" + suffix);
            clerk.waitForUrl("/declarations");
            clerk.open("/me/password");
            clerk.type(By.name("current"), "Start-" + suffix);
            clerk.type(By.name("new"), "Changed-" + suffix);
            clerk.type(By.name("repeat"), "Changed-" + suffix);
            clerk.click("#password-save");
            clerk.message("密码已修改");

            admin.login("admin").open("/admin/users");
            admin.waitFor("#user-rows tr[data-user='" + username + "']");
            admin.click("#user-rows tr[data-user='" + username + "'] td.ops button:nth-child(2)");   // 停用
            admin.message("已保存用户 " + username);

            clerk.open("/declarations");
            clerk.waitForUrl("/login");
        }
        assertThat(find(api.as("admin").get("/api/admin/users").body(), "username", username).get("enabled").asBoolean())
                .isFalse();
    }

    @Test
    void aCsvWithOneBadLineImportsNothingAndThePageNamesTheLine() throws IOException {
        Path csv = files.resolve("users.csv");
        Files.write(csv, ("\uFEFFusername,name,unit,roles,password\n"
                + "good" + suffix + ",好用户,HP-BDC,FILER,Good-pass-" + suffix + "\n"
                + "bad" + suffix + ",坏用户,NO-SUCH-UNIT,FILER,Bad-pass-" + suffix + "\n").getBytes(StandardCharsets.UTF_8));
        try (var browser = new Browser(port)) {
            browser.login("admin").open("/admin/users");
            browser.waitFor("#user-rows tr");
            browser.find(By.cssSelector("#user-csv input[type=file]")).sendKeys(csv.toString());
            browser.click("#user-csv button[type=submit]");
            browser.waitFor("#user-csv-errors li");
            assertThat(browser.find(By.id("user-csv-errors")).getText()).contains("第 3 行");
        }
        var users = api.as("admin").get("/api/admin/users").body();
        assertThat(users.findValuesAsText("username")).doesNotContain("good" + suffix, "bad" + suffix);
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError(field + " " + value + " not in " + list);
    }
}
