package cn.perftarget.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * {@code perftarget.review.tasks.open{step}}: the engine's open review tasks per review step, tagged with the step's
 * status code as the models define it ({@code DEPT_REVIEW}, …). A step of a newly deployed model gets its gauge at
 * the next count. One count query per step, at most every few seconds however often Prometheus scrapes.
 */
@Component
class OpenReviewTaskMeters implements MeterBinder {

    private static final Duration FRESH = Duration.ofSeconds(10);

    private final TaskService tasks;
    private final EngineStepCatalog catalog;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile MeterRegistry registry;
    private volatile Map<String, Long> counts = Map.of();
    private volatile Instant countedAt = Instant.MIN;

    OpenReviewTaskMeters(TaskService tasks, EngineStepCatalog catalog) {
        this.tasks = tasks;
        this.catalog = catalog;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("perftarget.review.tasks.open.steps", () -> counts().size())
                .description("Review steps of the deployed process models")
                .register(registry);
    }

    /** Every step of the deployed models has its gauge from the start, even with no task open. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void registerSteps() {
        countedAt = Instant.MIN;
        catalog.steps().forEach(step -> gaugeOf(step.status().code()));
    }

    private void gaugeOf(String status) {
        if (registry != null && registered.add(status)) {
            Gauge.builder("perftarget.review.tasks.open", () -> counts().getOrDefault(status, 0L))
                    .tag("step", status)
                    .description("Open review tasks in the approval processes, by review step")
                    .register(registry);
        }
    }

    private Map<String, Long> counts() {
        Instant now = Instant.now();
        if (countedAt.plus(FRESH).isBefore(now)) {
            Map<String, Long> fresh = new TreeMap<>();
            for (var step : catalog.steps()) {
                fresh.merge(step.status().code(), tasks.createTaskQuery().processDefinitionKey(step.processKey())
                        .taskDefinitionKey(step.taskId()).count(), Long::sum);
            }
            counts = fresh;
            countedAt = now;
            fresh.keySet().forEach(this::gaugeOf);
        }
        return counts;
    }
}
