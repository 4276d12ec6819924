package vn.inspection.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.inspection.pipeline.record.Pseudonymiser;
import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.Fixtures;
import vn.inspection.pipeline.support.LakeQueries;
import vn.inspection.pipeline.support.ReportFiles;

/**
 * The ingest job on the committed fixture spreadsheets: what lands in the lake, value by value; what is
 * rejected and why; duplicates; re-ingesting; pseudonyms; quarantine; the command line's output.
 */
class IngestJobTest {
    static final List<String> MEMBER_NAMES = List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Võ Thị Giang",
            "Hồ Văn Long", "Đặng Văn Hùng", "Bùi Thị Lan", "Lý Thị Mai", "Dương Văn Khánh", "Ngô Văn Hải");
    static final Pseudonymiser PSEUDONYMS = new Pseudonymiser(Cli.TEST_KEY.getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path shared;
    static Path home;
    static Path lake;
    static Cli.Result run;

    @BeforeAll
    static void ingestTheFixtures() throws IOException {
        Path inbox = Fixtures.copyAll(shared.resolve("inbox"));
        home = shared.resolve("home");
        lake = home.resolve("lake");
        run = Cli.run("--home", home.toString(), "ingest", inbox.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    /** The current version of every inspection (the warehouse's table; the lake keeps every version). */
    static List<Map<String, Object>> inspections() {
        return LakeQueries.warehouseRows(home, "SELECT unit_code, decision_no, start_date, end_date, body, subject_type, subject, type, violation, "
                + "discipline_required, committee_member, year, _source_file, _sheet, _row FROM inspection ORDER BY start_date, decision_no");
    }

    @Nested
    class RecordsInTheLake {

        @Test
        void mapsHeaderAliasesAndValueSynonymsToTypedValues() {
            assertThat(inspections()).extracting(r -> r.get("unit_code"), r -> r.get("decision_no"), r -> r.get("start_date"),
                            r -> r.get("body"), r -> r.get("subject_type"), r -> r.get("type"), r -> r.get("violation"),
                            r -> r.get("committee_member"))
                    .containsExactly(
                            // the supplement (read first) gave 01-QĐ/UBKT without these columns; the register's fuller row corrected it
                            tuple("DU01", "01-QĐ/UBKT", LocalDate.of(2014, 1, 15), "COMMISSION", "MEMBER", "SIGNS_OF_VIOLATION", true, false),
                            tuple("DU01", "02-QĐ/UBKT", LocalDate.of(2014, 2, 3), "COMMITTEE", "ORG", "COMPLIANCE", false, false),
                            tuple("DU02", "03-QĐ/UBKT", LocalDate.of(2014, 3, 10), "STANDING_COMMITTEE", "MEMBER", "SIGNS_OF_VIOLATION", true, true),
                            tuple("DU02", "R9", LocalDate.of(2014, 3, 11), null, "ORG", "COMPLIANCE", false, false),
                            tuple("DU02", null, LocalDate.of(2014, 3, 18), "STANDING_COMMITTEE", "MEMBER", "FINANCE", false, false),
                            tuple("DU02", "04-QĐ/UBKT", LocalDate.of(2014, 3, 20), "COMMISSION", "MEMBER", "TASK_EXECUTION", true, false),
                            tuple("DU02", "07-QĐ/UBKT", LocalDate.of(2014, 3, 25), null, "MEMBER", "COMPLIANCE", false, false));
        }

        @Test
        void keepsLineageOnEveryRecordAndPartitionsByYear() {
            assertThat(inspections()).extracting(r -> r.get("_source_file"), r -> r.get("_sheet"), r -> r.get("_row"), r -> r.get("year"))
                    .containsExactly(
                            tuple("kiem-tra-2014.xlsx", "Quý I-2014", 6, 2014L),
                            tuple("kiem-tra-2014.xlsx", "Quý I-2014", 7, 2014L),
                            tuple("kiem-tra-2014.xlsx", "Quý I-2014", 8, 2014L),
                            tuple("loi.xlsx", "Kiểm tra", 10, 2014L),
                            tuple("kiem-tra-2014.xlsx", "Quý I-2014", 9, 2014L),
                            tuple("kiem-tra-2014.xlsx", "Quý I-2014", 11, 2014L),
                            tuple("kiem-tra-2014-bo-sung.csv", "kiem-tra-2014-bo-sung.csv", 3, 2014L));
            assertThat(lake.resolve("inspection/year=2014")).isDirectory();
            assertThat(lake.resolve("complaint/year=2013")).isDirectory();
            assertThat(LakeQueries.count("SELECT count(DISTINCT _source_checksum) FROM " + LakeQueries.table(lake, "inspection"))).isEqualTo(3);
        }

        @Test
        void resolvesUnitsByCodeNameOrAlias() {
            // row 7 names DU01 by its alias, row 8 DU02 by its name in lower case, row 9 DU02 by the alias BTCM
            assertThat(inspections()).filteredOn(r -> "Quý I-2014".equals(r.get("_sheet")))
                    .extracting(r -> r.get("_row"), r -> r.get("unit_code"))
                    .containsExactlyInAnyOrder(tuple(6, "DU01"), tuple(7, "DU01"), tuple(8, "DU02"), tuple(9, "DU02"), tuple(11, "DU02"));
        }

        @Test
        void readsTheUnitsReferenceWithAliasesAndMergers() {
            assertThat(LakeQueries.rows("SELECT code, name, parent_code, level, aliases, valid_from, valid_to, successor_code FROM "
                    + LakeQueries.table(lake, "units") + " ORDER BY code"))
                    .extracting(r -> r.get("code"), r -> r.get("parent_code"), r -> r.get("level"), r -> r.get("aliases"),
                            r -> r.get("valid_to"), r -> r.get("successor_code"))
                    .containsExactly(
                            tuple("CB0101", "DU01", "BRANCH", null, null, null),
                            tuple("CB0201", "DU02", "BRANCH", null, null, null),
                            tuple("DBK", null, "BLOC", "Đảng ủy Khối", null, null),
                            tuple("DU01", "DBK", "UPPER_BASE", "Bộ Công Thương Mẫu; BCTM", null, null),
                            tuple("DU02", "DBK", "UPPER_BASE", "BTCM", null, null),
                            tuple("DU03", "DBK", "UPPER_BASE", null, LocalDate.of(2013, 12, 31), "DU02"));
        }

        @Test
        void readsAMergedTwoRowHeader() {
            assertThat(LakeQueries.rows("SELECT unit_code, plan_no, start_date, body, subject_type, mode, signs_found FROM "
                    + LakeQueries.table(lake, "supervision") + " ORDER BY start_date"))
                    .extracting(r -> r.get("unit_code"), r -> r.get("plan_no"), r -> r.get("start_date"), r -> r.get("body"),
                            r -> r.get("subject_type"), r -> r.get("mode"), r -> r.get("signs_found"))
                    .containsExactly(
                            tuple("DU01", "05-KH/UBKT", LocalDate.of(2014, 4, 2), "COMMISSION", "ORG", "THEMATIC", false),
                            tuple("DU02", "06-KH/UBKT", LocalDate.of(2014, 5, 12), "COMMITTEE", "MEMBER", "REGULAR", true));
        }

        @Test
        void readsACsvWithBomSemicolonsAndQuotedLineBreaks() {
            assertThat(LakeQueries.rows("SELECT unit_code, letter_no, received_date, kind, anonymous, subject_type, subject, status, "
                    + "resolved_date, outcome, _row FROM " + LakeQueries.table(lake, "complaint") + " WHERE year = 2013 ORDER BY received_date"))
                    .extracting(r -> r.get("unit_code"), r -> r.get("letter_no"), r -> r.get("received_date"), r -> r.get("kind"),
                            r -> r.get("anonymous"), r -> r.get("status"), r -> r.get("resolved_date"), r -> r.get("outcome"), r -> r.get("_row"))
                    .containsExactly(
                            tuple("DU01", "1", LocalDate.of(2013, 2, 5), "DENUNCIATION", true, "RESOLVED", LocalDate.of(2013, 3, 20), "PARTLY_FOUNDED", 3),
                            tuple("DU02", "2", LocalDate.of(2013, 3, 7), "APPEAL", false, "IN_PROGRESS", null, null, 4),
                            tuple("DU02", "3", LocalDate.of(2013, 4, 12), "PETITION", false, "FILED", null, null, 5));
            assertThat(LakeQueries.rows("SELECT subject FROM " + LakeQueries.table(lake, "complaint") + " WHERE letter_no = '3'"))
                    .extracting(r -> r.get("subject")).containsExactly("Chi bộ Văn phòng; tổ công tác số 2");
        }

        @Test
        void leavesTitleTotalsAndSignatureRowsOut() {
            assertThat(LakeQueries.count("SELECT count(*) FROM " + LakeQueries.table(lake, "inspection")
                    + " WHERE subject ILIKE '%Hoàng Văn Em%' OR subject ILIKE '%ỦY BAN%' OR decision_no ILIKE '%tổng%'")).isZero();
        }
    }

    @Nested
    class Summary {

        @Test
        void printsOneJsonDocumentWithEveryFileAndSheet() throws IOException {
            JsonNode json = run.json();
            assertThat(json.fieldNames()).toIterable().containsExactly("files", "totals", "rejects_report", "corrections_report", "units");
            assertThat(json.at("/units/added/count").asLong()).as("the first units reference adds every unit").isEqualTo(6);
            assertThat(json.at("/units/added/first_codes")).extracting(JsonNode::asText).containsExactly("DBK", "DU01", "DU02", "DU03", "CB0101");
            assertThat(List.of("renamed", "moved", "merged", "changed")).allSatisfy(kind -> assertThat(json.at("/units/" + kind + "/count").asLong()).isZero());
            assertThat(json.at("/units/level_warnings")).isEmpty();
            Path list = Path.of(json.at("/units/list").asText());
            assertThat(list).isEqualTo(home.resolve("reports").resolve("unit-changes-run-1.csv"));
            assertThat(ReportFiles.csv(list)).extracting(c -> c.get("code") + " " + c.get("changes"))
                    .containsExactly("DBK ADDED", "DU01 ADDED", "DU02 ADDED", "DU03 ADDED", "CB0101 ADDED", "CB0201 ADDED");
            Map<String, String> statuses = new TreeMap<>();
            json.get("files").forEach(f -> statuses.put(Path.of(f.get("path").asText()).getFileName().toString(), f.get("status").asText()));
            assertThat(statuses).containsExactly(
                    Map.entry("don-thu-2013-gui-lai.csv", "INGESTED"),
                    Map.entry("don-thu-2013.csv", "ALREADY_INGESTED"),
                    Map.entry("don-vi.xlsx", "INGESTED"),
                    Map.entry("kiem-tra-2014-bo-sung.csv", "INGESTED"),
                    Map.entry("kiem-tra-2014.xlsx", "INGESTED"),
                    Map.entry("loi.xlsx", "INGESTED"));
            JsonNode register = file(json, "kiem-tra-2014.xlsx");
            assertThat(register.get("sheets")).extracting(s -> s.get("sheet").asText(), s -> s.get("record_type").asText(null),
                            s -> s.get("accepted").asLong(), s -> s.get("corrected").asLong(), s -> s.get("duplicates").asLong(),
                            s -> s.get("rejected").asLong())
                    // row 6 corrects the supplement's 01-QĐ/UBKT (read first, without the register's other columns); row 10 repeats row 6
                    .containsExactly(tuple("Quý I-2014", "inspection", 4L, 1L, 1L, 0L),
                            tuple("Ghi chú", null, 0L, 0L, 0L, 0L),
                            tuple("Giám sát", "supervision", 2L, 0L, 0L, 0L));
            assertThat(file(json, "don-thu-2013.csv").get("reason").asText()).isEqualTo("same content as don-thu-2013-gui-lai.csv in this batch");
            assertThat(json.at("/totals/inspection/accepted").asLong()).isEqualTo(7);
            assertThat(json.at("/totals/inspection/duplicates").asLong()).isEqualTo(1);
            assertThat(json.at("/totals/inspection/corrected").asLong()).isEqualTo(1);
            assertThat(json.at("/totals/inspection/rejected").asLong()).isEqualTo(8);
            assertThat(json.at("/totals/units/accepted").asLong()).isEqualTo(6);
            assertThat(json.at("/totals/discipline/rejected").asLong()).isEqualTo(3);
            assertThat(json.at("/totals/complaint/accepted").asLong()).isEqualTo(4);
        }

        @Test
        void appliesTheUnitsReferenceFirstWhateverTheOrderOfTheFiles() {
            assertThat(Path.of(run.json().get("files").get(0).get("path").asText()).getFileName()).hasToString("don-vi.xlsx");
        }

        private JsonNode file(JsonNode json, String name) {
            for (JsonNode f : json.get("files")) {
                if (f.get("path").asText().endsWith("/" + name)) {
                    return f;
                }
            }
            throw new AssertionError("no file " + name + " in " + json);
        }
    }

    @Nested
    class Rejects {

        List<CSVRecord> report() throws IOException {
            Path report = Path.of(run.json().get("rejects_report").asText());
            byte[] bytes = Files.readAllBytes(report);
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(text)).getRecords();
        }

        @Test
        void explainsEveryRejectedRowWithFileSheetRowFieldAndReason() throws IOException {
            assertThat(report()).extracting(r -> r.get("file"), r -> r.get("sheet"), r -> r.get("row"), r -> r.get("field"), r -> r.get("reason"))
                    .containsExactly(
                            tuple("loi.xlsx", "Kiểm tra", "2", "subject", "required value missing (column 'Tên đối tượng')"),
                            tuple("loi.xlsx", "Kiểm tra", "3", "type", "'Kiểm tra đột xuất' is not a recognised value (expected one of "
                                    + "Kiểm tra khi có dấu hiệu vi phạm, Kiểm tra thực hiện nhiệm vụ kiểm tra, giám sát, thi hành kỷ luật, "
                                    + "Kiểm tra tài chính đảng, Kiểm tra chấp hành)"),
                            tuple("loi.xlsx", "Kiểm tra", "4", "unit", "unknown unit 'DU99' (not a code, name or alias in the units reference)"),
                            tuple("loi.xlsx", "Kiểm tra", "5", "start_date", "'mười tháng một' is not a date (expected dd/MM/yyyy, yyyy-MM-dd, "
                                    + "an Excel date or \"ngày d tháng M năm yyyy\")"),
                            tuple("loi.xlsx", "Kiểm tra", "6", "start_date", "'31/02/2014' is not a date that exists (Invalid date 'FEBRUARY 31')"),
                            tuple("loi.xlsx", "Kiểm tra", "7", "start_date", "date 2099-01-01 is in the future"),
                            tuple("loi.xlsx", "Kiểm tra", "8", "start_date", "date 1920-01-01 is before 1930-01-01"),
                            tuple("loi.xlsx", "Kiểm tra", "9", "end_date", "end_date 2014-03-01 is before start_date 2014-03-10"),
                            tuple("loi.xlsx", "Kỷ luật", "2", "form", "Giải tán (DISSOLUTION) applies to organizations, not to a party member"),
                            tuple("loi.xlsx", "Kỷ luật", "3", "form", "Cách chức / Khai trừ (DISMISSAL / EXPULSION) apply to party members, not to an organization"),
                            tuple("loi.xlsx", "Kỷ luật", "4", "form", "Cách chức / Khai trừ (DISMISSAL / EXPULSION) apply to party members, not to an organization"),
                            tuple("loi.xlsx", "Đơn thư", "2", "resolved_date", "resolved_date 2014-05-10 is before received_date 2014-05-15"));
        }

        @Test
        void keepsTheOriginalValuesOfARejectedRow() throws IOException {
            assertThat(report().get(4).get("original_values"))
                    .isEqualTo("STT: 5 | Đơn vị: DU01 | Số quyết định: R5 | Ngày quyết định: 31/02/2014 | Đối tượng: Đảng viên "
                            + "| Tên đối tượng: Ngô Văn Hải | Loại kiểm tra: Chấp hành");
        }

        @Test
        void putsEveryRowInExactlyOnePlace() throws IOException {
            // loi.xlsx has 9 + 4 + 2 data rows: 3 accepted, 12 rejected, none lost
            long accepted = LakeQueries.count("SELECT count(*) FROM (SELECT _source_file FROM " + LakeQueries.table(lake, "inspection")
                    + " UNION ALL SELECT _source_file FROM " + LakeQueries.table(lake, "discipline")
                    + " UNION ALL SELECT _source_file FROM " + LakeQueries.table(lake, "complaint") + ") WHERE _source_file = 'loi.xlsx'");
            assertThat(accepted).isEqualTo(3);
            assertThat(report()).filteredOn(r -> r.get("file").equals("loi.xlsx")).hasSize(12);
        }
    }

    @Nested
    class PersonalData {

        @Test
        void keepsAKeyedPseudonymOfMembersAndTheNameOfOrganizations() {
            assertThat(LakeQueries.warehouseRows(home, "SELECT subject_type, subject FROM inspection"
                    + " WHERE decision_no IN ('01-QĐ/UBKT', '02-QĐ/UBKT')  ORDER BY decision_no"))
                    .extracting(r -> r.get("subject_type"), r -> r.get("subject"))
                    .containsExactly(tuple("MEMBER", PSEUDONYMS.pseudonym("Nguyễn Văn An")), tuple("ORG", "Chi bộ Vụ Tổng hợp"));
        }

        @Test
        void leavesNoMemberNameInAnyParquetFile() {
            for (String type : List.of("inspection", "supervision", "discipline", "complaint", "units")) {
                List<Map<String, Object>> rows = LakeQueries.rows("SELECT * FROM " + LakeQueries.table(lake, type));
                assertThat(rows).isNotEmpty();
                for (Map<String, Object> row : rows) {
                    String all = row.values().toString().toLowerCase(java.util.Locale.ROOT);
                    for (String name : MEMBER_NAMES) {
                        assertThat(all).as(type + " row " + row).doesNotContain(name.toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
    }

    @Test
    void reingestingTheSameFilesChangesNothing(@TempDir Path temp) throws IOException {
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx", "kiem-tra-2014.xlsx");
        Path home = temp.resolve("home");
        assertThat(Cli.run("--home", home.toString(), "ingest", inbox.toString()).exitCode()).isZero();
        Map<String, String> before = fingerprint(home.resolve("lake"));

        Cli.Result again = Cli.run("ingest", inbox.toString(), "--home", home.toString(), "--format", "json");

        assertThat(again.exitCode()).isZero();
        assertThat(again.json().get("files")).extracting(f -> f.get("status").asText()).containsOnly("ALREADY_INGESTED");
        assertThat(again.json().get("totals").size()).isZero();
        assertThat(fingerprint(home.resolve("lake"))).isEqualTo(before);
    }

    @Test
    void countsRecordsTheLakeAlreadyHoldsAsDuplicates(@TempDir Path temp) throws IOException {
        Path home = temp.resolve("home");
        Path first = Fixtures.copy(Fixtures.INGEST, temp.resolve("first"), "don-vi.xlsx", "kiem-tra-2014.xlsx");
        assertThat(Cli.run("--home", home.toString(), "ingest", first.toString()).exitCode()).isZero();
        Path second = Fixtures.copy(Fixtures.INGEST, temp.resolve("second"), "kiem-tra-2014-bo-sung.csv");

        Cli.Result result = Cli.run("--home", home.toString(), "ingest", second.toString(), "--format", "json");

        assertThat(result.json().at("/files/0/sheets/0/accepted").asLong()).isEqualTo(1);
        assertThat(result.json().at("/files/0/sheets/0/duplicates").asLong()).isEqualTo(1);
        assertThat(LakeQueries.count("SELECT count(*) FROM " + LakeQueries.table(home.resolve("lake"), "inspection")
                + " WHERE decision_no = '01-QĐ/UBKT'")).isEqualTo(1);
        assertThat(LakeQueries.count("SELECT count(*) FROM " + LakeQueries.table(home.resolve("lake"), "inspection"))).isEqualTo(6);
    }

    @Test
    void quarantinesAnUnreadableFileAndIngestsTheOthers(@TempDir Path temp) throws IOException {
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx", "kiem-tra-2014.xlsx");
        Fixtures.copy(Fixtures.BROKEN, inbox, "hong.xlsx");
        Path home = temp.resolve("home");

        Cli.Result result = Cli.run("--home", home.toString(), "ingest", inbox.toString(), "--format", "json");

        assertThat(result.exitCode()).isEqualTo(3);
        JsonNode broken = null;
        for (JsonNode f : result.json().get("files")) {
            if (f.get("path").asText().endsWith("hong.xlsx")) {
                broken = f;
            } else {
                assertThat(f.get("status").asText()).isEqualTo("INGESTED");
            }
        }
        assertThat(broken).isNotNull();
        assertThat(broken.get("status").asText()).isEqualTo("QUARANTINED");
        assertThat(broken.get("reason").asText()).startsWith("the file is not a readable .xlsx archive (corrupt or truncated)");
        Path quarantine = home.resolve("quarantine");
        try (Stream<Path> files = Files.list(quarantine)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.endsWith("-hong.xlsx"))
                    .anyMatch(n -> n.endsWith("-hong.xlsx.reason.txt"));
        }
        assertThat(Files.readAllBytes(inbox.resolve("hong.xlsx"))).isEqualTo(Files.readAllBytes(Fixtures.BROKEN.resolve("hong.xlsx")));

        Cli.Result again = Cli.run("--home", home.toString(), "ingest", inbox.resolve("hong.xlsx").toString(), "--format", "json");
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.json().at("/files/0/status").asText()).isEqualTo("QUARANTINED");
        try (Stream<Path> files = Files.list(quarantine)) {
            assertThat(files.count()).isEqualTo(2);
        }
    }

    @Nested
    class AFailedRun {

        private Path failOnce(Path temp) throws IOException {
            Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx", "kiem-tra-2014.xlsx");
            System.setProperty("lake.compression-codec", "no-such-codec");
            try {
                Cli.Result failed = Cli.run("--home", temp.resolve("home").toString(), "ingest", inbox.toString());
                assertThat(failed.exitCode()).isEqualTo(1);
                assertThat(failed.err()).contains("ingest run 1 ended FAILED").contains("Run the same command again to resume it");
            } finally {
                System.clearProperty("lake.compression-codec");
            }
            return inbox;
        }

        @Test
        void isResumedByTheSameCommand(@TempDir Path temp) throws IOException {
            Path inbox = failOnce(temp);

            Cli.Result again = Cli.run("--home", temp.resolve("home").toString(), "ingest", inbox.toString(), "--format", "json");

            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.json().get("files")).extracting(f -> f.get("status").asText()).containsOnly("INGESTED");
            assertThat(temp.resolve("home/reports/ingest-run-1.json")).exists();
            assertThat(Files.readString(temp.resolve("home/logs/pipeline.log"))).contains("resuming interrupted ingest run 1");
        }

        @Test
        void isAbandonedForANewRunWithNoResume(@TempDir Path temp) throws IOException {
            Path inbox = failOnce(temp);

            Cli.Result again = Cli.run("--home", temp.resolve("home").toString(), "ingest", inbox.toString(), "--no-resume", "--format", "json");

            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.json().get("files")).extracting(f -> f.get("status").asText()).containsOnly("INGESTED");
            assertThat(temp.resolve("home/reports/ingest-run-2.json")).exists();
            assertThat(temp.resolve("home/reports/ingest-run-1.json")).doesNotExist();
            assertThat(Files.readString(temp.resolve("home/logs/pipeline.log"))).contains("abandoning interrupted ingest run 1: asked not to resume");
        }
    }

    @Test
    void failsWithExitCodeOneAndNamesAPathThatDoesNotExist(@TempDir Path temp) {
        Cli.Result result = Cli.run("--home", temp.resolve("home").toString(), "ingest", temp.resolve("missing.xlsx").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("missing.xlsx").contains("no such file or folder");
    }

    @Test
    void printsAReadableTableByDefault(@TempDir Path temp) throws IOException {
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx", "kiem-tra-2014.xlsx");

        Cli.Result result = Cli.run("ingest", inbox.toString(), "--home", temp.resolve("home").toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("kiem-tra-2014.xlsx  [INGESTED]")
                .containsPattern("Quý I-2014\\s+inspection\\s+17\\s+5\\s+0\\s+1\\s+0\\s+11\n")
                .contains("      other rows: 3 blank, 2 title, 1 header, 1 column numbers, 1 total, 3 signature\n")
                .containsPattern("Ghi chú\\s+skipped: not a register")
                .contains("UNITS REFERENCE\n  6 units added: DBK, DU01, DU02, DU03, CB0101 and 1 more\n"
                        + "  Every change: " + temp.resolve("home").resolve("reports").resolve("unit-changes-run-1.csv").toAbsolutePath().normalize() + "\n")
                .contains("Rejects report: ");
    }

    /** Every file under the lake with a SHA-256 of its content. */
    static Map<String, String> fingerprint(Path lake) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(lake)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                try {
                    byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                    files.put(lake.relativize(file).toString(), HexFormat.of().formatHex(digest));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return files;
    }
}
