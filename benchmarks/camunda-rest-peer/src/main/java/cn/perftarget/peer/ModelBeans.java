package cn.perftarget.peer;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Trivial stand-ins for the beans the models' expressions name (reviewSla, submissionDeadlines, engineClock,
 * deadlineEvents, reviewEscalation): they return the same kinds of values as the product's (a due date and a timer
 * duration, deadlines in the budget year's past year) so that the same timers are created, and do nothing else.
 */
@Configuration
public class ModelBeans {

    @Bean
    public ReviewSla reviewSla() {
        return new ReviewSla();
    }

    @Bean
    public SubmissionDeadlines submissionDeadlines() {
        return new SubmissionDeadlines();
    }

    @Bean
    public EngineClock engineClock() {
        return new EngineClock();
    }

    @Bean
    public Ignored deadlineEvents() {
        return new Ignored();
    }

    @Bean
    public Ignored reviewEscalation() {
        return new Ignored();
    }

    public static class ReviewSla {
        public Date dueDate() {
            return Date.from(ClockUtil.getCurrentTime().toInstant().plus(5, ChronoUnit.DAYS));
        }

        public String duration() {
            return "PT120H";
        }
    }

    public static class SubmissionDeadlines {
        public Date deadlineAt(int year) {
            return Date.from(LocalDate.of(year - 1, 11, 1).atStartOfDay(ZoneOffset.ofHours(8)).toInstant());
        }

        public Date reminderAt(int year) {
            return Date.from(deadlineAt(year).toInstant().minus(7, ChronoUnit.DAYS));
        }
    }

    public static class EngineClock {
        public boolean isAhead(Date when) {
            return when.after(ClockUtil.getCurrentTime());
        }
    }

    /** Timer-driven steps (reminder, overdue, escalation) never fire within a benchmark run. */
    public static class Ignored {
        public void reminded(Object declarationId) {
        }

        public void overdue(Object declarationId) {
        }

        public void escalate(Object declarationId, String step) {
        }
    }
}
