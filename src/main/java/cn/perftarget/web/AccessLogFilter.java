package cn.perftarget.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One INFO line per request on the logger {@code perftarget.access}: user, method, path, status and duration, e.g.
 * {@code user=filer1 method=GET path=/api/declarations status=200 duration=12ms}. Outermost filter, so requests
 * refused by security or the size limit are logged too; the user is the one Spring Security authenticated for this
 * request or the signed-in session holds ({@code -} when none), never a name merely sent.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("perftarget.access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (log.isInfoEnabled()) {
                log.info("user={} method={} path={} status={} duration={}ms", user(request), request.getMethod(),
                        request.getRequestURI(), response.getStatus(), (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    private static String user(HttpServletRequest request) {
        // Spring Security keeps the request's context here (HTTP Basic and bearer tokens) after it has cleared its
        // holder; a page request of a form-login session finds it in the session instead.
        String name = nameIn(request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME));
        if (name == null) {
            name = nameIn(sessionContext(request));
        }
        if (name == null) {
            name = request.getRemoteUser();
        }
        return name == null ? "-" : name;
    }

    private static Object sessionContext(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        try {
            return session == null ? null
                    : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        } catch (IllegalStateException invalidated) {
            return null;  // logged out during this request
        }
    }

    private static String nameIn(Object attribute) {
        if (attribute instanceof SecurityContext context && context.getAuthentication() != null
                && context.getAuthentication().isAuthenticated()
                && !(context.getAuthentication() instanceof AnonymousAuthenticationToken)) {
            return context.getAuthentication().getName();
        }
        return null;
    }
}
