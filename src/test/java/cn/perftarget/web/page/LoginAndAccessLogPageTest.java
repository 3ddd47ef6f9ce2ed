package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;

/** Issue 19, wall 10: the demo's login page names every demo user, and the access log names who asked for a page. */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginAndAccessLogPageTest {

    /** The demo users of the design (DESIGN.md, "Users in the default (demo) profile"). */
    private static final List<String> DEMO_USERS = List.of("filer1", "filer2", "filer3", "dept1", "dept2", "finance1",
            "finance2", "expert1", "auditor1", "admin");

    @LocalServerPort
    int port;

    @Test
    void theDemoLoginPageListsEveryDemoUserWithNameRoleAndUnit() {
        String login = new PageSession(port).get("/login").body();
        assertThat(login).contains("id=\"demo-accounts\"");
        String list = login.substring(login.indexOf("id=\"demo-accounts\""));
        for (String user : DEMO_USERS) {
            assertThat(list).as(user).contains("<li>" + user + "（");
        }
        assertThat(list).contains("filer2（李明，填报人，黄陂区教育局）", "dept2（赵主管，主管部门审核人，黄陂区教育局）");
    }

    @Test
    void aPageRequestOfASignedInSessionIsLoggedWithTheUsername(CapturedOutput output) throws InterruptedException {
        var session = new PageSession(port);
        session.login("dept2", Api.PASSWORD);
        assertThat(session.get("/tasks").statusCode()).isEqualTo(200);

        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (output.getOut().lines().noneMatch(l -> l.contains("perftarget.access")
                && l.contains("user=dept2 method=GET path=/tasks status=200"))) {
            assertThat(Instant.now()).as("an access log line naming dept2 in:\n" + output.getOut()).isBefore(until);
            Thread.sleep(10);
        }
    }
}
