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
}
