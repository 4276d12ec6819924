package vn.inspection.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.Fixtures;
import vn.inspection.pipeline.support.LakeQueries;

/**
 * Registers that once lost whole blocks of records ({@link NoisyRegisterFixtures}): a subtotal after every
 * month (one a plain "Cộng" that ended the register, losing October to December), the header repeated after
 * page breaks, a signature block and notes; and a legacy letters CSV whose quoted text holds {@code ;},
 * {@code ,} and line breaks (it was split on {@code ,} and not recognised). Every record is accepted, nothing
 * that is noise is rejected, and every row of every sheet is counted by kind.
 */
class NoisyRegistersTest {
    static final Path NOISY = Fixtures.ROOT.resolve("noisy");

    @TempDir
    static Path temp;
    static Path lake;
    static JsonNode run;
    static Cli.Result table;

    @BeforeAll
    static void ingestTheNoisyRegisters() {
        Path home = temp.resolve("home");
        lake = home.resolve("lake");
        Cli.Result result = Cli.run("--home", home.toString(), "ingest", NOISY.toString(), "--format", "json");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        run = result.json();
        table = Cli.run("--home", temp.resolve("home-table").toString(), "ingest", NOISY.toString(), "--no-refresh");
    }

    static JsonNode sheet(String file) {
        for (JsonNode f : run.at("/files")) {
            if (f.get("path").asText().endsWith(file)) {
                assertThat(f.get("status").asText()).as(file + ": " + f.path("reason").asText()).isEqualTo("INGESTED");
                assertThat(f.get("sheets")).hasSize(1);
                return f.get("sheets").get(0);
            }
        }
        throw new AssertionError("no result for " + file + " in " + run);
    }

    static Map<String, Long> noise(JsonNode sheet) {
        Map<String, Long> kinds = new LinkedHashMap<>();
        sheet.get("noise").fields().forEachRemaining(e -> kinds.put(e.getKey(), e.getValue().asLong()));
        return kinds;
    }

