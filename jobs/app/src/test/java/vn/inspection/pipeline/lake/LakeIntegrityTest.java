package vn.inspection.pipeline.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.Fixtures;

/**
 * The lake proves its integrity: a part overwritten the way issue 14's COPY did it is named by {@code verify} (with
 * its source file and the command that restores it), fails the refresh's data tests loudly, and re-ingesting the
 * source brings the original numbers back, whether asked ({@code --force}) or not (the planner repairs a damaged file
 * instead of skipping it as ALREADY_INGESTED).
 */
class LakeIntegrityTest {
    @TempDir
    Path temp;
    Path home;
    Path inbox;
    JsonNode original;
    JsonNode originalTotals;

    @BeforeEach
    void ingestTheFixtures() throws IOException {
        home = temp.resolve("home");
        inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx", "kiem-tra-2014.xlsx", "don-thu-2013.csv");
        Cli.Result ingest = Cli.run("--home", home.toString(), "ingest", inbox.toString(), "--format", "json");
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        originalTotals = ingest.json().get("totals");
        original = figures();
    }

    JsonNode figures() {
        Cli.Result compare = Cli.run("--home", home.toString(), "compare", "2013", "2014", "--format", "json");
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        return compare.json().get("metrics");
    }

    Path inspectionPart() throws IOException {
        try (Stream<Path> parts = Files.walk(home.resolve("lake/inspection"))) {
            return parts.filter(p -> p.toString().endsWith(".parquet")).sorted().reduce((a, b) -> b).orElseThrow(); // year=2014
        }
    }

