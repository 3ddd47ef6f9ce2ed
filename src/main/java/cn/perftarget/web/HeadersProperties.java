package cn.perftarget.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security headers of our pages beyond Spring Security's defaults (nosniff, frame options, HSTS on secure
 * requests). No value, no header: the production profile sets both.
 *
 * @param contentSecurityPolicy        the Content-Security-Policy of our pages and API
 * @param apiDocsContentSecurityPolicy the one of Swagger UI and the OpenAPI document, which need inline scripts
 */
@ConfigurationProperties(prefix = "perftarget.headers")
record HeadersProperties(String contentSecurityPolicy, String apiDocsContentSecurityPolicy) {
}
