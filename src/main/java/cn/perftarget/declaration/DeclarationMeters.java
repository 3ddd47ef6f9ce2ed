package cn.perftarget.declaration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final ReviewStepCatalog catalog;
    private volatile Counts counts = new Counts(Map.of(), 0);
    private volatile Instant countedAt = Instant.MIN;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile MeterRegistry registry;

    DeclarationMeters(Declarations declarations, SubmissionDeadlines deadlines, Clock clock, ReviewStepCatalog catalog) {
        this.catalog = catalog;
        this.declarations = declarations;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    private record Counts(Map<String, Long> byStatus, long overdue) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (var status : List.of(DeclarationStatus.DRAFT, DeclarationStatus.RETURNED, DeclarationStatus.APPROVED,
                DeclarationStatus.REJECTED)) {
            gaugeOf(status.code());
        }
        Gauge.builder("perftarget.declarations.overdue", () -> counts().overdue())
                .description("Declarations past their submission deadline and never submitted")
                .register(registry);
    }

    /** Every review step of the deployed models has its gauge from the start, even with no declaration in it. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void registerSteps() {
        catalog.steps().forEach(step -> gaugeOf(step.status().code()));
    }

    // Review statuses come from the process models, so each gets its gauge when a declaration first has it.
    private void gaugeOf(String code) {
        if (registry != null && registered.add(code)) {
            Gauge.builder("perftarget.declarations", () -> counts().byStatus().getOrDefault(code, 0L))
                    .tag("status", code)
                    .description("Declarations by status")
                    .register(registry);
        }
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
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (Object[] row : declarations.countByStatus()) {
            String code = ((DeclarationStatus) row[0]).code();
            byStatus.put(code, ((Number) row[1]).longValue());
            gaugeOf(code);
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
