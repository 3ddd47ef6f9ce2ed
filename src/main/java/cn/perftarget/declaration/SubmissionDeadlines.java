package cn.perftarget.declaration;

import java.time.Instant;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * When a budget year's declarations are due: the end of the configured last day, in the configured zone. The
 * approval process reads its timers from here ({@code ${submissionDeadlines.deadlineAt(year)}}).
 */
@Component("submissionDeadlines")
public class SubmissionDeadlines {

    private final DeadlineProperties properties;

    SubmissionDeadlines(DeadlineProperties properties) {
        this.properties = properties;
    }

    public Instant deadline(int budgetYear) {
        return properties.submission().lastDay(budgetYear).plusDays(1).atStartOfDay(properties.zone()).toInstant();
    }

    public Date deadlineAt(int budgetYear) {
        return Date.from(deadline(budgetYear));
    }

    public Date reminderAt(int budgetYear) {
        return Date.from(deadline(budgetYear).minus(properties.submission().reminderBefore()));
    }
}
