package cn.perftarget.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything is done: an API request whose Content-Type is no concrete media type
 * ({@code *}{@code /*}, {@code text/*}, unparsable, or with an unknown charset) with 415, since Spring MVC would
 * fail on it with an internal error; and a write whose Accept excludes JSON with 406, since Spring MVC would
 * otherwise perform the change and only then find it cannot answer in the format asked for; and any request whose
 * Accept is no list of media types at all ({@code foo}) with 406, which Spring MVC would send without a body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestMediaTypes extends OncePerRequestFilter {

    private final ProblemWriter problems;

    RequestMediaTypes(ProblemWriter problems) {
        this.problems = problems;
    }

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Content-Type");
        String reason = header == null ? null : reason(header);
        if (reason != null) {
            problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的请求体类型",
                    "请求头 Content-Type: " + shorten(header) + " " + reason + "，请使用 application/json",
                    "unsupported-media-type", null);
            return;
        }
        String accept = request.getHeader("Accept");
        if (accept != null && !readable(accept)) {
            // Spring MVC could not even write its own error for it (it drops a body it cannot match to Accept).
            problems.write(response, HttpStatus.NOT_ACCEPTABLE, "无法提供所要求的格式",
                    "请求头 Accept: " + shorten(accept) + " 不是有效的媒体类型列表，请使用如 application/json 的格式；未做任何修改",
                    "not-acceptable", null);
            return;
        }
        if (accept != null && !READS.contains(request.getMethod()) && !acceptsJson(accept)) {
            problems.write(response, HttpStatus.NOT_ACCEPTABLE, "无法提供所要求的格式",
                    "请求头 Accept: " + shorten(accept) + " 不接受 JSON，而该操作只以 application/json 答复；未做任何修改",
                    "not-acceptable", null);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean readable(String accept) {
        try {
            MediaType.parseMediaTypes(accept);
            return true;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean acceptsJson(String accept) {
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.getQualityValue() > 0
                    && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static String reason(String header) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            return "格式无效";
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return "是通配类型，不是具体的媒体类型";
        }
        String charset = type.getParameter("charset");
        if (charset != null) {
            try {
                Charset.forName(charset.replace("\"", ""));
            } catch (IllegalArgumentException e) {
                return "的字符集“" + shorten(charset) + "”不受支持";
            }
        }
        return null;
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
