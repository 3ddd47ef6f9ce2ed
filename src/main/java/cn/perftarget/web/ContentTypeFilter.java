package cn.perftarget.web;

import java.io.IOException;
import java.nio.charset.Charset;

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
 * Refuses an API request whose Content-Type is no concrete media type ({@code *}{@code /*}, {@code text/*},
 * unparsable, or with an unknown charset) with 415; Spring MVC would fail on it with an internal error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ContentTypeFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    ContentTypeFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || request.getHeader("Content-Type") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Content-Type");
        String reason = reason(header);
        if (reason != null) {
            problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的请求体类型",
                    "请求头 Content-Type: " + shorten(header) + " " + reason + "，请使用 application/json",
                    "unsupported-media-type", null);
            return;
        }
        chain.doFilter(request, response);
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
