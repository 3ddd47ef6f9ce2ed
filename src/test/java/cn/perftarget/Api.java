package cn.perftarget;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import cn.perftarget.contract.ApiContract;

/** A real HTTP client against the running application, acting as one demo user at a time. */
@TestComponent
@Lazy
public class Api {

    public static final String PASSWORD = "demo";

    /** Every (method, path without query, status) any test saw in this JVM; the OpenAPI spec test checks them. */
    private static final Set<Exchange> OBSERVED = ConcurrentHashMap.newKeySet();

    private final ObjectMapper json;
    private final RestClient client;
    private final String baseUrl;

    private final JdbcTemplate jdbc;

    Api(@LocalServerPort int port, ObjectMapper json, JdbcTemplate jdbc) {
        this.json = json;
        this.jdbc = jdbc;
        this.baseUrl = "http://localhost:" + port;
        this.client = RestClient.builder()
                .baseUrl(baseUrl)
                .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newHttpClient()))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    public As as(String username) {
        return new As(username, PASSWORD);
    }

    /** A user of the test's own, with their own password. */
    public As as(String username, String password) {
        return new As(username, password);
    }

    /**
     * The tests share one database and have only two filers' departments, while a department may file one
     * 部门整体支出 declaration per year: tests that simply need a fresh declaration let the earlier ones give up
     * their uniqueness key first (their rows, documents and history stay as they are).
     */
    public void freeUniquenessKeys() {
        jdbc.update("update declaration set uniqueness_key = null where uniqueness_key is not null");
    }

    public Response anonymous(HttpMethod method, String path) {
        return exchange(null, null, method, path, null, null, null);
    }

    /** One call as the OpenAPI spec must document it. */
    public record Exchange(String method, String path, int status) {
    }

    public static Set<Exchange> observed() {
        return Set.copyOf(OBSERVED);
    }

    /** For the raw clients (xlsx, PDF, multipart), whose statuses the OpenAPI spec must document just the same. */
    public static void observe(String method, String path, int status) {
        int query = path.indexOf('?');
        OBSERVED.add(new Exchange(method, query < 0 ? path : path.substring(0, query), status));
    }

    /** What came back: status, headers and the body parsed as JSON (MissingNode when empty or not JSON). */
    public record Response(int status, HttpHeaders headers, String text, JsonNode body) {

        public String etag() {
            return headers.getETag();
        }

        public String contentType() {
            return headers.getContentType() == null ? null : headers.getContentType().toString();
        }
    }

    public final class As {

        private final String username;
        private final String password;

        As(String username, String password) {
            this.username = username;
            this.password = password;
        }

        public Response get(String path) {
            return exchange(username, password, HttpMethod.GET, path, null, null, null);
        }

        public Response get(String path, MediaType accept) {
            return exchange(username, password, HttpMethod.GET, path, null, null, accept);
        }

        /**
         * A POST; a create ({@code POST /api/declarations}) first frees every uniqueness key, see
         * {@link #freeUniquenessKeys()}. Use {@link #send} to create under the real uniqueness rule.
         */
        public Response post(String path, Object body) {
            if (path.equals("/api/declarations")) {
                freeUniquenessKeys();
            }
            return exchange(username, password, HttpMethod.POST, path, body, null, null);
        }

        public Response post(String path) {
            return exchange(username, password, HttpMethod.POST, path, null, null, null);
        }

        public Response put(String path, Object body, String ifMatch) {
            return exchange(username, password, HttpMethod.PUT, path, body, ifMatch, null);
        }

        /**
         * Any method with a raw text body and exactly the given headers (Content-Type included); the path is sent
         * as written, percent-escapes and all, without encoding it again.
         */
        public Response send(String method, String path, String body, Map<String, String> headers) {
            var request = client.method(HttpMethod.valueOf(method)).uri(java.net.URI.create(baseUrl + path))
                    .header(HttpHeaders.AUTHORIZATION, basic(username, password));
            headers.forEach(request::header);
            if (body != null) {
                request.body(body.getBytes(StandardCharsets.UTF_8));
            }
            var sent = new HttpHeaders();
            sent.add(HttpHeaders.AUTHORIZATION, basic(username, password));
            headers.forEach(sent::add);
            return request.exchange((req, res) -> checked(method, path, sent, body, read(res)));
        }
    }

    private Response exchange(String username, String password, HttpMethod method, String path, Object body,
                              String ifMatch, MediaType accept) {
        var request = client.method(method).uri(path);
        var sent = new HttpHeaders();
        if (username != null) {
            sent.add(HttpHeaders.AUTHORIZATION, basic(username, password));
        }
        if (ifMatch != null) {
            sent.add(HttpHeaders.IF_MATCH, ifMatch);
        }
        if (accept != null) {
            sent.add(HttpHeaders.ACCEPT, accept.toString());
        }
        String text = null;
        if (body != null) {
            sent.add(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
            text = body instanceof String s ? s : write(body);
            request.body(text.getBytes(StandardCharsets.UTF_8));
        }
        request.headers(headers -> headers.addAll(sent));
        String sentBody = text;
        return request.exchange((req, res) -> {
            Response response = read(res);
            observe(method.name(), path, response.status());
            return checked(method.name(), path, sent, sentBody, response);
        });
    }

    /** Holds the exchange to the served OpenAPI description (ApiContract); a disagreement fails the test. */
    private Response checked(String method, String path, HttpHeaders sent, String body, Response response) {
        ApiContract.check(baseUrl, new ApiContract.Exchange(method, path, sent, body, response.status(),
                response.headers(), response.text()));
        return response;
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Response read(org.springframework.http.client.ClientHttpResponse res) throws java.io.IOException {
        byte[] bytes = res.getBody().readAllBytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode parsed;
        try {
            parsed = text.isEmpty() ? MissingNode.getInstance() : json.readTree(text);
        } catch (Exception e) {
            parsed = MissingNode.getInstance();
        }
        return new Response(res.getStatusCode().value(), res.getHeaders(), text, parsed);
    }
}
