package vn.inspection.pipeline.system;

import java.nio.file.Path;

/**
 * The folder that holds everything the pipeline keeps: the lake, the rejects reports, the quarantine,
 * the Spring Batch job repository, the logs and the pseudonym key. Defaults to {@code ./var}, or
 * {@code PIPELINE_HOME}; {@code --home} overrides both.
 */
public record PipelineHome(Path root) {
    public static final String ENV = "PIPELINE_HOME";
    public static final String DEFAULT = "var";

    public PipelineHome {
        root = root.toAbsolutePath().normalize();
    }

    /** {@code --home} if given, else {@code PIPELINE_HOME}, else {@code ./var}. */
    public static PipelineHome resolve(Path option) {
        if (option != null) {
            return new PipelineHome(option);
        }
        String env = System.getenv(ENV);
        return new PipelineHome(Path.of(env != null && !env.isBlank() ? env : DEFAULT));
    }

    public Path lake() {
        return root.resolve("lake");
    }

    public Path warehouse() {
        return root.resolve("warehouse");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path reports() {
        return root.resolve("reports");
    }

    public Path quarantine() {
        return root.resolve("quarantine");
    }

    public Path jobRepository() {
        return root.resolve("batch").resolve("jobs");
    }

    public Path pseudonymKey() {
        return root.resolve("pseudonym.key");
    }

    public Path lockFile() {
        return root.resolve(".lock");
    }
}
