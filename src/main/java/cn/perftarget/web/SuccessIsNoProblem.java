package cn.perftarget.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A success is never labelled a problem: JSON's converter writes any {@code application/*+json}, so a client whose
 * Accept names {@code application/problem+json} (or {@code schema+json}) got its list of forms labelled so. Unless
 * the operation declares that type, such an answer goes out as {@code application/json}, as the description says. (Problems themselves come from ProblemAdvice.)
 */
@ControllerAdvice
class SuccessIsNoProblem implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
                                  Class<? extends HttpMessageConverter<?>> selectedConverterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (!(body instanceof ProblemDetail) && selectedContentType != null
                && "json".equals(selectedContentType.getSubtypeSuffix()) && !declared(returnType, selectedContentType)) {
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        }
        return body;
    }

    /** Whether the operation itself says it produces this type (the JSON Schema endpoint's application/schema+json). */
    private static boolean declared(MethodParameter returnType, MediaType type) {
        var mapping = returnType.getMethod() == null ? null : org.springframework.core.annotation.AnnotatedElementUtils
                .findMergedAnnotation(returnType.getMethod(), org.springframework.web.bind.annotation.RequestMapping.class);
        if (mapping == null) {
            return false;
        }
        for (String produced : mapping.produces()) {
            if (MediaType.parseMediaType(produced).includes(type.removeQualityValue())
                    && type.getSubtype().equals(MediaType.parseMediaType(produced).getSubtype())) {
                return true;
            }
        }
        return false;
    }
}
