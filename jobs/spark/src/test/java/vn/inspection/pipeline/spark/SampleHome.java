package vn.inspection.pipeline.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The committed {@code data-samples/} ingested once per test JVM by the application itself ({@code java -jar
 * jobs/app/target/pipeline.jar ingest}, as a user runs it), and the DuckDB engine's answers read from the same
 * program: what the Spark engine's answers must equal.
 */
final class SampleHome {
    static final Path APP_JAR = Path.of("../app/target/pipeline.jar");
    static final Path SAMPLES = Path.of("../../data-samples");
    private static final Path HOME = Path.of("target/it-samples/home").toAbsolutePath();
    private static boolean ingested;

    private SampleHome() {
    }

    /** The home holding the samples' lake and warehouse. */
    static synchronized Path home() throws Exception {
        if (!ingested) {
            assertThat(APP_JAR).as("the application jar, built before this module (mvn verify builds it)").exists();
            deleteTree(HOME);
            Result run = app("--home", HOME.toString(), "ingest", SAMPLES.toAbsolutePath().toString(), "--format", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            ingested = true;
        }
        return HOME;
    }

    /** The lake's URI, as {@code --lake} takes it. */
    static String lakeUri() throws Exception {
        return home().resolve("lake").toUri().toString();
    }

    record Result(int exitCode, String out, String err) {
    }

    /** Runs the application (the DuckDB engine) with these arguments. */
    static Result app(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpipeline.pseudonym-key=spark-it-pseudonym-key-0123456789", "-jar", APP_JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("it-out", ".txt");
        Path err = Files.createTempFile("it-err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                throw new AssertionError("did not finish in 5 minutes: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
