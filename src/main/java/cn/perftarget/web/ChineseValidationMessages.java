package cn.perftarget.web;

import java.util.Locale;

import jakarta.validation.MessageInterpolator;

import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean Validation messages are Chinese whatever the request's Accept-Language and the machine's locale: Spring
 * would interpolate in the request's locale (and a C.UTF-8 machine's default is English), so a client that asks for
 * English, or nothing, got "must not be blank" among Chinese problems.
 */
@Configuration
class ChineseValidationMessages {

    static final Locale MESSAGES = Locale.SIMPLIFIED_CHINESE;

    @Bean
    ValidationConfigurationCustomizer chineseMessages() {
        return configuration -> configuration.messageInterpolator(
                new FixedLocale(configuration.getDefaultMessageInterpolator()));
    }

    /** Ignores the locale it is handed: the one of the request. */
    private record FixedLocale(MessageInterpolator target) implements MessageInterpolator {

        @Override
        public String interpolate(String template, Context context) {
            return target.interpolate(template, context, MESSAGES);
        }

        @Override
        public String interpolate(String template, Context context, Locale ignored) {
            return target.interpolate(template, context, MESSAGES);
        }
    }
}
