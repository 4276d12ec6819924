package vn.inspection.pipeline.report;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.period.PeriodKind;
import vn.inspection.pipeline.text.Language;

/**
 * When a report is due: after each month, quarter, half-year or year, on the day after it ends or a number of
 * days later. Written in a report spec as {@code "after each half-year"} or {@code "10 days after each year"}.
 * The nightly job asks {@link #dueOn(LocalDate)} whether today is the day to render a report, and for which
 * period; {@link #latest(LocalDate)} and {@link #next(LocalDate)} tell the last and the coming due date.
 *
 * @param every     the period that ends before the report is due: MONTH, QUARTER, HALF or YEAR
 * @param daysAfter days between the day after the period ends and the due date (0: that day itself)
 */
public record Due(PeriodKind every, int daysAfter) {
    private static final Pattern TEXT = Pattern.compile("(?:(\\d{1,3})\\s+days?\\s+)?after\\s+each\\s+(month|quarter|half-year|year)");

    /** A due date with the period it reports on. */
    public record Occurrence(Period period, LocalDate date) {
    }

    public Due {
        Objects.requireNonNull(every, "every");
        if (every != PeriodKind.MONTH && every != PeriodKind.QUARTER && every != PeriodKind.HALF && every != PeriodKind.YEAR) {
            throw new IllegalArgumentException("a report is due after each month, quarter, half-year or year, not after each " + every);
        }
        if (daysAfter < 0 || daysAfter > 365) {
            throw new IllegalArgumentException("a report is due 0 to 365 days after its period, not " + daysAfter);
        }
    }

    /**
     * Reads {@code after each month|quarter|half-year|year}, optionally preceded by {@code N days}.
     *
     * @throws IllegalArgumentException saying what is accepted
     */
    public static Due parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read due '" + text
                    + "': expected 'after each month|quarter|half-year|year', optionally preceded by 'N days', e.g. '10 days after each half-year'");
        }
        int days = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        PeriodKind kind = switch (m.group(2)) {
            case "month" -> PeriodKind.MONTH;
            case "quarter" -> PeriodKind.QUARTER;
            case "half-year" -> PeriodKind.HALF;
            default -> PeriodKind.YEAR;
        };
        return new Due(kind, days);
    }

    /** The date a report on {@code period} is due. */
    public LocalDate dateFor(Period period) {
        return period.to().plusDays(1L + daysAfter);
    }

    /** The report due on {@code date}, if one is: the period it covers. */
    public Optional<Period> dueOn(LocalDate date) {
        Occurrence latest = latest(date);
        return latest.date().equals(date) ? Optional.of(latest.period()) : Optional.empty();
    }

    /** The last due date on or before {@code asOf}, with its period. */
    public Occurrence latest(LocalDate asOf) {
        // the last period that ended on or before this day is due by asOf
        LocalDate lastDay = asOf.minusDays(1L + daysAfter);
        Period period = containing(lastDay);
        if (period.to().isAfter(lastDay)) {
            period = containing(period.from().minusDays(1));
        }
        return new Occurrence(period, dateFor(period));
    }

    /** The first due date after {@code asOf}, with its period. */
    public Occurrence next(LocalDate asOf) {
        Period period = following(latest(asOf).period());
        return new Occurrence(period, dateFor(period));
    }

    /** The period of this kind that holds {@code day}. */
    Period containing(LocalDate day) {
        int year = day.getYear();
        int month = day.getMonthValue();
        return switch (every) {
            case MONTH -> Period.month(year, month);
            case QUARTER -> Period.quarter(year, (month + 2) / 3);
            case HALF -> Period.half(year, month <= 6 ? 1 : 2);
            default -> Period.year(year);
        };
    }

    private Period following(Period period) {
        return containing(period.to().plusDays(1));
    }

    /** "sau mỗi 6 tháng", "10 days after each year". */
    public String describe(Language language) {
        boolean vi = language == Language.VI;
        String unit = switch (every) {
            case MONTH -> vi ? "tháng" : "month";
            case QUARTER -> vi ? "quý" : "quarter";
            case HALF -> vi ? "6 tháng" : "half-year";
            default -> vi ? "năm" : "year";
        };
        if (vi) {
            return (daysAfter == 0 ? "ngay sau mỗi " : daysAfter + " ngày sau mỗi ") + unit;
        }
        return (daysAfter == 0 ? "" : daysAfter + (daysAfter == 1 ? " day " : " days ")) + "after each " + unit;
    }
}
