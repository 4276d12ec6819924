package vn.inspection.pipeline.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.system.HomeLock;
import vn.inspection.pipeline.system.PipelineHome;

/** What the IT officer sees: the command's refusals, the summary of a night, the inbox left alone or tidied, the history. */
class NightlyCommandTest {
    @TempDir
    Path temp;

    @Nested
    class Refusals {
        @Test
        void aDateThatIsNotOneIsBadUsage() {
            Cli.Result result = Cli.run("--home", temp.resolve("home").toString(), "nightly", "--as-of", "2014-13-45");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err().strip()).isEqualTo("pipeline nightly: --as-of '2014-13-45' is not a date: write it as yyyy-MM-dd, e.g. 2014-07-02");
        }

        @Test
        void anInboxThatDoesNotExistIsBadUsage() {
            Cli.Result result = Cli.run("--home", temp.resolve("home").toString(), "nightly", "--inbox", temp.resolve("nowhere").toString());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err().strip()).isEqualTo("pipeline nightly: --inbox " + temp.resolve("nowhere") + ": no such folder");
        }

        @Test
        void theHomesOwnFoldersAreNeverAnInboxWhateverThePathSays() throws Exception {
            Path home = temp.resolve("home");
            Files.createDirectories(home.resolve("lake"));
            Files.createDirectories(home.resolve("outbox"));

            for (String inbox : List.of(home.resolve("lake").toString(), home.resolve("inbox/../outbox").toString(), home + "/./lake/")) {
                Cli.Result result = Cli.run("--home", home.toString(), "nightly", "--inbox", inbox);
                assertThat(result.exitCode()).as(inbox).isEqualTo(2);
                assertThat(result.err()).as(inbox).contains("is one of the pipeline home's own folders");
            }
            assertThat(home.resolve("batch")).as("refused before anything opened the job repository").doesNotExist();
        }

        @Test
        void recipientsWithoutAMailServerStopTheRunBeforeItReadsAnything() throws Exception {
            Path home = temp.resolve("home");

            Cli.Result result = NightlyRuns.nightly(home, List.of("-Dpipeline.delivery.mail.to=ubkt@vanxuan.example"),
                    "--inbox", NightlyRuns.SAMPLES.toString(), "--as-of", "2014-07-02");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err().strip()).isEqualTo("pipeline nightly: pipeline.delivery.mail.to names recipients but no mail server is configured: "
                    + "set spring.mail.host (and spring.mail.port, spring.mail.username, spring.mail.password), or clear pipeline.delivery.mail.to "
                    + "to deliver to the outbox only (nothing was done)");
            assertThat(home.resolve("lake")).doesNotExist();
        }

        @Test
        void aTemplateWithAnUnknownPlaceholderStopsTheRunNamingTheKey() throws Exception {
            Path home = temp.resolve("home");

            Cli.Result result = NightlyRuns.nightly(home, List.of("-Dpipeline.delivery.mail.body=Số liệu: {figure}"),
                    "--inbox", NightlyRuns.SAMPLES.toString(), "--as-of", "2014-07-02");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("pipeline nightly: pipeline.delivery.mail.body uses {figure}, which is not a placeholder: use ");
            assertThat(home.resolve("lake")).doesNotExist();
        }
    }

    @Test
    void aFirstNightOnAnEmptyHomeMakesTheInboxAndWaitsForData() {
        Path home = temp.resolve("home");

        Cli.Result result = Cli.run("--home", home.toString(), "nightly", "--as-of", "2014-07-02");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(home.resolve("inbox")).isDirectory();
        assertThat(result.out())
                .contains("Inbox: " + home.resolve("inbox") + "\n  no spreadsheet to read")
                .contains("half-year   2014-H1 vs 2013-H1  WAITING_FOR_DATA\n      the warehouse holds no record yet")
                .contains("DELIVERIES\n  nothing to deliver");
        assertThat(home.resolve("outbox/half-year_2014-H1_vs_2013-H1.pdf")).doesNotExist();
    }

    @Test
    void movesWhatTheLakeHoldsToProcessedAndLeavesAQuarantinedFileForAPerson() throws Exception {
        Path home = temp.resolve("home");
        Path inbox = temp.resolve("inbox");
        Files.createDirectories(inbox.resolve("2014"));
        Files.copy(NightlyRuns.SAMPLES.resolve("don-vi.xlsx"), inbox.resolve("don-vi.xlsx"));
        Files.copy(NightlyRuns.SAMPLES.resolve("kiem-tra-2014-q1.xlsx"), inbox.resolve("2014/kiem-tra-2014-q1.xlsx"));
        Files.copy(NightlyRuns.SAMPLES.resolve("kiem-tra-2014-quy-I-gui-lai.xlsx"), inbox.resolve("2014/gui-lai.xlsx"));
        Files.write(inbox.resolve("hong.xlsx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8});

        Cli.Result result = Cli.run("--home", home.toString(), "nightly", "--inbox", inbox.toString(), "--as-of", "2014-07-02", "--move-processed",
                "--format", "json");

        assertThat(result.exitCode()).as("a file quarantined: 3").isEqualTo(3);
        JsonNode summary = result.json();
        assertThat(summary.at("/files/found").asInt()).isEqualTo(4);
        assertThat(summary.at("/files/quarantined").asInt()).isEqualTo(1);
        assertThat(summary.at("/problems/0/file").asText()).endsWith("hong.xlsx");
        assertThat(summary.at("/problems/0/reason").asText()).contains("(a copy is in " + home.resolve("quarantine") + ")");
        Path processed = home.resolve("processed").resolve(LocalDate.now().toString());
        assertThat(processed.resolve("don-vi.xlsx")).exists();
        assertThat(processed.resolve("2014/kiem-tra-2014-q1.xlsx")).exists();
        assertThat(processed.resolve("2014/gui-lai.xlsx")).as("the same content as a file ingested: in the lake too").exists();
        try (var left = Files.walk(inbox)) {
            assertThat(left.filter(Files::isRegularFile).map(p -> inbox.relativize(p).toString())).containsExactly("hong.xlsx");
        }
        assertThat(summary.at("/moved").size()).isEqualTo(3);
        assertThat(summary.at("/units/added/count").asLong()).as("the samples' units reference").isEqualTo(386);
        assertThat(summary.at("/units/added/first_codes")).hasSize(5);
        assertThat(Files.readString(Path.of(summary.at("/summary_file").asText())))
                .containsPattern("  Units reference:\n    386 units added: \\w+, \\w+, \\w+, \\w+, \\w+ and 381 more\n"
                        + "    Every change: " + java.util.regex.Pattern.quote(home.resolve("reports").toString()) + "/unit-changes-run-1\\.csv\n");

        Cli.Result next = Cli.run("--home", home.toString(), "nightly", "--inbox", inbox.toString(), "--as-of", "2014-07-02", "--move-processed");
        assertThat(next.exitCode()).as("still quarantined, still said").isEqualTo(3);
        assertThat(next.out()).contains("QUARANTINED: hong.xlsx").doesNotContain("Units reference");
        assertThat(home.resolve("inbox")).as("--inbox given: the default inbox is not made").doesNotExist();
    }

    @Test
    void historyListsTheRunsAndFallsBackToTheSummariesWhileAJobHoldsTheHome() throws Exception {
        Path home = temp.resolve("home");
        Cli.Result night = Cli.run("--home", home.toString(), "nightly", "--as-of", "2014-07-02");
        assertThat(night.exitCode()).as(night.err()).isZero();

        Cli.Result fromRepository = Cli.run("--home", home.toString(), "history", "--format", "json");
        assertThat(fromRepository.exitCode()).as(fromRepository.err()).isZero();
        assertThat(fromRepository.json().at("/source").asText()).isEqualTo("JOB_REPOSITORY");
        assertThat(fromRepository.json().at("/runs/0/run").asInt()).isEqualTo(1);
        assertThat(fromRepository.json().at("/runs/0/status").asText()).isEqualTo("COMPLETED");
        assertThat(fromRepository.json().at("/runs/0/summary_file").asText()).startsWith(home.resolve("runs").toString());

        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (HomeLock lock = HomeLock.acquire(new PipelineHome(home))) {
                locked.countDown();
                done.await(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Cli.Result whileBusy = Cli.run("--home", home.toString(), "history", "--format", "json");

            assertThat(whileBusy.exitCode()).as(whileBusy.err()).isZero();
            assertThat(whileBusy.json().at("/source").asText()).isEqualTo("RUNS_FOLDER");
            assertThat(whileBusy.json().at("/runs/0/run").asInt()).isEqualTo(1);
            assertThat(whileBusy.err()).startsWith("pipeline history: another run (PID " + ProcessHandle.current().pid())
                    .contains("listing the run summaries in " + home.resolve("runs") + " instead");
        } finally {
            done.countDown();
            holder.join();
        }

        Cli.Result table = Cli.run("--home", home.toString(), "history");
        assertThat(table.out().lines().toList().get(1)).matches("\\s+1\\s+1\\s+\\d{4}-\\d{2}-\\d{2} .*COMPLETED\\s+2014-07-02\\s+0/0\\s+0\\s+0\\s+0\\s+0\\s+0\\s+0");
    }
}
