package vn.inspection.pipeline.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.inspection.pipeline.metrics.DateSpan;
import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.report.ReportSpec;
import vn.inspection.pipeline.schema.SchemaCatalog;

/** Which report is due on a night, with which periods, under which key and file name, and whether the data reaches it. */
class DueReportTest {
    static final Path SCHEMAS = Path.of("../../schemas");
    static final SchemaCatalog SCHEMA = SchemaCatalog.load(SCHEMAS);
    static final MetricCatalog METRICS = MetricCatalog.load(SCHEMAS, SCHEMA);
    static final ReportSpec HALF_YEAR = ReportSpec.named("half-year", SCHEMAS, SCHEMA, METRICS);
    static final ReportSpec YEAR_END = ReportSpec.named("year-end", SCHEMAS, SCHEMA, METRICS);

    @Test
    void theSecondOfJuly2014MakesTheFirstHalfOf2014AgainstTheFirstHalfOf2013Due() {
        DueReport due = DueReport.of(HALF_YEAR, LocalDate.of(2014, 7, 2)).orElseThrow();

        assertThat(due.dueOn()).isEqualTo(LocalDate.of(2014, 7, 1));
        assertThat(due.a().id()).isEqualTo("2013-H1");
        assertThat(due.b().id()).isEqualTo("2014-H1");
        assertThat(due.key()).isEqualTo("half-year/2014-H1-vs-2013-H1");
        assertThat(due.fileName()).isEqualTo("half-year_2014-H1_vs_2013-H1.pdf");
    }

    @Test
    void theLastDayOfAHalfYearStillHasThePreviousHalfDue() {
        DueReport due = DueReport.of(HALF_YEAR, LocalDate.of(2014, 6, 30)).orElseThrow();

        assertThat(List.of(due.a().id(), due.b().id())).containsExactly("2012-H2", "2013-H2");
        assertThat(due.dueOn()).isEqualTo(LocalDate.of(2014, 1, 1));
    }

    @Test
    void aMissedNightRendersTheLatestReportOnlyNotABacklog() {
        DueReport due = DueReport.of(HALF_YEAR, LocalDate.of(2015, 3, 15)).orElseThrow();

        assertThat(due.b().id()).isEqualTo("2014-H2");
        assertThat(due.key()).isEqualTo("half-year/2014-H2-vs-2013-H2");
    }

    @Test
    void theYearEndReportComparesTheLastYearWithTheOneBefore() {
        DueReport due = DueReport.of(YEAR_END, LocalDate.of(2014, 7, 2)).orElseThrow();

        assertThat(List.of(due.a().id(), due.b().id())).containsExactly("2012", "2013");
        assertThat(due.dueOn()).isEqualTo(LocalDate.of(2014, 1, 1));
    }

    @Test
    void aSpecWithoutADueDateIsNeverDue() {
        ReportSpec adHoc = new ReportSpec("ad-hoc", HALF_YEAR.title(), HALF_YEAR.periods(), null, Optional.empty(), HALF_YEAR.sections());

        assertThat(DueReport.of(adHoc, LocalDate.of(2014, 7, 2))).isEmpty();
    }

    @Test
    void isCoveredOnlyWhenTheRecordsReachBothPeriods() {
        DueReport halfYear = DueReport.of(HALF_YEAR, LocalDate.of(2014, 7, 2)).orElseThrow();
        DueReport yearEnd = DueReport.of(YEAR_END, LocalDate.of(2014, 7, 2)).orElseThrow();
        Optional<DateSpan> samples = Optional.of(new DateSpan(LocalDate.of(2013, 1, 2), LocalDate.of(2014, 12, 31)));

        assertThat(halfYear.covered(samples)).isTrue();
        assertThat(yearEnd.covered(samples)).as("2012 holds no record").isFalse();
        assertThat(halfYear.covered(Optional.empty())).as("an empty warehouse reaches nothing").isFalse();
        assertThat(halfYear.covered(Optional.of(new DateSpan(LocalDate.of(2013, 7, 1), LocalDate.of(2014, 12, 31)))))
                .as("records from 2013-H2 on do not reach 2013-H1").isFalse();
    }

    @Test
    void theFileNameOfAUnitsReportKeepsOnlySafeCharacters() {
        ReportSpec forUnit = HALF_YEAR.withUnit("../DU 05/x");
        DueReport due = DueReport.of(forUnit, LocalDate.of(2014, 7, 2)).orElseThrow();

        assertThat(due.fileName()).isEqualTo("half-year_2014-H1_vs_2013-H1_-DU-05-x.pdf").doesNotContain("/");
        assertThat(due.key()).endsWith("/../DU 05/x");
    }
}
