package vn.inspection.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.inspection.pipeline.support.ChildJvm;
import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.FileTree;
import vn.inspection.pipeline.support.Fixtures;
import vn.inspection.pipeline.support.Unprivileged;

/**
 * Read commands never block and never write: {@code compare} and {@code sql} in a second JVM answer with the
 * previous figures while an ingest of a generated 300,000-row register runs in a third (a second writer is told to
 * wait, exit 4); they answer the same on a read-only copy of the home, run by a process for which the permissions
 * bind; and a home that does not exist yet stays that way.
 */
class ReadCommandsTest {
    static final long ROWS = 300_000;

    @TempDir
    static Path shared;
    static Path home;
    static Path readOnlyCopy;
    static JsonNode figures;
    static List<String> counts;
    static final String COUNTS = "SELECT (SELECT count(*) FROM inspection) AS inspections, (SELECT count(*) FROM units) AS units";

    @BeforeAll
    static void ingestTheFixturesAndCopyTheHome() throws Exception {
        home = shared.resolve("home");
        Path inbox = Fixtures.copy(Fixtures.INGEST, shared.resolve("inbox"), "don-vi.xlsx", "kiem-tra-2014.xlsx", "don-thu-2013.csv");
        Cli.Result ingest = Cli.run("--home", home.toString(), "ingest", inbox.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        figures = compare(Cli.run("--home", home.toString(), "compare", "2013", "2014", "--format", "json"));
        counts = Cli.run("--home", home.toString(), "sql", COUNTS, "--format", "csv").out().lines().toList();
        assertThat(counts).containsExactly("inspections,units", "5,6");
        readOnlyCopy = shared.resolve("read-only-copy");
        Process copy = new ProcessBuilder("cp", "-a", home.toString(), readOnlyCopy.toString()).inheritIO().start(); // times kept
        assertThat(copy.waitFor()).isZero();
    }

    @AfterAll
    static void giveBackWritePermission() throws Exception {
        Unprivileged.chmod("u+rwx", shared);
    }

    static JsonNode compare(Cli.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.json().get("metrics");
    }

    @Test
    void compareAndSqlInAnotherJvmAnswerWithThePreviousFiguresWhileAnIngestRuns() throws Exception {
        Path big = shared.resolve("big");
        Cli.Result generate = Cli.run("generate", "--rows", Long.toString(ROWS), "--format", "csv", "--out", big.toString());
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        Process ingest = ChildJvm.start(shared.resolve("logs"), "ingest", List.of(), List.of("-Xmx1g"), "--home", home.toString(), "ingest", big.toString());
        try {
            assertThat(waitUntilIngesting(ingest)).as("the child ingest holds the home and has staged records").isTrue();

            Cli.Result compare = ChildJvm.run(List.of(), "--home", home.toString(), "compare", "2013", "2014", "--format", "json");
            Cli.Result sql = ChildJvm.run(List.of(), "--home", home.toString(), "sql", COUNTS, "--format", "csv");
            Cli.Result secondWriter = Cli.run("--home", home.toString(), "ingest", big.toString());
            boolean stillIngesting = ingest.isAlive();

            assertThat(compare(compare)).isEqualTo(figures);
            assertThat(sql.exitCode()).as(sql.err()).isZero();
            assertThat(sql.out().lines().toList()).isEqualTo(counts);
            assertThat(compare.err() + sql.err()).doesNotContain("Exception", "\tat ", "locked");
            assertThat(secondWriter.exitCode()).isEqualTo(4);
            assertThat(secondWriter.err()).startsWith("pipeline ingest: another run (PID " + ingest.pid() + ", started ");
            assertThat(stillIngesting).as("the reads ran while the ingest was running").isTrue();
        } finally {
            if (!ingest.waitFor(5, TimeUnit.MINUTES)) {
                ingest.destroyForcibly();
            }
        }
        assertThat(ingest.exitValue()).as(Files.readString(shared.resolve("logs/ingest.err"))).isZero();
        List<String> after = Cli.run("--home", home.toString(), "sql", COUNTS, "--format", "csv").out().lines().toList();
        assertThat(after.get(1)).as("the ingest did land").isNotEqualTo(counts.get(1));
    }

    /** Until the child has written its PID into the home's lock and staged or published records of the big files. */
    private static boolean waitUntilIngesting(Process ingest) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline && ingest.isAlive()) {
            String lock = Files.exists(home.resolve(".lock")) ? Files.readString(home.resolve(".lock")) : "";
            if (lock.contains("pid=" + ingest.pid()) && (parquet(home.resolve("lake/_staging")) > 0 || entries() > 3)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static long parquet(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".parquet")).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // a part moved while we walked: ask again
        }
    }

    private static long entries() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("lake/_manifest"))) {
            return files.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().startsWith(".")).count();
        }
    }

    @Test
    void readCommandsAnswerTheSameOnAReadOnlyCopyOfTheHomeAndChangeNothing() throws Exception {
        Map<String, String> before = FileTree.snapshot(readOnlyCopy);
        Unprivileged.makeReadOnlyAndProve(readOnlyCopy, readOnlyCopy.resolve("warehouse/warehouse.duckdb"));
        List<String> asUser = Unprivileged.wrapper();

        Cli.Result compare = ChildJvm.run(asUser, "--home", readOnlyCopy.toString(), "compare", "2013", "2014", "--format", "json");
        Cli.Result sql = ChildJvm.run(asUser, "--home", readOnlyCopy.toString(), "sql", COUNTS, "--format", "csv");
        Cli.Result verify = ChildJvm.run(asUser, "--home", readOnlyCopy.toString(), "verify");
        Cli.Result metrics = ChildJvm.run(asUser, "--home", readOnlyCopy.toString(), "metrics", "--format", "json");

        assertThat(compare(compare)).isEqualTo(figures);
        assertThat(sql.out().lines().toList()).isEqualTo(counts);
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(new ObjectMapper().readTree(metrics.out())).hasSize(19);
        for (Cli.Result result : List.of(compare, sql, verify, metrics)) {
            assertThat(result.err()).as("nothing on standard error, least of all a stack trace").isEmpty();
        }
        assertThat(FileTree.snapshot(readOnlyCopy)).isEqualTo(before);
    }

    @Test
    void aReadCommandGivenAHomeThatDoesNotExistCreatesNothing() throws Exception {
        Path missing = shared.resolve("no-such-home");
        Path empty = Files.createDirectories(shared.resolve("empty-home"));

        for (String[] command : List.of(new String[] {"compare", "2013", "2014"}, new String[] {"sql", "SELECT 1"}, new String[] {"verify"},
                new String[] {"metrics"})) {
            for (Path given : List.of(missing, empty)) {
                String[] args = new String[command.length + 2];
                args[0] = "--home";
                args[1] = given.toString();
                System.arraycopy(command, 0, args, 2, command.length);
                Cli.Result result = Cli.run(args);
                if (!command[0].equals("metrics") && !(command[0].equals("verify") && given.equals(empty))) {
                    assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(1);
                    assertThat(result.err().lines().toList()).as(result.err()).hasSize(1);
                    assertThat(result.err()).contains("ingest some registers first (pipeline ingest PATH)");
                }
            }
        }

        assertThat(missing).doesNotExist();
        try (Stream<Path> inside = Files.list(empty)) {
            assertThat(inside).isEmpty();
        }
    }
}
