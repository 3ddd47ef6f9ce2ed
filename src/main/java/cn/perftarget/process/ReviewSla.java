package cn.perftarget.process;

import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import cn.perftarget.declaration.DeadlineProperties;

/**
 * The review SLA as the BPMN reads it: {@code camunda:dueDate="${reviewSla.dueDate()}"} on each review task and
 * {@code timeDuration="${reviewSla.duration()}"} on its escalation timer. "Now" is the engine's clock, so tests
 * can move time instead of waiting.
 */
@Component("reviewSla")
public class ReviewSla {

    private final DeadlineProperties properties;

    ReviewSla(DeadlineProperties properties) {
        this.properties = properties;
    }

    public Date dueDate() {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(properties.review().sla()));
    }

    public String duration() {
        return properties.review().sla().toString();
    }
}
