package vn.inspection.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.inspection.pipeline.record.Pseudonymiser;
import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.Fixtures;
import vn.inspection.pipeline.support.LakeQueries;

/**
 * Real office spreadsheets (the committed corpus in {@code fixtures/messy/}, made by {@link MessyFixtures}
 * with Apache POI, LibreOffice and hand-encoded bytes) give exactly the records of their clean
 * equivalents; hostile files are quarantined with a reason while the others go on.
 */
class MessySpreadsheetsTest {
    static final Path MESSY = Fixtures.ROOT.resolve("messy");
    static final Path CLEAN = Fixtures.ROOT.resolve("messy-clean");
    static final Pseudonymiser PSEUDONYMS = new Pseudonymiser(Cli.TEST_KEY.getBytes(StandardCharsets.UTF_8));
    static final List<String> TYPES = List.of("units", "inspection", "supervision", "discipline", "complaint");

    @TempDir
    static Path shared;
    static Path messyLake;
    static Path cleanLake;
    static JsonNode messyRun;

    @BeforeAll
    static void ingestBothCorpora() {
        Cli.Result messy = Cli.run("--home", shared.resolve("messy").toString(), "ingest", MESSY.toString(), "--format", "json");
        Cli.Result clean = Cli.run("--home", shared.resolve("clean").toString(), "ingest", CLEAN.toString(), "--format", "json");
        assertThat(messy.exitCode()).as(messy.err()).isZero();
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        messyRun = messy.json();
        messyLake = shared.resolve("messy/lake");
        cleanLake = shared.resolve("clean/lake");
    }

    static List<Map<String, Object>> rows(String type, String columns, String order) {
        return LakeQueries.rows("SELECT " + columns + " FROM " + LakeQueries.table(messyLake, type) + " ORDER BY " + order);
    }

    @Test
    void aFolderOfMessySpreadsheetsGivesTheLakeOfItsCleanEquivalents() {
        for (String type : TYPES) {
            String a = "SELECT * EXCLUDE (_source_file, _source_checksum, _sheet, _row) FROM " + LakeQueries.table(messyLake, type);
            String b = "SELECT * EXCLUDE (_source_file, _source_checksum, _sheet, _row) FROM " + LakeQueries.table(cleanLake, type);
            assertThat(LakeQueries.count("SELECT count(*) FROM (" + a + ")")).as(type).isEqualTo(LakeQueries.count("SELECT count(*) FROM (" + b + ")"));
            assertThat(LakeQueries.count("SELECT count(*) FROM (" + a + " EXCEPT ALL " + b + ")")).as(type + ": messy rows not in clean").isZero();
            assertThat(LakeQueries.count("SELECT count(*) FROM (" + b + " EXCEPT ALL " + a + ")")).as(type + ": clean rows not in messy").isZero();
        }
        messyRun.at("/totals").forEach(t -> assertThat(t.get("rejected").asLong()).isZero());
    }

    @Nested
    class LegacyExcelWorkbook {

