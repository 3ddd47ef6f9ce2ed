package cn.perftarget.packaged;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Makes a budget year's submission deadline fall at a chosen instant through the ordinary settings: the deadline is
 * the start of the day after the year's last day in {@code perftarget.deadlines.zone}, so a zone offset that puts
 * midnight at that instant, and the year's last day in {@code perftarget.deadlines.submission.years}, do it. The
 * reminder comes {@code reminder-before} earlier.
 */
record DeadlineClock(int year, Instant reminder, Instant deadline) {

    static DeadlineClock at(int year, Instant deadline, Duration reminderBefore) {
        Instant due = deadline.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new DeadlineClock(year, due.minus(reminderBefore), due);
    }

    List<String> arguments() {
        int secondOfDay = LocalDateTime.ofInstant(deadline, ZoneOffset.UTC).toLocalTime().toSecondOfDay();
        int offset = secondOfDay == 0 ? 0 : 86_400 - secondOfDay;
        if (offset > 18 * 3600) {
            offset -= 86_400;
        }
        var zone = ZoneOffset.ofTotalSeconds(offset);
        var lastDay = LocalDateTime.ofInstant(deadline, zone).toLocalDate().minusDays(1);
        return List.of("--perftarget.deadlines.zone=" + zone.getId(),
                "--perftarget.deadlines.submission.years." + year + "=" + lastDay,
                "--perftarget.deadlines.submission.reminder-before=" + Duration.between(reminder, deadline));
    }
}
