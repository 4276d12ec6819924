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

    /**
     * After an upgrade the sources are newer than the build: a run without a terminal (the night's) does not build, it
     * runs the last build and says in one line what to do. The launcher runs from a copy of the checkout's launcher,
     * build files and jar, with one source newer than the jar.
     */
    @Test
    void aRunWithoutATerminalNeverBuildsAnUpgradeItSaysToRunPipelineBuild() throws Exception {
        Path checkout = temp.resolve("checkout");
        for (String folder : List.of("jobs/core", "jobs/report", "schemas", "jobs/app/target", "jobs/app/src/main/java")) {
            Files.createDirectories(checkout.resolve(folder));
        }
        Files.copy(ROOT.resolve("pipeline"), checkout.resolve("pipeline"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(ROOT.resolve("pom.xml"), checkout.resolve("pom.xml"));
        Path jar = Files.copy(ROOT.resolve("jobs/app/target/pipeline.jar"), checkout.resolve("jobs/app/target/pipeline.jar"));
        java.nio.file.attribute.FileTime yesterday = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 86_400_000L);
        Files.setLastModifiedTime(jar, yesterday);
        Files.setLastModifiedTime(checkout.resolve("pom.xml"), yesterday);
        Files.writeString(checkout.resolve("jobs/app/src/main/java/Upgraded.java"), "class Upgraded {}\n");
        Path user = Files.createDirectories(temp.resolve("user-home"));

        Process run = new ProcessBuilder("env", "-i", "HOME=" + user, "PATH=/usr/bin:/bin", "/bin/sh", "-c", "cd " + checkout + " && ./pipeline --help")
                .redirectOutput(temp.resolve("run.out").toFile())
                .redirectError(temp.resolve("run.err").toFile())
                .start();
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).as("the launcher finished").isTrue();

        assertThat(run.exitValue()).isZero();
        assertThat(Files.readString(temp.resolve("run.out"))).contains("Usage: pipeline");
        assertThat(Files.readAllLines(temp.resolve("run.err"))).singleElement().asString()
                .startsWith("pipeline: the sources are newer than the build of jobs/app (")
                .endsWith("): running that build; run ./pipeline build to build them");
        assertThat(checkout.resolve("target/build.log")).as("no build started").doesNotExist();
        assertThat(Files.getLastModifiedTime(jar)).isEqualTo(yesterday);
    }
}
