package vn.inspection.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import vn.inspection.pipeline.record.LayoutDetector;
import vn.inspection.pipeline.record.Pseudonymiser;
import vn.inspection.pipeline.record.RowOutcome;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.support.Fixtures;
import vn.inspection.pipeline.unit.UnitHierarchy.Unit;

/**
 * The register reader and the row processor on a register whose units and subject types are set by heading
 * rows, read whole and restarted part-way (as after a crash): the headings above the restart point still set
 * the records after it.
 */
class RegisterItemReaderTest {
    static final SchemaCatalog SCHEMAS = SchemaCatalog.load(Path.of("../../schemas"));
    static final Path L3 = Fixtures.ROOT.resolve("office-layouts").resolve(OfficeLayoutFixtures.L3);

    static IngestPlan plan() throws IOException {
        return new IngestPlan(List.of(new IngestPlan.PlannedFile(L3.toString(), "c", Files.size(L3), IngestPlan.Status.PENDING, null, List.of(0), false)));
    }

    static UnitRegistry units() {
        UnitRegistry units = new UnitRegistry();
        units.addCommitted(new Unit("KHOI", "Đảng bộ Khối Doanh nghiệp tỉnh", null, "BLOC", null, null, null, null));
        units.addCommitted(new Unit("DV01", "Đảng bộ Công ty Điện lực", "KHOI", "UPPER_BASE", "Điện lực tỉnh; PC tỉnh", null, null, null));
        units.addCommitted(new Unit("DV02", "Đảng bộ Bưu điện tỉnh", "KHOI", "UPPER_BASE", "Bưu điện", null, null, null));
        units.addCommitted(new Unit("DV03", "Đảng bộ Công ty Cấp nước", "KHOI", "UPPER_BASE", "Cấp nước", null, null, null));
        return units;
    }

    /** Reads from a saved position (rows of the sheet consumed) to the end; returns the processed items. */
    static List<ProcessedRow> readFrom(long rowsConsumed) throws Exception {
        RegisterItemReader reader = new RegisterItemReader(plan(), new LayoutDetector(SCHEMAS), IngestProgress.none());
        RowProcessor processor = new RowProcessor(units(), new Pseudonymiser("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8)),
                LocalDate.of(2026, 1, 1));
        ExecutionContext context = new ExecutionContext();
        if (rowsConsumed > 0) {
            context.putInt(RegisterItemReader.FILE, 0);
            context.putInt(RegisterItemReader.SHEET, 0);
            context.putLong(RegisterItemReader.ROWS, rowsConsumed);
            context.put(RegisterItemReader.ANNOUNCED, true);
        }
        return readAll(reader, processor, context);
    }

    /** Opens the reader at the saved position and hands every item it reads to the processor, as the step does. */
    static List<ProcessedRow> readAll(RegisterItemReader reader, RowProcessor processor, ExecutionContext context) {
        reader.open(context);
        List<ProcessedRow> out = new ArrayList<>();
        try {
            for (SourceItem item; (item = reader.read()) != null; ) {
                out.add(processor.process(item));
            }
        } finally {
            reader.close();
        }
        return out;
    }

    static List<RowOutcome.Accepted> accepted(List<ProcessedRow> rows) {
        return rows.stream().filter(r -> r.outcome() instanceof RowOutcome.Accepted).map(r -> (RowOutcome.Accepted) r.outcome()).toList();
    }

    @Test
    void headingsSetTheUnitAndSubjectTypeOfTheRecordsBelowThem() throws Exception {
        List<ProcessedRow> rows = readFrom(0);

        assertThat(accepted(rows)).extracting(a -> a.values().get("unit"), a -> a.values().get("subject_type"), a -> a.values().get("decision_no"))
                .containsExactly(
                        tuple("DV01", "ORG", "11-QĐ/UBKT"), tuple("DV01", "ORG", "12-QĐ/UBKT"),
                        tuple("DV01", "MEMBER", "13-QĐ/UBKT"), tuple("DV01", "MEMBER", "14-QĐ/UBKT"),
                        tuple("DV02", "ORG", "15-QĐ/UBKT"), tuple("DV02", "MEMBER", "16-QĐ/UBKT"), tuple("DV02", "MEMBER", "17-QĐ/UBKT"),
                        tuple("DV03", "MEMBER", "18-QĐ/UBKT"));
        assertThat(rows).noneMatch(r -> r.outcome() instanceof RowOutcome.Rejected);
        assertThat(rows.stream().filter(r -> r.outcome() instanceof RowOutcome.Grouped).count()).as("headings").isEqualTo(8);
    }

    @Test
    void aRestartedReadStillAppliesTheHeadingsAboveTheRestartPoint() throws Exception {
        // title, header, column numbers, "I. …", "1. Tổ chức đảng", two records, "2. Đảng viên", one record: 9 rows consumed
        List<ProcessedRow> rows = readFrom(9);

        assertThat(rows).filteredOn(r -> r.source() instanceof SourceItem.Row row && row.context())
                .as("the headings passed over are handed on as context, never counted").hasSize(3)
                .allMatch(r -> r.outcome() == null);
        assertThat(accepted(rows)).extracting(a -> a.values().get("unit"), a -> a.values().get("subject_type"), a -> a.values().get("decision_no"))
                .containsExactly(
                        tuple("DV01", "MEMBER", "14-QĐ/UBKT"),
                        tuple("DV02", "ORG", "15-QĐ/UBKT"), tuple("DV02", "MEMBER", "16-QĐ/UBKT"), tuple("DV02", "MEMBER", "17-QĐ/UBKT"),
                        tuple("DV03", "MEMBER", "18-QĐ/UBKT"));
    }
}
