package cn.perftarget.web;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

import cn.perftarget.validation.Finding;

/** Explains an unreadable request body in terms of the field it went wrong at. */
final class JsonErrors {

    private JsonErrors() {
    }

    static ProblemDetail describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String path = pointer(unknown);
            String detail = "未知字段“" + unknown.getPropertyName() + "”（" + path + "）";
            return with(detail, "invalid-request", new Finding(path, "request.unknown-field", detail));
        }
        if (cause instanceof InvalidFormatException format) {
            String path = pointer(format);
            String detail = "字段 " + path + " 的值“" + format.getValue() + "”类型不对，应为"
                    + format.getTargetType().getSimpleName();
            return with(detail, "invalid-request", new Finding(path, "request.type", detail));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String path = pointer(mismatch);
            String detail = "字段 " + path + " 的类型不对";
            return with(detail, "invalid-request", new Finding(path, "request.type", detail));
        }
        if (cause instanceof JsonParseException parse) {
            var location = parse.getLocation();
            String detail = "请求体不是合法的 JSON：第 " + location.getLineNr() + " 行第 " + location.getColumnNr()
                    + " 列附近有语法错误";
            return with(detail, "malformed-json", new Finding("", "request.malformed-json", detail));
        }
        String detail = "请求体缺失或不是合法的 JSON";
        return with(detail, "malformed-json", new Finding("", "request.malformed-json", detail));
    }

    private static ProblemDetail with(String detail, String type, Finding finding) {
        return ProblemAdvice.withErrors(ProblemWriter.problem(HttpStatus.BAD_REQUEST, "请求内容无效", detail, type),
                List.of(finding));
    }

    private static String pointer(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null
                        ? "/" + ref.getFieldName().replace("~", "~0").replace("/", "~1")
                        : "/" + ref.getIndex())
                .collect(Collectors.joining());
    }
}
