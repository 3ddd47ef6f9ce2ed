package cn.perftarget.declaration;

import java.util.List;

import cn.perftarget.validation.Finding;

/** Input that cannot be accepted as it is (400); each finding names the offending field by JSON Pointer. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<Finding> findings;

    public InvalidRequestException(String message, List<Finding> findings) {
        super(message);
        this.findings = List.copyOf(findings);
    }

    public static InvalidRequestException of(String path, String rule, String message) {
        return new InvalidRequestException(message, List.of(new Finding(path, rule, message)));
    }

    public List<Finding> findings() {
        return findings;
    }
}
