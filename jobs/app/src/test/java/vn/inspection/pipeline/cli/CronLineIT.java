package vn.inspection.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.inspection.pipeline.support.Fixtures;

/**
 * The cron line of {@code docs/operations.md}, run as written, as cron runs it: {@code /bin/sh -c} under {@code env -i}
 * with cron's few variables, an empty user home (no Maven repository: a build could not even start), and a pipeline
 * home that holds nothing but an inbox with one small units reference (no {@code logs/}, no lake, no key). Only the
 * three paths the page names are replaced: the checkout, the environment file (which names the home) and the home.
 * A good first night exits 0 with nothing on standard error (cron mails standard error) and keeps its summary in
 * {@code runs/}.
 *
 * <p>An integration test: it runs after {@code package}, on the launcher and the jar it built.
 */
class CronLineIT {
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Pattern CRON_LINE = Pattern.compile("(?m)^0 2 \\* \\* \\*\\s+(\\S.*)$");

    @TempDir
    Path temp;

    static String documentedCronCommand() throws IOException {
        Matcher line = CRON_LINE.matcher(Files.readString(ROOT.resolve("docs/operations.md")));
        assertThat(line.find()).as("docs/operations.md has a cron line for 02:00").isTrue();
        String command = line.group(1);
        assertThat(line.find()).as("one cron line only").isFalse();
        return command;
    }

    @Test
    void theDocumentedCronLineRunsTheFirstNightOnAFreshHomeWithNothingToMail() throws Exception {
        String command = documentedCronCommand();
        assertThat(command).contains("cd /opt/pipeline ", "/etc/pipeline/pipeline.env", "./pipeline nightly");

        Path home = temp.resolve("srv-pipeline");
        Fixtures.copy(Fixtures.INGEST, home.resolve("inbox"), "don-vi.xlsx");
        Path env = Files.writeString(temp.resolve("pipeline.env"), "PIPELINE_HOME=" + home + "\n");
        Path user = Files.createDirectories(temp.resolve("user-home"));
        String asRun = command.replace("/opt/pipeline", ROOT.toString()).replace("/etc/pipeline/pipeline.env", env.toString());

        Process cron = new ProcessBuilder("env", "-i", "HOME=" + user, "LOGNAME=" + System.getProperty("user.name"), "SHELL=/bin/sh",
                "PATH=/usr/bin:/bin", "/bin/sh", "-c", asRun)
                .directory(user.toFile())
                .redirectOutput(temp.resolve("cron.out").toFile())
                .redirectError(temp.resolve("cron.err").toFile())
                .start();
        if (!cron.waitFor(5, TimeUnit.MINUTES)) {
            cron.destroyForcibly();
            throw new AssertionError("the cron line did not finish in five minutes: " + asRun);
        }
        String err = Files.readString(temp.resolve("cron.err"), StandardCharsets.UTF_8);

        assertThat(err).as("standard error, which cron mails").isEmpty();
        assertThat(cron.exitValue()).isZero();
        assertThat(temp.resolve("cron.out")).as("standard output goes nowhere: runs/ keeps the summary").isEmptyFile();
        assertThat(home.resolve("logs/pipeline.log")).exists();
        List<Path> summaries;
        try (Stream<Path> runs = Files.list(home.resolve("runs"))) {
            summaries = runs.filter(p -> p.getFileName().toString().endsWith(".txt")).toList();
        }
        assertThat(summaries).hasSize(1);
        assertThat(summaries.get(0)).content(StandardCharsets.UTF_8).contains("COMPLETED").contains("1 file: 1 ingested");
        assertThat(user).as("nothing written in the user's home: no build, no Maven repository").isEmptyDirectory();
    }
}
