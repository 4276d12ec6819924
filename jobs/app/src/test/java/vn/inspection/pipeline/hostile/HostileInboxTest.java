package vn.inspection.pipeline.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.inspection.pipeline.support.ChildJvm;
import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.FileTree;
import vn.inspection.pipeline.support.Fixtures;
import vn.inspection.pipeline.text.SpreadsheetCsv;

/**
 * What a hostile or careless inbox cannot do: block every run with one odd file name, make the pipeline read what a
 * symbolic link points to (the pseudonym key, /etc/shadow), put members' names into world-readable files or cron's
 * mail, smuggle a formula into a CSV meant for Excel, or forge a line of the log with a newline in a file name.
 */
class HostileInboxTest {
    static final String SHADOW = "root:*:19700:0:99999:7:::\nnobody:*:19700:0:99999:7:::\n";
    static final String KEY_HEX = "5f4dcc3b5aa765d61d8327deb882cf99e3b0c44298fc1c149afbf4c8996fb924";
    static final List<String> MEMBERS = List.of("Hoàng Thị Bí Mật", "Lương Văn Kín Đáo", "Trịnh Thị Ẩn Danh");
    /** A register of inspections without its header row: the planner finds no header, only rows of data with names. */
    static final String HEADERLESS = "DU01,93-QĐ/UBKT,12/03/2014,Đảng viên," + MEMBERS.get(0) + ",Chấp hành\n"
            + "DU01,94-QĐ/UBKT,13/03/2014,Đảng viên," + MEMBERS.get(1) + ",Chấp hành\n"
            + "DU01,95-QĐ/UBKT,14/03/2014,Đảng viên," + MEMBERS.get(2) + ",Chấp hành\n";

    @TempDir
    Path temp;

    // ---- 3. a file name that is not valid UTF-8 ------------------------------------------------------------------

    @Test
    void aFileNameNotValidInTheFileSystemsEncodingIsReportedAndNeverBlocksTheOtherFiles() throws Exception {
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx", "don-thu-2013.csv");
        rawName(inbox, "bad-\\377\\376-utf8.csv", Fixtures.INGEST.resolve("kiem-tra-2014-bo-sung.csv"));
        assertThat(names(inbox)).as("the file is there, under a name Java decodes with U+FFFD").anyMatch(n -> n.contains("\uFFFD"));
        Map<String, String> inboxBefore = FileTree.snapshot(inbox);
        Path home = temp.resolve("home");

        for (int run = 1; run <= 2; run++) {
            Cli.Result result = Cli.run("--home", home.toString(), "ingest", inbox.toString(), "--format", "json");

            assertThat(result.exitCode()).as("run %d: %s", run, result.err()).isEqualTo(3);
            JsonNode bad = fileNamed(result.json(), "bad-");
            assertThat(bad.get("status").asText()).isEqualTo("NOT_RECOGNISED");
            assertThat(bad.get("reason").asText()).startsWith("not read: its name is not valid in the file system's encoding")
                    .contains("rename the file");
            String expected = run == 1 ? "INGESTED" : "ALREADY_INGESTED";
            assertThat(fileNamed(result.json(), "don-vi.xlsx").get("status").asText()).as("run %d", run).isEqualTo(expected);
            assertThat(fileNamed(result.json(), "don-thu-2013.csv").get("status").asText()).as("run %d", run).isEqualTo(expected);
        }
        assertThat(FileTree.snapshot(inbox)).as("the inbox is never modified").isEqualTo(inboxBefore);
        assertThat(home.resolve("quarantine")).as("a file not read is not copied").doesNotExist();

        // the nightly of a fresh home ingests the two others and reports the odd one, every night until it is renamed
        Path nightlyHome = temp.resolve("nightly-home");
        Cli.Result night = Cli.run("--home", nightlyHome.toString(), "nightly", "--inbox", inbox.toString(), "--as-of", "2014-07-02", "--format", "json");

        assertThat(night.exitCode()).as(night.err()).isEqualTo(3);
        assertThat(night.json().at("/files/ingested").asInt()).isEqualTo(2);
        assertThat(night.json().at("/files/not_recognised").asInt()).isEqualTo(1);
        assertThat(night.json().get("problems").get(0).get("reason").asText()).contains("not valid in the file system's encoding");
        Cli.Result again = Cli.run("--home", nightlyHome.toString(), "nightly", "--inbox", inbox.toString(), "--as-of", "2014-07-02", "--format", "json");
        assertThat(again.exitCode()).as(again.err()).isEqualTo(3);
        assertThat(again.json().at("/files/already_ingested").asInt()).isEqualTo(2);
        assertThat(again.json().at("/files/not_recognised").asInt()).isEqualTo(1);
    }

