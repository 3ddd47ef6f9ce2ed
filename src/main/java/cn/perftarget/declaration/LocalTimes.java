package cn.perftarget.declaration;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;

/**
 * How an instant is written for people: in the round's zone (Asia/Shanghai unless configured), never as the UTC
 * of {@code Instant.toString()}. Notes and messages read 2019-12-01 00:00; files that programs read again (CSV)
 * carry the offset, 2019-12-01T00:00:00+08:00.
 */
@Component
public class LocalTimes {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    LocalTimes(DeadlineProperties properties) {
        this.zone = properties.zone();
    }

    /** For a sentence: 2019-12-01 00:00. */
    public String minutes(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(zone));
    }

    /** For a file: ISO 8601 to the second with the zone's offset, 2026-12-05T15:41:31+08:00. */
    public String withOffset(Instant instant) {
        return instant == null ? ""
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }
}
