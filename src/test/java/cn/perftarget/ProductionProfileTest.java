package cn.perftarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The {@code prod} profile: it refuses to start with demo accounts, default passwords or the H2 console (before any
 * bean exists, so these cost nothing), and with proper settings from the environment it starts with the engine's
 * authorization on, our accounts as the Camunda webapps' users (no admin-user of the starter), security headers,
 * HSTS behind a TLS proxy, a Secure/HttpOnly/SameSite session cookie and the actuator closed beyond health.
 */
class ProductionProfileTest {

    private static final String FILER_PASSWORD = "Filer-" + UUID.randomUUID();
    private static final String ADMIN_PASSWORD = "Admin-" + UUID.randomUUID();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void refusesToStartWithTheDemoProfileAndItsUsersWhoAreAlsoTheWebappsUsers() {
        assertThatThrownBy(() -> start(List.of("--spring.profiles.active=prod,demo")))
                .hasMessageContaining("生产环境配置（prod）不安全，拒绝启动")
                .hasMessageContaining("不能同时启用演示配置 demo")
                .hasMessageContaining("用户 filer1 使用演示或明文密码")
                .hasMessageContaining("用户 admin 使用演示或明文密码")
                .hasMessageNotContaining("没有角色为 ADMIN 的用户")
                .hasMessageNotContaining("camunda.bpm.admin-user");
    }

