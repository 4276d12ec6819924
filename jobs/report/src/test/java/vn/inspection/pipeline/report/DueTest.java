package vn.inspection.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.period.PeriodKind;
import vn.inspection.pipeline.text.Language;

class DueTest {

    @Test
    void aHalfYearReportIsDueOnTheDayAfterTheHalfEnds() {
        Due due = Due.parse("after each half-year");
        assertThat(due).isEqualTo(new Due(PeriodKind.HALF, 0));
        assertThat(due.dueOn(LocalDate.of(2014, 7, 1))).contains(Period.parse("2014-H1"));
        assertThat(due.dueOn(LocalDate.of(2015, 1, 1))).contains(Period.parse("2014-H2"));
        assertThat(due.dueOn(LocalDate.of(2014, 7, 2))).isEmpty();
        assertThat(due.dueOn(LocalDate.of(2014, 6, 30))).isEmpty();
    }

    @Test
    void tellsTheLastAndTheNextDueDate() {
        Due due = Due.parse("after each half-year");
        assertThat(due.latest(LocalDate.of(2014, 6, 30))).isEqualTo(new Due.Occurrence(Period.parse("2013-H2"), LocalDate.of(2014, 1, 1)));
        assertThat(due.next(LocalDate.of(2014, 6, 30))).isEqualTo(new Due.Occurrence(Period.parse("2014-H1"), LocalDate.of(2014, 7, 1)));
        assertThat(due.latest(LocalDate.of(2014, 7, 1))).isEqualTo(new Due.Occurrence(Period.parse("2014-H1"), LocalDate.of(2014, 7, 1)));
        assertThat(due.next(LocalDate.of(2014, 7, 1))).isEqualTo(new Due.Occurrence(Period.parse("2014-H2"), LocalDate.of(2015, 1, 1)));
    }

    @Test
    void aReportDueSomeDaysAfterItsPeriodWaitsForThem() {
        Due due = Due.parse("10 days after each year");
        assertThat(due.dateFor(Period.parse("2014"))).isEqualTo(LocalDate.of(2015, 1, 11));
        assertThat(due.dueOn(LocalDate.of(2015, 1, 11))).contains(Period.parse("2014"));
        assertThat(due.dueOn(LocalDate.of(2015, 1, 1))).isEmpty();
        assertThat(due.latest(LocalDate.of(2015, 1, 10)).period()).isEqualTo(Period.parse("2013"));
        assertThat(due.describe(Language.VI)).isEqualTo("10 ngày sau mỗi năm");
        assertThat(due.describe(Language.EN)).isEqualTo("10 days after each year");
    }

    @Test
    void quarterlyAndMonthlyReportsFollowTheirPeriods() {
        assertThat(Due.parse("after each quarter").dueOn(LocalDate.of(2014, 10, 1))).contains(Period.parse("2014-Q3"));
        assertThat(Due.parse("1 day after each month").dueOn(LocalDate.of(2016, 3, 2))).contains(Period.parse("2016-02"));
        assertThat(Due.parse("  After Each Year ").every()).isEqualTo(PeriodKind.YEAR);
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThatThrownBy(() -> Due.parse("every half-year")).hasMessageContaining("cannot read due 'every half-year'")
                .hasMessageContaining("after each month|quarter|half-year|year");
        assertThatThrownBy(() -> Due.parse("after each term")).hasMessageContaining("cannot read due");
        assertThatThrownBy(() -> new Due(PeriodKind.TERM, 0)).hasMessageContaining("not after each TERM");
    }
}
