package cn.perftarget.web;

import java.util.regex.Pattern;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Numbers in paths and query strings are plain ASCII decimals. Spring's default conversion also reads
 * {@code 0x1b}, {@code #1b}, {@code +27} and full-width digits, so one declaration would answer to many
 * addresses; here each of them is a 400 naming the parameter. Ids ({@code long}) take no sign at all.
 */
@Configuration
class PlainDecimals implements WebMvcConfigurer {

    private static final Pattern ID = Pattern.compile("[0-9]{1,19}");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,10}");

    /** Why a parameter is not a plain decimal; the message is shown to the caller. */
    static final class NotADecimalException extends IllegalArgumentException {
        NotADecimalException(String message) {
            super(message);
        }
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Long.class, (Converter<String, Long>) PlainDecimals::id);
        registry.addConverter(String.class, Integer.class, (Converter<String, Integer>) PlainDecimals::integer);
    }

    static Long id(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (!ID.matcher(text).matches()) {
            throw new NotADecimalException("应为不带符号的十进制整数（只含 ASCII 数字 0–9）");
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
            throw new NotADecimalException("应为十进制整数（只含 ASCII 数字 0–9，可带负号）");
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new NotADecimalException("数值超出范围 " + Integer.MIN_VALUE + " 到 " + Integer.MAX_VALUE);
        }
    }
}
