package cn.perftarget.declaration;

import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines of the declaration round.
 *
 * @param zone       the time zone deadlines are days in
 * @param submission when declarations of a budget year are due
 * @param review     how long each review step may take, and who hears about it when it takes longer
 */
@ConfigurationProperties(prefix = "perftarget.deadlines")
public record DeadlineProperties(ZoneId zone, Submission submission, Review review) {

    public DeadlineProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        submission = submission == null ? new Submission(null, null, null) : submission;
        review = review == null ? new Review(null, null) : review;
    }

    /**
     * @param dueDay        month and day of the year before the budget year (budgets are prepared the year before),
     *                      e.g. {@code 11-30}
     * @param reminderBefore how long before the deadline filers are reminded
     * @param years         a deadline of its own for some budget years
     */
    public record Submission(String dueDay, Duration reminderBefore, Map<Integer, LocalDate> years) {

        public Submission {
            dueDay = dueDay == null ? "11-30" : dueDay;
            MonthDay.parse("--" + dueDay);
            reminderBefore = reminderBefore == null ? Duration.ofDays(7) : reminderBefore;
            years = years == null ? Map.of() : Map.copyOf(years);
        }

        LocalDate lastDay(int budgetYear) {
            var override = years.get(budgetYear);
            return override != null ? override : MonthDay.parse("--" + dueDay).atYear(budgetYear - 1);
        }
    }

    /**
     * @param sla             how long a review task may wait before it escalates
     * @param escalationGroup the candidate group an overdue review task is escalated to
     */
    public record Review(Duration sla, String escalationGroup) {

        public Review {
            sla = sla == null ? Duration.ofDays(5) : sla;
            escalationGroup = escalationGroup == null ? "review-supervisors" : escalationGroup;
        }
    }
}
