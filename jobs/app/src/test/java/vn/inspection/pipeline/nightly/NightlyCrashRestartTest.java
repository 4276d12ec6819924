package vn.inspection.pipeline.nightly;

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
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

import com.icegreen.greenmail.util.GreenMail;

import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.LakeQueries;

/**
 * kill -9 the nightly JVM while its ingest step is half-way through a file, run the same command again: the run
 * resumes (the nightly and the ingest inside it), the lake equals a clean ingest's, record for record, and the report
 * is mailed once.
 */
class NightlyCrashRestartTest {
    static final List<String> TYPES = List.of("units", "inspection", "supervision", "discipline", "complaint");

    @TempDir
    Path temp;

    @Test
    void resumesAfterKillNineDuringTheIngestAndDeliversTheReportOnce() throws Exception {
        Path home = temp.resolve("home");
        int port = NightlyRuns.freePort();
        GreenMail smtp = NightlyRuns.smtp(port);
        smtp.start();
        try {
            List<String> options = new ArrayList<>(NightlyRuns.mailTo(port));
            options.add("-Dingest.chunk-size=100"); // many small chunks, so the kill lands inside a file
            String[] args = {"--inbox", NightlyRuns.SAMPLES.toString(), "--as-of", "2014-07-02"};

            Process child = NightlyRuns.start(home, "killed", options, args);
            boolean midFile = waitUntilMidFile(home.resolve("lake"), child);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(midFile).as("killed while a file was half staged").isTrue();
            assertThat(manifestEntries(home.resolve("lake"))).isBetween(1L, 17L);
            assertThat(smtp.getReceivedMessages()).isEmpty();

            Cli.Result rerun = NightlyRuns.nightly(home, options, args);

            assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isZero();
            assertThat(rerun.out()).contains("NIGHTLY RUN 1 (attempt 2, resumed) \u2014 COMPLETED");
            String log = Files.readString(home.resolve("logs/pipeline.log"));
            assertThat(log).contains("resuming interrupted nightly run 1").contains("resuming interrupted ingest run 1")
                    .contains("was interrupted while STARTED; marking it failed");
            assertThat(smtp.getReceivedMessages()).as("delivered once").hasSize(1);
            assertThat(Mails.of(smtp.getReceivedMessages()[0]).body()).contains("- Đảng viên được kiểm tra: 2.528");
        } finally {
            smtp.stop();
        }

        Path clean = temp.resolve("clean");
        Cli.Result reference = Cli.run("--home", clean.toString(), "ingest", NightlyRuns.SAMPLES.toString(), "--no-refresh");
        assertThat(reference.exitCode()).as(reference.err()).isZero();
        for (String type : TYPES) {
            String a = LakeQueries.table(home.resolve("lake"), type);
            String b = LakeQueries.table(clean.resolve("lake"), type);
            assertThat(LakeQueries.count("SELECT count(*) FROM " + a)).as(type).isEqualTo(LakeQueries.count("SELECT count(*) FROM " + b));
            assertThat(LakeQueries.count("SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b + ")"))
                    .as(type).isZero();
            assertThat(LakeQueries.count("SELECT count(*) FROM (SELECT * FROM " + b + " EXCEPT ALL SELECT * FROM " + a + ")"))
                    .as(type).isZero();
        }
        assertThat(manifestEntries(home.resolve("lake"))).isEqualTo(manifestEntries(clean.resolve("lake"))).isEqualTo(18);
        assertThat(home.resolve("lake/_staging/run-1")).doesNotExist();

        JobRepository repository = NightlyRuns.repository(home);
        List<JobExecution> nightly = NightlyRuns.executions(repository, "nightly");
        assertThat(nightly).extracting(JobExecution::getStatus).containsExactly(BatchStatus.FAILED, BatchStatus.COMPLETED);
        assertThat(nightly.get(1).getJobInstance().getInstanceId()).isEqualTo(nightly.get(0).getJobInstance().getInstanceId());
        List<JobExecution> ingest = NightlyRuns.executions(repository, "ingest");
        assertThat(ingest).extracting(JobExecution::getStatus).containsExactly(BatchStatus.FAILED, BatchStatus.COMPLETED);
        assertThat(ingest.get(1).getJobInstance().getInstanceId()).as("the ingest resumed, not started again")
                .isEqualTo(ingest.get(0).getJobInstance().getInstanceId());
    }

    /** Waits until a file is published and the next has staged parts, i.e. the kill lands mid-file. */
    private static boolean waitUntilMidFile(Path lake, Process child) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (manifestEntries(lake) >= 2 && stagedParts(lake) >= 1) {
                return true;
            }
            Thread.sleep(10);
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
        } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
            return 0; // a part moved while we walked: ask again
        }
    }
}
