package vn.inspection.pipeline.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.inspection.pipeline.support.Cli;

/** Two nightly runs of one home started at once, in two JVMs as two cron entries would: one runs, the other exits 4 at once. */
class NightlyConcurrencyTest {
    @TempDir
    Path temp;

    @Test
    void oneRunsAndTheOtherExitsFourAtOnceSayingWhoHoldsTheHome() throws Exception {
        Path home = temp.resolve("home");
        Path logs = temp.resolve("home-logs");
        String[] args = {"--inbox", NightlyRuns.SAMPLES.toString(), "--as-of", "2014-07-02"};
        Process a = NightlyRuns.start(home, "a", List.of(), args);
        Process b = NightlyRuns.start(home, "b", List.of(), args);

        // the first to end must be the refused one, while the other still works
        Process first = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (first == null && System.nanoTime() < deadline) {
            first = !a.isAlive() ? a : !b.isAlive() ? b : null;
            Thread.sleep(20);
        }
        assertThat(first).as("one of them ended").isNotNull();
        Process other = first == a ? b : a;
        boolean otherStillRunning = other.isAlive();
        Cli.Result refused = NightlyRuns.finish(first, logs, first == a ? "a" : "b");
        Cli.Result ran = NightlyRuns.finish(other, logs, first == a ? "b" : "a");

        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(4);
        assertThat(otherStillRunning).as("refused at once, while the other run was working").isTrue();
        // who holds it, when the holder had written its PID by then (both started in the same instant: it may not have)
        assertThat(refused.err().strip()).matches("pipeline nightly: another run (\\(PID " + other.pid()
                + ", started \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\) )?is using this home \\(" + java.util.regex.Pattern.quote(home.toString())
                + "\\): wait for it to finish, then run this command again");
        assertThat(refused.out()).isEmpty();
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("NIGHTLY RUN 1 \u2014 COMPLETED").contains("half-year   2014-H1 vs 2013-H1  RENDERED");
    }
}
