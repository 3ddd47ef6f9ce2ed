package cn.perftarget;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
import org.springframework.web.client.RestClient;

/** A real HTTP client against the running application, acting as one demo user at a time. */
@TestComponent
@Lazy
public class Api {

    public static final String PASSWORD = "demo";

    /** Every (method, path without query, status) any test saw in this JVM; the OpenAPI spec test checks them. */
    private static final Set<Exchange> OBSERVED = ConcurrentHashMap.newKeySet();

    private final ObjectMapper json;
    private final RestClient client;

    Api(@LocalServerPort int port, ObjectMapper json) {
        this.json = json;
        this.client = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newHttpClient()))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    public As as(String username) {
        return new As(username);
    }

    public Response anonymous(HttpMethod method, String path) {
        return exchange(null, method, path, null, null, null);
    }

    /** One call as the OpenAPI spec must document it. */
    public record Exchange(String method, String path, int status) {
    }

    public static Set<Exchange> observed() {
        return Set.copyOf(OBSERVED);
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

        As(String username) {
            this.username = username;
        }

        public Response get(String path) {
            return exchange(username, HttpMethod.GET, path, null, null, null);
        }

        public Response get(String path, MediaType accept) {
            return exchange(username, HttpMethod.GET, path, null, null, accept);
        }

        public Response post(String path, Object body) {
            return exchange(username, HttpMethod.POST, path, body, null, null);
        }

        public Response post(String path) {
            return exchange(username, HttpMethod.POST, path, null, null, null);
        }

        public Response put(String path, Object body, String ifMatch) {
            return exchange(username, HttpMethod.PUT, path, body, ifMatch, null);
        }
    }

    private Response exchange(String username, HttpMethod method, String path, Object body, String ifMatch,
                              MediaType accept) {
        var request = client.method(method).uri(path);
        if (username != null) {
            String token = Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            request.header(HttpHeaders.AUTHORIZATION, "Basic " + token);
        }
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        if (accept != null) {
            request.accept(accept);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON);
            request.body(body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : body);
        }
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            String text = new String(bytes, StandardCharsets.UTF_8);
            JsonNode parsed;
            try {
                parsed = text.isEmpty() ? MissingNode.getInstance() : json.readTree(text);
            } catch (Exception e) {
                parsed = MissingNode.getInstance();
            }
            int query = path.indexOf('?');
            OBSERVED.add(new Exchange(method.name(), query < 0 ? path : path.substring(0, query),
                    res.getStatusCode().value()));
            return new Response(res.getStatusCode().value(), res.getHeaders(), text, parsed);
        });
    }
}
