package cn.perftarget.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.perftarget.web.SampleFiles;

/**
 * 附件 across nodes: a file uploaded on one node downloads byte for byte, with its SHA-256, on the other, and a removal
 * on the other is seen by the first. The bytes live in the shared database, not on either node's disk.
 */
final class CrossNodeFiles {

    /** A budget year no other part of the two-node run files in. */
    private static final int YEAR = 2099;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private CrossNodeFiles() {
    }

    static void uploadedOnOneDownloadedOnTheOther(List<String> nodes) throws Exception {
        String a = nodes.get(0);
        String b = nodes.get(nodes.size() - 1);
        var created = send(a, "POST", "/api/declarations", "application/json",
                ("{\"formKey\":\"dept-overall\",\"year\":" + YEAR + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
        long id = JSON.readTree(created.body()).path("id").asLong();
        String files = "/api/declarations/" + id + "/attachments";
        byte[] pdf = SampleFiles.pdf(300 * 1024);

        String boundary = "----perftarget-two-nodes";
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n测算依据\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"两节点测算依据.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(pdf);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var uploaded = send(a, "POST", files, "multipart/form-data; boundary=" + boundary, body.toByteArray());
        assertThat(uploaded.statusCode()).as(text(uploaded)).isEqualTo(201);
        JsonNode file = JSON.readTree(uploaded.body());
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(file.path("sha256").asText()).isEqualTo(sha256);

        var downloaded = send(b, "GET", files + "/" + file.path("id").asLong(), null, null);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(pdf);
        assertThat(downloaded.headers().firstValue("X-Content-SHA256")).contains(sha256);

        assertThat(send(b, "DELETE", files + "/" + file.path("id").asLong(), null, null).statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(send(a, "GET", files, null, null).body())).isEmpty();
    }

    private static HttpResponse<byte[]> send(String base, String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("filer1:demo".getBytes(StandardCharsets.UTF_8)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
