package vn.inspection.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.period.PeriodKind;

class PeriodChoiceTest {

    @Test
    void theLatestCompleteHalfYearIsComparedWithTheSameHalfOfTheYearBefore() {
        PeriodChoice rule = new PeriodChoice.Latest(PeriodKind.HALF, PeriodChoice.CompareWith.SAME_PERIOD_LAST_YEAR);
        assertThat(rule.resolve(LocalDate.of(2014, 7, 1))).isEqualTo(new PeriodChoice.Pair(Period.parse("2013-H1"), Period.parse("2014-H1")));
        assertThat(rule.resolve(LocalDate.of(2014, 6, 30))).isEqualTo(new PeriodChoice.Pair(Period.parse("2012-H2"), Period.parse("2013-H2")));
        assertThat(rule.resolve(LocalDate.of(2014, 12, 31))).isEqualTo(new PeriodChoice.Pair(Period.parse("2013-H1"), Period.parse("2014-H1")));
    }

    @Test
    void theLatestCompleteYearOrQuarterCanBeComparedWithThePeriodBefore() {
        assertThat(new PeriodChoice.Latest(PeriodKind.YEAR, PeriodChoice.CompareWith.SAME_PERIOD_LAST_YEAR).resolve(LocalDate.of(2015, 1, 1)))
                .isEqualTo(new PeriodChoice.Pair(Period.parse("2013"), Period.parse("2014")));
        assertThat(new PeriodChoice.Latest(PeriodKind.HALF, PeriodChoice.CompareWith.PREVIOUS_PERIOD).resolve(LocalDate.of(2014, 7, 1)))
                .isEqualTo(new PeriodChoice.Pair(Period.parse("2013-H2"), Period.parse("2014-H1")));
        assertThat(new PeriodChoice.Latest(PeriodKind.QUARTER, PeriodChoice.CompareWith.PREVIOUS_PERIOD).resolve(LocalDate.of(2014, 1, 5)))
                .isEqualTo(new PeriodChoice.Pair(Period.parse("2013-Q3"), Period.parse("2013-Q4")));
    }

    @Test
    void fixedPeriodsDoNotDependOnTheDay() {
        PeriodChoice fixed = new PeriodChoice.Fixed(Period.parse("2013-H1"), Period.parse("2014-H1"));
        assertThat(fixed.resolve(LocalDate.of(2030, 1, 1))).isEqualTo(new PeriodChoice.Pair(Period.parse("2013-H1"), Period.parse("2014-H1")));
    }
}
