package cn.perftarget.validation;

import java.util.Objects;

/**
 * One problem found in a document.
 *
 * @param path    JSON Pointer into the document ({@code ""} for the whole document), e.g. {@code /header/phone}
 * @param rule    stable rule id, e.g. {@code structure.required}; clients may switch on it
 * @param message Chinese explanation for the filer, naming the field and the values involved
 */
public record Finding(String path, String rule, String message) {

    public Finding {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