    @Test
    void refusesToStartWithAPlainPasswordTheH2ConsoleNoAdministratorOrACamundaAdminUser() {
        assertThatThrownBy(() -> start(List.of("--spring.profiles.active=prod",
                "--perftarget.security.users[0].username=clerk", "--perftarget.security.users[0].password={noop}s3cret",
                "--perftarget.security.users[0].role=FILER", "--spring.h2.console.enabled=true")))
                .hasMessageContaining("用户 clerk 使用演示或明文密码")
                .hasMessageContaining("H2 控制台（spring.h2.console.enabled）已开启")
                .hasMessageNotContaining("camunda.bpm.admin-user");
        assertThatThrownBy(() -> start(List.of("--spring.profiles.active=prod",
                "--perftarget.security.users[0].username=keeper",
                "--perftarget.security.users[0].password={bcrypt}" + new BCryptPasswordEncoder().encode(ADMIN_PASSWORD),
                "--perftarget.security.users[0].role=ADMIN",
                "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD)))
                .hasMessageContaining("camunda.bpm.admin-user 已不再使用")
                .hasMessageNotContaining("用户 keeper");
        assertThatThrownBy(() -> start(List.of("--spring.profiles.active=prod", "--PERFTARGET_ADMIN_PASSWORD={noop}x")))
                .hasMessageContaining("首位管理员密码（PERFTARGET_ADMIN_PASSWORD）不能是演示或明文");
    }

    /**
     * Units and users live in the database: the operator's file seeds them once (clerk), and the first
     * administrator comes from PERFTARGET_ADMIN_PASSWORD; without an enabled ADMIN the start is refused once the
     * database is open.
     */
    @Test
    void startsWithProperSettingsFromTheEnvironmentAndSendsSecurityHeaders(@TempDir Path anchorDir) throws Exception {
        var bcrypt = new BCryptPasswordEncoder();
        var args = new ArrayList<>(List.of("--spring.profiles.active=prod",
                "--PERFTARGET_DB_URL=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--PERFTARGET_DB_USER=sa", "--PERFTARGET_DB_PASSWORD=",
                "--PERFTARGET_AUDIT_ANCHOR_KEY=" + UUID.randomUUID(),
                "--perftarget.audit.anchor.file=" + anchorDir.resolve("audit-anchor.json"),
                "--perftarget.security.departments.HP-BDC=黄陂区大数据中心",
                "--perftarget.security.users[0].username=clerk",
                "--perftarget.security.users[0].password={bcrypt}" + bcrypt.encode(FILER_PASSWORD),
                "--perftarget.security.users[0].role=FILER", "--perftarget.security.users[0].department=HP-BDC",
                "--server.port=0", "--camunda.bpm.process-engine-name=prodProfile"));
        assertThatThrownBy(() -> start(args).close()).hasMessageContaining("没有启用的系统管理员（角色 ADMIN）");
        forgetFailedContextOfCamundaWebapps();
        args.addAll(List.of("--PERFTARGET_ADMIN_USERNAME=keeper",
                "--PERFTARGET_ADMIN_PASSWORD={bcrypt}" + bcrypt.encode(ADMIN_PASSWORD)));
        try (var app = start(args)) {
            String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(app.getBean(ProcessEngine.class).getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();

            var forms = get(base, "/api/forms", "clerk", FILER_PASSWORD, false);
            assertThat(forms.statusCode()).as(forms.body()).isEqualTo(200);
            assertThat(forms.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("default-src 'self'", "script-src 'self';", "frame-ancestors 'self'");
            assertThat(forms.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(forms.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();
            var behindTls = get(base, "/api/forms", "clerk", FILER_PASSWORD, true);
            assertThat(behindTls.headers().firstValue("Strict-Transport-Security")).get().asString()
                    .contains("max-age=");
            assertThat(get(base, "/api/forms", "filer1", "demo", false).statusCode()).as("no demo user").isEqualTo(401);

            var swagger = get(base, "/swagger-ui/index.html", null, null, false);
            assertThat(swagger.statusCode()).isEqualTo(200);
            assertThat(swagger.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("script-src 'self' 'unsafe-inline'", "frame-ancestors 'self'");

            var cockpit = get(base, "/camunda/app/cockpit/prodProfile/", null, null, true);
            assertThat(cockpit.statusCode()).isEqualTo(200);
            assertThat(cockpit.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                    .singleElement().asString().contains("HttpOnly", "Secure", "SameSite=Lax");

            var login = get(base, "/login", null, null, false);
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).as("no demo accounts named in production").doesNotContain("演示账号");
            assertThat(get(base, "/actuator/health", null, null, false).statusCode()).isEqualTo(200);
            assertThat(get(base, "/actuator/metrics", null, null, false).statusCode()).isEqualTo(401);
            assertThat(get(base, "/actuator/metrics", "clerk", FILER_PASSWORD, false).statusCode()).isEqualTo(403);
            assertThat(get(base, "/actuator/metrics", "keeper", ADMIN_PASSWORD, false).statusCode()).isEqualTo(200);

            // The webapps' users are ours: the administrator logs in to Cockpit with their own password, a filer not.
            var engine = app.getBean(ProcessEngine.class).getIdentityService();
            assertThat(engine.checkPassword("keeper", ADMIN_PASSWORD)).isTrue();
            assertThat(engine.checkPassword("keeper", "demo")).isFalse();
            assertThat(engine.createUserQuery().memberOfGroup("camunda-admin").list())
                    .extracting(u -> u.getId()).containsExactly("keeper");
        }
    }

    /**
     * The Camunda webapps' filters keep the application context in a static field that only a ContextClosedEvent
     * clears, which a failed refresh never publishes: the next start in this JVM would initialise them with the dead
     * context. A production process simply exits after a failed start.
     */
    private static void forgetFailedContextOfCamundaWebapps() throws ReflectiveOperationException {
        var field = org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration.class
                .getDeclaredField("APPLICATION_CONTEXT");
        field.setAccessible(true);
        field.set(null, null);
    }

    private static org.springframework.context.ConfigurableApplicationContext start(List<String> args) {
        var builder = new SpringApplicationBuilder(PerfTargetApplication.class);
        if (args.stream().noneMatch(a -> a.startsWith("--server.port"))) {
            builder.web(WebApplicationType.NONE);
        }
        return builder.run(args.toArray(String[]::new));
    }

    private HttpResponse<String> get(String base, String path, String user, String password, boolean behindTls)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (behindTls) {
            request.header("X-Forwarded-Proto", "https");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