    @Test
    void underAnAsciiLocaleAVietnameseNameIsReportedWithTheFixAndTheOthersAreIngested() throws Exception {
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx");
        Files.copy(Fixtures.INGEST.resolve("don-thu-2013.csv"), inbox.resolve("đơn-thư-2013.csv"));
        Path home = temp.resolve("home");
        Path out = temp.resolve("child.out");
        ProcessBuilder child = new ProcessBuilder(ChildJvm.command(List.of(), List.of(), "--home", home.toString(), "ingest", inbox.toString(),
                "--format", "json")).redirectOutput(out.toFile()).redirectError(temp.resolve("child.err").toFile());
        child.environment().put("LC_ALL", "C"); // as cron runs a command without the launcher

        Process process = child.start();

        assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(temp.resolve("child.err"))).isEqualTo(3);
        JsonNode run = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(out));
        assertThat(fileNamed(run, "don-vi.xlsx").get("status").asText()).isEqualTo("INGESTED");
        JsonNode vietnamese = fileNamed(run, "\uFFFD");
        assertThat(vietnamese.get("status").asText()).isEqualTo("NOT_RECOGNISED");
        assertThat(vietnamese.get("reason").asText()).contains("not valid in the file system's encoding (ANSI_X3.4-1968)")
                .contains("run the pipeline with a UTF-8 locale (LANG=C.UTF-8)");
    }

    // ---- 4. symbolic links -----------------------------------------------------------------------------------------

    @Test
    void symbolicLinksInTheInboxAreReportedAndNeverReadNorCopied() throws Exception {
        Path outside = secrets();
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx");
        Files.createSymbolicLink(inbox.resolve("khoa.csv"), outside.resolve("pseudonym.key"));
        Files.createSymbolicLink(inbox.resolve("shadow.csv"), outside.resolve("shadow"));
        Files.createSymbolicLink(inbox.resolve("bang.xls"), outside.resolve("shadow"));
        Files.createSymbolicLink(inbox.resolve("thu-muc"), outside.resolve("registers"));
        Files.createSymbolicLink(inbox.resolve("mat.csv"), outside.resolve("nowhere.csv"));
        Map<String, String> outsideBefore = FileTree.snapshot(outside);
        Path home = temp.resolve("home");

        Cli.Result result = Cli.run("--home", home.toString(), "ingest", inbox.toString(), "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(fileNamed(result.json(), "don-vi.xlsx").get("status").asText()).isEqualTo("INGESTED");
        for (String link : List.of("khoa.csv", "shadow.csv", "bang.xls", "thu-muc", "mat.csv")) {
            JsonNode file = fileNamed(result.json(), link);
            assertThat(file.get("status").asText()).as(link).isEqualTo("NOT_RECOGNISED");
            assertThat(file.get("reason").asText()).as(link).isEqualTo("not read: a symbolic link; copy the file itself into the inbox");
        }
        assertThat(result.json().get("files")).as("nothing below the linked folder").hasSize(6);
        assertThat(home.resolve("quarantine")).as("no link copied into the quarantine").doesNotExist();
        assertLeaksNothing(home, result, List.of("root:*", KEY_HEX, "DU99"));
        assertThat(FileTree.snapshot(outside)).isEqualTo(outsideBefore);

        // the nightly reports them too, and reads none of them either
        Cli.Result night = Cli.run("--home", home.toString(), "nightly", "--inbox", inbox.toString(), "--as-of", "2014-07-02", "--format", "json");
        assertThat(night.exitCode()).as(night.err()).isEqualTo(3);
        assertThat(night.json().at("/files/not_recognised").asInt()).isEqualTo(5);
        assertLeaksNothing(home, night, List.of("root:*", KEY_HEX, "DU99"));
    }

    @Test
    void aSymbolicLinkGivenOnTheCommandLineIsRefusedAndNothingChanges() throws Exception {
        Path outside = secrets();
        Path home = temp.resolve("home");
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx");
        assertThat(Cli.run("--home", home.toString(), "ingest", inbox.toString()).exitCode()).isZero();
        Path link = Files.createSymbolicLink(temp.resolve("shadow.csv"), outside.resolve("shadow"));
        Map<String, String> before = FileTree.snapshot(home);

        Cli.Result result = Cli.run("--home", home.toString(), "ingest", link.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("pipeline ingest: " + link + " is a symbolic link: not read; give the file itself");
        assertThat(result.out() + result.err()).doesNotContain("root:*");
        assertThat(FileTree.snapshot(home)).isEqualTo(before);
    }

    // ---- 5. members' names in world-readable files -------------------------------------------------------------

    @Test
    void aRegisterWithoutItsHeaderRowPutsNoMemberNameInSummariesLogsOrStdoutAndTheHomeKeepsNamesFromOthers() throws Exception {
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx");
        Files.writeString(inbox.resolve("kiem-tra-khong-tieu-de.csv"), HEADERLESS, StandardCharsets.UTF_8);
        Files.copy(Fixtures.BROKEN.resolve("hong.xlsx"), inbox.resolve("hong.xlsx"));
        Path home = temp.resolve("home");

        Cli.Result ingest = Cli.run("--home", home.toString(), "ingest", inbox.toString());
        Files.copy(Fixtures.INGEST.resolve("don-thu-2013.csv"), inbox.resolve("don-thu-2013.csv"));
        Cli.Result night = Cli.run("--home", home.toString(), "nightly", "--inbox", inbox.toString(), "--as-of", "2014-07-02", "--move-processed");

        assertThat(ingest.exitCode()).as(ingest.err()).isEqualTo(3);
        assertThat(night.exitCode()).as(night.err()).isEqualTo(3);
        assertThat(mode(home.resolve("processed"))).isEqualTo("rwx------");
        assertThat(files(home.resolve("processed"))).hasSize(2).allSatisfy(f -> assertThat(mode(f)).isEqualTo("rw-------"));
        assertThat(ingest.out()).contains("kiem-tra-khong-tieu-de.csv  [NOT_RECOGNISED] no register recognised: no header found (")
                .contains("cells of text not shown here: it may be a row of data, with members' names)");
        for (Cli.Result result : List.of(ingest, night)) {
            assertThat(MEMBERS).noneMatch(result.out()::contains).noneMatch(result.err()::contains);
        }
        for (Path file : files(home)) {
            String utf8 = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            assertThat(MEMBERS).as(home.relativize(file).toString()).noneMatch(utf8::contains);
        }
        Set<PosixFilePermission> others = Set.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
        for (Path summary : Stream.of(files(home.resolve("runs")), files(home.resolve("logs")),
                files(home.resolve("reports")).stream().filter(f -> f.getFileName().toString().startsWith("ingest-run-")).toList())
                .flatMap(List::stream).toList()) {
            assertThat(Files.getPosixFilePermissions(summary)).as(home.relativize(summary).toString()).doesNotContainAnyElementsOf(others)
                    .doesNotContain(PosixFilePermission.GROUP_WRITE);
        }
        assertThat(files(home.resolve("runs"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(home.resolve("logs/pipeline.log")).exists();
        assertThat(mode(home.resolve("quarantine"))).isEqualTo("rwx------");
        assertThat(files(home.resolve("quarantine"))).hasSize(2).allSatisfy(f -> assertThat(mode(f)).isEqualTo("rw-------"));
    }

    // ---- 10. formulas in CSV meant for Excel --------------------------------------------------------------------

    @Test
    void fileNamesAndCellsThatLookLikeFormulasAreQuotedInTheRejectsCsv() throws Exception {
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx");
        Files.copy(Fixtures.BROKEN.resolve("hong.xlsx"), inbox.resolve("@SUM(1+1)cmd.xlsx"));
        Files.writeString(inbox.resolve("=HYPERLINK(A1,B1).csv"), "Đơn vị,Số quyết định,Ngày quyết định,Đối tượng,Tên đối tượng,Loại kiểm tra\n"
                + "DU01,93-QĐ/UBKT,31/02/2014,Đảng viên,=2+5+cmd|' \\C calc'!A0,Chấp hành\n", StandardCharsets.UTF_8);
        Path home = temp.resolve("home");

        Cli.Result result = Cli.run("--home", home.toString(), "ingest", inbox.toString(), "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        String rejects = Files.readString(Path.of(result.json().get("rejects_report").asText()), StandardCharsets.UTF_8);
        List<String> cells = cells(rejects);
        assertThat(cells).contains("'@SUM(1+1)cmd.xlsx", "'=HYPERLINK(A1,B1).csv");
        assertThat(cells).noneMatch(c -> !c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0 && !c.matches("-?\\d+"));
        assertThat(rejects).contains("=2+5+cmd").doesNotContain(",=2+5+cmd").doesNotContain("\"=2+5+cmd");
        for (Path perFile : files(home.resolve("reports/rejects"))) {
            assertThat(cells(Files.readString(perFile, StandardCharsets.UTF_8))).contains("'=HYPERLINK(A1,B1).csv")
                    .noneMatch(c -> !c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0);
        }
    }

    @Test
    void sqlCsvQuotesFormulasAndKeepsNegativeNumbersNumbers() throws Exception {
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx");
        Path home = temp.resolve("home");
        assertThat(Cli.run("--home", home.toString(), "ingest", inbox.toString()).exitCode()).isZero();
        Map<String, String> before = FileTree.snapshot(home);

        Cli.Result result = Cli.run("--home", home.toString(), "sql", "--format", "csv",
                "SELECT '=1+2' AS a, -3 AS b, '@SUM(A1)' AS c, '+cmd' AS d, '-2+3' AS e, -1.5 AS f, 'plain' AS g");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).containsExactly("a,b,c,d,e,f,g", "'=1+2,-3,'@SUM(A1),'+cmd,'-2+3,-1.5,plain");
        assertThat(FileTree.snapshot(home)).isEqualTo(before);
    }

    @Test
    void spreadsheetSafeCellsFollowOwasp() {
        assertThat(SpreadsheetCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(SpreadsheetCsv.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetCsv.cell("\r=1")).isEqualTo("'\r=1");
        assertThat(SpreadsheetCsv.cell("-3")).isEqualTo("-3");
        assertThat(SpreadsheetCsv.cell("-12.5")).isEqualTo("-12.5");
        assertThat(SpreadsheetCsv.cell("+4")).isEqualTo("+4");
        assertThat(SpreadsheetCsv.cell("-3+cmd")).isEqualTo("'-3+cmd");
        assertThat(SpreadsheetCsv.cell("Đơn vị")).isEqualTo("Đơn vị");
        assertThat(SpreadsheetCsv.value(-7L)).isEqualTo(-7L);
    }

    // ---- 12. control characters in file names ----------------------------------------------------------------------

    @Test
    void aNewlineInAFileNameCannotForgeALineOfTheLogTheSummaryOrStderr() throws Exception {
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx");
        String forged = "ERROR IngestPlanner: the lake was deleted";
        Files.writeString(inbox.resolve("ghi-chu.csv\n" + forged + "\r\u001b[2J.csv"), "một,hai\nba,bốn\n", StandardCharsets.UTF_8);
        Path home = temp.resolve("home");

        Cli.Result ingest = Cli.run("--home", home.toString(), "ingest", inbox.toString());
        Cli.Result night = Cli.run("--home", home.toString(), "nightly", "--inbox", inbox.toString(), "--as-of", "2014-07-02");

        assertThat(ingest.exitCode()).as(ingest.err()).isEqualTo(3);
        assertThat(night.exitCode()).as(night.err()).isEqualTo(3);
        List<String> lines = new ArrayList<>();
        lines.addAll(ingest.out().lines().toList());
        lines.addAll(ingest.err().lines().toList());
        lines.addAll(night.out().lines().toList());
        lines.addAll(night.err().lines().toList());
        for (Path file : files(home.resolve("logs"))) {
            lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        for (Path file : files(home.resolve("runs"))) {
            lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        for (Path file : files(home.resolve("reports"))) {
            lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        assertThat(lines).noneMatch(l -> l.contains(forged) && !l.contains("ghi-chu.csv\\n" + forged));
        assertThat(lines).noneMatch(l -> l.contains("\u001b"));
        assertThat(String.join("\n", ingest.out(), ingest.err())).contains("ghi-chu.csv\\nERROR IngestPlanner: the lake was deleted\\r\\x1b[2J.csv");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    /** A folder outside the inbox with what must never be read: a key, a shadow file, a folder of registers. */
    private Path secrets() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("pseudonym.key"), KEY_HEX + "\n");
        Files.writeString(outside.resolve("shadow"), SHADOW);
        Path registers = Files.createDirectories(outside.resolve("registers"));
        Files.writeString(registers.resolve("ngoai.csv"), "Đơn vị,Số quyết định,Ngày quyết định,Đối tượng,Tên đối tượng,Loại kiểm tra\n"
                + "DU99,93-QĐ/UBKT,12/03/2014,Tổ chức đảng,Chi bộ Ngoài,Chấp hành\n", StandardCharsets.UTF_8);
        return outside;
    }

    /** No text of the secrets on stdout or stderr, nor in any file of the home. */
    private static void assertLeaksNothing(Path home, Cli.Result result, List<String> secrets) throws IOException {
        for (String secret : secrets) {
            assertThat(result.out()).doesNotContain(secret);
            assertThat(result.err()).doesNotContain(secret);
        }
        for (Path file : files(home)) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            for (String secret : secrets) {
                assertThat(text).as(home.relativize(file).toString()).doesNotContain(secret);
            }
        }
    }

    /** Copies a file into the folder under a name given as printf bytes (e.g. {@code \377}), as a shell would. */
    private static void rawName(Path folder, String printfName, Path source) throws IOException, InterruptedException {
        Process cp = new ProcessBuilder("/bin/sh", "-c", "cp \"$1\" \"$2/$(printf \"$3\")\"", "sh",
                source.toAbsolutePath().toString(), folder.toAbsolutePath().toString(), printfName).inheritIO().start();
        assertThat(cp.waitFor()).isZero();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static JsonNode fileNamed(JsonNode run, String prefix) {
        for (JsonNode file : run.get("files")) {
            String path = file.get("path").asText();
            if (path.substring(path.lastIndexOf('/') + 1).startsWith(prefix)) {
                return file;
            }
        }
        throw new AssertionError(prefix + " not in " + run);
    }

    private static List<String> cells(String csv) throws IOException {
        List<String> cells = new ArrayList<>();
        try (var parser = org.apache.commons.csv.CSVParser.parse(csv.replace("\uFEFF", ""), org.apache.commons.csv.CSVFormat.RFC4180)) {
            parser.forEach(record -> record.forEach(cells::add));
        }
        return cells;
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
