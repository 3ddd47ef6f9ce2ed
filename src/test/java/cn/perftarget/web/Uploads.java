package cn.perftarget.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import cn.perftarget.files.Http;

/** Attachments over real HTTP: multipart uploads as a browser sends them, downloads, removals. */
public final class Uploads {

    private final Http http;

    public Uploads(Http http) {
        this.http = http;
    }

    public static String path(long id) {
        return "/api/declarations/" + id + "/attachments";
    }

    /** POSTs one file in the part {@code file} and the kind in the part {@code kind} (either left out when null). */
    public Http.Response upload(String user, long id, String kind, String fileName, byte[] content) {
        String boundary = "----perftarget" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        try {
            if (kind != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            if (content != null) {
                // The client's claimed type means nothing to the server: say octet-stream whatever the file is.
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(content);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return http.send(user, "POST", path(id), "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    public Http.Response list(String user, long id) {
        return http.get(user, path(id), "application/json");
    }

    public Http.Response list(String user, long id, int revision) {
        return http.get(user, path(id) + "?revision=" + revision, "application/json");
    }

    public Http.Response download(String user, long id, long attachment) {
        return http.get(user, path(id) + "/" + attachment, "*/*");
    }

    public Http.Response remove(String user, long id, long attachment) {
        return http.send(user, "DELETE", path(id) + "/" + attachment, null, null);
    }
}
