package vn.inspection.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.period.PeriodKind;
import vn.inspection.pipeline.schema.SchemaException;

class ReportSpecTest {
    @TempDir
    Path temp;

    static final String VALID = """
            {"title": {"vi": "Báo cáo thử", "en": "Test report"},
             "periods": ["2013-H1", "2014-H1"],
             "sections": [
               {"title": {"vi": "Kết quả", "en": "Figures"}, "kpi_table": {"metrics": ["inspection.orgs", "complaint.received"]}},
               {"title": {"vi": "Biểu đồ", "en": "Charts"}, "charts": [
                 {"id": "kiem-tra", "type": "bars", "title": {"vi": "Kiểm tra", "en": "Inspections"}, "metrics": ["inspection.orgs"]},
                 {"id": "hinh-thuc", "type": "breakdown", "title": {"vi": "Hình thức", "en": "Forms"},
                  "record_type": "discipline", "field": "form", "date": "decision_date", "filter": {"subject_type": ["MEMBER"]}}]}]}
            """;

    ReportSpec load(String json) throws IOException {
        Path file = temp.resolve("thu.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return ReportSpec.load(file, Catalogs.SCHEMA, Catalogs.METRICS);
    }

    @Test
    void shipsAHalfYearAndAYearEndSpecThatLoadAgainstTheCatalog() {
        ReportSpec halfYear = Catalogs.spec("half-year");
        assertThat(halfYear.title().vi()).isEqualTo("Báo cáo kết quả công tác kiểm tra, giám sát, thi hành kỷ luật đảng");
        assertThat(halfYear.periods()).isEqualTo(new PeriodChoice.Latest(PeriodKind.HALF, PeriodChoice.CompareWith.SAME_PERIOD_LAST_YEAR));
        assertThat(halfYear.due()).contains(new Due(PeriodKind.HALF, 0));
        assertThat(halfYear.sections().get(0)).isInstanceOf(Section.Assessment.class);
        assertThat(halfYear.document()).isEqualTo(DocumentFrame.DEFAULT);
        assertThat(halfYear.metricNotes().direction("discipline.members")).isEqualTo(MetricNotes.Direction.NEUTRAL);
        assertThat(halfYear.metricNotes().direction("inspection.orgs")).isEqualTo(MetricNotes.Direction.HIGHER_IS_BETTER);
        assertThat(Catalogs.METRICS.metrics()).as("every metric is defined for the appendix")
                .allSatisfy(m -> assertThat(halfYear.metricNotes().definition(m.id())).isPresent());
        assertThat(halfYear.sections().get(1)).isInstanceOfSatisfying(Section.KpiTable.class,
                table -> assertThat(table.metrics()).isEqualTo(Catalogs.METRICS.metrics()));
        assertThat(halfYear.charts()).extracting(ChartSpec::id).contains("kiem-tra", "xu-huong-to-chuc", "don-vi-kiem-tra", "hinh-thuc-ky-luat",
                "don-thu-theo-loai", "don-thu-theo-tinh-trang");

        ReportSpec yearEnd = Catalogs.spec("year-end");
        assertThat(yearEnd.due()).contains(new Due(PeriodKind.YEAR, 0));
        assertThat(yearEnd.periods().resolve(LocalDate.of(2015, 1, 1)))
                .isEqualTo(new PeriodChoice.Pair(Period.parse("2013"), Period.parse("2014")));
        assertThat(yearEnd.charts()).filteredOn(c -> c instanceof ChartSpec.Trend t && t.by() == PeriodKind.HALF).isNotEmpty();
    }

    @Test
    void readsFixedPeriodsChartsAndBreakdowns() throws IOException {
        ReportSpec spec = load(VALID);
        assertThat(spec.id()).isEqualTo("thu");
        assertThat(spec.periods()).isEqualTo(new PeriodChoice.Fixed(Period.parse("2013-H1"), Period.parse("2014-H1")));
        assertThat(spec.due()).isEmpty();
        assertThat(spec.charts()).hasSize(2);
        assertThat(spec.charts().get(1)).isInstanceOfSatisfying(ChartSpec.Codes.class, codes -> {
            assertThat(codes.breakdown().field()).isEqualTo("form");
            assertThat(codes.breakdown().filter()).containsEntry("subject_type", java.util.List.of("MEMBER"));
        });
    }

    @Test
    void namesTheFileSectionAndChartOfAnUnknownMetric() {
        assertThatThrownBy(() -> load(VALID.replace("\"metrics\": [\"inspection.orgs\"]", "\"metrics\": [\"inspection.org\"]")))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("thu.json, section 2, chart 'kiem-tra': unknown metric 'inspection.org'");
    }

    @Test
    void rejectsABreakdownOfAFieldTheSchemaDoesNotHave() {
        assertThatThrownBy(() -> load(VALID.replace("\"field\": \"form\"", "\"field\": \"colour\"")))
                .hasMessageContaining("chart 'hinh-thuc'").hasMessageContaining("'colour' is not a coded field of discipline");
        assertThatThrownBy(() -> load(VALID.replace("[\"MEMBER\"]", "[\"ALIEN\"]")))
                .hasMessageContaining("filter subject_type names 'ALIEN', which is not one of its codes");
    }

    @Test
    void rejectsMistakesInTheSpecsShape() {
        assertThatThrownBy(() -> load(VALID.replace("\"type\": \"bars\"", "\"type\": \"pie\"")))
                .hasMessageContaining("unknown chart type 'pie'");
        assertThatThrownBy(() -> load(VALID.replace("\"id\": \"kiem-tra\"", "\"id\": \"Kiểm tra\"")))
                .hasMessageContaining("a chart id is lower-case letters and digits");
        assertThatThrownBy(() -> load(VALID.replace("\"id\": \"hinh-thuc\"", "\"id\": \"kiem-tra\"")))
                .hasMessageContaining("the chart id is used twice");
        assertThatThrownBy(() -> load(VALID.replace("\"en\": \"Test report\"", "\"en\": \"\"")))
                .hasMessageContaining("thu.json, title: a title has a Vietnamese and an English text");
        assertThatThrownBy(() -> load(VALID.replace("\"periods\"", "\"unit\": null, \"colour\": 1, \"periods\"")))
                .hasMessageContaining("unknown key 'colour'");
        assertThatThrownBy(() -> load(VALID.replace("[\"2013-H1\", \"2014-H1\"]", "[\"2013-H3\", \"2014-H1\"]")))
                .hasMessageContaining("thu.json, periods: Cannot parse period '2013-H3': half must be 1 or 2");
        assertThatThrownBy(() -> load(VALID.replace("[\"2013-H1\", \"2014-H1\"]", "{\"latest_complete\": \"decade\"}")))
                .hasMessageContaining("'decade' is not one of: month, quarter, half-year, year");
        assertThatThrownBy(() -> load(VALID.replace("\"periods\"", "\"due\": \"whenever\", \"periods\"")))
                .hasMessageContaining("thu.json, due: cannot read due 'whenever'");
        assertThatThrownBy(() -> load(VALID.replace("\"type\": \"bars\",", "\"type\": \"bars\", \"by\": \"quarter\",")))
                .hasMessageContaining("'by' does not belong to a chart of type bars");
        assertThatThrownBy(() -> load("{\"title\": ")).hasMessageContaining("thu.json: not valid JSON at line 1");
    }

    static final String WITH_ASSESSMENT = """
            {"title": {"vi": "Báo cáo thử", "en": "Test report"},
             "periods": ["2013-H1", "2014-H1"],
             DOCUMENT
             "sections": [
               {"title": {"vi": "Đánh giá", "en": "Assessment"}, "assessment": {"paragraphs": [{"text": {"vi": "TEXT", "en": "Checked {b:inspection.orgs}."}}]}},
               {"title": {"vi": "Kết quả", "en": "Figures"}, "kpi_table": {"metrics": ["inspection.orgs"]}}]}
            """;

    ReportSpec assessment(String text, String document) throws IOException {
        return load(WITH_ASSESSMENT.replace("TEXT", text).replace("DOCUMENT", document));
    }

    @Test
    void readsTheAssessmentsTemplatesAndTheDocumentFrame() throws IOException {
        ReportSpec spec = assessment("Đã kiểm tra {b:inspection.orgs} tổ chức đảng, {change:inspection.orgs}.",
                "\"document\": {\"parent\": \"TỈNH ỦY LÂM VIÊN\", \"number\": 27, \"place\": \"Lâm Viên\", \"recipients\": [\"Lưu VT\"]},");
        assertThat(spec.sections().get(0)).isInstanceOfSatisfying(Section.Assessment.class,
                a -> assertThat(a.paragraphs().get(0).metricIds()).containsExactly("inspection.orgs"));
        assertThat(spec.document().parent().vi()).isEqualTo("TỈNH ỦY LÂM VIÊN");
        assertThat(spec.document().numberLine(true)).isEqualTo("Số 27-BC/UBKT");
        assertThat(spec.document().place().vi()).isEqualTo("Lâm Viên");
        assertThat(spec.document().recipients()).extracting(l -> l.vi()).containsExactly("Lưu VT");
        assertThat(spec.document().signerTitle()).isEqualTo(DocumentFrame.DEFAULT.signerTitle());
    }

    @Test
    void namesTheParagraphOfATemplateWithAnUnknownPlaceholderOrMetric() {
        assertThatThrownBy(() -> assessment("Đã kiểm tra {b:inspection.org} tổ chức đảng.", ""))
                .hasMessage(temp.resolve("thu.json") + ", section 1 paragraph 1 text: unknown metric 'inspection.org' in {b:inspection.org} "
                        + "(list them with: pipeline metrics)");
        assertThatThrownBy(() -> assessment("Trong {period}, …", ""))
                .hasMessageContaining("section 1 paragraph 1 text: unknown placeholder {period}: use {period_a}, {period_b}");
        assertThatThrownBy(() -> assessment("Đã kiểm tra {b inspection.orgs}.", ""))
                .hasMessageContaining("a brace that is not a placeholder");
        assertThatThrownBy(() -> assessment("x", "\"document\": {\"colour\": \"red\"},"))
                .hasMessageContaining("thu.json, document: unknown key 'colour'");
        assertThatThrownBy(() -> assessment("x", "\"document\": {\"symbol\": \" \"},"))
                .hasMessageContaining("document symbol: the symbol after the number is not empty");
    }

    @Test
    void takesOnlyJsonFilesAndSaysWhenOneIsMissing() throws IOException {
        Path yaml = temp.resolve("spec.yaml");
        Files.writeString(yaml, "title: x\n");
        assertThatThrownBy(() -> ReportSpec.load(yaml, Catalogs.SCHEMA, Catalogs.METRICS)).hasMessageContaining("a report spec is a .json file");
        assertThatThrownBy(() -> ReportSpec.load(temp.resolve("none.json"), Catalogs.SCHEMA, Catalogs.METRICS))
                .hasMessageContaining("no report spec at " + temp.resolve("none.json"));
    }
}
