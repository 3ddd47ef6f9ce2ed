package cn.perftarget.definition;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where form definitions are read from.
 *
 * @param location a Spring resource pattern such as {@code classpath*:forms/*.json}, or a directory such as
 *                 {@code file:/etc/perftarget/forms/} meaning that directory's {@code *.json} files (not
 *                 sub-directories); defaults to {@value #DEFAULT_LOCATION}
 */
@ConfigurationProperties(prefix = "perftarget.forms")
public record FormsProperties(String location) {

    /** The definitions packaged from the project's {@code forms/} directory. */
    public static final String DEFAULT_LOCATION = "classpath*:forms/*.json";

    public FormsProperties {
        if (location == null || location.isBlank()) {
            location = DEFAULT_LOCATION;
        }
    }
}
