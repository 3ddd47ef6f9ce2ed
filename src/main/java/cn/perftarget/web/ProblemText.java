package cn.perftarget.web;

import java.util.Collection;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;

/** How problems quote what the client sent: parameter names, property paths as pointers, refused values. */
final class ProblemText {

    private ProblemText() {
    }

    /** The name the client used: the {@code @RequestParam} name when it has one, else the Java parameter's. */
    static String parameterName(MethodParameter parameter) {
        var param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        if (param != null && !param.value().isEmpty()) {
            return param.value();
        }
        return parameter.getParameterName() == null ? "参数" + parameter.getParameterIndex() : parameter.getParameterName();
    }


    /** The refused value as the message shows it: scalars only, long text cut short. */
    static String rejected(Object value) {
        if (value == null || value instanceof Collection<?>) {
            return "";
        }
        return "，实际为“" + rejected(value, 30) + "”";
    }

    static String rejected(Object value, int max) {
        String text = String.valueOf(value);
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
