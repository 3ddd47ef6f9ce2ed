package cn.perftarget.declaration;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strong entity tag of a declaration is its revision number in quotes. {@code If-Match} is compared as RFC
 * 9110 §13.1.1 says, strongly: a weak tag ({@code W/"2"}) never matches. {@code *} is refused like a missing
 * header (428), because it would switch off the lost-update check that If-Match exists for here.
 */
final class EntityTags {

    /** One entity-tag of a list: optional W/, then a quoted opaque tag (RFC 9110 §8.8.3). */
    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"\\s*");

    private EntityTags() {
    }

    enum Verdict { MATCH, NO_MATCH, ONLY_WEAK, ANY, MALFORMED }

    static Verdict check(String ifMatch, int revision) {
        if (ifMatch.trim().equals("*")) {
            return Verdict.ANY;
        }
        List<String> strong = new ArrayList<>();
        boolean weak = false;
        for (String candidate : ifMatch.split(",", -1)) {
            Matcher m = TAG.matcher(candidate);
            if (!m.matches()) {
                return Verdict.MALFORMED;
            }
            if (m.group(1) != null) {
                weak = true;
            } else {
                strong.add(m.group(2));
            }
        }
        if (strong.contains(Integer.toString(revision))) {
            return Verdict.MATCH;
        }
        return weak && strong.isEmpty() ? Verdict.ONLY_WEAK : Verdict.NO_MATCH;
    }

    /** Throws the answer to an If-Match that does not name the current revision strongly. */
    static void require(String ifMatch, int revision) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        switch (check(ifMatch, revision)) {
            case MATCH -> { }
            case ANY -> throw new PreconditionRequiredException(
                    "If-Match: * 不能用于保存申报表：请写明所依据的修订号（取自 GET 返回的 ETag，如 \"" + revision + "\"）");
            case MALFORMED -> throw InvalidRequestException.of("If-Match", "request.if-match",
                    "If-Match 请求头格式无效：“" + shorten(ifMatch) + "”，应为带英文双引号的修订号，如 \"" + revision + "\"");
            case ONLY_WEAK -> throw RevisionMismatchException.weak(revision, shorten(ifMatch));
            case NO_MATCH -> throw new RevisionMismatchException(revision, ifMatch);
        }
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
