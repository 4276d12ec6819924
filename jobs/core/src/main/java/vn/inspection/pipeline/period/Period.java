package vn.inspection.pipeline.period;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.inspection.pipeline.text.Language;

/**
 * A reporting period: a closed range of days, {@code from} to {@code to} both inclusive, of one
 * {@link PeriodKind}, with its canonical text {@code id}.
 *
 * <p>The text forms, as {@link #parse(String)} reads them and {@link #id()} writes them:
 * <pre>
 *   2014                      YEAR     2014-01-01 to 2014-12-31
 *   2014-H1, 2014-H2          HALF     2014-01-01 to 2014-06-30, 2014-07-01 to 2014-12-31
 *   2014-Q1 .. 2014-Q4        QUARTER  2014-07-01 to 2014-09-30 for 2014-Q3
 *   2014-03                   MONTH    2014-03-01 to 2014-03-31
 *   2010..2015                TERM     2010-01-01 to 2015-12-31 (whole years)
 *   2014-01-15..2014-06-30    RANGE    2014-01-15 to 2014-06-30
 * </pre>
 * Years run from {@value #MIN_YEAR} to {@value #MAX_YEAR}. {@code Period.parse(p.id())} equals {@code p}
 * for every period, and two periods are equal when their kind and days are: a one-year term
 * {@code 2014..2014} covers the same days as the year {@code 2014} but is not equal to it.
 *
 * <p>Every instance is valid: the factories and the canonical constructor reject dates that do not
 * have the shape of their kind (a HALF must be January–June or July–December) and an id that is not
 * the canonical text of the dates, with a {@link PeriodException} that says what was wrong.
 */
public record Period(PeriodKind kind, LocalDate from, LocalDate to, String id) {

    /** The first year a period may touch. */
    public static final int MIN_YEAR = 1930;
    /** The last year a period may touch. */
    public static final int MAX_YEAR = 2100;

    private static final String EXPECTED =
            "expected 2014, 2014-H1, 2014-Q3, 2014-03, 2010..2015 or 2014-01-15..2014-06-30";
    private static final String YEAR_RANGE = "year must be " + MIN_YEAR + " to " + MAX_YEAR;

    private static final Pattern YEAR_TEXT = Pattern.compile("(\\d{4})");
    private static final Pattern HALF_TEXT = Pattern.compile("(\\d{4})-H(\\d+)");
    private static final Pattern QUARTER_TEXT = Pattern.compile("(\\d{4})-Q(\\d+)");
    private static final Pattern MONTH_TEXT = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern TERM_TEXT = Pattern.compile("(\\d{4})\\.\\.(\\d{4})");
    private static final Pattern RANGE_TEXT =
            Pattern.compile("((\\d{4})-(\\d{2})-(\\d{2}))\\.\\.((\\d{4})-(\\d{2})-(\\d{2}))");

