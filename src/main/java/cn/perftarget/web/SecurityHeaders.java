package cn.perftarget.web;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The headers every security chain sends beyond Spring Security's defaults: the Content-Security-Policy of our
 * pages and API, a looser one for Swagger UI, none of ours for the Camunda webapps (they send their own). One
 * customizer, so that the page chains and the API chain cannot drift apart.
 */
@Component
public class SecurityHeaders implements Customizer<HeadersConfigurer<HttpSecurity>> {

    private static final RequestMatcher API_DOCS = new OrRequestMatcher(path("/swagger-ui.html"),
            path("/swagger-ui/**"), path("/v3/api-docs/**"));

    private final HeadersProperties properties;

    SecurityHeaders(HeadersProperties properties) {
        this.properties = properties;
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Override
    public void customize(HeadersConfigurer<HttpSecurity> headers) {
        if (properties.apiDocsContentSecurityPolicy() != null) {
            headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(API_DOCS,
                    new ContentSecurityPolicyHeaderWriter(properties.apiDocsContentSecurityPolicy())));
        }
        if (properties.contentSecurityPolicy() != null) {
            headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                    new AndRequestMatcher(new NegatedRequestMatcher(API_DOCS), new NegatedRequestMatcher(path("/camunda/**"))),
                    new ContentSecurityPolicyHeaderWriter(properties.contentSecurityPolicy())));
        }
    }
}
