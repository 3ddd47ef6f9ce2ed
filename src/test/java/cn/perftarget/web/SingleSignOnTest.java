package cn.perftarget.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
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
import java.util.Map;
import java.util.UUID;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.perftarget.PerfTargetApplication;

/**
 * OpenID Connect against a real provider on a random port (mock-oauth2-server): the authorization-code flow signs
 * a person in as our user of the same username and lands on their home page; the provider's bearer tokens call the
 * API; a username we do not know gets nothing; with local passwords switched off only the provider signs in.
 */
class SingleSignOnTest {

    private static final String ISSUER = "region";
    private static MockOAuth2Server provider;
    private static ConfigurableApplicationContext app;
    private static String base;

    @TempDir
    static Path anchors;

    @BeforeAll
    static void start() {
        provider = new MockOAuth2Server();
        provider.start();
        app = start(true);
        base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        provider.shutdown();
    }

    static ConfigurableApplicationContext start(boolean localPasswords) {
        String issuer = provider.issuerUrl(ISSUER).toString();
        var args = new ArrayList<>(List.of("--spring.profiles.active=demo", "--camunda.bpm.webapp.enabled=false",
                "--spring.datasource.url=jdbc:h2:mem:sso-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--camunda.bpm.process-engine-name=sso" + (localPasswords ? "" : "Only"),
                "--camunda.bpm.job-execution.enabled=false",
                "--perftarget.audit.anchor.file=" + anchors.resolve(UUID.randomUUID() + ".json"),
                "--server.port=0",
                "--spring.security.oauth2.client.registration.region.client-id=perftarget",
                "--spring.security.oauth2.client.registration.region.client-secret=" + UUID.randomUUID(),
                "--spring.security.oauth2.client.registration.region.scope=openid,profile",
                "--spring.security.oauth2.client.provider.region.issuer-uri=" + issuer,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--spring.security.oauth2.resourceserver.jwt.audiences=perftarget",
                "--perftarget.sso.local-passwords=" + localPasswords));
        return new SpringApplicationBuilder(PerfTargetApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void theAuthorizationCodeFlowSignsAFilerInAndEndsOnTheirHomePage() throws Exception {
        var login = get(base, "/login", null);
        assertThat(login.body()).contains("统一身份认证登录", "/oauth2/authorization/region", "name=\"password\"");
        provider.enqueueCallback(callback("filer1"));
        var browser = new Browser();
        var pages = browser.follow(base + "/oauth2/authorization/region");
        assertThat(pages).extracting(Hop::uri).anySatisfy(u -> assertThat(u).startsWith(provider.issuerUrl(ISSUER).toString()));
        Hop last = pages.get(pages.size() - 1);
        assertThat(last.uri()).isEqualTo(base + "/declarations");
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.body()).contains("退出登录", "黄陂区大数据中心", "新建申报");
        var api = browser.get(base + "/api/declarations");
        assertThat(api.statusCode()).as("the page session calls the API as filer1").isEqualTo(200);
    }

    @Test
    void aPersonWhoseUsernameWeDoNotKnowIsSentBackToTheLoginPageWithTheReason() throws Exception {
        provider.enqueueCallback(callback("stranger"));
        var pages = new Browser().follow(base + "/oauth2/authorization/region");
        Hop last = pages.get(pages.size() - 1);
        assertThat(last.uri()).isEqualTo(base + "/login?sso-unknown");
        assertThat(last.body()).contains("您的账号在本系统中不存在或已停用");
    }

    @Test
    void aBearerTokenOfTheProviderCallsTheApiAsOurUserAndAnUnknownOneIsRefused() throws Exception {
        var dept = get(base, "/api/tasks", token("dept1"));
        assertThat(dept.statusCode()).as(dept.body()).isEqualTo(200);
        var filer = get(base, "/api/declarations", token("filer1"));
        assertThat(filer.statusCode()).as(filer.body()).isEqualTo(200);
        assertThat(get(base, "/api/tasks", token("filer1")).statusCode()).as("a filer has no review tasks").isEqualTo(403);

        var stranger = get(base, "/api/declarations", token("stranger"));
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(stranger.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(stranger.body()).contains("令牌无效");
        var otherIssuer = provider.issueToken("elsewhere", "filer1", "perftarget", Map.of("preferred_username", "filer1"));
        assertThat(get(base, "/api/declarations", "Bearer " + otherIssuer.serialize()).statusCode()).isEqualTo(401);
        assertThat(get(base, "/api/declarations", basic("filer1", "demo")).statusCode())
                .as("local passwords still work beside it").isEqualTo(200);
    }

    @Test
    void withLocalPasswordsSwitchedOffOnlyTheProviderSignsIn() throws Exception {
        try (var only = start(false)) {
            String url = "http://localhost:" + ((WebServerApplicationContext) only).getWebServer().getPort();
            assertThat(get(url, "/api/declarations", basic("filer1", "demo")).statusCode()).isEqualTo(401);
            var login = get(url, "/login", null);
            assertThat(login.body()).contains("统一身份认证登录").doesNotContain("name=\"password\"");
            assertThat(get(url, "/api/declarations", token("filer1")).statusCode()).isEqualTo(200);
            provider.enqueueCallback(callback("auditor1"));
            var pages = new Browser().follow(url + "/oauth2/authorization/region");
            assertThat(pages.get(pages.size() - 1).uri()).isEqualTo(url + "/audit");
        }
    }

    private static DefaultOAuth2TokenCallback callback(String username) {
        return new DefaultOAuth2TokenCallback(ISSUER, "sub-" + username, "JWT", List.of("perftarget"),
                Map.of("preferred_username", username), 3600);
    }

    private static String token(String username) {
        return "Bearer " + provider.issueToken(ISSUER, "sub-" + username, "perftarget",
                Map.of("preferred_username", username)).serialize();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String base, String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    record Hop(String uri, int status, String body) {
    }

    /** Follows redirects one by one with cookies, as a browser does, and keeps each hop. */
    static final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String uri) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        List<Hop> follow(String start) throws Exception {
            var hops = new ArrayList<Hop>();
            String uri = start;
            for (int i = 0; i < 12; i++) {
                var response = get(uri);
                hops.add(new Hop(uri, response.statusCode(), response.body()));
                var location = response.headers().firstValue("Location");
                if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                    return hops;
                }
                uri = URI.create(uri).resolve(location.get()).toString();
            }
            throw new AssertionError("too many redirects: " + hops);
        }
    }
}
