package cn.perftarget.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.filter.OrderedRequestContextFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import cn.perftarget.audit.AuditTrail;
import cn.perftarget.identity.CurrentActor;
import cn.perftarget.identity.Directory;
import cn.perftarget.process.WebappSessions;

/**
 * HTTP Basic for our API and the engine's REST API (administrators only, read-only), and the web UI's session
 * beside it (see {@link #sessionAlongsideBasic}); the pages' own login chain is {@code web.page.PageSecurity}. The
 * Camunda webapps keep their own session login and may only read ({@link BackDoorGuard}); the API documentation and
 * health are open.
 */
@Configuration
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Matches the path below the context path whichever servlet serves it (the engine REST API is Jersey's). */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /** A Content-Security-Policy for our pages and one for Swagger UI; the Camunda webapps send their own. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** One guard in both chains; not registered as a servlet filter of its own. */
    @Bean
    BackDoorGuard backDoorGuard(AuditTrail audit, WebappSessions webapps, ProblemWriter problems, Directory directory) {
        return new BackDoorGuard(audit, webapps, problems, directory);
    }

    /** In the API and page chains; not registered as a servlet filter of its own. */
    @Bean
    ActiveAccountFilter activeAccountFilter(CurrentActor actors, ProblemWriter problems) {
        return new ActiveAccountFilter(actors, problems);
    }

    @Bean
    FilterRegistrationBean<ActiveAccountFilter> activeAccountFilterOutsideSecurity(ActiveAccountFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BackDoorGuard> backDoorGuardOutsideSecurity(BackDoorGuard guard) {
        var registration = new FilterRegistrationBean<>(guard);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * The request's attributes from before the security filters on (Spring MVC's own order): the Camunda REST API's
     * Jersey would otherwise register this filter after them, and the account read at sign-in and by the account
     * check could not be kept for the rest of the request (a select each instead of one).
     */
    @Bean
    OrderedRequestContextFilter requestContextFilter() {
        return new OrderedRequestContextFilter();
    }

    /**
     * The firewall's refusals ({@code ..}, {@code //}, {@code ;jsessionid=}, a NUL or a bad header) as a Chinese
     * problem; the default would send a bare 400 that ends in Spring Boot's error JSON.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, e) -> {
            log.warn("Request refused by the firewall: {}", e.getMessage());
            problems.write(response, HttpStatus.BAD_REQUEST, "请求被拒绝",
                    "请求地址或请求头含有不允许的内容（如 “..”、“//”、“;”、编码后的斜杠或控制字符），已拒绝", "request-rejected", null);
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems, BackDoorGuard backDoorGuard,
                                    SecurityHeaders headers, SingleSignOn sso, ActiveAccountFilter activeAccounts)
            throws Exception {
        sessionAlongsideBasic(http)
                .headers(headers)
                .addFilterBefore(activeAccounts, AuthorizationFilter.class)
                .addFilterBefore(backDoorGuard, AuthorizationFilter.class)
                .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"), path("/actuator/**")))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(path("/actuator/health/**"), path("/actuator/info")).permitAll()
                            .requestMatchers(path("/engine-rest/**"), path("/actuator/**")).hasRole("ADMIN");
                    RoleGate.apply(auth);
                    auth.anyRequest().authenticated();
                })
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> unauthorized(problems, request, response, e))
                        .accessDeniedHandler((request, response, e) -> {
                            if (e instanceof CsrfException) {
                                problems.write(response, HttpStatus.FORBIDDEN, "CSRF 令牌无效",
                                        "页面的安全令牌缺失或已失效，请刷新页面后重试", "csrf", request.getRequestURI());
                            } else {
                                String detail = RoleGate.refusal(request).map(why -> why + "，当前用户无此角色")
                                        .orElse("当前用户无权访问 " + request.getRequestURI());
                                problems.write(response, HttpStatus.FORBIDDEN, "无权操作", detail, "forbidden",
                                        request.getRequestURI());
                            }
                        }));
        if (sso.localPasswords()) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(
                    (request, response, e) -> unauthorized(problems, request, response, e)));
        }
        sso.api(http);
        return http.build();
    }

    /** A caller who sent credentials learns that they were wrong, not that none were sent. */
    private static void unauthorized(ProblemWriter problems, HttpServletRequest request, HttpServletResponse response,
                                     AuthenticationException e) throws java.io.IOException {
        if (e instanceof BadCredentialsException || e instanceof UsernameNotFoundException) {
            problems.write(response, HttpStatus.UNAUTHORIZED, "用户名或密码错误",
                    "用户名或密码错误，请检查后重试", "bad-credentials", request.getRequestURI());
        } else if (e instanceof DisabledException || e instanceof LockedException) {
            problems.write(response, HttpStatus.UNAUTHORIZED, "账户不可用",
                    "该账户已停用或已锁定，请联系管理员", "account-unavailable", request.getRequestURI());
        } else {
            problems.write(response, HttpStatus.UNAUTHORIZED, "未认证",
                    "请使用 HTTP Basic 提供用户名和密码", "unauthenticated", request.getRequestURI());
        }
    }

    /**
     * The pages' scripts call the API with the session of the page login. The API never creates a session, but
     * reads one the page login made; such calls must carry the page's CSRF token when unsafe. Basic
     * authentication needs none: a cross-site page cannot set an Authorization header, and a request without a
     * session cookie cannot ride on anyone's session.
     */
    private static HttpSecurity sessionAlongsideBasic(HttpSecurity http) throws Exception {
        return http
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::ridesOnSession));
    }

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private static boolean ridesOnSession(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getRequestedSessionId() != null;
    }

    @Bean
    @Order(3)
    SecurityFilterChain siteSecurity(HttpSecurity http, BackDoorGuard backDoorGuard, SecurityHeaders headers)
            throws Exception {
        // The Camunda webapps authenticate against the engine's identity service and bring their own CSRF filter.
        return http
                .headers(headers)
                .addFilterBefore(backDoorGuard, AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
                .headers(h -> h.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }
}
