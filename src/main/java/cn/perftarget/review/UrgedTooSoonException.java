package cn.perftarget.review;

import java.time.Duration;

/** A second 催办 of the same step on the same day (429); {@code retryAfter} is the time left until tomorrow. */
public class UrgedTooSoonException extends RuntimeException {

    private final transient Duration retryAfter;

    public UrgedTooSoonException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
