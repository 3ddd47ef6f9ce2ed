package cn.perftarget.library;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param location where the 指标库 files are, a resource pattern; default {@value #DEFAULT_LOCATION} */
@ConfigurationProperties(prefix = "perftarget.library")
public record LibraryProperties(String location) {

    public static final String DEFAULT_LOCATION = "classpath*:forms/library/*.json";

    public LibraryProperties {
        location = location == null || location.isBlank() ? DEFAULT_LOCATION : location;
    }
}
