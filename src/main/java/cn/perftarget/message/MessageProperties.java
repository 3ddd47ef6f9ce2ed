package cn.perftarget.message;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code perftarget.messages.*}. The SMTP server itself is Spring's standard {@code spring.mail.*}.
 *
 * @param email the second channel: off unless {@code enabled}; the sender polls every {@code poll-interval}, claims
 *              up to {@code batch-size} due emails for {@code claim-for} (a node that dies mid-send frees them then),
 *              and retries a failure after {@code backoff} × 2^(attempts − 1) until {@code max-attempts}, then FAILED
 */
@ConfigurationProperties("perftarget.messages")
public record MessageProperties(@DefaultValue Email email) {

    public record Email(@DefaultValue("false") boolean enabled,
                        @DefaultValue("perftarget@localhost") String from,
                        @DefaultValue("") String baseUrl,
                        @DefaultValue("5") int maxAttempts,
                        @DefaultValue("PT1M") Duration backoff,
                        @DefaultValue("PT10S") Duration pollInterval,
                        @DefaultValue("PT2M") Duration claimFor,
                        @DefaultValue("20") int batchSize) {

        public Email {
            if (maxAttempts < 1 || batchSize < 1) {
                throw new IllegalArgumentException("perftarget.messages.email.max-attempts 和 batch-size 至少为 1");
            }
            if (backoff.isNegative() || claimFor.isNegative() || claimFor.isZero() || pollInterval.isNegative()
                    || pollInterval.isZero()) {
                throw new IllegalArgumentException("perftarget.messages.email 的 backoff、claim-for、poll-interval 须为正数");
            }
        }

        /** How long to wait before attempt number {@code attempts + 1}, after {@code attempts} failed. */
        Duration delayAfter(int attempts) {
            return backoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
        }
    }
}