    private static final String[] ROMAN_QUARTERS = {"I", "II", "III", "IV"};
    private static final String[] ENGLISH_MONTHS = {"January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December"};
    private static final String[] ENGLISH_SHORT_MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT);
    private static final String EN_DASH = "\u2013";

    /**
     * Checks that the dates have the shape of the kind, lie in the supported years, and that the id is
     * their canonical text; prefer {@link #parse(String)} and the named factories.
     *
     * @throws PeriodException when they do not
     */
    public Period {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(id, "id");
        String failure = "Cannot make period " + kind + " " + from + " to " + to;
        check(from.getYear() >= MIN_YEAR && to.getYear() <= MAX_YEAR, failure, YEAR_RANGE);
        check(!to.isBefore(from), failure, "it ends before it starts");
        String canonical = canonicalId(kind, from, to);
        check(canonical != null, failure, "the dates are not a whole " + kind.name().toLowerCase(Locale.ROOT));
        check(canonical.equals(id), failure, "its id is '" + canonical + "', not '" + id + "'");
    }

    /**
     * Reads a period from its text form (see the class description), ignoring surrounding spaces and
     * nothing else: {@code 2014-h1}, {@code 2014-3} and {@code 2010 .. 2015} are rejected.
     *
     * @throws PeriodException naming the text and what was wrong with it, as in
     *         "Cannot parse period '2014-Q5': quarter must be 1 to 4"
     */
    public static Period parse(String text) {
        Objects.requireNonNull(text, "period text");
        String failure = "Cannot parse period '" + text + "'";
        String trimmed = trimSpaces(text);
        Matcher m;
        if ((m = YEAR_TEXT.matcher(trimmed)).matches()) {
            return year(Integer.parseInt(m.group(1)), failure);
        }
        if ((m = HALF_TEXT.matcher(trimmed)).matches()) {
            check(m.group(2).length() == 1, failure, "half must be 1 or 2");
            return half(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), failure);
        }
        if ((m = QUARTER_TEXT.matcher(trimmed)).matches()) {
            check(m.group(2).length() == 1, failure, "quarter must be 1 to 4");
            return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), failure);
        }
        if ((m = MONTH_TEXT.matcher(trimmed)).matches()) {
            check(m.group(2).length() == 2, failure, "month must have two digits, as in 2014-03");
            return month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), failure);
        }
        if ((m = TERM_TEXT.matcher(trimmed)).matches()) {
            return term(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), failure);
        }
        if ((m = RANGE_TEXT.matcher(trimmed)).matches()) {
            LocalDate from = date(m.group(1), m.group(2), m.group(3), m.group(4), failure);
            LocalDate to = date(m.group(5), m.group(6), m.group(7), m.group(8), failure);
            return range(from, to, failure);
        }
        throw new PeriodException(failure + ": " + EXPECTED);
    }

    /** The calendar year, {@code 2014}. */
    public static Period year(int year) {
        return year(year, "Cannot make period " + year);
    }

    /** The first ({@code half} 1) or second (2) half of a year, {@code 2014-H1}. */
    public static Period half(int year, int half) {
        return half(year, half, "Cannot make period " + year + "-H" + half);
    }

    /** A quarter, 1 to 4, of a year, {@code 2014-Q3}. */
    public static Period quarter(int year, int quarter) {
        return quarter(year, quarter, "Cannot make period " + year + "-Q" + quarter);
    }

    /** A month, 1 to 12, of a year, {@code 2014-03}. */
    public static Period month(int year, int month) {
        return month(year, month, "Cannot make period " + year + "-" + month);
    }

    /** A term of whole years, both inclusive, {@code 2010..2015}. */
    public static Period term(int fromYear, int toYear) {
        return term(fromYear, toYear, "Cannot make period " + fromYear + ".." + toYear);
    }

    /** Any range of days, both inclusive, {@code 2014-01-15..2014-06-30}. */
    public static Period range(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return range(from, to, "Cannot make period " + from + ".." + to);
    }

    /**
     * Every standard period of the years {@code fromYear} to {@code toYear} inclusive: first the years,
     * then the halves, the quarters and the months, each group in chronological order; 19 periods a
     * year. This is the set the warehouse precomputes metrics for.
     *
     * @throws PeriodException when a year is unsupported or {@code toYear} comes before {@code fromYear}
     */
    public static List<Period> standardPeriods(int fromYear, int toYear) {
        String failure = "Cannot list standard periods of " + fromYear + " to " + toYear;
        checkYear(fromYear, failure);
        checkYear(toYear, failure);
        check(fromYear <= toYear, failure, "the range ends before it starts");
        List<Period> periods = new ArrayList<>(19 * (toYear - fromYear + 1));
        for (int year = fromYear; year <= toYear; year++) {
            periods.add(year(year, failure));
        }
        for (int year = fromYear; year <= toYear; year++) {
            for (int half = 1; half <= 2; half++) {
                periods.add(half(year, half, failure));
            }
        }
        for (int year = fromYear; year <= toYear; year++) {
            for (int quarter = 1; quarter <= 4; quarter++) {
                periods.add(quarter(year, quarter, failure));
            }
        }
        for (int year = fromYear; year <= toYear; year++) {
            for (int month = 1; month <= 12; month++) {
                periods.add(month(year, month, failure));
            }
        }
        return List.copyOf(periods);
    }

    /** Whether the day falls in this period, both ends included. */
    public boolean contains(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /**
     * The period's name for a report, in Vietnamese ("6 tháng đầu năm 2014", "Quý III/2014",
     * "Nhiệm kỳ 2010–2015") or English ("First half of 2014", "Q3 2014", "Term 2010–2015").
     */
    public String label(Language language) {
        Objects.requireNonNull(language, "language");
        return language == Language.EN ? englishLabel() : vietnameseLabel();
    }

    /**
     * "Cùng kỳ": the period a report compares this one with, the same span one year earlier.
     * A year, half, quarter or month gives the same one of the year before ({@code 2014-H1} →
     * {@code 2013-H1}). A range moves both ends back a year, and 29 February becomes 28 February
     * ({@code 2016-02-29..2016-03-31} → {@code 2015-02-28..2015-03-31}).
     *
     * <p>A term is the exception: the same years one year earlier would overlap it almost wholly and
     * compare nothing, so a term gives the term before it, of the same length and ending the year
     * before it starts ({@code 2010..2015} → {@code 2004..2009}).
     *
     * @throws PeriodException when that period would start before {@value #MIN_YEAR}
     */
    public Period previousYear() {
        String failure = "Cannot take the period a year before " + id;
        int year = from.getYear() - 1;
        return switch (kind) {
            case YEAR -> year(year, failure);
            case HALF -> half(year, halfOfYear(), failure);
            case QUARTER -> quarter(year, quarterOfYear(), failure);
            case MONTH -> month(year, from.getMonthValue(), failure);
            case TERM -> {
                int years = to.getYear() - from.getYear() + 1;
                yield term(from.getYear() - years, to.getYear() - years, failure);
            }
            case RANGE -> range(from.minusYears(1), to.minusYears(1), failure);
        };
    }

    /** The canonical text, the same as {@link #id()}. */
    @Override
    public String toString() {
        return id;
    }

    private String vietnameseLabel() {
        return switch (kind) {
            case YEAR -> "Năm " + from.getYear();
            case HALF -> (halfOfYear() == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + from.getYear();
            case QUARTER -> "Quý " + ROMAN_QUARTERS[quarterOfYear() - 1] + "/" + from.getYear();
            case MONTH -> "Tháng " + from.getMonthValue() + "/" + from.getYear();
            case TERM -> "Nhiệm kỳ " + from.getYear() + EN_DASH + to.getYear();
            case RANGE -> "Từ " + VIETNAMESE_DATE.format(from) + " đến " + VIETNAMESE_DATE.format(to);
        };
    }

    private String englishLabel() {
        return switch (kind) {
            case YEAR -> "Year " + from.getYear();
            case HALF -> (halfOfYear() == 1 ? "First half of " : "Second half of ") + from.getYear();
            case QUARTER -> "Q" + quarterOfYear() + " " + from.getYear();
            case MONTH -> ENGLISH_MONTHS[from.getMonthValue() - 1] + " " + from.getYear();
            case TERM -> "Term " + from.getYear() + EN_DASH + to.getYear();
            case RANGE -> englishDate(from) + " to " + englishDate(to);
        };
    }

    private static String englishDate(LocalDate date) {
        return date.getDayOfMonth() + " " + ENGLISH_SHORT_MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
    }

    private int halfOfYear() {
        return from.getMonthValue() <= 6 ? 1 : 2;
    }

    private int quarterOfYear() {
        return (from.getMonthValue() + 2) / 3;
    }

    private static Period year(int year, String failure) {
        checkYear(year, failure);
        return of(PeriodKind.YEAR, LocalDate.of(year, 1, 1), 12);
    }

    private static Period half(int year, int half, String failure) {
        checkYear(year, failure);
        check(half == 1 || half == 2, failure, "half must be 1 or 2");
        return of(PeriodKind.HALF, LocalDate.of(year, half == 1 ? 1 : 7, 1), 6);
    }

    private static Period quarter(int year, int quarter, String failure) {
        checkYear(year, failure);
        check(quarter >= 1 && quarter <= 4, failure, "quarter must be 1 to 4");
        return of(PeriodKind.QUARTER, LocalDate.of(year, 3 * quarter - 2, 1), 3);
    }

    private static Period month(int year, int month, String failure) {
        checkYear(year, failure);
        check(month >= 1 && month <= 12, failure, "month must be 1 to 12");
        return of(PeriodKind.MONTH, LocalDate.of(year, month, 1), 1);
    }

    private static Period term(int fromYear, int toYear, String failure) {
        checkYear(fromYear, failure);
        checkYear(toYear, failure);
        check(fromYear <= toYear, failure, "the term ends before it starts");
        LocalDate from = LocalDate.of(fromYear, 1, 1);
        LocalDate to = LocalDate.of(toYear, 12, 31);
        return new Period(PeriodKind.TERM, from, to, canonicalId(PeriodKind.TERM, from, to));
    }

    private static Period range(LocalDate from, LocalDate to, String failure) {
        checkYear(from.getYear(), failure);
        checkYear(to.getYear(), failure);
        check(!to.isBefore(from), failure, "the range ends before it starts");
        return new Period(PeriodKind.RANGE, from, to, canonicalId(PeriodKind.RANGE, from, to));
    }

    /** A period of whole months starting on the first of a month. */
    private static Period of(PeriodKind kind, LocalDate from, int months) {
        LocalDate to = from.plusMonths(months).minusDays(1);
        return new Period(kind, from, to, canonicalId(kind, from, to));
    }

    /** The canonical text of these dates as this kind, or null when they do not have its shape. */
    private static String canonicalId(PeriodKind kind, LocalDate from, LocalDate to) {
        int year = from.getYear();
        int month = from.getMonthValue();
        boolean startsAMonth = from.getDayOfMonth() == 1;
        return switch (kind) {
            case YEAR -> startsAMonth && month == 1 && spansMonths(from, to, 12)
                    ? String.valueOf(year) : null;
            case HALF -> startsAMonth && (month == 1 || month == 7) && spansMonths(from, to, 6)
                    ? year + "-H" + (month == 1 ? 1 : 2) : null;
            case QUARTER -> startsAMonth && month % 3 == 1 && spansMonths(from, to, 3)
                    ? year + "-Q" + (month + 2) / 3 : null;
            case MONTH -> startsAMonth && spansMonths(from, to, 1)
                    ? String.format(Locale.ROOT, "%d-%02d", year, month) : null;
            case TERM -> startsAMonth && month == 1 && to.getMonthValue() == 12 && to.getDayOfMonth() == 31
                    ? year + ".." + to.getYear() : null;
            case RANGE -> from + ".." + to;
        };
    }

    private static boolean spansMonths(LocalDate from, LocalDate to, int months) {
        return to.equals(from.plusMonths(months).minusDays(1));
    }

    private static LocalDate date(String text, String year, String month, String day, String failure) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw new PeriodException(failure + ": " + text + " is not a date");
        }
    }

    private static void checkYear(int year, String failure) {
        check(year >= MIN_YEAR && year <= MAX_YEAR, failure, YEAR_RANGE);
    }

    private static void check(boolean ok, String failure, String reason) {
        if (!ok) {
            throw new PeriodException(failure + ": " + reason);
        }
    }

    private static String trimSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
