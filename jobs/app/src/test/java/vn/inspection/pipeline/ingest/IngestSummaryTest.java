package vn.inspection.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class IngestSummaryTest {

    @Test
    void describesWhatAUnitsReferenceChangedInOneLine() {
        IngestSummary.UnitChange renamedAndMoved = new IngestSummary.UnitChange("don-vi.xlsx", "DV02", List.of("RENAMED", "MOVED"),
                "Đảng bộ Tổng công ty Bưu điện", "Đảng bộ Bưu điện tỉnh", "KHOI", "DV09", null, LocalDate.of(2015, 1, 1));
        IngestSummary.UnitChange merged = new IngestSummary.UnitChange("don-vi.xlsx", "DV03", List.of("MERGED"), "Đảng bộ Công ty Cấp nước",
                "Đảng bộ Công ty Cấp nước", "KHOI", "KHOI", "DV01", LocalDate.of(2015, 1, 1));
        IngestSummary.UnitChange added = new IngestSummary.UnitChange("don-vi.xlsx", "CB0401", List.of("ADDED"), "Chi bộ Cảng", null, "DV04",
                null, null, null);

        assertThat(renamedAndMoved.describe())
                .isEqualTo("renamed 'Đảng bộ Bưu điện tỉnh' → 'Đảng bộ Tổng công ty Bưu điện'; moved DV09 → KHOI (from 2015-01-01)");
        assertThat(merged.describe()).isEqualTo("merged into DV01 (from 2015-01-01)");
        assertThat(added.describe()).isEqualTo("added 'Chi bộ Cảng' under DV04");
    }

    @Test
    void readsASummaryKeptBeforeUnitChangesWereCountedAndWritesTheCounts() {
        String kept = "{\"files\":[],\"totals\":{\"units\":{\"accepted\":2,\"duplicates\":0,\"rejected\":0}},\"rejects_report\":\"r.csv\","
                + "\"unit_changes\":[{\"file\":\"don-vi.xlsx\",\"code\":\"DBK\",\"changes\":[\"ADDED\"]}]}";

        IngestSummary summary = IngestSummary.fromJson(kept);

        assertThat(summary.totals().get("units").accepted()).isEqualTo(2);
        assertThat(summary.units()).isNull();
        assertThat(summary.toJson()).doesNotContain("unit_changes").doesNotContain("\"units\":{\"added\"");
        IngestSummary counted = new IngestSummary(List.of(), java.util.Map.of(), "r.csv", null, null, UnitChanges.of(
                List.of(new UnitChanges.Changed("DBK", List.of("ADDED"), "BLOC", "don-vi.xlsx")), level -> false, "unit-changes-run-1.csv"), null);
        assertThat(IngestSummary.fromJson(counted.toJson())).isEqualTo(counted);
    }
}