    @Test
    void readsEveryMonthPastTheSubtotalsInEveryWording() {
        JsonNode n1 = sheet(NoisyRegisterFixtures.N1);

        assertThat(n1.get("accepted").asLong() + n1.get("duplicates").asLong()).isEqualTo(94);
        assertThat(n1.get("rejected").asLong()).as("no subtotal or repeated header is rejected").isZero();
        assertThat(noise(n1)).containsExactlyInAnyOrderEntriesOf(NoisyRegisterFixtures.N1_NOISE);
        assertThat(n1.get("rows").asLong()).isEqualTo(94 + NoisyRegisterFixtures.N1_NOISE.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void readsEveryMonthWhenEverySubtotalIsAPlainCong() {
        JsonNode n2 = sheet(NoisyRegisterFixtures.N2);

        assertThat(n2.get("accepted").asLong() + n2.get("duplicates").asLong()).as("n2 holds n1's records").isEqualTo(94);
        assertThat(n2.get("accepted").asLong() + sheet(NoisyRegisterFixtures.N1).get("accepted").asLong()).isEqualTo(94);
        assertThat(n2.get("rejected").asLong()).isZero();
        assertThat(noise(n2)).containsExactlyInAnyOrderEntriesOf(NoisyRegisterFixtures.N1_NOISE);
    }

    @Test
    void holdsTheLastQuartersRecordsInTheLake() {
        List<Map<String, Object>> rows = LakeQueries.rows("SELECT decision_no, unit_code, start_date, _row FROM "
                + LakeQueries.table(lake, "inspection") + " ORDER BY decision_no");

        assertThat(rows).extracting(r -> r.get("decision_no"))
                .containsExactlyElementsOf(NoisyRegisterFixtures.INSPECTIONS.stream().map(NoisyRegisterFixtures.Inspection::decisionNo).toList());
        assertThat(rows).extracting(r -> r.get("unit_code"))
                .containsExactlyElementsOf(NoisyRegisterFixtures.INSPECTIONS.stream().map(NoisyRegisterFixtures.Inspection::unitCode).toList());
        assertThat(rows).filteredOn(r -> ((java.time.LocalDate) r.get("start_date")).getMonthValue() >= 10).hasSize(42);
    }

    @Test
    void splitsTheLegacyCsvOnItsRecordsNotItsLines() {
        JsonNode n3 = sheet(NoisyRegisterFixtures.N3);

        assertThat(n3.get("record_type").asText()).isEqualTo("complaint");
        assertThat(n3.get("accepted").asLong()).isEqualTo(48);
        assertThat(n3.get("rejected").asLong()).isZero();
        assertThat(noise(n3)).containsExactlyInAnyOrderEntriesOf(NoisyRegisterFixtures.N3_NOISE);
        assertThat(n3.get("rows").asLong()).isEqualTo(48 + 5);

        List<Map<String, Object>> letters = LakeQueries.rows("SELECT letter_no, received_date, unit_code, status, resolved_date FROM "
                + LakeQueries.table(lake, "complaint") + " ORDER BY letter_no");
        assertThat(letters).extracting(r -> r.get("letter_no"), r -> r.get("received_date"), r -> r.get("unit_code"), r -> r.get("resolved_date"))
                .containsExactlyElementsOf(NoisyRegisterFixtures.LETTERS.stream()
                        .map(l -> org.assertj.core.groups.Tuple.tuple(l.letterNo(), l.received(), l.unitCode(), l.resolved())).toList());
    }

    @Test
    void showsTheClerkEveryRowByKind() {
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out())
                .containsPattern("Năm 2014\\s+inspection\\s+" + (94 + 41 + NoisyRegisterFixtures.pageBreaks() * 3) + "\\s+94\\s+0\\s+0\\s+0\\s+"
                        + (41 + NoisyRegisterFixtures.pageBreaks() * 3) + "\n")
                .contains("other rows: " + (17 + NoisyRegisterFixtures.pageBreaks()) + " blank, 3 title, 1 header, "
                        + NoisyRegisterFixtures.pageBreaks() + " repeated header, " + (1 + NoisyRegisterFixtures.pageBreaks())
                        + " column numbers, 12 subtotal, 1 total, 4 signature, 2 notes");
    }

    @Test
    void readsAndFlagsARecordWrittenBelowTheSignatureBlock(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inbox").resolve("kiem-tra-ky-duoi-chu-ky.xlsx");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.copy(NOISY.resolve("don-vi.xlsx"), file.resolveSibling("don-vi.xlsx"));
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("Sổ");
            String[][] rows = {
                {"SỔ THEO DÕI KIỂM TRA"},
                NoisyRegisterFixtures.INSPECTION_HEADER,
                {"1", "DV01", "201-QĐ/UBKT", "2014-03-03", "Tổ chức đảng", "Chi bộ Đội Xe", "Chấp hành"},
                {"2", "DV02", "202-QĐ/UBKT", "2014-03-10", "Đảng viên", "Lò Thị Xuân", "Tài chính đảng"},
                {"", "", "", "", "", "Hà Nội, ngày 31 tháng 3 năm 2014"},
                {"", "NGƯỜI LẬP BIỂU", "", "", "", "TM. ỦY BAN KIỂM TRA"},
                {"", "Lưu Thị Nguyệt", "", "", "", "Hoàng Minh Chính"},
                {"3", "DV03", "203-QĐ/UBKT", "2014-03-28", "Đảng viên", "Hà Văn Khiêm", "Chấp hành"}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) {
                        ws.value(r, c, rows[r][c]);
                    }
                }
            }
            wb.finish();
        }

        Cli.Result result = Cli.run("--home", dir.resolve("home").toString(), "ingest", file.getParent().toString(), "--format", "json", "--no-refresh");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode sheet = null;
        for (JsonNode f : result.json().at("/files")) {
            if (f.get("path").asText().endsWith("kiem-tra-ky-duoi-chu-ky.xlsx")) {
                sheet = f.get("sheets").get(0);
            }
        }
        assertThat(sheet).isNotNull();
        assertThat(sheet.get("accepted").asLong()).isEqualTo(3);
        assertThat(sheet.get("rows").asLong()).isEqualTo(8);
        assertThat(noise(sheet)).containsExactlyInAnyOrderEntriesOf(Map.of("title", 1L, "header", 1L, "signature", 3L));
        assertThat(sheet.get("note").asText()).isEqualTo("1 row below the signature block read as record (row 8): check that it belongs to the register");
    }
}
