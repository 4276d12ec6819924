package vn.inspection.pipeline.warehouse;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The refreshed warehouse failed data tests, so its figures may be wrong: a job stops there rather than send
 * reports made from them. The message names the tests and what to do.
 */
public class DataTestsFailedException extends RuntimeException {
    private final List<Warehouse.DataTestFailure> failures;

    public DataTestsFailedException(List<Warehouse.DataTestFailure> failures) {
        this(failures, List.of());
    }

    /** With the lake files found not as committed: each named, with its source file and the command that restores it. */
    public DataTestsFailedException(List<Warehouse.DataTestFailure> failures, List<vn.inspection.pipeline.lake.LakeVerifier.Problem> lakeProblems) {
        super("the refreshed warehouse failed " + (failures.size() == 1 ? "a data test" : failures.size() + " data tests")
                + ", so its figures may be wrong: " + failures.stream().map(f -> f.name() + " (" + f.rows() + (f.rows() == 1 ? " row" : " rows") + ")")
                .collect(Collectors.joining(", "))
                + lakeProblems.stream().map(p -> "; " + p.file().path() + " is " + p.what() + " (" + p.detail() + "): restore it with "
                        + restore(p.entry())).collect(Collectors.joining())
                + "; run 'pipeline verify' to find a damaged lake file and how to restore it");
        this.failures = List.copyOf(failures);
    }

    /** The command that restores a source file's lake files: re-ingest it. */
    static String restore(vn.inspection.pipeline.lake.ManifestEntry entry) {
        String path = entry.sourcePath() != null && java.nio.file.Files.exists(java.nio.file.Path.of(entry.sourcePath())) ? entry.sourcePath() : null;
        return path != null ? "pipeline ingest --force '" + path.replace("'", "'\\''") + "'"
                : "pipeline ingest --force <path of " + entry.fileName() + ">";
    }

    public List<Warehouse.DataTestFailure> failures() {
        return failures;
    }
}
