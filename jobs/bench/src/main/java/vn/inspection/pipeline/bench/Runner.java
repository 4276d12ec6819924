package vn.inspection.pipeline.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Runs a command as a whole process under {@code /usr/bin/time}, failing loudly when it fails. */
final class Runner {
    private final Path work;
    private final PrintStream log;
    private final java.util.Map<String, String> environment;

    Runner(Path work, PrintStream log, java.util.Map<String, String> environment) {
        this.work = work;
        this.log = log;
        this.environment = environment;
    }

    /** One measured run: wall and CPU seconds, peak resident memory in KiB, and what the command printed. */
    record Run(double wallSeconds, double cpuSeconds, long maxRssKb, String out) {
    }

    /** Runs the command; with {@code timeFile}, under /usr/bin/time writing its figures there. */
    Run run(List<String> command, Path timeFile) throws IOException, InterruptedException {
        Files.createDirectories(work);
        List<String> full = new ArrayList<>();
        if (timeFile != null) {
            full.addAll(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", timeFile.toString()));
        }
        full.addAll(command);
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(full).directory(work.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        int code = process.waitFor();
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        if (code != 0) {
            throw new IllegalStateException("benchmark command failed (exit " + code + "): " + String.join(" ", command) + "\n"
                    + tail(Files.readString(err, StandardCharsets.UTF_8)));
        }
        if (timeFile == null) {
            return new Run(0, 0, 0, stdout);
        }
        String[] figures = Files.readAllLines(timeFile).stream().filter(l -> l.matches("[0-9. ]+")).reduce((a, b) -> b).orElseThrow().split(" ");
        Run run = new Run(Double.parseDouble(figures[0]), Double.parseDouble(figures[1]) + Double.parseDouble(figures[2]),
                Long.parseLong(figures[3]), stdout);
        log.printf("  %.2f s wall, %.2f s CPU, %d MB peak%n", run.wallSeconds(), run.cpuSeconds(), run.maxRssKb() / 1024);
        return run;
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /** Copies a folder and everything in it (a home to start a run from). */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
