package vn.inspection.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.inspection.pipeline.cli.PipelineCli;
import vn.inspection.pipeline.generate.RegisterFileWriter;
import vn.inspection.pipeline.generate.RegisterGenerator;
import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.LakeQueries;

/**
 * Kill -9 the ingest JVM part-way through a large generated batch, run the same command again, and the
 * lake must equal a clean run's: no record lost, none doubled, the same summary.
 */
class IngestCrashRestartTest {
    static final long ROWS = 200_000;
    static final List<String> TYPES = List.of("units", "inspection", "supervision", "discipline", "complaint");

    @TempDir
    Path temp;

    @Test
    void resumesAfterKillNineAndEndsWithTheLakeOfACleanRun() throws Exception {
        Path inbox = temp.resolve("inbox");
        new RegisterFileWriter(new RegisterGenerator(7)).write(inbox, ROWS, RegisterFileWriter.Format.csv);
        Path crashed = temp.resolve("crashed");
        Path clean = temp.resolve("clean");

        Process child = startIngest(crashed, inbox);
        boolean killedMidFile = waitUntilMidFile(crashed.resolve("lake"), child);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(killedMidFile).as("the child was killed while a file was half staged").isTrue();
        assertThat(manifestEntries(crashed.resolve("lake"))).isBetween(1L, 4L);

        Cli.Result resumed = Cli.run("--home", crashed.toString(), "ingest", inbox.toString(), "--format", "json");
        Cli.Result reference = Cli.run("--home", clean.toString(), "ingest", inbox.toString(), "--format", "json");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(Files.readString(crashed.resolve("logs/pipeline.log"))).contains("resuming interrupted ingest run 1");
        assertThat(reference.exitCode()).as(reference.err()).isZero();
        assertThat(resumed.json().get("files")).isEqualTo(reference.json().get("files"));
        assertThat(resumed.json().get("totals")).isEqualTo(reference.json().get("totals"));
        assertThat(reference.json().at("/totals/inspection/accepted").asLong()).isEqualTo(ROWS * 35 / 100);
        assertThat(reference.json().at("/totals/inspection/rejected").asLong()).isZero();
        assertThat(reference.json().at("/totals/inspection/duplicates").asLong()).isZero();

        for (String type : TYPES) {
            String a = LakeQueries.table(crashed.resolve("lake"), type);
            String b = LakeQueries.table(clean.resolve("lake"), type);
            assertThat(LakeQueries.count("SELECT count(*) FROM " + a)).as(type).isEqualTo(LakeQueries.count("SELECT count(*) FROM " + b));
            assertThat(LakeQueries.count("SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b + ")")).as(type).isZero();
            assertThat(LakeQueries.count("SELECT count(*) FROM (SELECT * FROM " + b + " EXCEPT ALL SELECT * FROM " + a + ")")).as(type).isZero();
        }
        assertThat(manifestEntries(crashed.resolve("lake"))).isEqualTo(5);
        assertThat(crashed.resolve("lake/_staging/run-1")).doesNotExist();
    }

    private Process startIngest(Path home, Path inbox) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "-Dpipeline.pseudonym-key=" + Cli.TEST_KEY, "-Dingest.chunk-size=1000",
                PipelineCli.class.getName(), "--home", home.toString(), "ingest", inbox.toString()));
        return new ProcessBuilder(command)
                .redirectOutput(home.getParent().resolve("child.out").toFile())
                .redirectError(home.getParent().resolve("child.err").toFile())
                .start();
    }

    /** Waits until at least two files are published and the next one has staged parts, i.e. the crash lands mid-file. */
    private static boolean waitUntilMidFile(Path lake, Process child) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (manifestEntries(lake) >= 2 && stagedParts(lake) >= 3) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static long manifestEntries(Path lake) throws IOException {
        Path manifest = lake.resolve("_manifest");
        if (!Files.isDirectory(manifest)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(manifest)) {
            return files.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().startsWith(".")).count();
        }
    }

    private static long stagedParts(Path lake) throws IOException {
        Path staging = lake.resolve("_staging");
        if (!Files.isDirectory(staging)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            return files.filter(p -> p.toString().endsWith(".parquet")).count();
        } catch (java.io.UncheckedIOException e) {
            return 0; // a part moved while we walked: ask again
        }
    }

}
