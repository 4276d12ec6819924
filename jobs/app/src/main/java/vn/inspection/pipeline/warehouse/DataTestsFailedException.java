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
        super("the refreshed warehouse failed " + (failures.size() == 1 ? "a data test" : failures.size() + " data tests")
                + ", so its figures may be wrong: " + failures.stream().map(f -> f.name() + " (" + f.rows() + (f.rows() == 1 ? " row" : " rows") + ")")
                .collect(Collectors.joining(", ")) + "; run 'pipeline verify' to find a damaged lake file and how to restore it");
        this.failures = List.copyOf(failures);
    }

    public List<Warehouse.DataTestFailure> failures() {
        return failures;
    }
}