        @Test
        void readsTitleRowsMergedHeadersGroupRowsFormulasSerialsTotalsAndSignatures() {
            assertThat(rows("inspection", "_row, unit_code, decision_no, start_date, end_date, body, subject_type, subject, type, violation, "
                    + "discipline_required, committee_member", "_row"))
                    .extracting(r -> r.get("_row"), r -> r.get("unit_code"), r -> r.get("decision_no"), r -> r.get("start_date"),
                            r -> r.get("end_date"), r -> r.get("body"), r -> r.get("subject_type"), r -> r.get("subject"), r -> r.get("type"),
                            r -> r.get("violation"), r -> r.get("discipline_required"), r -> r.get("committee_member"))
                    .containsExactly(
                            tuple(9, "DU01", "11-QĐ/UBKT", LocalDate.of(2014, 1, 8), LocalDate.of(2014, 2, 10), "COMMISSION", "ORG",
                                    "Chi bộ Vụ Tổng hợp", "COMPLIANCE", false, false, false),
                            // the start date is a formula cell read by its cached value
                            tuple(10, "DU02", "12-QĐ/UBKT", LocalDate.of(2014, 2, 3), null, "COMMITTEE", "ORG", "Chi bộ Văn phòng", "FINANCE",
                                    true, false, false),
                            // an Excel serial number typed as text
                            tuple(12, "DU01", "13-QĐ/UBKT", LocalDate.of(2014, 1, 15), null, "COMMISSION", "MEMBER",
                                    PSEUDONYMS.pseudonym("Nguyễn Văn Hòa"), "SIGNS_OF_VIOLATION", true, true, false),
                            // a serial number in a number cell; the unit named with the old tone placement "Đảng uỷ"
                            tuple(13, "DU02", "14-QĐ/UBKT", LocalDate.of(2014, 3, 18), LocalDate.of(2014, 4, 30), "STANDING_COMMITTEE", "MEMBER",
                                    PSEUDONYMS.pseudonym("Trần Thị Thủy"), "TASK_EXECUTION", false, false, true),
                            tuple(14, "CB0101", null, LocalDate.of(2014, 3, 20), null, "COMMISSION", "MEMBER", PSEUDONYMS.pseudonym("Lê Quốc Khánh"),
                                    "COMPLIANCE", false, false, false));
        }

        @Test
        void appliesAUnitsSheetFirstEvenWhenItIsTheSecondSheet() {
            JsonNode sheets = messyRun.at("/files/0/sheets");
            assertThat(sheets).extracting(s -> s.get("sheet").asText(), s -> s.get("record_type").asText())
                    .containsExactly(tuple("Danh mục đơn vị", "units"), tuple("Kiểm tra 2014", "inspection"));
        }
    }

    @Nested
    class TextFiles {

        @Test
        void readsWindows1258WithSemicolonsAndVietnameseDates() {
            assertThat(rows("supervision", "unit_code, plan_no, start_date, body, subject_type, mode, signs_found", "start_date"))
                    .extracting(r -> r.get("unit_code"), r -> r.get("plan_no"), r -> r.get("start_date"), r -> r.get("body"),
                            r -> r.get("subject_type"), r -> r.get("mode"), r -> r.get("signs_found"))
                    .containsExactly(
                            tuple("DU01", "21-KH/UBKT", LocalDate.of(2014, 3, 15), "COMMISSION", "ORG", "THEMATIC", false),
                            tuple("DU02", "22-KH/UBKT", LocalDate.of(2014, 4, 7), "COMMITTEE", "MEMBER", "REGULAR", true),
                            tuple("CB0201", "23-KH/UBKT", LocalDate.of(2014, 6, 30), "STANDING_COMMITTEE", "MEMBER", "REGULAR", false));
            assertThat(rows("supervision", "subject", "start_date")).first().extracting(r -> r.get("subject")).isEqualTo("Chi bộ Vụ Tổng hợp");
        }

        @Test
        void readsUtf16UnicodeTextInDecomposedFormAsNfc() {
            assertThat(rows("discipline", "unit_code, decision_no, decision_date, body, subject_type, subject, form, violation_area", "decision_date"))
                    .extracting(r -> r.get("unit_code"), r -> r.get("decision_no"), r -> r.get("decision_date"), r -> r.get("body"),
                            r -> r.get("subject"), r -> r.get("form"), r -> r.get("violation_area"))
                    .containsExactly(
                            tuple("DU01", "31-QĐ/ĐU", LocalDate.of(2014, 5, 9), "Đảng ủy cơ sở", PSEUDONYMS.pseudonym("Đỗ Văn Hùng"), "REPRIMAND",
                                    "Tài chính, ngân sách"),
                            tuple("DU02", "32-QĐ/UBKT", LocalDate.of(2014, 10, 1), "UBKT Đảng ủy Khối", PSEUDONYMS.pseudonym("Hồ Thị Mai"), "EXPULSION",
                                    "Phẩm chất đạo đức, lối sống"),
                            tuple("DU02", "33-QĐ/ĐU", LocalDate.of(2014, 12, 31), "Chi bộ", "Chi bộ Văn phòng", "WARNING", null));
            assertThat(rows("discipline", "body", "decision_date")).extracting(r -> (String) r.get("body"))
                    .allMatch(text -> java.text.Normalizer.isNormalized(text, java.text.Normalizer.Form.NFC));
        }
    }

