package cn.perftarget.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Random;

/** Generators of the hostile-input classes of issue 8, each one a value the server must refuse. */
final class BadValues {

    private BadValues() {
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Another spelling of {@code id} that a lenient parser would read as the same number, or garbage around it. */
    static String idAlias(long id, Random random) {
        String n = Long.toString(id);
        String fullWidth = n.chars().mapToObj(c -> Character.toString(c - '0' + '０')).reduce("", String::concat);
        String arabic = n.chars().mapToObj(c -> Character.toString(c - '0' + '\u0660')).reduce("", String::concat);
        String[] aliases = {"0x" + Long.toHexString(id), "0X" + Long.toHexString(id), "#" + Long.toHexString(id),
                "+" + n, "%2B" + n, "0" + n, "00" + n, encode(fullWidth), encode(arabic), n + "abc", n + ".0",
                n + "e0", "%20" + n, n + "%20", n + "%00", "%00" + n, "-" + n, "99999999999999999999", n + ";x=1",
                n + "%2F", "%2e%2e/" + n, n + "/..", n + "%C3%28", n + "%FF", "..%2F" + n, n + "%", n + "%zz",
                "%EF%BC%8B" + n, n + "L", "0b" + Long.toBinaryString(id), "0" + Long.toOctalString(id), n + "//"};
        return pick(random, aliases);
    }

    private static String encode(String text) {
        var out = new StringBuilder();
        for (byte b : text.getBytes(UTF_8)) {
            out.append('%').append(String.format("%02X", b & 0xFF));
        }
        return out.toString();
    }

    static byte[] document(byte[] valid, Random random) {
        String text = new String(valid, UTF_8);
        String[] spoilt = {
                text.replaceFirst("\"phone\":\"([^\"]*)\"", "\"phone\":\"$1\",\"phone\":\"110\""),
                text.replaceFirst("\\{\"header\":", "{\"functions\":\"x\",\"header\":"),
                text + pick(random, new String[] {"garbage", "{}", "[]", " 1", "\"x\"", "}", ",", " null"}),
                text.substring(0, 1 + random.nextInt(text.length() - 1)),
                text.replaceFirst("\"phone\":\"[^\"]*\"", "\"phone\":85916419"),
                text.replaceFirst("\"year\":2020", "\"year\":\"2020\""),
                text.replaceFirst("\"year\":2020", "\"year\":2020.5"),
                text.replaceFirst("\"year\":2020", "\"year\":\"２０２０\""),
                text.replaceFirst("\"header\":\\{", "\"header\":{\"colour\":\"red\","),
                text.replaceFirst("\"budget\":242.98", "\"budget\":\"242.98\""),
                text.replaceFirst("\"budget\":242.98", "\"budget\":-1"),
                text.replaceFirst("\"budget\":242.98", "\"budget\":1.12345678"),
                "[" + text + "]", "null", "42", "\"text\"", "", "{", "{\"a\":}", "[".repeat(3000) + "]".repeat(3000),
                "{\"header\":" + "{\"x\":".repeat(2000) + "1" + "}".repeat(2001),
                text.replace("\"", "'"), "\uFEFF{\"header\":{\"phone\":\"1\"},\"header\":{}}", "{\"\u0000\":1}"};
        return pick(random, spoilt).getBytes(UTF_8);
    }

    static byte[] createBody(Random random) {
        String[] bodies = {"{\"formKey\":\"dept-overall\",\"year\":\"2099\"}", "{\"formKey\":\"dept-overall\",\"year\":\"２０９９\"}",
                "{\"formKey\":\"dept-overall\",\"year\":2099.9}", "{\"formKey\":\"dept-overall\",\"year\":2099.0}",
                "{\"formKey\":\"dept-overall\",\"year\":2098,\"year\":2099}", "{\"formKey\":\"dept-overall\",\"year\":2099}x",
                "{\"formKey\":\"dept-overall\",\"year\":2099}{}", "{\"formKey\":\"dept-overall\",\"year\":true}",
                "{\"formKey\":123,\"year\":2099}", "{\"formKey\":\"dept-overall\",\"year\":2099,\"department\":\"HP-EDU\"}",
                "{\"formKey\":\"dept-overall\"}", "{\"formKey\":\"dept-overall\",\"year\":1999}", "[]", "null",
                "{\"formKey\":\"dept-overall\",\"year\":99999999999}", "{\"formKey\":\"no-such\",\"year\":2099}",
                "{\"formKey\":\"\",\"year\":2099}", "{\"formKey\":\"dept-overall\",\"year\":2.099e3}",
                "{\"formKey\":[\"dept-overall\"],\"year\":2099}", "{\"formKey\":\"dept-overall\",\"year\":null}"};
        return pick(random, bodies).getBytes(UTF_8);
    }

    static byte[] decisionBody(Random random) {
        String[] bodies = {"{\"outcome\":\"return\",\"outcome\":\"approve\"}", "{\"outcome\":\"approve\"}garbage",
                "{\"outcome\":\"approve\"}{\"outcome\":\"approve\"}", "{\"outcome\":\"return\",\"comment\":123}",
                "{\"outcome\":\"approve\",\"comment\":true}", "{\"outcome\":\"approve\",\"comment\":[\"x\"]}",
                "{\"outcome\":1}", "{\"outcome\":\"APPROVE\"}", "{\"outcome\":\"approve\",\"grade\":1}",
                "{\"outcome\":\"approve\",\"fields\":\"/header/phone\"}", "{\"outcome\":\"approve\",\"why\":\"x\"}",
                "{\"outcome\":\"reject\",\"comment\":\"不行\"}", "{\"outcome\":\"return\"}", "{}", "[]", "null", "",
                "{\"outcome\":\"approve\"", "{\"outcome\":\"approve\",\"fields\":[1]}", "{\"outcome\":\"approve \"}",
                "{\"outcome\":\"approve\",\"fields\":[\"header\"]}", "{\"outcome\":\"approve\",\"grade\":\"A\"}"};
        return pick(random, bodies).getBytes(UTF_8);
    }

    static String contentType(Random random, boolean hasBody) {
        String[] always = {"*/*", "text/*", "application/*", "garbage", "application/json; charset=nope", "/",
                "application/", ";", "application/json; charset=\"", "*/json"};
        String[] withBody = {"text/plain", "application/x-www-form-urlencoded", "application/xml",
                "multipart/form-data; boundary=x", "text/html", "application/octet-stream", "text/csv"};
        return hasBody && random.nextBoolean() ? pick(random, withBody) : pick(random, always);
    }

    static String accept(Random random) {
        return pick(random, new String[] {"image/png", "text/html", "text/csv", "application/xml", "garbage;;",
                "application/json;q=0", "text/plain", "application/pdf", "/", "application/*;q=0, text/html"});
    }

    /** A malformed If-Match, or null for none at all. */
    static String ifMatch(String revision, Random random) {
        int stale = Integer.parseInt(revision) - 1;
        return pick(random, new String[] {"W/\"" + revision + "\"", "*", revision, "\"" + stale + "\"", "\"0\"",
                "\"\"", "garbage", "W/\"" + revision + "\", W/\"" + revision + "\"", "\"" + revision + "\" x",
                "'" + revision + "'", "\"0" + revision + "\"", "\"+" + revision + "\"", null, " "});
    }

    static String header(Random random) {
        return pick(random, new String[] {"X-Test: a\u0000b", "X-Test: a\u0001b", "Bad Header: x", ": empty",
                "X-Test a", "Content-Length: -1", "Transfer-Encoding: chunked, gzip"});
    }
}
