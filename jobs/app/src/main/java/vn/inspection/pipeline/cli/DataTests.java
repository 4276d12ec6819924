package vn.inspection.pipeline.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

import vn.inspection.pipeline.warehouse.Warehouse;

/** How a command says that the refreshed warehouse failed its data tests: two lines, never only the log. */
final class DataTests {
    private DataTests() {
    }

    static void report(PrintStream err, String command, List<Warehouse.DataTestFailure> failed, List<vn.inspection.pipeline.lake.LakeVerifier.Problem> lakeProblems) {
        report(err, command, failed);
        for (vn.inspection.pipeline.lake.LakeVerifier.Problem problem : lakeProblems) {
            err.println(command + ": " + problem.file().path() + " is " + problem.what() + " (" + problem.detail() + "): it holds records of "
                    + problem.entry().fileName() + "; restore it with " + VerifyCommand.restore(problem.entry()));
        }
    }

    static void report(PrintStream err, String command, List<Warehouse.DataTestFailure> failed) {
        err.println(command + ": the refreshed warehouse failed " + (failed.size() == 1 ? "a data test" : failed.size() + " data tests") + ", so its figures may be wrong: "
                + failed.stream().map(f -> f.name() + " (" + f.rows() + (f.rows() == 1 ? " row" : " rows") + ")").collect(Collectors.joining(", ")));
        err.println(command + ": run 'pipeline verify' to find a damaged lake file and how to restore it; "
                + "'pipeline sql \"SELECT * FROM data_tests\"' says what each test checks");
    }
}
