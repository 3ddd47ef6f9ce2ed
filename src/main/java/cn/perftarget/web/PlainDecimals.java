package cn.perftarget.web;

import java.util.regex.Pattern;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Numbers in paths and query strings are plain ASCII decimals. Spring's default conversion also reads
 * {@code 0x1b}, {@code #1b}, {@code +27}, {@code 027} and full-width digits, so one declaration would answer to many
 * addresses; here each of them is a 400 naming the parameter. Ids ({@code long}) take no sign at all. Property
 * editors, because a failed conversion-service attempt falls back to Spring's lenient default editors.
 */
@ControllerAdvice
class PlainDecimals {

    // No leading zeros either: 027 would be a second address of 27.
    private static final Pattern ID = Pattern.compile("0|[1-9][0-9]{0,18}");
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,9})");

    /** Why a parameter is not a plain decimal; the message is shown to the caller. */
    static final class NotADecimalException extends IllegalArgumentException {
        NotADecimalException(String message) {
            super(message);
        }
    }

    @InitBinder
    void plainDecimals(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, editor(PlainDecimals::id, false));
        binder.registerCustomEditor(Long.class, editor(PlainDecimals::id, true));
        binder.registerCustomEditor(int.class, editor(PlainDecimals::integer, false));
        binder.registerCustomEditor(Integer.class, editor(PlainDecimals::integer, true));
    }

    private static PropertyEditorSupport editor(Function<String, Object> parse, boolean nullable) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                Object value = text == null ? null : parse.apply(text);
                if (value == null && !nullable) {
                    throw new NotADecimalException("不能为空");
                }
                setValue(value);
            }
        };
    }

    static Long id(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (!ID.matcher(text).matches()) {
            throw new NotADecimalException("应为不带符号、不以 0 开头的十进制整数（只含 ASCII 数字 0–9）");
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw new NotADecimalException("数值过大，最大为 " + Long.MAX_VALUE);
        }
    }

    static Integer integer(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (!INTEGER.matcher(text).matches()) {
            throw new NotADecimalException("应为不以 0 开头的十进制整数（只含 ASCII 数字 0–9，可带负号）");
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new NotADecimalException("数值超出范围 " + Integer.MIN_VALUE + " 到 " + Integer.MAX_VALUE);
        }
    }
}
