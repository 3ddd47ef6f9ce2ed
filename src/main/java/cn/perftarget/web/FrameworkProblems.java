package cn.perftarget.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import cn.perftarget.validation.Finding;

/** Chinese problems for the errors Spring MVC raises itself (404, 405, 406, 415, a missing parameter ...). */
final class FrameworkProblems {

    private FrameworkProblems() {
    }

    static ProblemDetail of(Exception e, HttpStatusCode status) {
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return ProblemWriter.problem(HttpStatus.NOT_FOUND, "未找到", "请求的地址不存在", "not-found");
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            String allowed = method.getSupportedMethods() == null ? "" : String.join("、", method.getSupportedMethods());
            return ProblemWriter.problem(HttpStatus.METHOD_NOT_ALLOWED, "方法不允许",
                    "该地址不支持 " + method.getMethod() + " 请求" + (allowed.isEmpty() ? "" : "，支持：" + allowed),
                    "method-not-allowed");
        }
        if (e instanceof HttpMediaTypeNotAcceptableException acceptable) {
            return ProblemWriter.problem(HttpStatus.NOT_ACCEPTABLE, "无法提供所要求的格式",
                    "该地址无法按 Accept 请求头所要求的格式返回" + types("可提供", acceptable.getSupportedMediaTypes()),
                    "not-acceptable");
        }
        if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
            String given = unsupported.getContentType() == null ? "（未指定）" : unsupported.getContentType().toString();
            return ProblemWriter.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的请求体类型",
                    "不支持请求体类型 Content-Type: " + given + types("，请使用", unsupported.getSupportedMediaTypes()),
                    "unsupported-media-type");
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            String detail = "缺少请求参数“" + missing.getParameterName() + "”";
            return ProblemAdvice.withErrors(ProblemWriter.problem(HttpStatus.BAD_REQUEST, "参数无效", detail,
                    "invalid-parameter"), List.of(new Finding(missing.getParameterName(), "request.parameter", detail)));
        }
        if (e instanceof MissingServletRequestPartException part) {
            String detail = "缺少 multipart/form-data 部分“" + part.getRequestPartName() + "”";
            return ProblemAdvice.withErrors(ProblemWriter.problem(HttpStatus.BAD_REQUEST, "参数无效", detail,
                    "invalid-parameter"), List.of(new Finding(part.getRequestPartName(), "request.parameter", detail)));
        }
        if (e instanceof MaxUploadSizeExceededException) {
            // The multipart parser's own limit (spring.servlet.multipart), which follows the attachments' one.
            return ProblemWriter.problem(HttpStatus.PAYLOAD_TOO_LARGE, "请求体过大", "上传的文件超过上限，未保存",
                    "payload-too-large");
        }
        if (e instanceof MissingRequestHeaderException header) {
            String detail = "缺少请求头“" + header.getHeaderName() + "”";
            return ProblemAdvice.withErrors(ProblemWriter.problem(HttpStatus.BAD_REQUEST, "请求头无效", detail,
                    "invalid-header"), List.of(new Finding(header.getHeaderName(), "request.header", detail)));
        }
        if (e instanceof MissingPathVariableException) {
            return ProblemWriter.problem(HttpStatus.NOT_FOUND, "未找到", "请求的地址不存在", "not-found");
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return generic(known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known);
    }

    /** Any other status, in Chinese, without naming internals. */
    static ProblemDetail generic(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> ProblemWriter.problem(status, "请求无效", "请求格式无效，服务器无法处理", "bad-request");
            case UNAUTHORIZED -> ProblemWriter.problem(status, "未认证", "请使用 HTTP Basic 提供用户名和密码", "unauthenticated");
            case FORBIDDEN -> ProblemWriter.problem(status, "无权访问", "当前用户无权访问该地址", "forbidden");
            case NOT_FOUND -> ProblemWriter.problem(status, "未找到", "请求的地址不存在", "not-found");
            case METHOD_NOT_ALLOWED -> ProblemWriter.problem(status, "方法不允许", "该地址不支持此请求方法", "method-not-allowed");
            case NOT_ACCEPTABLE -> ProblemWriter.problem(status, "无法提供所要求的格式", "该地址无法按所要求的格式返回", "not-acceptable");
            case PAYLOAD_TOO_LARGE -> ProblemWriter.problem(status, "请求体过大", "请求体超过上限", "payload-too-large");
            case URI_TOO_LONG -> ProblemWriter.problem(status, "地址过长", "请求地址过长", "uri-too-long");
            case UNSUPPORTED_MEDIA_TYPE -> ProblemWriter.problem(status, "不支持的请求体类型", "不支持该请求体类型，请使用 application/json",
                    "unsupported-media-type");
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> ProblemWriter.problem(status, "请求头过大", "请求头过大", "headers-too-large");
            case HTTP_VERSION_NOT_SUPPORTED -> ProblemWriter.problem(status, "不支持的 HTTP 版本", "不支持该 HTTP 协议版本，请使用 HTTP/1.1",
                    "http-version-not-supported");
            case SERVICE_UNAVAILABLE -> ProblemWriter.problem(status, "服务暂不可用", "服务暂时不可用，请稍后重试", "unavailable");
            default -> status.is5xxServerError()
                    ? ProblemWriter.problem(status, "服务器内部错误", "服务器处理请求时出错，已记录日志，未保存任何修改", "internal-error")
                    : ProblemWriter.problem(status, "请求无法处理", "请求无法处理（HTTP " + status.value() + "）", "http-" + status.value());
        };
    }

    private static String types(String lead, List<MediaType> types) {
        if (types == null || types.isEmpty()) {
            return "";
        }
        return lead + "：" + types.stream().map(MediaType::toString).collect(Collectors.joining("、"));
    }
}
