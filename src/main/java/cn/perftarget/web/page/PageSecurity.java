package cn.perftarget.web.page;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import cn.perftarget.web.ActiveAccountFilter;
import cn.perftarget.web.SecurityHeaders;
import cn.perftarget.web.SingleSignOn;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The web UI: session login at {@code /login} with CSRF protection (the session's token also guards the API calls
 * of the pages), or through the identity provider ({@link SingleSignOn}), {@code POST /logout}; every page needs a
 * signed-in user.
 */
@Configuration
class PageSecurity {

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, SecurityHeaders headers, SingleSignOn sso,
                                  ActiveAccountFilter activeAccounts) throws Exception {
        http
                .headers(headers)
                .addFilterBefore(activeAccounts, AuthorizationFilter.class)
                .securityMatcher(new OrRequestMatcher(path("/"), path("/login"), path("/logout"),
                        path("/oauth2/**"), path("/login/oauth2/**"),
                        path("/declarations/**"), path("/tasks/**"), path("/audit/**"), path("/dashboard/**"),
                        path("/imports/**"), path("/admin/**"), path("/me/**"), path("/help/**"), path("/css/**"), path("/js/**"), path("/vendor/**"),
                        path("/webjars/htmx.org/**"), path("/favicon.svg")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/login"), path("/help/**"), path("/css/**"), path("/js/**"), path("/vendor/**"),
                                path("/webjars/htmx.org/**"), path("/favicon.svg")).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h.frameOptions(frame -> frame.sameOrigin()));
        if (sso.localPasswords()) {
            http.formLogin(form -> form.loginPage("/login")
                    .failureHandler((request, response, e) -> {
                        String username = request.getParameter("username");
                        String password = request.getParameter("password");
                        boolean missing = username == null || username.isBlank() || password == null
                                || password.isEmpty();
                        boolean unavailable = e instanceof org.springframework.security.authentication.DisabledException
                                || e instanceof org.springframework.security.authentication.LockedException;
                        response.sendRedirect(request.getContextPath() + "/login?"
                                + (missing ? "missing" : unavailable ? "disabled" : "error"));
                    })
                    .defaultSuccessUrl("/", false));
        }
        sso.page(http);
        return http.build();
    }
}
