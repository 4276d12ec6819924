package vn.inspection.pipeline.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.inspection.pipeline.report.ReportSpec;
import vn.inspection.pipeline.schema.SchemaException;

/** Which report specs the nightly job renders when due: every spec with a due date, or the ones named, never a path. */
class ReportSpecsTest {

    @Test
    void byDefaultEverySpecThatSaysWhenItIsDue() {
        assertThat(ReportSpecs.load(null, List.of(), DueReportTest.SCHEMA, DueReportTest.METRICS)).extracting(ReportSpec::id)
                .containsExactly("half-year", "year-end");
    }

    @Test
    void aSchemasFolderSpecWithoutADueDateIsLeftToTheReportCommand(@TempDir Path schemas) throws Exception {
        Files.createDirectories(schemas.resolve("reports"));
        String halfYear = Files.readString(DueReportTest.SCHEMAS.resolve("reports/half-year.json"));
        Files.writeString(schemas.resolve("reports/on-demand.json"), halfYear.replace("\"due\": \"after each half-year\",", ""));
        Files.writeString(schemas.resolve("reports/quarterly.json"), halfYear.replace("after each half-year", "15 days after each quarter"));

        assertThat(ReportSpecs.load(schemas, List.of(), DueReportTest.SCHEMA, DueReportTest.METRICS)).extracting(ReportSpec::id)
                .containsExactly("quarterly");
    }

    @Test
    void aNamedSpecMustBeANameNotAPath() {
        for (String hostile : List.of("../../etc/passwd", "/etc/hosts", "half-year.json/..", ".hidden", "a b")) {
            assertThatThrownBy(() -> ReportSpecs.load(DueReportTest.SCHEMAS, List.of(hostile), DueReportTest.SCHEMA, DueReportTest.METRICS))
                    .as(hostile)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("pipeline.nightly.reports: '" + hostile + "' is not a report spec id");
        }
        assertThatThrownBy(() -> ReportSpecs.load(DueReportTest.SCHEMAS, List.of("weekly"), DueReportTest.SCHEMA, DueReportTest.METRICS))
                .isInstanceOf(SchemaException.class).hasMessageContaining("weekly.json");
    }
}
