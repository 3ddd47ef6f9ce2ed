package cn.perftarget.lifecycle;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Trivial stand-ins for the beans the shipped models' expressions name, for the (a2) floor's configuration
 * {@code beans} map: they return the same kinds of values as the product's (a due date and a timer duration of the
 * review SLA, submission deadlines in the year before the budget year) so that the same timers are created, and do
 * nothing else. benchmarks/camunda-rest-peer has the same ones as Spring beans.
 */
final class ModelBeans {

    private ModelBeans() {
    }

    static Map<Object, Object> all() {
        return Map.of("reviewSla", new ReviewSla(), "submissionDeadlines", new SubmissionDeadlines(),
                "engineClock", new EngineClock(), "deadlineEvents", new Ignored(), "reviewEscalation", new Ignored());
    }

    public static final class ReviewSla {
        public Date dueDate() {
            return Date.from(ClockUtil.getCurrentTime().toInstant().plus(5, ChronoUnit.DAYS));
        }

        public String duration() {
            return "PT120H";
        }
    }

    public static final class SubmissionDeadlines {
        public Date deadlineAt(int year) {
            return Date.from(LocalDate.of(year - 1, 11, 1).atStartOfDay(ZoneOffset.ofHours(8)).toInstant());
        }

        public Date reminderAt(int year) {
            return Date.from(deadlineAt(year).toInstant().minus(7, ChronoUnit.DAYS));
        }
    }

    public static final class EngineClock {
        public boolean isAhead(Date when) {
            return when.after(ClockUtil.getCurrentTime());
        }
    }

    /** The timer-driven steps (reminder, overdue, escalation) never fire within a benchmark run. */
    public static final class Ignored {
        public void reminded(Object declarationId) {
        }

        public void overdue(Object declarationId) {
        }

        public void escalate(Object declarationId, String step) {
        }
    }
}
