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

    /**
     * A document that does not have its template's structure. The detail quotes the first finding, whose message
     * names the field in the template's words; the pointers stay in the findings, for the page to mark the cells.
     */
    static InvalidRequestException notOfStructure(String templateTitle, List<Finding> findings) {
        return new InvalidRequestException("申报表内容不符合表单“" + templateTitle + "”的结构：" + findings.get(0).message()
                + (findings.size() > 1 ? "（共 " + findings.size() + " 处）" : ""), findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