    @Nested
    class LibreOfficeWorkbook {

        @Test
        void readsTheRegisterAndSkipsSheetsThatAreNotRegistersWithALine() {
            JsonNode file = messyRun.at("/files/3");
            assertThat(file.get("path").asText()).endsWith("m4-don-thu-2014.xlsx");
            assertThat(file.get("sheets")).extracting(s -> s.get("sheet").asText(), s -> s.get("record_type").asText(null), s -> s.get("accepted").asLong())
                    .containsExactly(tuple("Hướng dẫn", null, 0L), tuple("Sổ đơn thư", "complaint", 3L), tuple("Biểu đồ", null, 0L));
            assertThat(file.at("/sheets/0/note").asText()).startsWith("not a register");
        }

        /**
         * The header and the first letter are typed with a TCVN3 (.VnTime) font ("§¬n vÞ" for "Đơn vị"), the
         * second with a VNI font ("Ñaûng uûy Boä Taøi chính Maãu"): both come out as Unicode, matched and coded.
         */
        @Test
        void readsLettersTypedInLegacyFontsValueByValue() {
            assertThat(rows("complaint", "unit_code, letter_no, received_date, kind, anonymous, subject_type, subject, status, resolved_date, outcome",
                    "received_date"))
                    .extracting(r -> r.get("unit_code"), r -> r.get("letter_no"), r -> r.get("received_date"), r -> r.get("kind"), r -> r.get("anonymous"),
                            r -> r.get("subject"), r -> r.get("status"), r -> r.get("resolved_date"), r -> r.get("outcome"))
                    .containsExactly(
                            tuple("DU01", "41", LocalDate.of(2014, 2, 14), "DENUNCIATION", true, PSEUDONYMS.pseudonym("Ngô Văn Tuấn"), "RESOLVED",
                                    LocalDate.of(2014, 3, 20), "UNFOUNDED"),
                            tuple("DU02", "42", LocalDate.of(2014, 3, 1), "APPEAL", false, PSEUDONYMS.pseudonym("Bùi Thị Hạnh"), "IN_PROGRESS", null, null),
                            tuple("CB0101", "43", LocalDate.of(2014, 7, 15), "PETITION", false, "Chi bộ Vụ Tổng hợp", "FILED", null, null));
        }
    }

    @Nested
    class BrokenFiles {

        @TempDir
        Path temp;

        private JsonNode ingest(Path inbox, int expectedExit) {
            Cli.Result result = Cli.run("--home", temp.resolve("home").toString(), "ingest", inbox.toString(), "--format", "json");
            assertThat(result.exitCode()).as(result.err()).isEqualTo(expectedExit);
            return result.json();
        }

        private static JsonNode file(JsonNode run, String name) {
            for (JsonNode f : run.get("files")) {
                if (f.get("path").asText().endsWith("/" + name)) {
                    return f;
                }
            }
            throw new AssertionError(name + " not in " + run);
        }

        @Test
        void quarantinesEachBrokenFileWithItsReasonAndIngestsTheRest() throws IOException {
            Path inbox = Fixtures.copy(Fixtures.BROKEN, temp.resolve("inbox"), "hong.xlsx", "co-mat-khau.xlsx", "co-mat-khau.xls", "bao-cao.pdf");
            Fixtures.copy(Fixtures.INGEST, inbox, "don-vi.xlsx", "kiem-tra-2014.xlsx");

            JsonNode run = ingest(inbox, 3);

            assertThat(file(run, "hong.xlsx").get("reason").asText()).isEqualTo(
                    "the file is not a readable .xlsx archive (corrupt or truncated): zip END header not found");
            assertThat(file(run, "co-mat-khau.xlsx").get("reason").asText()).isEqualTo(
                    "the workbook is password-protected (encrypted): save it without a password and send it again");
            assertThat(file(run, "co-mat-khau.xls").get("reason").asText()).isEqualTo(
                    "the workbook is password-protected (encrypted): save it without a password and send it again");
            assertThat(file(run, "bao-cao.pdf").get("reason").asText()).isEqualTo(
                    "unsupported file type '.pdf' (expected one of .xlsx, .xlsm, .xls, .csv, .txt, .tsv)");
            assertThat(file(run, "kiem-tra-2014.xlsx").get("status").asText()).isEqualTo("INGESTED");
            assertThat(run.at("/totals/inspection/accepted").asLong()).isEqualTo(5);
            assertThat(temp.resolve("home/quarantine")).isDirectoryContaining(p -> p.getFileName().toString().endsWith("-co-mat-khau.xls.reason.txt"));
        }

