package cn.perftarget.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * HTTP Basic for our API and the engine's REST API (administrators only); the Camunda webapps keep their own
 * session login; the API documentation and health are open.
 * <p>
 * The matchers are path patterns on the whole request path on purpose: the engine's REST API is served by its own
 * (Jersey) servlet, and the Spring MVC matchers that plain strings give would never match it there, leaving
 * {@code /engine-rest} to the open site chain.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        return http
                .securityMatchers(matchers -> matchers.requestMatchers(
                        paths.matcher("/api/**"), paths.matcher("/engine-rest/**"), paths.matcher("/actuator/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths.matcher("/actuator/health/**"), paths.matcher("/actuator/info")).permitAll()
                        .requestMatchers(paths.matcher("/engine-rest/**"), paths.matcher("/actuator/**")).hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problems.write(response, HttpStatus.UNAUTHORIZED, "未认证",
                                "请使用 HTTP Basic 提供用户名和密码", "unauthenticated", request.getRequestURI())))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        problems.write(response, HttpStatus.FORBIDDEN, "无权访问",
                                "当前用户无权访问 " + request.getRequestURI(), "forbidden", request.getRequestURI())))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain siteSecurity(HttpSecurity http) throws Exception {
        // The Camunda webapps authenticate against the engine's identity service and bring their own CSRF filter.
        return http
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }
}
