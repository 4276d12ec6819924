package vn.inspection.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.inspection.pipeline.cli.PipelineCli;
import vn.inspection.pipeline.support.Cli;

/**
 * The warehouse opens in the DuckDB clients analysts have, not only in the DuckDB 2 driver that writes it: the file is
 * written in the storage version of {@code warehouse.storage-version} (default v1.2.0), and an independent client, the
 * DuckDB 1.x Node package {@code @duckdb/node-api} installed from the npm registry with {@code npm ci}, reads the
 * warehouse built from {@code data-samples/} read-only (a record table with the lake's records, the seed-004 figures in
 * {@code metric_values}, a table comment) while a refresh runs in another process.
 *
 * <p>Needs Node.js and npm on the PATH: without them the test fails (CI installs them), it never skips.
 */
class DuckDbClientsTest {
    static final Path SAMPLES = Path.of("../../data-samples");
    static final Path NODE_SOURCES = Path.of("src/test/node");
    static final Path NODE_WORK = Path.of("target/node-client");
    /** The number DuckDB writes in the header of a file for readers of 1.2 and later. */
    static final long STORAGE_V1_2 = 65;

    @TempDir
    static Path shared;
    static Path home;
    static Path warehouse;

    @BeforeAll
    static void ingestTheSamples() {
        assertThat(SAMPLES.resolve("don-vi.xlsx")).as("run from jobs/app, beside ../../data-samples").exists();
        home = shared.resolve("home");
        Cli.Result run = Cli.run("--home", home.toString(), "ingest", SAMPLES.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        warehouse = home.resolve("warehouse").resolve(Warehouse.FILE_NAME);
    }

    @Test
    void writesTheWarehouseInAStorageVersionDuckDb12AndLaterRead() throws IOException {
        assertThat(storageNumber(warehouse)).isEqualTo(STORAGE_V1_2);
    }

    @Test
    void aDuckDb1NodeClientReadsTheSampleFiguresWhileARefreshRuns() throws Exception {
        Path script = installNodeClient();
        Process reader = new ProcessBuilder(command("node"), script.getFileName().toString(), warehouse.toAbsolutePath().toString())
                .directory(script.getParent().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        CompletableFuture<List<String>> output = CompletableFuture.supplyAsync(() -> lines(reader));
        try (Writer steer = new OutputStreamWriter(reader.getOutputStream(), StandardCharsets.UTF_8)) {
            Thread.sleep(1500);
            steer.write("phase during\n");
            steer.flush();
            Path log = shared.resolve("refresh.out");
            Process refresh = otherProcessRefresh(home, log);
            assertThat(refresh.waitFor(5, TimeUnit.MINUTES)).as("the refresh finished").isTrue();
            assertThat(refresh.exitValue()).as(Files.readString(log)).isZero();
            steer.write("phase after\n");
            steer.flush();
            Thread.sleep(1500);
            steer.write("stop\n");
        }
        assertThat(reader.waitFor(2, TimeUnit.MINUTES)).as("the Node reader stopped").isTrue();
        List<JsonNode> rounds = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : output.get()) {
            rounds.add(json.readTree(line));
        }
        assertThat(reader.exitValue()).as(String.join("\n", output.get())).isZero();

        assertThat(rounds).as("every round read without error").allSatisfy(r -> assertThat(r.has("error")).as(r.toString()).isFalse());
        assertThat(rounds).extracting(r -> r.get("client").asText()).allSatisfy(v -> assertThat(v).startsWith("v1."));
        assertThat(rounds).extracting(r -> r.get("phase").asText()).contains("before", "during", "after");
        assertThat(rounds).as("some rounds read while the refresh was writing its new file")
                .anySatisfy(r -> assertThat(r.get("refreshing").asBoolean()).isTrue());
        for (JsonNode round : rounds) {
            for (String session : List.of("fresh", "held")) {
                JsonNode read = round.get(session);
                assertThat(read.at("/inspection/0/records").asLong()).as(session).isEqualTo(11_962);
                assertThat(figures(read.get("metrics"))).as(session).isEqualTo(Map.of(
                        "complaint.received 2013-H1", 92L, "complaint.received 2014-H1", 71L,
                        "inspection.members 2013-H1", 2_390L, "inspection.members 2014-H1", 2_528L,
                        "inspection.orgs 2013-H1", 401L, "inspection.orgs 2014-H1", 423L,
                        "supervision.members 2013-H1", 2_905L, "supervision.members 2014-H1", 3_050L,
                        "supervision.orgs 2013-H1", 341L, "supervision.orgs 2014-H1", 363L));
                assertThat(read.at("/comment/0/comment").asText()).as(session).contains("/").isNotBlank();
            }
        }
        assertThat(storageNumber(warehouse)).as("the refreshed file").isEqualTo(STORAGE_V1_2);
    }

    @Test
    void refusesAStorageVersionDuckDbDoesNotKnowWithOneLineNamingTheSetting(@TempDir Path temp) throws Exception {
        Path ownHome = temp.resolve("home");
        Files.createDirectories(ownHome.resolve("lake"));
        System.setProperty(StorageVersion.KEY, "v9.9.9");
        try {
            Cli.Result result = Cli.run("--home", ownHome.toString(), "refresh");

            assertThat(result.exitCode()).isEqualTo(PipelineCli.FAILED);
            assertThat(result.err().lines()).contains("pipeline refresh: warehouse.storage-version 'v9.9.9' is not a DuckDB release this "
                    + "pipeline can write: give one such as v1.2.0 (read by DuckDB 1.2 and later) or latest");
            assertThat(result.err()).doesNotContain("\tat ", "Exception", "valid options are");
            assertThat(ownHome.resolve("warehouse").resolve(Warehouse.FILE_NAME)).doesNotExist();
        } finally {
            System.clearProperty(StorageVersion.KEY);
        }
    }

    @Test
    void writesTheStorageVersionOfTheSetting(@TempDir Path temp) throws Exception {
        Path ownHome = temp.resolve("home");
        Files.createDirectories(ownHome.resolve("lake"));
        System.setProperty(StorageVersion.KEY, "v1.5.0");
        try {
            Cli.Result result = Cli.run("--home", ownHome.toString(), "refresh");

            assertThat(result.exitCode()).as(result.err()).isZero();
            // DuckDB 1.5's format number
            assertThat(storageNumber(ownHome.resolve("warehouse").resolve(Warehouse.FILE_NAME))).isEqualTo(68);
        } finally {
            System.clearProperty(StorageVersion.KEY);
        }
    }

    @Test
    void acceptsOnlyVersionsAndLatest() {
        assertThat(StorageVersion.parse(null)).isEqualTo(StorageVersion.DEFAULT);
        assertThat(StorageVersion.parse(" v1.4.0 ").value()).isEqualTo("v1.4.0");
        assertThat(StorageVersion.parse("latest").value()).isEqualTo("latest");
        assertThatThrownBy(() -> StorageVersion.parse("v1.2.0') (ATTACH '/etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warehouse.storage-version 'v1.2.0') (ATTACH '/etc/passwd' is not a DuckDB version: give one such as v1.2.0 "
                        + "(read by DuckDB 1.2 and later) or latest");
    }

    /** The storage number in a DuckDB file's main header: "DUCK" at byte 8, then the number (little-endian). */
    static long storageNumber(Path file) throws IOException {
        byte[] header = new byte[20];
        try (var in = Files.newInputStream(file)) {
            assertThat(in.readNBytes(header, 0, header.length)).isEqualTo(header.length);
        }
        assertThat(new String(header, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("DUCK");
        return ByteBuffer.wrap(header, 12, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    static Map<String, Long> figures(JsonNode rows) {
        Map<String, Long> figures = new TreeMap<>();
        rows.forEach(r -> figures.put(r.get("metric_id").asText() + " " + r.get("period_id").asText(), r.get("value").asLong()));
        return figures;
    }

    /** Copies the Node client's sources under target/ and installs its locked dependencies there with npm ci. */
    static Path installNodeClient() throws Exception {
        Files.createDirectories(NODE_WORK);
        for (String name : List.of("package.json", "package-lock.json", "read-warehouse.mjs")) {
            Files.copy(NODE_SOURCES.resolve(name), NODE_WORK.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        Process npm = new ProcessBuilder(command("npm"), "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(NODE_WORK.toFile()).redirectErrorStream(true).start();
        String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(npm.waitFor(10, TimeUnit.MINUTES)).as("npm ci finished").isTrue();
        assertThat(npm.exitValue()).as("npm ci in " + NODE_WORK + ":\n" + out).isZero();
        return NODE_WORK.resolve("read-warehouse.mjs");
    }

    /** A program on the PATH; fails (never skips) when it is missing, naming what to install. */
    static String command(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        return fail(name + " is not on the PATH: this test reads the warehouse with DuckDB's Node client; install Node.js and npm "
                + "(Debian: apt-get install nodejs npm), as .ci/run does");
    }

    static List<String> lines(Process process) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return lines;
    }

    /** {@code pipeline refresh} in a separate JVM, as the nightly job or another terminal runs it. */
    static Process otherProcessRefresh(Path home, Path output) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Dpipeline.pseudonym-key=" + Cli.TEST_KEY,
                PipelineCli.class.getName(), "--home", home.toString(), "refresh")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }
}
