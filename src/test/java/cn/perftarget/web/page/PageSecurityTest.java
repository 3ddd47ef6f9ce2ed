package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;

/** Session login, role homes and CSRF over real HTTP, beside HTTP Basic for the API. */
@ApplicationTest
class PageSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Test
    void pagesSendAnonymousVisitorsToTheLoginForm() {
        var session = new PageSession(port);
        for (String page : new String[] {"/", "/declarations", "/declarations/1", "/tasks", "/audit", "/dashboard", "/imports"}) {
            var response = session.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
        var login = session.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"username\"", "name=\"password\"", "type=\"submit\"", "name=\"_csrf\"");
        assertThat(login.body()).as("the demo profile names its accounts").contains("演示账号", "filer3", "finance2");
    }

    @Test
    void aWrongPasswordAndAMissingOneGetTheirOwnChineseMessage() {
        var session = new PageSession(port);
        var wrong = session.login("filer1", "wrong");
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(session.get("/login?error").body()).contains("用户名或密码错误").doesNotContain("请输入用户名和密码");
        var missing = session.login("filer1", "");
        assertThat(missing.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?missing"));
        assertThat(session.get("/login?missing").body()).contains("请输入用户名和密码").doesNotContain("用户名或密码错误");
        assertThat(session.get("/declarations").statusCode()).isEqualTo(302);
    }

    @Test
    void batchImportIsAPageForReviewersOfDepartmentsAndFinanceOnly() {
        for (var user : Map.of("dept1", 200, "finance1", 200, "filer1", 403, "auditor1", 403, "expert1", 403).entrySet()) {
            var session = new PageSession(port);
            session.login(user.getKey(), Api.PASSWORD);
            var page = session.get("/imports");
            assertThat(page.statusCode()).as(user.getKey()).isEqualTo(user.getValue());
            assertThat(page.body()).as(user.getKey()).contains(user.getValue() == 200 ? "name=\"files\"" : "批量导入只对");
            assertThat(session.get("/").statusCode()).isEqualTo(302);
        }
    }

    @Test
    void theHomePageOfEachRoleIsWhereItsWorkIs() {
        var homes = Map.of("filer1", "/declarations", "dept1", "/tasks", "finance1", "/dashboard",
                "auditor1", "/audit", "expert1", "/tasks");
        homes.forEach((user, home) -> {
            var session = new PageSession(port);
            var login = session.login(user, Api.PASSWORD);
            assertThat(login.statusCode()).as(user).isEqualTo(302);
            var root = session.get("/");
            assertThat(root.statusCode()).as(user).isEqualTo(302);
            assertThat(root.headers().firstValue("Location")).as(user)
                    .hasValueSatisfying(l -> assertThat(l).endsWith(home));
            var page = session.get(home);
            assertThat(page.statusCode()).as(user + " " + home).isEqualTo(200);
            assertThat(page.body()).as(user).contains("退出登录", "id=\"messages\"");
        });
    }

    @Test
    void aSessionCallToTheApiNeedsTheCsrfTokenWhereHttpBasicNeedsNone() {
        var session = new PageSession(port);
        session.login("filer1", Api.PASSWORD);
        session.get("/declarations/new");
        String create = "{\"formKey\":\"dept-overall\",\"year\":2071}";

        var refused = session.api("POST", "/api/declarations", create, false);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("urn:perftarget:problem:csrf", "安全令牌");
        assertThat(api.as("filer1").get("/api/declarations?year=2071").body()).isEmpty();

        var accepted = session.api("POST", "/api/declarations", create, true);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(session.api("GET", "/api/declarations?year=2071", null, false).body()).contains("\"year\":2071");

        var basic = api.as("filer1").post("/api/declarations", Map.of("formKey", "dept-overall", "year", 2072));
        assertThat(basic.status()).as(basic.text()).isEqualTo(201);
        assertThat(basic.headers().get("Set-Cookie")).as("Basic makes no session").isNull();
    }

    @Test
    void logoutIsAPostWithTheTokenAndEndsTheSession() {
        var session = new PageSession(port);
        session.login("dept1", Api.PASSWORD);
        assertThat(session.get("/tasks").statusCode()).isEqualTo(200);
        assertThat(session.postForm("/logout", "").statusCode()).as("no token").isEqualTo(403);
        assertThat(session.get("/tasks").statusCode()).isEqualTo(200);
        var out = session.postForm("/logout", "_csrf=" + java.net.URLEncoder.encode(session.token(),
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(session.get("/tasks").statusCode()).isEqualTo(302);
        assertThat(session.api("GET", "/api/tasks", null, false).statusCode()).isEqualTo(401);
    }
}
