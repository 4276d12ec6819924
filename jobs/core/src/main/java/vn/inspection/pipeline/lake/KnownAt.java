package vn.inspection.pipeline.lake;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The instant of {@code --known-at}: figures as the lake knew them then (the versions current at that instant). A
 * date means the end of that day, an ISO date-time without an offset is local time, one with an offset or Z is
 * that instant.
 */
public final class KnownAt {
    private KnownAt() {
    }

    /**
     * @throws IllegalArgumentException with a one-line message saying what is accepted
     */
    public static Instant parse(String text, ZoneId zone) {
        String value = text.strip();
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value).plusDays(1).atStartOfDay(zone).toInstant().minus(1, ChronoUnit.MICROS);
            }
            if (value.matches(".*(Z|[+-]\\d{2}:?\\d{2})$")) {
                return OffsetDateTime.parse(value.replace(' ', 'T')).toInstant();
            }
            return LocalDateTime.parse(value.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--known-at '" + text + "' is not a date (2014-07-15: the end of that day) nor an ISO date-time "
                    + "(2014-07-15T09:30, or with an offset: 2014-07-15T09:30+07:00)");
        }
    }

    /** The instant as {@code yyyy-MM-dd HH:mm:ss.SSSSSS+00:00} (UTC), which DuckDB and Spark SQL both read in a timestamp literal. */
    public static String sqlText(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").format(instant.atOffset(java.time.ZoneOffset.UTC)) + "+00:00";
    }
}
