package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;

/**
 * A session of the page login ends with the very next request once the account is disabled or its roles change;
 * a locked or disabled account is told so at the login form.
 */
@ApplicationTest
class AccountSessionTest {

    private static final String PASSWORD = "Session-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    private String newFiler() {
        String username = "s" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.as("admin").post("/api/admin/users", Map.of("username", username, "name", "会话测试",
                "unit", "HP-BDC", "roles", List.of("FILER"), "password", PASSWORD));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return username;
    }

    private void change(String username, List<String> roles, boolean enabled) {
        var changed = api.as("admin").put("/api/admin/users/" + username, Map.of("name", "会话测试", "unit", "HP-BDC",
                "roles", roles, "enabled", enabled), null);
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
    }

    @Test
    void aDisabledUserWithAnOpenSessionIsRefusedAtOnce() {
        String username = newFiler();
        var session = new PageSession(port);
        assertThat(session.login(username, PASSWORD).statusCode()).isEqualTo(302);
        assertThat(session.get("/declarations").statusCode()).isEqualTo(200);
        assertThat(session.api("GET", "/api/declarations", null, false).statusCode()).isEqualTo(200);

        change(username, List.of("FILER"), false);

        var api = session.api("GET", "/api/declarations", null, false);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("account-unavailable");
        var page = session.get("/declarations");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
        assertThat(session.login(username, PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?disabled"));
        assertThat(session.get("/login?disabled").body()).contains("该账户已停用、已锁定或权限已变更");
    }

    @Test
    void aSessionEndsWhenTheRolesChange() {
        String username = newFiler();
        var session = new PageSession(port);
        session.login(username, PASSWORD);
        assertThat(session.api("GET", "/api/declarations", null, false).statusCode()).isEqualTo(200);
        change(username, List.of("FILER", "AUDITOR"), true);
        assertThat(session.api("GET", "/api/declarations", null, false).statusCode()).isEqualTo(401);
        session.login(username, PASSWORD);
        assertThat(session.api("GET", "/api/audit/events", null, false).statusCode()).as("signed in again").isEqualTo(200);
    }
}
