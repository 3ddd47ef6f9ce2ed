package cn.perftarget.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param maxRequestBytes largest request body the API accepts (413 above it) */
@ConfigurationProperties(prefix = "perftarget.api")
record ApiProperties(long maxRequestBytes) {

    ApiProperties {
        if (maxRequestBytes <= 0) {
            maxRequestBytes = 1024 * 1024;
        }
    }
}
