package vn.inspection.pipeline.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

import com.icegreen.greenmail.util.GreenMail;

import vn.inspection.pipeline.support.Cli;

/**
 * The mail server is down on the night: the run retries, then fails at delivery with exit 1 and says so in two lines;
 * the next run, with the server back, resumes at delivery (no ingest, no rendering: the job repository's step
 * executions say so) and the report arrives once.
 */
class NightlySmtpOutageTest {
    @TempDir
    Path temp;

    @Test
    void failsAtDeliveryThenTheNextRunMailsOnceWithoutIngestingOrRenderingAgain() throws Exception {
        Path home = temp.resolve("home");
        int port = NightlyRuns.freePort();
        GreenMail smtp = NightlyRuns.smtp(port);

        Cli.Result down = NightlyRuns.nightly(home, NightlyRuns.mailTo(port), "--inbox", NightlyRuns.SAMPLES.toString(), "--as-of", "2014-07-02");

        assertThat(down.exitCode()).as(down.out() + down.err()).isEqualTo(1);
        List<String> lines = down.err().lines().toList();
        assertThat(lines).as("two lines: which step, why, what to do").hasSize(2);
        assertThat(lines.get(0)).startsWith("pipeline nightly: step 'deliver' failed: could not mail half-year_2014-H1_vs_2013-H1.pdf to "
                + NightlyRuns.TO + " through 127.0.0.1:" + port + " (3 attempts over ").contains("then run the same command again");
        assertThat(lines.get(1)).startsWith("pipeline nightly: run the same command again to resume at that step; the run summary is " + home.resolve("runs"));
        assertThat(down.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(down.out()).contains("FAILED at step 'deliver'").contains("half-year_2014-H1_vs_2013-H1.pdf         FAILED");
        assertThat(home.resolve("outbox/half-year_2014-H1_vs_2013-H1.pdf")).as("rendered before the mail failed").exists();
        assertThat(Files.readString(home.resolve("logs/pipeline.log"))).as("the log keeps the stack trace").contains("Connection refused");

        smtp.start();
        try {
            Cli.Result up = NightlyRuns.nightly(home, NightlyRuns.mailTo(port), "--inbox", NightlyRuns.SAMPLES.toString(), "--as-of", "2014-07-02",
                    "--format", "json");
            assertThat(up.exitCode()).as(up.err()).isZero();
            assertThat(up.json().at("/run").asLong()).isEqualTo(1);
            assertThat(up.json().at("/attempt").asInt()).isEqualTo(2);
            assertThat(up.json().at("/deliveries/0/status").asText()).isEqualTo("SENT");
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(Mails.of(smtp.getReceivedMessages()[0]).attachments()).hasSize(1);

            Cli.Result again = NightlyRuns.nightly(home, NightlyRuns.mailTo(port), "--inbox", NightlyRuns.SAMPLES.toString(), "--as-of", "2014-07-02",
                    "--format", "json");
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.json().at("/deliveries/0/status").asText()).isEqualTo("ALREADY_SENT");
            assertThat(smtp.getReceivedMessages()).as("exactly once").hasSize(1);
        } finally {
            smtp.stop();
        }

        JobRepository repository = NightlyRuns.repository(home);
        List<JobExecution> nightly = NightlyRuns.executions(repository, "nightly");
        assertThat(nightly).hasSize(3);
        assertThat(nightly.get(0).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(NightlyRuns.steps(nightly.get(0))).containsExactly("ingest", "processed", "refresh", "render", "deliver");  // failed at deliver
        assertThat(nightly.get(1).getJobInstance().getInstanceId()).as("the second run resumed the first").isEqualTo(nightly.get(0).getJobInstance().getInstanceId());
        assertThat(nightly.get(1).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(NightlyRuns.steps(nightly.get(1))).as("resumed at delivery: no ingest, no refresh, no rendering").containsExactly("deliver", "rejects");
        assertThat(NightlyRuns.executions(repository, "ingest")).as("the samples were ingested once").hasSize(1);
        assertThat(NightlyRuns.steps(nightly.get(2))).as("a new night with nothing new").containsExactly("render", "deliver", "rejects");

        Cli.Result history = Cli.run("--home", home.toString(), "history");
        assertThat(history.exitCode()).as(history.err()).isZero();
        List<String> rows = history.out().lines().toList();
        assertThat(rows.get(0)).contains("RUN").contains("STATUS").contains("FILES").contains("MAILS");
        assertThat(rows.get(1)).matches("\\s+2\\s+1\\s+.*COMPLETED\\s+2014-07-02\\s+0/19\\s+0\\s+0\\s+0\\s+0\\s+0\\s+0");  // no unit has an address: 0 units mailed, 0 offices
        assertThat(rows.get(2)).matches("\\s+1\\s+2\\s+.*COMPLETED\\s+2014-07-02\\s+18/19\\s+26,627\\s+9\\s+1\\s+1\\s+0\\s+0");  // 9 not let in: 8 rejected, 1 waiting for its unit
        assertThat(rows.get(3)).matches("\\s+1\\s+1\\s+.*FAILED\\s+2014-07-02\\s+18/19\\s+26,627\\s+9\\s+1\\s+0\\s+0\\s*");  // stopped before the rejects step
        assertThat(rows.get(4)).contains("step 'deliver': could not mail half-year_2014-H1_vs_2013-H1.pdf");
    }

    @Test
    void aLaterNightMailsWhatAFailedNightRenderedWithoutRenderingItAgain() throws Exception {
        Path home = temp.resolve("home");
        int port = NightlyRuns.freePort();
        GreenMail smtp = NightlyRuns.smtp(port);
        Cli.Result down = NightlyRuns.nightly(home, NightlyRuns.mailTo(port), "--inbox", NightlyRuns.SAMPLES.toString(), "--as-of", "2014-07-02");
        assertThat(down.exitCode()).as(down.err()).isEqualTo(1);
        Path pdf = home.resolve("outbox/half-year_2014-H1_vs_2013-H1.pdf");
        String ledger = Files.readString(home.resolve("outbox/deliveries.json"));

        smtp.start();
        try {
            Cli.Result nextNight = NightlyRuns.nightly(home, NightlyRuns.mailTo(port), "--inbox", NightlyRuns.SAMPLES.toString(), "--as-of", "2014-07-03",
                    "--format", "json");

            assertThat(nextNight.exitCode()).as(nextNight.err()).isZero();
            assertThat(nextNight.json().at("/run").asLong()).as("another night: a new run").isEqualTo(2);
            assertThat(nextNight.json().at("/reports/0/status").asText()).isEqualTo("ALREADY_RENDERED");
            assertThat(nextNight.json().at("/deliveries/0/status").asText()).isEqualTo("SENT");
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(Mails.of(smtp.getReceivedMessages()[0]).attachments().get(0).bytes()).isEqualTo(Files.readAllBytes(pdf));
            assertThat(Files.readString(home.resolve("outbox/deliveries.json")))
                    .as("the rendering recorded by the failed night is the one mailed").contains(ledger.substring(ledger.indexOf("\"rendered_at\""),
                            ledger.indexOf("\"run\"")));
        } finally {
            smtp.stop();
        }
        List<JobExecution> nightly = NightlyRuns.executions(NightlyRuns.repository(home), "nightly");
        assertThat(nightly).extracting(JobExecution::getStatus).containsExactly(BatchStatus.ABANDONED, BatchStatus.COMPLETED);
        assertThat(NightlyRuns.steps(nightly.get(1))).containsExactly("render", "deliver", "rejects");
    }
}