    /** What issue 14's hostile query did, done here with a DuckDB of our own (pipeline sql now refuses it). */
    static void overwriteWithItsFirstRow(Path part) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_parquet('" + part + "') LIMIT 1) TO '" + part + "' (FORMAT parquet)");
        }
    }

    @Test
    void verifyFindsEveryFileAsCommitted() {
        Cli.Result verify = Cli.run("--home", home.toString(), "verify");

        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("3 source files, 4 Parquet files").contains("OK: every file is as committed (4 checked for size, SHA-256 and rows)");
    }

    @Test
    void anOverwrittenPartIsNamedByVerifyFailsTheDataTestsAndIsRepairedByIngestingItsSourceAgain() throws Exception {
        Path part = inspectionPart();
        String relative = home.resolve("lake").relativize(part).toString();
        long committedRows = ParquetFiles.rowCount(part);
        long committedBytes = Files.size(part);
        assertThat(committedRows).isGreaterThan(1);
        overwriteWithItsFirstRow(part);

        Cli.Result verify = Cli.run("--home", home.toString(), "verify");
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("DAMAGED  " + relative + ": size ").contains("1 rows now, committed " + committedRows)
                .contains("records of kiem-tra-2014.xlsx")
                .contains("pipeline ingest --force '" + inbox.resolve("kiem-tra-2014.xlsx").toAbsolutePath() + "'");
        JsonNode json = Cli.run("--home", home.toString(), "verify", "--format", "json").json();
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.at("/problems/0/part").asText()).isEqualTo(relative);
        assertThat(json.at("/problems/0/problem").asText()).isEqualTo("damaged");
        assertThat(json.at("/problems/0/source_file").asText()).isEqualTo("kiem-tra-2014.xlsx");

        // the refresh carries the records it already holds, so the figures stay right, but it checks the files and says so
        Cli.Result refresh = Cli.run("--home", home.toString(), "refresh");
        assertThat(refresh.exitCode()).isEqualTo(1);
        assertThat(refresh.err().lines().toList()).containsExactly(
                "pipeline refresh: the refreshed warehouse failed a data test, so its figures may be wrong: lake_files_as_committed (1 row)",
                "pipeline refresh: run 'pipeline verify' to find a damaged lake file and how to restore it; "
                        + "'pipeline sql \"SELECT * FROM data_tests\"' says what each test checks",
                "pipeline refresh: " + relative + " is damaged (size " + Files.size(part) + " bytes, committed " + committedBytes + "; 1 rows now, committed "
                        + committedRows + "): it holds records of kiem-tra-2014.xlsx; restore it with pipeline ingest --force '"
                        + inbox.resolve("kiem-tra-2014.xlsx").toAbsolutePath() + "'");
        Cli.Result carried = Cli.run("--home", home.toString(), "compare", "2013", "2014", "--format", "json");
        assertThat(carried.err()).contains("the warehouse failed data tests at its last refresh (lake_files_as_committed)");
        assertThat(carried.json().get("metrics")).isEqualTo(original);
        assertThat(Cli.run("--home", home.toString(), "sql", "SELECT path, problem FROM lake_problems", "--format", "csv").out().lines())
                .containsExactly("path,problem", relative + ",damaged");

        // a warehouse built from the damaged lake (its first build, or one from scratch) reads the damaged part: both tests fail
        Files.delete(home.resolve("warehouse/warehouse.duckdb"));
        Cli.Result rebuilt = Cli.run("--home", home.toString(), "refresh");
        assertThat(rebuilt.exitCode()).isEqualTo(1);
        assertThat(rebuilt.err()).contains("failed 2 data tests, so its figures may be wrong: lake_files_as_committed (1 row), records_match_manifest (1 row)");
        Cli.Result damaged = Cli.run("--home", home.toString(), "compare", "2013", "2014", "--format", "json");
        assertThat(damaged.err()).contains("the warehouse failed data tests at its last refresh (lake_files_as_committed, records_match_manifest)");
        assertThat(damaged.json().get("metrics")).isNotEqualTo(original);

        Cli.Result again = Cli.run("--home", home.toString(), "ingest", inbox.toString(), "--format", "json");

        assertThat(again.exitCode()).as(again.err()).isZero();
        JsonNode repaired = again.json().get("files").findParents("path").stream()
                .filter(f -> f.get("path").asText().endsWith("kiem-tra-2014.xlsx")).findFirst().orElseThrow();
        assertThat(repaired.get("status").asText()).isEqualTo("INGESTED");
        assertThat(repaired.get("reason").asText()).startsWith("read again to repair the lake: its file " + relative + " was damaged");
        assertThat(again.json().at("/totals/inspection")).isEqualTo(originalTotals.get("inspection"));
        assertThat(Cli.run("--home", home.toString(), "verify").exitCode()).isZero();
        assertThat(figures()).isEqualTo(original);
        assertThat(Cli.run("--home", home.toString(), "sql", "SELECT bool_and(passed) AS ok FROM data_tests", "--format", "csv").out().lines())
                .containsExactly("ok", "true");
    }

    @Test
    void aMissingPartIsNamedAndRestoredByIngestForce() throws Exception {
        Path part = inspectionPart();
        Files.delete(part);

        Cli.Result verify = Cli.run("--home", home.toString(), "verify");
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("MISSING  " + home.resolve("lake").relativize(part) + ": the file is missing");

        Cli.Result force = Cli.run("--home", home.toString(), "ingest", "--force", inbox.resolve("kiem-tra-2014.xlsx").toString(), "--format", "json");

        assertThat(force.exitCode()).as(force.err()).isZero();
        assertThat(force.json().at("/files/0/status").asText()).isEqualTo("INGESTED");
        assertThat(force.json().at("/files/0/reason").asText()).startsWith("re-ingested (--force)");
        assertThat(Cli.run("--home", home.toString(), "verify").exitCode()).isZero();
        assertThat(figures()).isEqualTo(original);
    }

    @Test
    void ingestForceReplacesAnIntactFilesPartsWithoutCountingItsRecordsTwice() throws Exception {
        List<String> before = parts("inspection");

        Cli.Result force = Cli.run("--home", home.toString(), "ingest", "--force", inbox.toString(), "--format", "json");

        assertThat(force.exitCode()).as(force.err()).isZero();
        assertThat(force.json().get("files")).extracting(f -> f.get("status").asText()).containsOnly("INGESTED");
        assertThat(force.json().get("totals")).isEqualTo(originalTotals);
        List<String> after = parts("inspection");
        assertThat(after).hasSameSizeAs(before).doesNotContainAnyElementsOf(before); // the old parts are gone, none overwritten
        assertThat(figures()).isEqualTo(original);
        assertThat(Cli.run("--home", home.toString(), "verify").exitCode()).isZero();
        assertThat(home.resolve("lake/_manifest")).isDirectoryContaining(p -> p.getFileName().toString().endsWith(".json"));
        try (Stream<Path> entries = Files.list(home.resolve("lake/_manifest"))) {
            assertThat(entries.filter(p -> p.toString().endsWith(".json"))).hasSize(3);
        }
    }

    @Test
    void checksFilesOfEntriesWrittenBeforeSizesAndChecksumsForExistenceOnlyAndSaysSo() throws Exception {
        // an entry as the manifest wrote it before rows, bytes and sha256 were recorded: data_files a list of paths
        Path entry;
        try (Stream<Path> entries = Files.list(home.resolve("lake/_manifest"))) {
            entry = entries.filter(p -> p.toString().endsWith(".json")).filter(p -> {
                try {
                    return Files.readString(p).contains("kiem-tra-2014.xlsx");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).findFirst().orElseThrow();
        }
        ObjectNode json = (ObjectNode) LakeManifest.json().readTree(entry.toFile());
        ArrayNode paths = LakeManifest.json().createArrayNode();
        json.get("data_files").forEach(f -> paths.add(f.get("path").asText()));
        json.set("data_files", paths);
        Files.writeString(entry, LakeManifest.json().writeValueAsString(json), StandardCharsets.UTF_8);

        Cli.Result intact = Cli.run("--home", home.toString(), "verify");
        assertThat(intact.exitCode()).isZero();
        assertThat(intact.out()).contains("OK: every file is as committed (2 checked for size, SHA-256 and rows; "
                + "2 committed before sizes and checksums were recorded, checked for existence and a readable footer only)");

        Files.delete(inspectionPart());
        Cli.Result missing = Cli.run("--home", home.toString(), "verify");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out()).contains("MISSING").contains("checked for existence and a readable footer only");
    }

    @Test
    void listsAFileNoEntryNamesWithoutFailing() throws Exception {
        Path stray = Files.writeString(home.resolve("lake/inspection/evil.csv"), "x\n1\n");

        Cli.Result verify = Cli.run("--home", home.toString(), "verify");

        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).contains("EXTRA    inspection/evil.csv: not in the manifest");
        assertThat(stray).exists();
    }

    private List<String> parts(String recordType) throws IOException {
        try (Stream<Path> parts = Files.walk(home.resolve("lake").resolve(recordType))) {
            return parts.filter(p -> p.toString().endsWith(".parquet")).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
