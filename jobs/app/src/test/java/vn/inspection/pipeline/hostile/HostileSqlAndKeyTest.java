package vn.inspection.pipeline.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.FileTree;
import vn.inspection.pipeline.support.Fixtures;

/**
 * The second round of the hostile probe, for the SQL door and the pseudonym key: a statement that would overwrite
 * the warehouse (or put a file beside it) is refused with one line and changes no file; a runaway statement is
 * stopped by the door's memory and time limits with one line; and the home is the same after as before.
 */
class HostileSqlAndKeyTest {
    @TempDir
    static Path shared;
    static Path home;

    @BeforeAll
    static void ingest() throws IOException {
        home = shared.resolve("home");
        Path inbox = Fixtures.copy(Fixtures.INGEST, shared.resolve("inbox"), "don-vi.xlsx", "kiem-tra-2014.xlsx");
        Cli.Result ingest = Cli.run("--home", home.toString(), "ingest", inbox.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    }

    @AfterEach
    void clearLimits() {
        System.clearProperty("pipeline.sql.timeout");
        System.clearProperty("pipeline.sql.memory-limit");
        System.clearProperty("pipeline.sql.threads");
    }

    /** The files DuckDB itself keeps allowed even with external access off: the warehouse, its WAL and their siblings; and settings. */
    static Stream<String> statementsAgainstTheWarehouseFile() {
        Path warehouse = home.resolve("warehouse/warehouse.duckdb");
        return Stream.of(
                "COPY (SELECT 1 AS a) TO '" + warehouse + "' (USE_TMP_FILE false)",
                "COPY (SELECT 1 AS a) TO '" + warehouse + "'",
                "COPY (SELECT 1 AS a) TO '" + warehouse + ".wal'",
                "COPY (SELECT 1 AS a) TO '" + warehouse + ".wal.checkpoint' (FORMAT parquet)",
                "COPY (SELECT 1 AS a) TO '" + warehouse + ".wal.recovery'",
                "COPY units TO '" + warehouse + "' (FORMAT parquet, USE_TMP_FILE false)",
                "SELECT * FROM read_blob('" + warehouse + "')",
                "SELECT count(*) FROM read_text('" + warehouse + ".wal')",
                "EXPORT DATABASE '" + home.resolve("warehouse") + "'",
                "ATTACH '" + warehouse + ".wal' AS w (READ_WRITE)",
                "INSTALL httpfs",
                "LOAD httpfs",
                "SET disabled_filesystems = ''",
                "SET allowed_paths = ['/']",
                "SET memory_limit = '100GB'",
                "SET threads = 64",
                "SET max_temp_directory_size = '100GB'",
                "RESET memory_limit");
    }

    @ParameterizedTest
    @MethodSource("statementsAgainstTheWarehouseFile")
    void refusesAStatementAgainstTheWarehouseFileWithOneLineAndTheWarehouseStillAnswers(String statement) {
        Map<String, String> before = FileTree.snapshot(home);

        Cli.Result result = Cli.run("--home", home.toString(), "sql", statement);

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.err().lines().toList()).as(result.err()).singleElement().asString()
                .startsWith("pipeline sql: refused: ").doesNotContain("Exception", "\tat ");
        assertThat(FileTree.snapshot(home)).isEqualTo(before);
        Cli.Result after = Cli.run("--home", home.toString(), "sql", "SELECT count(*) AS n FROM inspection", "--format", "csv");
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.out()).isEqualTo("n\r\n5\r\n");
    }

    /** A statement's kind of runaway and the one line it ends with. */
    record Runaway(String sql, String says) {
        @Override
        public String toString() {
            return sql;
        }
    }

    static Stream<Runaway> runawayStatements() {
        String stopped = "pipeline sql: the query (ran past 3 s|needed more than 256MB of memory) and was stopped; narrow it or raise "
                + "pipeline\\.sql\\.(timeout|memory-limit)\n";
        return Stream.of(
                new Runaway("SELECT count(*) FROM range(1000000) a CROSS JOIN range(1000000) b",
                        "pipeline sql: the query ran past 3 s and was stopped; narrow it or raise pipeline\\.sql\\.timeout\n"),
                new Runaway("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r", stopped),
                new Runaway("WITH RECURSIVE r(n) AS (SELECT 1 UNION SELECT n + 1 FROM r) SELECT max(n) FROM r", stopped),
                new Runaway("SELECT * FROM range(60000000) ORDER BY range DESC", stopped));
    }

    @ParameterizedTest
    @MethodSource("runawayStatements")
    void stopsARunawayStatementWithinItsLimitsWithOneLine(Runaway runaway) {
        System.setProperty("pipeline.sql.timeout", "3s");
        System.setProperty("pipeline.sql.memory-limit", "256MB");
        Map<String, String> before = FileTree.snapshot(home);
        long started = System.nanoTime();

        Cli.Result result = Cli.run("--home", home.toString(), "sql", runaway.sql(), "--format", "csv");

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(seconds).as("stopped within a bounded time").isLessThan(30);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).matches(runaway.says());
        assertThat(result.out()).isEmpty();
        assertThat(FileTree.snapshot(home)).isEqualTo(before);
    }

    @Test
    void stopsASortThatNeedsMoreMemoryThanTheLimitWithOneLine() {
        System.setProperty("pipeline.sql.timeout", "5m");
        System.setProperty("pipeline.sql.memory-limit", "256MB");
        Map<String, String> before = FileTree.snapshot(home);
        long started = System.nanoTime();

        Cli.Result result = Cli.run("--home", home.toString(), "sql", "SELECT * FROM range(60000000) ORDER BY range DESC", "--format", "csv");

        assertThat((System.nanoTime() - started) / 1_000_000_000L).as("stopped by memory, not time").isLessThan(120);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("pipeline sql: the query needed more than 256MB of memory and was stopped; "
                + "narrow it or raise pipeline.sql.memory-limit\n");
        assertThat(result.out()).isEmpty();
        assertThat(FileTree.snapshot(home)).isEqualTo(before);
    }

    @Test
    void appliesTheConfiguredLimitsAndTheDefaults() {
        System.setProperty("pipeline.sql.memory-limit", "256MB");
        System.setProperty("pipeline.sql.threads", "1");
        Cli.Result limited = Cli.run("--home", home.toString(), "sql",
                "SELECT current_setting('memory_limit') AS m, current_setting('threads') AS t", "--format", "csv");
        assertThat(limited.exitCode()).as(limited.err()).isZero();
        assertThat(limited.out()).matches("m,t\r\n(244\\.1|256\\.0) MiB,1\r\n");
        clearLimits();

        Cli.Result defaults = Cli.run("--home", home.toString(), "sql",
                "SELECT current_setting('memory_limit') AS m, current_setting('max_temp_directory_size') AS spill", "--format", "csv");
        assertThat(defaults.exitCode()).as(defaults.err()).isZero();
        assertThat(defaults.out()).matches("(?s)m,spill\r\n(953\\.6 MiB|1\\.0 GiB),.*");
    }

    @Test
    void refusesABadLimitWithOneLine() {
        System.setProperty("pipeline.sql.memory-limit", "1GB'; SET lock_configuration=false; --");
        Cli.Result result = Cli.run("--home", home.toString(), "sql", "SELECT 1");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("pipeline sql: ").contains("pipeline.sql.memory-limit").doesNotContain("Exception")
                .hasLineCount(1);
    }
    // ---- what sql writes, and commands on a read-only home ----

    @Test
    void sqlWritesNoStatementToAnyFile() throws IOException {
        String marker = "statement_marker_7f3a";
        Map<String, String> before = FileTree.snapshot(home);

        Cli.Result ok = Cli.run("--home", home.toString(), "sql", "SELECT '" + marker + "' AS x");
        Cli.Result failed = Cli.run("--home", home.toString(), "sql", "SELECT * FROM " + marker);

        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains(marker).hasLineCount(1);
        assertThat(FileTree.snapshot(home)).isEqualTo(before);
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(marker);
            }
        }
    }

    @Test
    void historyAndARekeyDryRunWorkOnAReadOnlyHomeAndChangeNothing() throws Exception {
        Path readOnly = dir.resolve("home");
        Path inbox = Fixtures.copy(Fixtures.INGEST, dir.resolve("inbox"), "don-vi.xlsx", "kiem-tra-2014.xlsx");
        assertThat(Cli.run("--home", readOnly.toString(), "ingest", inbox.toString()).exitCode()).isZero();
        Map<String, String> before = FileTree.snapshot(readOnly);
        java.util.List<String> asUser = vn.inspection.pipeline.support.Unprivileged.wrapper();
        vn.inspection.pipeline.support.Unprivileged.makeReadOnlyAndProve(readOnly, readOnly.resolve("batch/jobs.mv.db"));
        try {
            for (String[] command : new String[][] {{"history", "--job", "ingest"}, {"history"}, {"rekey", "--dry-run"}, {"verify"}}) {
                String[] args = Stream.concat(Stream.of("--home", readOnly.toString()), Stream.of(command)).toArray(String[]::new);
                Cli.Result result = vn.inspection.pipeline.support.ChildJvm.run(asUser, args);
                assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result.out() + result.err()).isZero();
                assertThat(result.err()).as(String.join(" ", command)).doesNotContain("Exception", "\tat ");
                if (command[0].equals("history") && command.length > 1) {
                    assertThat(result.out()).contains("COMPLETED");
                }
            }
        } finally {
            vn.inspection.pipeline.support.Unprivileged.chmod("u+w", readOnly);
        }
        assertThat(FileTree.snapshot(readOnly)).isEqualTo(before);
    }

    // ---- the pseudonym key: a lake refuses a key it was not built with ----

    static final String OTHER_KEY = "another-pseudonym-key-fedcba9876543210";

    @TempDir
    Path dir;

    /** A home with the units and the 2013 letters ingested under the tests' key; and the letters re-saved with one changed cell. */
    private Path homeWithLetters() throws IOException {
        Path keyHome = dir.resolve("home");
        Path inbox = Fixtures.copy(Fixtures.INGEST, dir.resolve("inbox"), "don-vi.xlsx", "don-thu-2013.csv");
        Cli.Result ingest = Cli.run("--home", keyHome.toString(), "ingest", inbox.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        Path resaved = Files.createDirectories(dir.resolve("resaved")).resolve("don-thu-2013.csv");
        String letters = Files.readString(Fixtures.INGEST.resolve("don-thu-2013.csv"));
        assertThat(letters).contains("Đúng một phần");
        Files.writeString(resaved, letters.replaceFirst("Đúng một phần", "Đúng"));
        return keyHome;
    }

    private static Cli.Result withKey(String key, String... args) {
        String before = System.getProperty("pipeline.pseudonym-key");
        try {
            if (key == null) {
                System.clearProperty("pipeline.pseudonym-key");
            } else {
                System.setProperty("pipeline.pseudonym-key", key);
            }
            return Cli.run(args);
        } finally {
            System.setProperty("pipeline.pseudonym-key", before);
        }
    }

    @Test
    void refusesAnIngestUnderAnotherKeyBeforeReadingAnythingAndChangesNoFile() throws IOException {
        Path keyHome = homeWithLetters();
        assertThat(Files.readString(keyHome.resolve("lake/_key-fingerprint")).strip()).matches("[0-9a-f]{16}");
        Map<String, String> before = FileTree.snapshot(keyHome);

        Cli.Result ingest = withKey(OTHER_KEY, "--home", keyHome.toString(), "ingest", dir.resolve("resaved").toString());

        assertThat(ingest.exitCode()).as(ingest.out() + ingest.err()).isEqualTo(1);
        assertThat(ingest.err()).matches("pipeline ingest: the pseudonym key does not match the one this lake was built with \\(fingerprint "
                + "[0-9a-f]{16} ≠ [0-9a-f]{16}\\): restore " + java.util.regex.Pattern.quote(keyHome.resolve("pseudonym.key").toString())
                + " from your backup, or set PIPELINE_PSEUDONYM_KEY to the old key; a new key needs a new lake\n");
        assertThat(FileTree.snapshot(keyHome)).isEqualTo(before);

        Cli.Result nightly = withKey(OTHER_KEY, "--home", keyHome.toString(), "nightly", "--inbox", dir.resolve("resaved").toString(),
                "--as-of", "2014-07-02");
        assertThat(nightly.exitCode()).as(nightly.out() + nightly.err()).isEqualTo(1);
        assertThat(nightly.err()).contains("the pseudonym key does not match the one this lake was built with").hasLineCount(1);
        assertThat(FileTree.snapshot(keyHome)).isEqualTo(before);

        Cli.Result verify = withKey(OTHER_KEY, "--home", keyHome.toString(), "verify");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isEqualTo(1);
        assertThat(verify.out() + verify.err()).contains("the pseudonym key does not match the one this lake was built with");

        Cli.Result right = Cli.run("--home", keyHome.toString(), "ingest", dir.resolve("resaved").toString());
        assertThat(right.exitCode()).as("the lake's own key still ingests: " + right.err()).isZero();
        assertThat(Cli.run("--home", keyHome.toString(), "verify").exitCode()).isZero();
    }

    @Test
    void refusesToReplaceALostKeyFileAndIngestsAgainOnceItIsRestored() throws IOException {
        Path keyHome = dir.resolve("home");
        Path inbox = Fixtures.copy(Fixtures.INGEST, dir.resolve("inbox"), "don-vi.xlsx", "kiem-tra-2014.xlsx");
        Cli.Result first = withKey(null, "--home", keyHome.toString(), "ingest", inbox.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path keyFile = keyHome.resolve("pseudonym.key");
        Path backup = Files.copy(keyFile, dir.resolve("pseudonym.key.backup"));
        Files.delete(keyFile);
        Map<String, String> before = FileTree.snapshot(keyHome);
        Path more = Fixtures.copy(Fixtures.INGEST, dir.resolve("more"), "don-thu-2013.csv");

        Cli.Result lost = withKey(null, "--home", keyHome.toString(), "ingest", more.toString());

        assertThat(lost.exitCode()).as(lost.out() + lost.err()).isEqualTo(1);
        assertThat(lost.err()).isEqualTo("pipeline ingest: the pseudonym key " + keyFile + " is missing, and this lake was built with a key "
                + "(fingerprint " + Files.readString(keyHome.resolve("lake/_key-fingerprint")).strip() + "): restore " + keyFile
                + " from your backup, or set PIPELINE_PSEUDONYM_KEY to the old key; a new key needs a new lake\n");
        assertThat(keyFile).doesNotExist();
        assertThat(FileTree.snapshot(keyHome)).isEqualTo(before);
        Cli.Result verify = withKey(null, "--home", keyHome.toString(), "verify");
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out() + verify.err()).contains("the pseudonym key " + keyFile + " is missing");

        Files.copy(backup, keyFile);
        Cli.Result restored = withKey(null, "--home", keyHome.toString(), "ingest", more.toString());
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(withKey(null, "--home", keyHome.toString(), "verify").exitCode()).isZero();
    }

    @Test
    void recordsTheKeyOfALakeBuiltBeforeFingerprintsOnceAndSaysSo() throws IOException {
        Path keyHome = homeWithLetters();
        Path fingerprint = keyHome.resolve("lake/_key-fingerprint");
        String recorded = Files.readString(fingerprint);
        Files.delete(fingerprint);
        Path more = Fixtures.copy(Fixtures.INGEST, dir.resolve("more"), "kiem-tra-2014.xlsx");

        Cli.Result next = Cli.run("--home", keyHome.toString(), "ingest", more.toString());

        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(next.err()).contains("the lake had no record of its pseudonym key: recorded this key's fingerprint");
        assertThat(fingerprint).hasContent(recorded.strip());
        Cli.Result again = Cli.run("--home", keyHome.toString(), "ingest", dir.resolve("resaved").toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).doesNotContain("no record of its pseudonym key");
        assertThat(Cli.run("--home", keyHome.toString(), "verify").out()).doesNotContain("EXTRA");
    }

    @Test
    void refusesATooShortKeyWithOneLine() throws IOException {
        Path keyHome = dir.resolve("home");
        Path inbox = Fixtures.copy(Fixtures.INGEST, dir.resolve("inbox"), "don-vi.xlsx");

        Cli.Result result = withKey("short-key", "--home", keyHome.toString(), "ingest", inbox.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("pipeline ingest: the pseudonym key of pipeline.pseudonym-key is 9 characters long; it must be at least 16 "
                + "(a generated one has 64): set the key this lake was built with\n");
    }

    // ---- a damaged job repository ----

    @Test
    void namesADamagedJobRepositoryAndWhatToDoInEveryCommandThatOpensIt() throws IOException {
        Path jobsHome = dir.resolve("home");
        Path inbox = Fixtures.copy(Fixtures.INGEST, dir.resolve("inbox"), "don-vi.xlsx", "kiem-tra-2014.xlsx");
        assertThat(Cli.run("--home", jobsHome.toString(), "ingest", inbox.toString()).exitCode()).isZero();
        Path jobs = jobsHome.resolve("batch/jobs.mv.db");
        byte[] whole = Files.readAllBytes(jobs);
        // truncated, and its two file headers (the first two 4 KiB blocks) overwritten: whatever the file's layout,
        // H2 cannot fall back to an earlier chunk (a cut alone sometimes leaves one it can open)
        byte[] damaged = java.util.Arrays.copyOf(whole, Math.max(whole.length / 3, 8192));
        java.util.Arrays.fill(damaged, 0, 8192, (byte) 'x');
        Files.write(jobs, damaged);
        Map<String, String> before = withoutH2Trace(FileTree.snapshot(jobsHome));
        Path more = Fixtures.copy(Fixtures.INGEST, dir.resolve("more"), "don-thu-2013.csv");
        String says = "the job repository " + jobs + " is damaged (";
        String fix = "): move it aside (mv " + jobs + " " + jobs + ".damaged) and run again; the lake and the warehouse are not affected, "
                + "only the run history is lost";

        for (String[] command : new String[][] {{"ingest", more.toString()}, {"nightly", "--inbox", more.toString(), "--as-of", "2014-07-02"},
                {"history"}, {"history", "--job", "ingest"}}) {
            String[] args = Stream.concat(Stream.of("--home", jobsHome.toString()), Stream.of(command)).toArray(String[]::new);
            Cli.Result result = Cli.run(args);
            assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result.err()).isEqualTo(1);
            assertThat(result.err().lines().toList()).as(result.err()).singleElement().asString()
                    .startsWith("pipeline " + command[0] + ": " + says).endsWith(fix).doesNotContain("Error creating bean", "Exception");
            assertThat(withoutH2Trace(FileTree.snapshot(jobsHome))).as(String.join(" ", command)).isEqualTo(before);
        }

        Files.move(jobs, jobs.resolveSibling("jobs.mv.db.damaged"));
        Cli.Result recovered = Cli.run("--home", jobsHome.toString(), "ingest", more.toString());
        assertThat(recovered.exitCode()).as(recovered.err()).isZero();
        assertThat(Cli.run("--home", jobsHome.toString(), "history", "--job", "ingest").exitCode()).isZero();
    }

    /** H2 appends the error it met to its own log, batch/jobs.trace.db, as the command appends to logs/: a log, not the home's data. */
    private static Map<String, String> withoutH2Trace(Map<String, String> tree) {
        tree.remove("batch/jobs.trace.db");
        return tree;
    }
}
