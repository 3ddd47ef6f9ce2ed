package cn.perftarget.web.api;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * {@code perftarget.submission{result}} and {@code perftarget.decision{outcome,result}}: how long a submission
 * (validation and the process step included) and a review decision take, timed around the service call. A refused
 * call (an exception the API turns into a 4xx) counts with {@code result=refused}.
 */
@Component
class BusinessTimers {

    static final String SUBMISSION = "perftarget.submission";
    static final String DECISION = "perftarget.decision";

    private final MeterRegistry registry;

    BusinessTimers(MeterRegistry registry) {
        this.registry = registry;
        // Registered up front so that a scrape shows them before the first submission or decision.
        for (String result : new String[] {"accepted", "invalid", "refused"}) {
            timer(SUBMISSION, "result", result);
        }
        for (String outcome : new String[] {"approve", "return", "reject"}) {
            timer(DECISION, "outcome", outcome, "result", "accepted");
        }
    }

    <T> T submission(Supplier<T> call, Function<T, Boolean> accepted) {
        long start = System.nanoTime();
        String result = "refused";
        try {
            T value = call.get();
            result = accepted.apply(value) ? "accepted" : "invalid";
            return value;
        } finally {
            timer(SUBMISSION, "result", result).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    <T> T decision(String outcome, Supplier<T> call) {
        long start = System.nanoTime();
        String result = "refused";
        try {
            T value = call.get();
            result = "accepted";
            return value;
        } finally {
            timer(DECISION, "outcome", outcome, "result", result)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(String name, String... tags) {
        return Timer.builder(name).tags(tags).register(registry);
    }
}
