package cn.perftarget.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import cn.perftarget.contract.ApiContract;

/** Raw HTTP for bodies that are not JSON (xlsx, PDF, multipart), as one demo user. */
public final class Http {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** Budget years from 2031 on, one per declaration (the batch test has its own list), so a uniqueness key never clashes. */
    private static final AtomicInteger YEARS = new AtomicInteger(2031);

    private final int port;

    public Http(int port) {
        this.port = port;
    }

    public static int freshYear() {
        return YEARS.getAndIncrement();
    }

    public record Response(int status, HttpHeaders headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response send(String user, String method, String path, String contentType, byte[] body, String... headers) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            var built = request.build();
            var response = CLIENT.send(built, HttpResponse.BodyHandlers.ofByteArray());
            cn.perftarget.Api.observe(method, path, response.statusCode());
            ApiContract.check("http://localhost:" + port, new ApiContract.Exchange(method, path,
                    built.headers().map(), body == null ? null : text(contentType, body), response.statusCode(),
                    response.headers().map(), text(response.headers().firstValue("Content-Type").orElse(null),
                    response.body())));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Text bodies as text; binary ones (xlsx, PDF, multipart) byte for byte, which the contract check does not parse. */
    private static String text(String contentType, byte[] body) {
        boolean textual = contentType != null && (contentType.contains("json") || contentType.startsWith("text/"));
        return new String(body, textual ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    public Response get(String user, String path, String accept) {
        return send(user, "GET", path, null, null, "Accept", accept);
    }

    public Response putXlsx(String user, long id, byte[] xlsx, String ifMatch) {
        return ifMatch == null ? send(user, "PUT", "/api/declarations/" + id + "/document", XLSX, xlsx)
                : send(user, "PUT", "/api/declarations/" + id + "/document", XLSX, xlsx, "If-Match", ifMatch);
    }

    /** POSTs files as multipart/form-data, each in the part {@code files}. */
    public Response upload(String user, String path, java.util.Map<String, byte[]> files) {
        String boundary = "----perftarget" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        try {
            for (var file : files.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                        + file.getKey() + "\"\r\nContent-Type: " + XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(file.getValue());
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(user, "POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** A new declaration of the filer's department for a fresh year, with this document saved as revision 2. */
    public long draft(String filer, String formKey, int year, JsonNode document) {
        var created = send(filer, "POST", "/api/declarations", "application/json",
                ("{\"formKey\":\"" + formKey + "\",\"year\":" + year + "}").getBytes(StandardCharsets.UTF_8));
        if (created.status() != 201) {
            throw new IllegalStateException(created.text());
        }
        long id = created.json().get("id").asLong();
        try {
            var saved = send(filer, "PUT", "/api/declarations/" + id + "/document", "application/json",
                    JSON.writeValueAsBytes(document), "If-Match", "\"1\"");
            if (saved.status() != 200) {
                throw new IllegalStateException(saved.text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }
}
