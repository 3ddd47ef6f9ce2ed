package cn.perftarget.validation;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem found in a document.
 *
 * @param path    JSON Pointer into the document ({@code ""} for the whole document), e.g. {@code /header/phone}
 * @param rule    stable rule id, e.g. {@code structure.required}; clients may switch on it
 * @param message Chinese explanation for the filer, naming the field and the values involved
 * @param basis   what the rule rests on, e.g. 财预〔2021〕101号, 模板备注 or 通行做法; absent (null, left out of
 *                JSON) for findings that are not about a document's content, such as a malformed request
 * @param why     for a warning, why a reviewer would care; absent otherwise
 */
public record Finding(String path, String rule, String message,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String basis,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String why) {

    public Finding {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /** A finding without basis or reason, as request checks and other modules give them. */
    public Finding(String path, String rule, String message) {
        this(path, rule, message, null, null);
    }
}
