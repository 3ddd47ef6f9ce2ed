package cn.perftarget.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.perftarget.declaration.InvalidRequestException;

/**
 * An empty value of a number, yes/no or fixed-choice query parameter ({@code size=}, {@code year=}) is refused (400 naming it):
 * Spring would read it as the default or as absent, but the description says such a parameter is a number when
 * present, and a client that sends {@code size=} has a bug we should not hide.
 */
@Configuration
class EmptyParameters implements HandlerInterceptor, WebMvcConfigurer {

    private static final org.springframework.core.ParameterNameDiscoverer NAMES =
            new org.springframework.core.DefaultParameterNameDiscoverer();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        for (var parameter : method.getMethodParameters()) {
            var annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation == null || !numberOrChoice(parameter.getParameterType())) {
                continue;
            }
            String name = annotation.name().isEmpty() ? nameOf(parameter) : annotation.name();
            String[] values = name == null ? null : request.getParameterValues(name);
            if (values != null && values.length > 0 && values[0].isBlank()) {
                throw InvalidRequestException.of(name, "request.parameter",
                        "参数“" + name + "”为空：不带该参数时请省略它，带时应填写取值");
            }
        }
        return true;
    }

    private static String nameOf(org.springframework.core.MethodParameter parameter) {
        var named = parameter.withContainingClass(parameter.getContainingClass());
        named.initParameterNameDiscovery(NAMES);
        return named.getParameterName();
    }

    private static boolean numberOrChoice(Class<?> type) {
        return type.isPrimitive() || Number.class.isAssignableFrom(type) || type == Boolean.class || type.isEnum();
    }
}
