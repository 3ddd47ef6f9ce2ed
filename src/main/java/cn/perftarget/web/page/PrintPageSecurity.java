package cn.perftarget.web.page;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import cn.perftarget.web.SecurityHeaders;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The print view needs a signed-in user: a browser session (the session's security context is read as on any
 * page) or HTTP Basic, as for the API. Kept apart from the site's chain so that the page works either way.
 */
@Configuration
class PrintPageSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain printPageChain(HttpSecurity http, SecurityHeaders headers) throws Exception {
        return http
                .headers(headers)
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/declarations/{id}/print"))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .build();
    }
}
