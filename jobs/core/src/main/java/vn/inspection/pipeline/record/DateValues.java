package vn.inspection.pipeline.record;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.inspection.pipeline.text.VietnameseText;

/**
 * Parses the dates offices write: ISO {@code yyyy-MM-dd} (what the readers give for date cells),
 * {@code dd/MM/yyyy}, {@code d/M/yyyy}, {@code dd-MM-yyyy}, {@code dd.MM.yyyy}, Excel serial numbers
 * (1900 date system) and "ngày 15 tháng 3 năm 2014". Day-first always: Vietnamese offices never write
 * month-first.
 */
public final class DateValues {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})\\s*[/.\\-]\\s*(\\d{1,2})\\s*[/.\\-]\\s*(\\d{4})(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?");
    private static final Pattern WORDS = Pattern.compile("(?:ngay\\s+)?(\\d{1,2})\\s+thang\\s+(\\d{1,2})\\s+nam\\s+(\\d{4})");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}(?:\\.\\d+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private DateValues() {
    }

    /** The result of parsing: a date, or the reason the text is not one. */
    public record Parsed(LocalDate date, String error) {
        static Parsed ok(LocalDate date) {
            return new Parsed(date, null);
        }

        static Parsed fail(String error) {
            return new Parsed(null, error);
        }

        public boolean ok() {
            return date != null;
        }
    }

    public static Parsed parse(String raw) {
        String text = VietnameseText.clean(raw);
        Matcher m = ISO.matcher(text);
        if (m.matches()) {
            return of(text, m.group(1), m.group(2), m.group(3));
        }
        m = DAY_FIRST.matcher(text);
        if (m.matches()) {
            return of(text, m.group(3), m.group(2), m.group(1));
        }
        m = WORDS.matcher(VietnameseText.matchKey(text));
        if (m.matches()) {
            return of(text, m.group(3), m.group(2), m.group(1));
        }
        if (SERIAL.matcher(text).matches()) {
            double serial = Double.parseDouble(text);
            // five digits: 10959 is 1930-01-01, 99999 is 2173; a bare year "2014" is not a serial.
            // 1 = 1900-01-01; Excel's fictitious 1900-02-29 (serial 60) shifts earlier serials by one,
            // which no register date reaches (anything before 1930 is rejected anyway).
            return Parsed.ok(EXCEL_EPOCH.plusDays((long) Math.floor(serial)));
        }
        return Parsed.fail("'" + text + "' is not a date (expected dd/MM/yyyy, yyyy-MM-dd, an Excel date or \"ngày d tháng M năm yyyy\")");
    }

    private static Parsed of(String text, String year, String month, String day) {
        try {
            return Parsed.ok(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Parsed.fail("'" + text + "' is not a date that exists (" + e.getMessage() + ")");
        }
    }

    /** Excel serial number of a date (for tests and generators). */
    public static long toExcelSerial(LocalDate date) {
        return java.time.temporal.ChronoUnit.DAYS.between(EXCEL_EPOCH, date);
    }

    static Optional<LocalDate> parseOptional(String raw) {
        Parsed parsed = parse(raw);
        return Optional.ofNullable(parsed.date());
    }
}
