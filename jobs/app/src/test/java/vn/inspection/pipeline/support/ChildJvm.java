package vn.inspection.pipeline.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import vn.inspection.pipeline.cli.PipelineCli;

/**
 * Runs the pipeline command line in another JVM with the application's test class path, as a second user or a
 * cron job would run it beside this one; optionally under a wrapper command (e.g. {@code setpriv} to drop root's
 * capabilities).
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** The command line: [wrapper…] java -cp … PipelineCli args…. */
    public static List<String> command(List<String> wrapper, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Xshare:auto");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Dpipeline.pseudonym-key=" + Cli.TEST_KEY);
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        // a run in a child JVM checks that every sheet's rows add up, as every run in the suite does
        command.add("-Dpipeline.accounting.strict=" + Boolean.getBoolean("pipeline.accounting.strict"));
        command.addAll(jvmOptions);
        command.add(PipelineCli.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Starts it with standard output and error going to files beside each other in {@code logDir}. */
    public static Process start(Path logDir, String name, List<String> wrapper, List<String> jvmOptions, String... args) throws IOException {
        Files.createDirectories(logDir);
        return new ProcessBuilder(command(wrapper, jvmOptions, args))
                .redirectOutput(logDir.resolve(name + ".out").toFile())
                .redirectError(logDir.resolve(name + ".err").toFile())
                .start();
    }

    /** Runs it to the end (at most two minutes). */
    public static Cli.Result run(List<String> wrapper, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("child", ".out");
        Path err = Files.createTempFile("child", ".err");
        try {
            Process process = new ProcessBuilder(command(wrapper, List.of(), args))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the child JVM did not finish in two minutes: " + String.join(" ", args));
            }
            return new Cli.Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8).replace("\r\n", "\n"),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
