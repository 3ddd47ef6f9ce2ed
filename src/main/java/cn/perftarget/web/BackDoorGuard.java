package cn.perftarget.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.audit.AuditTrail;
import cn.perftarget.identity.Directory;
import cn.perftarget.process.WebappSessions;

/**
 * One way in: a declaration changes only through our API, which checks who may do what and records it. The
 * engine's REST API ({@code /engine-rest}) and the Camunda webapps' own REST API ({@code /camunda/api}) may only
 * read; any other request there is refused with a Chinese 403 problem and, when someone is logged in, recorded on
 * the general audit chain as {@link AuditAction#BACKDOOR_REFUSED}. Behind it the engine refuses the webapps'
 * users every change anyway (their grants are read-only).
 */
final class BackDoorGuard extends OncePerRequestFilter {

    static final String ENGINE_REST = "/engine-rest/";
    static final String WEBAPP_API = "/camunda/api/";
    private static final Logger log = LoggerFactory.getLogger(BackDoorGuard.class);
    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");
    /**
     * What the webapps must post to log in and out and to run their list queries (a query's criteria are its
     * body): the login and logout endpoints, counts and filter lists, the engine's query collections and the
     * Cockpit plugins' queries. Anything else that is not a read is refused.
     */
    private static final List<Pattern> WEBAPP_POSTS = List.of(
            Pattern.compile("/camunda/api/admin/auth/user/[^/]+/(login/[a-z]+|logout)"),
            Pattern.compile("/camunda/api/engine/engine/[^/]+/(history/)?(task|process-instance|execution|"
                    + "variable-instance|job|job-definition|external-task|activity-instance|detail|incident|"
                    + "decision-instance|process-definition|deployment)(/count)?"),
            Pattern.compile("/camunda/api/engine/engine/[^/]+/filter/[^/]+/(list|count)"),
            Pattern.compile("/camunda/api/cockpit/plugin/[^/]+/[^/]+/.+"));

    private final AuditTrail audit;
    private final WebappSessions webapps;
    private final ProblemWriter problems;
    private final Directory directory;

    BackDoorGuard(AuditTrail audit, WebappSessions webapps, ProblemWriter problems, Directory directory) {
        this.audit = audit;
        this.webapps = webapps;
        this.problems = problems;
        this.directory = directory;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // A webapp session of a user disabled, locked or removed since they logged in ends with their next call.
        var webappUser = path.startsWith(WEBAPP_API) ? webapps.userOf(request) : java.util.Optional.<String>empty();
        if (webappUser.isPresent() && directory.activeActor(webappUser.get()).isEmpty()) {
            request.getSession().invalidate();
            problems.write(response, HttpStatus.UNAUTHORIZED, "账户不可用", "该账户已停用或已锁定，请联系管理员",
                    "account-unavailable", path);
            return;
        }
        if (!refused(request.getMethod(), path)) {
            chain.doFilter(request, response);
            return;
        }
        String door = path.startsWith(ENGINE_REST) ? "流程引擎 REST 接口" : "Camunda 网页应用";
        var who = caller(request);
        if (who != null) {
            String what = request.getMethod() + " " + (path.length() > 500 ? path.substring(0, 500) + "…" : path);
            audit.recordGeneral(who.name(), who.role(), AuditAction.BACKDOOR_REFUSED, door + "只读，已拒绝：" + what);
            log.warn("Refused {} by {}: engine state changes only through /api", what, who.name());
        }
        problems.write(response, HttpStatus.FORBIDDEN, "只读接口", door + "只能查看，不能修改流程、任务或变量；"
                + "申报表只能通过 PerfTarget 的接口（/api/declarations/…）办理，本次操作已拒绝"
                + (who == null ? "" : "并记入审计"), "read-only-engine", path);
    }

    static boolean refused(String method, String path) {
        if (READING.contains(method)) {
            return false;
        }
        if (path.startsWith(ENGINE_REST) || path.equals("/engine-rest")) {
            return true;
        }
        if (!path.startsWith(WEBAPP_API)) {
            return false;
        }
        return !method.equals("POST") || WEBAPP_POSTS.stream().noneMatch(p -> p.matcher(path).matches());
    }

    private record Caller(String name, String role) {
    }

    /** Our user (HTTP Basic) with their role, or the webapps' logged-in user; null when nobody is logged in. */
    private Caller caller(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            String role = authentication.getAuthorities().stream().map(a -> a.getAuthority())
                    .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).findFirst().orElse(null);
            return new Caller(truncate(authentication.getName()), role);
        }
        return webapps.userOf(request).map(name -> new Caller(truncate(name), "CAMUNDA_WEBAPP")).orElse(null);
    }

    private static String truncate(String name) {
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
