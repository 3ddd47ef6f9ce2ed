package cn.perftarget.web;

import java.util.List;
import java.util.Map;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import cn.perftarget.attachment.AttachmentTooLargeException;
import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.declaration.DeclarationNotFoundException;
import cn.perftarget.declaration.DuplicateDeclarationException;
import cn.perftarget.declaration.InvalidRequestException;
import cn.perftarget.declaration.PreconditionRequiredException;
import cn.perftarget.declaration.RevisionMismatchException;
import cn.perftarget.declaration.StatusConflictException;
import cn.perftarget.files.SheetProblemException;
import cn.perftarget.identity.OrganisationProblem;
import cn.perftarget.validation.Finding;

/** Every error of the API as application/problem+json; never a stack trace. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final JsonFieldNames names;

    ProblemAdvice(JsonFieldNames names) {
        this.names = names;
    }

    @ExceptionHandler(DeclarationNotFoundException.class)
    ProblemDetail notFound(DeclarationNotFoundException e) {
        return ProblemWriter.problem(HttpStatus.NOT_FOUND, "未找到", e.getMessage(), "not-found");
    }

    @ExceptionHandler(StatusConflictException.class)
    ProblemDetail conflict(StatusConflictException e) {
        return ProblemWriter.problem(HttpStatus.CONFLICT, "状态冲突", e.getMessage(), "status-conflict");
    }

    /** The form's uniqueness key is taken: names the declaration that holds it, so the client can go there. */
    @ExceptionHandler(DuplicateDeclarationException.class)
    ProblemDetail duplicate(DuplicateDeclarationException e) {
        log.warn("Duplicate declaration refused: the key is held by declaration {}", e.existingId());
        var problem = ProblemWriter.problem(HttpStatus.CONFLICT, "申报表已存在", e.getMessage(), "duplicate-declaration");
        problem.setProperty("existing", Map.of("id", e.existingId(), "status", e.existingStatus().name(),
                "statusLabel", e.existingStatus().label(), "href", "/api/declarations/" + e.existingId()));
        return problem;
    }

    @ExceptionHandler(ActionForbiddenException.class)
    ProblemDetail forbidden(ActionForbiddenException e) {
        return ProblemWriter.problem(HttpStatus.FORBIDDEN, "无权操作", e.getMessage(), "forbidden");
    }

    /** A second 催办 of the same step on one day: 429 with Retry-After (seconds until tomorrow in the deadlines' zone). */
    @ExceptionHandler(cn.perftarget.review.UrgedTooSoonException.class)
    ResponseEntity<ProblemDetail> urgedTooSoon(cn.perftarget.review.UrgedTooSoonException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(ProblemWriter.problem(HttpStatus.TOO_MANY_REQUESTS, "催办过于频繁", e.getMessage(), "urge-too-soon"));
    }

    /** An organisation change refused as a whole; each error names its field and, in a CSV, its line. */
    @ExceptionHandler(OrganisationProblem.class)
    ProblemDetail organisation(OrganisationProblem e) {
        return OrganisationProblems.of(e);
    }

    /**
     * A multipart body that cannot be read (no closing boundary, no part headers): the client's fault, 400; one that
     * grew past its limit while read (no Content-Length), 413. The callers of the two multipart endpoints, the batch
     * import and attachments, were checked before the body was read (RoleGate, DeclarationBeforeBody).
     */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e) {
        if (ProblemText.hasCause(e, RequestSizeLimitFilter.PayloadTooLargeException.class)) {
            return ProblemWriter.problem(HttpStatus.PAYLOAD_TOO_LARGE, "请求体过大", ProblemText.rootMessage(e),
                    "payload-too-large");
        }
        log.warn("Unreadable multipart body: {}", ProblemText.rootMessage(e));
        String detail = "multipart/form-data 请求体无法读取（分隔符或各部分的头不完整）";
        return withErrors(ProblemWriter.problem(HttpStatus.BAD_REQUEST, "请求内容无效", detail, "malformed-multipart"),
                List.of(new Finding("", "request.malformed-multipart", detail)));
    }

    /** An attachment over its size limit, or over the declaration's total: names the file; nothing was stored. */
    @ExceptionHandler(AttachmentTooLargeException.class)
    ProblemDetail attachmentTooLarge(AttachmentTooLargeException e) {
        return withErrors(ProblemWriter.problem(HttpStatus.PAYLOAD_TOO_LARGE, "附件过大", e.getMessage(), "attachment-too-large"),
                List.of(new Finding("file", "request.attachment-size", e.getMessage())));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return ProblemWriter.problem(HttpStatus.FORBIDDEN, "无权操作", "当前用户无权执行此操作", "forbidden");
    }

    @ExceptionHandler(RevisionMismatchException.class)
    ResponseEntity<ProblemDetail> stale(RevisionMismatchException e) {
        var problem = ProblemWriter.problem(HttpStatus.PRECONDITION_FAILED, "修订号不一致", e.getMessage(), "stale-revision");
        problem.setProperty("currentRevision", e.currentRevision());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .eTag(Integer.toString(e.currentRevision()))
                .body(problem);
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ProblemDetail preconditionRequired(PreconditionRequiredException e) {
        return ProblemWriter.problem(HttpStatus.PRECONDITION_REQUIRED, "缺少 If-Match", e.getMessage(), "if-match-required");
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return withErrors(ProblemWriter.problem(HttpStatus.BAD_REQUEST, "请求内容无效", e.getMessage(), "invalid-request"),
                e.findings());
    }

    /** An uploaded sheet with unreadable cells: each error names the cell and the document path; nothing was saved. */
    @ExceptionHandler(SheetProblemException.class)
    ProblemDetail badSheet(SheetProblemException e) {
        var problem = ProblemWriter.problem(HttpStatus.BAD_REQUEST, "表格内容无效", e.getMessage() + "；未保存任何修改",
                "invalid-sheet");
        problem.setProperty("errors", e.errors());
        return problem;
    }

    /** Optimistic version conflicts and lock timeouts alike: someone else changed the same declaration just now. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ProblemDetail concurrent(ConcurrencyFailureException e) {
        log.warn("Lost a race for the same declaration: {}", e.getMostSpecificCause().getMessage());
        return ProblemWriter.problem(HttpStatus.CONFLICT, "并发冲突", "申报表正被他人同时修改或处理，请刷新后重试", "concurrent-change");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.warn("Data integrity violation (409): {}", e.getMostSpecificCause().getMessage());
        return ProblemWriter.problem(HttpStatus.CONFLICT, "数据冲突", "请求与已有数据冲突，未保存任何修改", "data-conflict");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String reason = ProblemText.hasCause(e, PlainDecimals.NotADecimalException.class)
                ? "：" + ProblemText.rootMessage(e)
                : e.getRequiredType() != null && e.getRequiredType().isEnum() ? "：应为" + JsonErrors.kindOf(e.getRequiredType())
                : "";
        String detail = "参数“" + e.getName() + "”的值“" + ProblemText.rejected(e.getValue(), 40) + "”无效" + reason;
        return withErrors(ProblemWriter.problem(HttpStatus.BAD_REQUEST, "参数无效", detail, "invalid-parameter"),
                List.of(new Finding(e.getName(), "request.parameter", detail)));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return ProblemWriter.problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误",
                "服务器处理请求时出错，已记录日志，未保存任何修改", "internal-error");
    }

    /** Spring MVC's own errors (404, 405, 406, 415, missing parameters ...) in Chinese, with the status it chose. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (!(body instanceof ProblemDetail problem && problem.getType().toString().startsWith(ProblemWriter.TYPE_PREFIX))) {
            body = FrameworkProblems.of(e, status);
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (ProblemText.hasCause(e, RequestSizeLimitFilter.PayloadTooLargeException.class)) {
            var problem = ProblemWriter.problem(HttpStatus.PAYLOAD_TOO_LARGE, "请求体过大",
                    "请求体超过上限", "payload-too-large");
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
        }
        var problem = JsonErrors.describe(e);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        var target = e.getBindingResult().getTarget();
        var findings = e.getBindingResult().getFieldErrors().stream().map(f -> {
            String pointer = names.pointer(target == null ? null : target.getClass(), f.getField());
            return new Finding(pointer, "request." + f.getCode(),
                    pointer.substring(1) + "：" + f.getDefaultMessage() + ProblemText.rejected(f.getRejectedValue()));
        }).toList();
        String detail = findings.isEmpty() ? "请求内容无效" : findings.get(0).message();
        return ResponseEntity.badRequest().body(withErrors(
                ProblemWriter.problem(HttpStatus.BAD_REQUEST, "请求内容无效", detail, "invalid-request"), findings));
    }

    /** A request parameter that breaks its constraint (e.g. {@code size=0}): 400 naming the parameter. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        var findings = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> {
                    String name = ProblemText.parameterName(result.getMethodParameter());
                    return new Finding(name, "request.parameter", "参数“" + name + "”的值“" + result.getArgument()
                            + "”无效：" + error.getDefaultMessage());
                }))
                .toList();
        String detail = findings.isEmpty() ? "请求参数无效" : findings.get(0).message();
        return ResponseEntity.badRequest().body(withErrors(
                ProblemWriter.problem(HttpStatus.BAD_REQUEST, "参数无效", detail, "invalid-parameter"), findings));
    }

    static ProblemDetail withErrors(ProblemDetail problem, List<Finding> findings) {
        problem.setProperty("errors", findings.stream()
                .map(f -> Map.of("path", f.path(), "rule", f.rule(), "message", f.message()))
                .toList());
        return problem;
    }
}
