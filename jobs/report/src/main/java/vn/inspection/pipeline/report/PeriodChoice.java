package vn.inspection.pipeline.report;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.period.PeriodKind;

/**
 * Which two periods a report compares: two fixed periods ({@code ["2013-H1", "2014-H1"]}) or a rule resolved on
 * the day the report is made ({@code {"latest_complete": "half-year", "compare_with": "same period last year"}}).
 * Period A is the earlier one, B the one reported on.
 */
public sealed interface PeriodChoice {

    /** Periods A and B for a report made on {@code asOf}. */
    Pair resolve(LocalDate asOf);

    /** Period A (compared with) and B (reported on). */
    record Pair(Period a, Period b) {
        public Pair {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
        }
    }

    /** The same two periods whatever the day. */
    record Fixed(Period a, Period b) implements PeriodChoice {
        public Fixed {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
        }

        @Override
        public Pair resolve(LocalDate asOf) {
            return new Pair(a, b);
        }
    }

    /** What period B is compared with under a {@link Latest} rule. */
    enum CompareWith {
        /** The same period one year earlier ("cùng kỳ"): 2014-H1 with 2013-H1. */
        SAME_PERIOD_LAST_YEAR("same period last year"),
        /** The period just before: 2014-H1 with 2013-H2. */
        PREVIOUS_PERIOD("previous period");

        private final String text;

        CompareWith(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        static CompareWith parse(String text) {
            String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            for (CompareWith value : values()) {
                if (value.text.equals(wanted)) {
                    return value;
                }
            }
            throw new IllegalArgumentException("compare_with '" + text + "' is not one of: 'same period last year', 'previous period'");
        }
    }

    /**
     * The latest period of a kind that ended before the day the report is made (on 1 July 2014 the latest complete
     * half-year is 2014-H1; on 30 June 2014 it is 2013-H2), compared with the same period a year before or with the
     * period before it.
     */
    record Latest(PeriodKind kind, CompareWith compareWith) implements PeriodChoice {
        public Latest {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(compareWith, "compareWith");
            // the same kinds a report can be due after
            new Due(kind, 0);
        }

        @Override
        public Pair resolve(LocalDate asOf) {
            Period b = new Due(kind, 0).latest(asOf).period();
            Period a = compareWith == CompareWith.SAME_PERIOD_LAST_YEAR ? b.previousYear()
                    : new Due(kind, 0).containing(b.from().minusDays(1));
            return new Pair(a, b);
        }

        /** Reads a period kind as a spec writes it: month, quarter, half-year, year. */
        static PeriodKind kind(String text) {
            return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
                case "month" -> PeriodKind.MONTH;
                case "quarter" -> PeriodKind.QUARTER;
                case "half-year" -> PeriodKind.HALF;
                case "year" -> PeriodKind.YEAR;
                default -> throw new IllegalArgumentException("'" + text + "' is not one of: month, quarter, half-year, year");
            };
        }
    }
}