        @Test
        void quarantinesAZipBombBeforeInflatingIt() throws IOException {
            Path inbox = Files.createDirectories(temp.resolve("inbox"));
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(inbox.resolve("bom.xlsx")))) {
                zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
                zip.write("<Types/>".getBytes(StandardCharsets.US_ASCII));
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 200; i++) {
                    zip.write(zeros);
                }
                zip.closeEntry();
            }
            assertThat(Files.size(inbox.resolve("bom.xlsx"))).isLessThan(1_000_000);

            JsonNode run = ingest(inbox, 3);

            assertThat(file(run, "bom.xlsx").get("reason").asText())
                    .startsWith("entry xl/worksheets/sheet1.xml inflates ").endsWith("limit 200×): a zip bomb");
        }

        @Test
        void quarantinesAFileWithACellOfSeveralMegabytes() throws IOException {
            Path inbox = Files.createDirectories(temp.resolve("inbox"));
            try (OutputStream out = Files.newOutputStream(inbox.resolve("o-lon.xlsx"))) {
                Workbook wb = new Workbook(out, "test", "1.0");
                Worksheet ws = wb.newWorksheet("Kiểm tra");
                String[] header = {"Đơn vị", "Ngày quyết định", "Đối tượng", "Tên đối tượng", "Loại kiểm tra"};
                for (int c = 0; c < header.length; c++) {
                    ws.value(0, c, header[c]);
                }
                ws.value(1, 0, "DU01");
                ws.value(1, 3, "x".repeat(5_000_000));
                wb.finish();
            }

            JsonNode run = ingest(inbox, 3);

            assertThat(file(run, "o-lon.xlsx").get("reason").asText()).isEqualTo("cell D2 of sheet 'Kiểm tra' holds 5,000,000 characters (Excel allows 32,767)");
        }

        @Test
        void readsASheetWithAMillionEmptyFormattedRows() throws IOException {
            Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx");
            try (OutputStream out = Files.newOutputStream(inbox.resolve("dinh-dang.xlsx"))) {
                Workbook wb = new Workbook(out, "test", "1.0");
                Worksheet ws = wb.newWorksheet("Kiểm tra");
                String[] header = {"Đơn vị", "Ngày quyết định", "Đối tượng", "Tên đối tượng", "Loại kiểm tra"};
                for (int c = 0; c < header.length; c++) {
                    ws.value(0, c, header[c]);
                }
                for (int r = 1; r <= 3; r++) {
                    ws.value(r, 0, "DU0" + (r % 2 + 1));
                    ws.value(r, 1, "1" + r + "/01/2014");
                    ws.value(r, 2, "Đảng viên");
                    ws.value(r, 3, "Người số " + r);
                    ws.value(r, 4, "Chấp hành");
                }
                for (int r = 4; r <= 1_000_003; r++) {
                    ws.style(r, 0).fillColor("FFFF00").set();
                    if (r % 50_000 == 0) {
                        ws.flush();
                    }
                }
                wb.finish();
            }

            JsonNode run = ingest(inbox, 0);

            assertThat(file(run, "dinh-dang.xlsx").at("/sheets/0/accepted").asLong()).isEqualTo(3);
            assertThat(file(run, "dinh-dang.xlsx").at("/sheets/0/rejected").asLong()).isZero();
        }
    }
}
