package cn.perftarget.declaration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * {@code perftarget.declarations{status}} and {@code perftarget.declarations.overdue} (past their budget year's
 * submission deadline and never submitted). Two grouped count queries, at most every few seconds however often
 * Prometheus scrapes.
 */
@Component
class DeclarationMeters implements MeterBinder {

    private static final Duration FRESH = Duration.ofSeconds(10);

    private final Declarations declarations;
    private final SubmissionDeadlines deadlines;
    private final Clock clock;
    private volatile Counts counts = new Counts(Map.of(), 0);
    private volatile Instant countedAt = Instant.MIN;

    DeclarationMeters(Declarations declarations, SubmissionDeadlines deadlines, Clock clock) {
        this.declarations = declarations;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    private record Counts(Map<DeclarationStatus, Long> byStatus, long overdue) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (DeclarationStatus status : DeclarationStatus.values()) {
            Gauge.builder("perftarget.declarations", () -> counts().byStatus().getOrDefault(status, 0L))
                    .tag("status", status.name())
                    .description("Declarations by status")
                    .register(registry);
        }
        Gauge.builder("perftarget.declarations.overdue", () -> counts().overdue())
                .description("Declarations past their submission deadline and never submitted")
                .register(registry);
    }

    private Counts counts() {
        Instant now = Instant.now();
        if (countedAt.plus(FRESH).isBefore(now)) {
            counts = count();
            countedAt = now;
        }
        return counts;
    }

    private Counts count() {
        Map<DeclarationStatus, Long> byStatus = new EnumMap<>(DeclarationStatus.class);
        for (Object[] row : declarations.countByStatus()) {
            byStatus.put((DeclarationStatus) row[0], ((Number) row[1]).longValue());
        }
        Instant now = clock.instant();
        long overdue = 0;
        for (Object[] row : declarations.countUnsubmittedByYear()) {
            if (now.isAfter(deadlines.deadline(((Number) row[0]).intValue()))) {
                overdue += ((Number) row[1]).longValue();
            }
        }
        return new Counts(byStatus, overdue);
    }
}
