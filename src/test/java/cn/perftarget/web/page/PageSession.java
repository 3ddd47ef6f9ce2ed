package cn.perftarget.web.page;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP session against the running application: cookies kept, redirects not followed, the CSRF
 * token read from the page just fetched.
 */
public final class PageSession {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private String token;

    public PageSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in through the login form; returns the response to the form post (a redirect). */
    public HttpResponse<String> login(String username, String password) {
        get("/login");
        return postForm("/login", "username=" + encode(username) + "&password=" + encode(password)
                + "&_csrf=" + encode(token));
    }

    public HttpResponse<String> get(String path) {
        var response = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        remember(response.body());
        return response;
    }

    HttpResponse<String> postForm(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** A JSON call as the page's script makes it: with the session cookie and, if {@code withToken}, the CSRF header. */
    HttpResponse<String> api(String method, String path, String json, boolean withToken) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (withToken) {
            request.header("X-CSRF-TOKEN", token);
        }
        return send(request.build());
    }

    String token() {
        return token;
    }

    private void remember(String body) {
        for (Pattern pattern : new Pattern[] {FORM_TOKEN, META_TOKEN}) {
            Matcher matcher = pattern.matcher(body);
            if (matcher.find()) {
                token = matcher.group(1);
                return;
            }
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
