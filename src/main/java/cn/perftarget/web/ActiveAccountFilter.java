package cn.perftarget.web;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.perftarget.identity.CurrentActor;
import cn.perftarget.identity.Role;

/**
 * Ends at once the session of an account that was disabled or locked, or whose roles changed, since it signed in:
 * every request of a signed-in user asks the directory (the login itself checked only once). The API answers 401,
 * the pages send the browser back to the login page. Sits in the API and the page chains, after authentication.
 */
public class ActiveAccountFilter extends OncePerRequestFilter {

    private final CurrentActor actors;
    private final ProblemWriter problems;

    ActiveAccountFilter(CurrentActor actors, ProblemWriter problems) {
        this.actors = actors;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Set<String> granted = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).collect(Collectors.toSet());
        boolean current = actors.active(authentication.getName())
                .map(actor -> actor.roles().stream().map(Role::name).map(r -> "ROLE_" + r).collect(Collectors.toSet()))
                .filter(granted::equals)
                .isPresent();
        if (current) {
            chain.doFilter(request, response);
            return;
        }
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problems.write(response, HttpStatus.UNAUTHORIZED, "账户不可用",
                    "该账户已停用、已锁定或权限已变更，请重新登录或联系管理员", "account-unavailable", request.getRequestURI());
        } else {
            response.sendRedirect(request.getContextPath() + "/login?disabled");
        }
    }
}
