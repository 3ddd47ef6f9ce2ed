package cn.perftarget.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

import cn.perftarget.validation.Finding;

/** Explains an unreadable request body in terms of the field it went wrong at (a JSON Pointer). */
final class JsonErrors {

    private JsonErrors() {
    }

    static ProblemDetail describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String path = pointer(unknown);
            return with("未知字段“" + unknown.getPropertyName() + "”（" + path + "）", "invalid-request", path,
                    "request.unknown-field");
        }
        if (cause instanceof MismatchedInputException mismatch && isTrailing(mismatch)) {
            return with("请求体在 JSON 值结束后还有多余内容", "malformed-json", "", "request.trailing-data");
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getMessage() != null
                && mismatch.getMessage().startsWith("Duplicate field")) {
            return with("请求体中字段重复", "malformed-json", pointer(mismatch), "request.duplicate-key");
        }
        if (cause instanceof InvalidNullException nothing) {
            String path = pointer(nothing);
            return with("字段 " + path + " 不能为 null：列表和对象中的每一项都须有值", "invalid-request", path,
                    "request.null");
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = pointer(mapping);
            String detail = "字段 " + path + " 的值" + shown(cause) + "类型不对，应为" + kind(cause);
            return with(detail, "invalid-request", path, "request.type");
        }
        if (cause instanceof InputCoercionException range) {
            String path = place(range.getProcessor());
            return with("字段 " + path + " 的数值超出范围，应为" + kindOf(range.getTargetType()), "invalid-request",
                    path, "request.type");
        }
        if (cause instanceof JsonParseException parse) {
            String path = place(parse.getProcessor());
            if (parse.getOriginalMessage() != null && parse.getOriginalMessage().startsWith("Duplicate field")) {
                String field = parse.getOriginalMessage().replaceAll("^Duplicate field '(.*)'$", "$1");
                return with("字段“" + field + "”在请求体中出现了不止一次（" + path + "），每个字段只能写一次",
                        "malformed-json", path, "request.duplicate-key");
            }
            var location = parse.getLocation();
            String detail = "请求体不是合法的 JSON：第 " + location.getLineNr() + " 行第 " + location.getColumnNr()
                    + " 列附近有语法错误";
            return with(detail, "malformed-json", "", "request.malformed-json");
        }
        return with("请求体缺失或不是合法的 JSON", "malformed-json", "", "request.malformed-json");
    }

    private static boolean isTrailing(MismatchedInputException e) {
        return e.getMessage() != null && e.getMessage().startsWith("Trailing token");
    }

    private static ProblemDetail with(String detail, String type, String path, String rule) {
        return ProblemAdvice.withErrors(ProblemWriter.problem(HttpStatus.BAD_REQUEST, "请求内容无效", detail, type),
                List.of(new Finding(path, rule, detail)));
    }

    /** The refused value when Jackson kept it, e.g. “"2028"”. */
    private static String shown(Throwable cause) {
        if (cause instanceof InvalidFormatException format && format.getValue() != null) {
            Object value = format.getValue();
            String text = value instanceof String s ? "\"" + s + "\"" : value.toString();
            return "“" + (text.length() > 30 ? text.substring(0, 30) + "…" : text) + "”";
        }
        return "";
    }

    private static String kind(Throwable cause) {
        if (cause instanceof MismatchedInputException mismatch) {
            return kindOf(mismatch.getTargetType());
        }
        if (cause.getCause() instanceof InputCoercionException range) {
            return kindOf(range.getTargetType()) + "（数值超出范围）";
        }
        return "其他类型";
    }

    /** The expected kind of value in words a filer understands. */
    static String kindOf(Class<?> type) {
        if (type == null) {
            return "其他类型";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "整数";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class || type == BigDecimal.class) {
            return "数字";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "文本";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "布尔值（true 或 false）";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "列表（JSON 数组）";
        }
        if (type.isEnum()) {
            return "以下之一：" + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining("、"));
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || JsonNode.class.isAssignableFrom(type)) {
            return "对象（JSON 对象）";
        }
        return "其他类型";
    }

    private static String pointer(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "/" + escape(ref.getFieldName()) : "/" + ref.getIndex())
                .collect(Collectors.joining());
    }

    /** Where the parser stood when it gave up, as a JSON Pointer ("" for the whole body). */
    private static String place(Object processor) {
        if (processor instanceof JsonParser parser && parser.getParsingContext() != null) {
            return parser.getParsingContext().pathAsPointer().toString();
        }
        return "";
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
