package cn.perftarget.web;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes straight onto a socket: for requests that java.net.http refuses to send (a NUL in a header, a raw
 * {@code %00}, a broken request line). One request per connection.
 */
final class RawHttp {

    private RawHttp() {
    }

    record Reply(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static String basic(String user) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(UTF_8)) + "\r\n";
    }

    /** Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and a body. */
    static Reply send(int port, byte[] head, byte[] body) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            // One write: when Tomcat refuses a request after reading its first segment and closes, bytes still
            // unread on its side make the close a reset, which can discard the refusal before the client reads it.
            var request = new ByteArrayOutputStream();
            request.write(head);
            request.write(("Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(ISO_8859_1));
            request.write(body);
            var out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return read(socket.getInputStream());
        }
    }

    static Reply send(int port, String head) throws IOException {
        return send(port, head.getBytes(UTF_8), new byte[0]);
    }

    private static Reply read(InputStream in) throws IOException {
        var all = new ByteArrayOutputStream();
        in.transferTo(all);
        byte[] bytes = all.toByteArray();
        int end = indexOf(bytes, "\r\n\r\n".getBytes(ISO_8859_1));
        if (end < 0) {
            throw new IOException("No complete response head: " + new String(bytes, ISO_8859_1));
        }
        String[] lines = new String(bytes, 0, end, ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new LinkedHashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        String body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunk(rest) : new String(rest, UTF_8);
        return new Reply(status, headers, body);
    }

    private static String dechunk(byte[] bytes) {
        var out = new ByteArrayOutputStream();
        int at = 0;
        while (at < bytes.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(bytes, at, bytes.length), "\r\n".getBytes(ISO_8859_1));
            int size = Integer.parseInt(new String(bytes, at, lineEnd, ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(bytes, at + lineEnd + 2, size);
            at += lineEnd + 2 + size + 2;
        }
        return out.toString(UTF_8);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
