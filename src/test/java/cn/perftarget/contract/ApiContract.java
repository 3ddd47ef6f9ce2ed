package cn.perftarget.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The served OpenAPI description held to its word: the test clients hand every exchange with an {@code /api/}
 * path here. The response must match what the description says of its status (the status documented, the media
 * type and body schema); a request the description forbids (a body, parameter or header out of its schema, a
 * missing credential) must be refused with a 4xx, since a server that accepts it is looser than what it says. The
 * description is fetched once per test JVM from the first application that answers.
 */
public final class ApiContract {

    /** What the description does not cover: paths and methods outside it (404, 405 tests). */
    private static final Set<String> OUTSIDE = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final AtomicLong RESPONSES = new AtomicLong();
    private static final AtomicLong REFUSED_AS_DESCRIBED = new AtomicLong();
    private static final AtomicLong OUTSIDE_DESCRIPTION = new AtomicLong();
    private static final ConcurrentLinkedQueue<String> BROKEN = new ConcurrentLinkedQueue<>();
    private static volatile OpenApiInteractionValidator validator;

    private ApiContract() {
    }

    /** One exchange as it went over the wire; bodies as text (binary ones as ISO-8859-1, unchecked). */
    public record Exchange(String method, String pathAndQuery, Map<String, List<String>> requestHeaders,
                           String requestBody, int status, Map<String, List<String>> responseHeaders,
                           String responseBody) {
    }

    /** Checks one exchange; a broken promise is recorded (for the closing tally) and thrown to fail the test. */
    public static void check(String baseUrl, Exchange exchange) {
        String path = exchange.pathAndQuery();
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        if (!bare.startsWith("/api/")) {
            return;
        }
        var validator = validator(baseUrl);
        Request request;
        ValidationReport requestReport;
        try {
            request = request(exchange, bare, query < 0 ? "" : path.substring(query + 1));
            requestReport = validator.validateRequest(request);
        } catch (RuntimeException unreadable) {
            // A Content-Type the validator cannot read (an unknown charset): no description allows it.
            request = new SimpleRequest.Builder(exchange.method(), bare).build();
            requestReport = ValidationReport.singleton(ValidationReport.Message.create(
                    "validation.request.contentType.unreadable", unreadable.getMessage()).build());
        }
        if (requestReport.getMessages().stream().anyMatch(m -> OUTSIDE.contains(m.getKey()))) {
            OUTSIDE_DESCRIPTION.incrementAndGet();
            return;
        }
        REQUESTS.incrementAndGet();
        var responseReport = validator.validateResponse(bare, request.getMethod(), response(exchange));
        RESPONSES.incrementAndGet();
        List<String> broken = new ArrayList<>();
        if (responseReport.hasErrors()) {
            broken.add("the response breaks the description: " + text(responseReport));
        }
        if (requestReport.hasErrors()) {
            if (exchange.status() < 400 || exchange.status() >= 500) {
                broken.add("the description forbids the request (" + text(requestReport) + ") but the server answered "
                        + exchange.status());
            } else {
                REFUSED_AS_DESCRIBED.incrementAndGet();
            }
        }
        if (!broken.isEmpty()) {
            String what = exchange.method() + " " + path + " → " + exchange.status() + ": " + String.join("; ", broken)
                    + "\n    response body: " + cut(exchange.responseBody(), 400);
            BROKEN.add(what);
            if (Boolean.getBoolean("apicontract.survey")) {
                return; // -Dapicontract.survey=true: list every disagreement of a run instead of stopping at each
            }
            throw new AssertionError("OpenAPI description and server disagree: " + what);
        }
    }

    private static Request request(Exchange exchange, String path, String query) {
        var builder = new SimpleRequest.Builder(exchange.method(), path);
        exchange.requestHeaders().forEach(builder::withHeader);
        if (exchange.requestBody() != null) {
            builder.withBody(exchange.requestBody());
        }
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            builder.withQueryParam(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return builder.build();
    }

    private static SimpleResponse response(Exchange exchange) {
        var builder = new SimpleResponse.Builder(exchange.status());
        exchange.responseHeaders().forEach(builder::withHeader);
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            builder.withBody(exchange.responseBody());
        }
        return builder.build();
    }

    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static String text(ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + " " + cut(m.getMessage(), 300)).collect(Collectors.joining(" | "));
    }

    private static String cut(String text, int max) {
        return text == null ? "" : text.length() > max ? text.substring(0, max) + "…" : text;
    }

    private static OpenApiInteractionValidator validator(String baseUrl) {
        if (validator == null) {
            synchronized (ApiContract.class) {
                if (validator == null) {
                    validator = build(fetch(baseUrl));
                }
            }
        }
        return validator;
    }

    /** The served description, also kept under target/ for Redocly lint and for reading. */
    static JsonNode fetch(String baseUrl) {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            var served = JSON.readTree(response.body());
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "openapi.json"), JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(served));
            return served;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the served OpenAPI description", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static OpenApiInteractionValidator build(JsonNode served) {
        try {
            String spec = JSON.writeValueAsString(OpenApi30.from(served));
            return OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                    .withLevelResolver(LevelResolver.create()
                            // Unknown query parameters and headers are ignored by the server, as the description says.
                            .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                            // HTTP lets a server disregard an Accept it cannot meet (RFC 9110 §12.5.1) and answer in
                            // a type it has; what it answers with is still checked against the description.
                            .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static long requests() {
        return REQUESTS.get();
    }

    static long responses() {
        return RESPONSES.get();
    }

    static long refusedAsDescribed() {
        return REFUSED_AS_DESCRIBED.get();
    }

    static long outsideDescription() {
        return OUTSIDE_DESCRIPTION.get();
    }

    /** Every broken promise of this JVM (OpenApiSpecTest, run last, asserts there is none). */
    public static List<String> broken() {
        return List.copyOf(BROKEN);
    }
}
