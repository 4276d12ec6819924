package vn.inspection.pipeline.system;

import java.nio.file.Path;
import java.util.List;

/**
 * The folder that holds everything the pipeline keeps: the lake, the rejects reports, the quarantine,
 * the Spring Batch job repository, the logs and the pseudonym key. Defaults to {@code ./var}, or
 * {@code PIPELINE_HOME}; {@code --home} overrides both.
 */
public record PipelineHome(Path root) {
    public static final String ENV = "PIPELINE_HOME";
    public static final String DEFAULT = "var";
    /** The home's own folders: never read as inputs, even when an input folder holds the home. */
    public static final List<String> OWN_FOLDERS = List.of("lake", "reports", "quarantine", "batch", "warehouse", "logs", "outbox",
            "runs", "processed");

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

    /** Whether a path is one the pipeline keeps (in one of its {@link #OWN_FOLDERS}, or its key): not an input. */
    public boolean owns(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (p.equals(pseudonymKey())) {
            return true;
        }
        for (String folder : OWN_FOLDERS) {
            if (p.startsWith(root.resolve(folder))) {
                return true;
            }
        }
        return false;
    }
}
