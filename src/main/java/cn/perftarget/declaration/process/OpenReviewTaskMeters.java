package cn.perftarget.declaration.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * {@code perftarget.review.tasks.open{step}}: the engine's open review tasks per step (dept, finance, expert). One
 * count query per step, at most every few seconds however often Prometheus scrapes.
 */
@Component
class OpenReviewTaskMeters implements MeterBinder {

    private static final Duration FRESH = Duration.ofSeconds(10);
    private static final Map<String, String> STEPS = Map.of(
            DeclarationApprovalProcess.TASK_DEPT_REVIEW, "dept",
            DeclarationApprovalProcess.TASK_FINANCE_REVIEW, "finance",
            DeclarationApprovalProcess.TASK_EXPERT_REVIEW, "expert");

    private final TaskService tasks;
    private volatile Map<String, Long> counts = Map.of();
    private volatile Instant countedAt = Instant.MIN;

    OpenReviewTaskMeters(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        STEPS.forEach((task, step) -> Gauge
                .builder("perftarget.review.tasks.open", () -> counts().getOrDefault(task, 0L))
                .tag("step", step)
                .description("Open review tasks in the approval process, by review step")
                .register(registry));
    }

    private Map<String, Long> counts() {
        Instant now = Instant.now();
        if (countedAt.plus(FRESH).isBefore(now)) {
            Map<String, Long> fresh = new TreeMap<>();
            STEPS.keySet().forEach(task -> fresh.put(task, tasks.createTaskQuery()
                    .processDefinitionKey(DeclarationApprovalProcess.KEY).taskDefinitionKey(task).count()));
            counts = fresh;
            countedAt = now;
        }
        return counts;
    }
}
