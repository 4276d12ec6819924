package vn.inspection.pipeline.notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a notebook finds the pipeline's data. {@code notebooks/run} sets both variables; an analyst who opens a
 * notebook by hand (Jupyter started in {@code notebooks/}) gets the first of these that exists:
 * <ol>
 *   <li>the warehouse file {@code $PIPELINE_WAREHOUSE};</li>
 *   <li>{@code $PIPELINE_HOME/warehouse/warehouse.duckdb} (the home the pipeline itself uses);</li>
 *   <li>{@code ../var/warehouse/warehouse.duckdb}: the default home of {@code ./pipeline} run at the repository root;</li>
 *   <li>{@code ../target/notebooks/home/warehouse/warehouse.duckdb}: the sample warehouse {@code notebooks/run} builds.</li>
 * </ol>
 * The home (rejects reports, quarantine) is the folder that holds that warehouse's {@code warehouse/} folder, or
 * {@code $PIPELINE_HOME} when set.
 */
public final class NotebookPaths {
    public static final String WAREHOUSE_ENV = "PIPELINE_WAREHOUSE";
    public static final String HOME_ENV = "PIPELINE_HOME";
    static final String WAREHOUSE_FILE = "warehouse/warehouse.duckdb";
    static final List<String> DEFAULT_HOMES = List.of("../var", "../target/notebooks/home");

    private final Path warehouse;
    private final Path home;

    private NotebookPaths(Path warehouse, Path home) {
        this.warehouse = warehouse;
        this.home = home;
    }

    /** The paths of this process (its environment, its working directory). */
    public static NotebookPaths fromEnvironment() {
        return resolve(System.getenv(), Path.of("").toAbsolutePath());
    }

    /**
     * @throws IllegalStateException naming every place looked at, when none holds a warehouse
     */
    static NotebookPaths resolve(Map<String, String> env, Path workingDir) {
        String warehouseEnv = env.get(WAREHOUSE_ENV);
        String homeEnv = env.get(HOME_ENV);
        Path home = homeEnv == null || homeEnv.isBlank() ? null : workingDir.resolve(homeEnv).normalize();
        List<Path> candidates = new ArrayList<>();
        if (warehouseEnv != null && !warehouseEnv.isBlank()) {
            candidates.add(workingDir.resolve(warehouseEnv).normalize());
        } else if (home != null) {
            candidates.add(home.resolve(WAREHOUSE_FILE));
        } else {
            DEFAULT_HOMES.forEach(h -> candidates.add(workingDir.resolve(h).resolve(WAREHOUSE_FILE).normalize()));
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                Path owner = candidate.getParent() != null && candidate.getParent().getParent() != null ? candidate.getParent().getParent() : workingDir;
                return new NotebookPaths(candidate, home != null ? home : owner);
            }
        }
        throw new IllegalStateException("no warehouse at " + String.join(" nor ", candidates.stream().map(Path::toString).toList())
                + ": run notebooks/run (it builds the sample warehouse), or set " + WAREHOUSE_ENV + " to a warehouse file");
    }

    /** The warehouse file to open (read-only). */
    public Path warehouse() {
        return warehouse;
    }

    /** The pipeline home: {@code reports/} (rejects reports), {@code quarantine/}. */
    public Path home() {
        return home;
    }

    @Override
    public String toString() {
        return "warehouse " + warehouse + ", home " + home;
    }
}
