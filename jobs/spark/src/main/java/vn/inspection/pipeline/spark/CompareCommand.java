package vn.inspection.pipeline.spark;

import java.util.List;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.inspection.pipeline.metrics.CompareArguments;
import vn.inspection.pipeline.metrics.Comparison;
import vn.inspection.pipeline.metrics.ComparisonFormat;
import vn.inspection.pipeline.metrics.UnitBasis;
import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.text.Language;
import vn.inspection.pipeline.unit.UnitTables;

/**
 * {@code compare A B | A --previous-year [--unit CODE|name] [--as-recorded] [--format table|json|csv] [--lang vi|en]}
 * on Spark: the same figures, table, JSON and CSV as the DuckDB command, with {@code "engine":"spark"}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare every metric between two periods (2014, 2014-H1, 2014-Q3, 2014-03, 2010..2015, 2014-01-15..2014-06-30) "
                + "on Spark: value in A, value in B, difference and change in percent.")
class CompareCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(CompareCommand.class);

    enum Format { table, json, csv }

    @ParentCommand
    SparkCli parent;

    @Parameters(arity = "1..2", paramLabel = "PERIOD", description = "Period A and period B; with --previous-year only one")
    List<String> periods;

    @Option(names = "--previous-year", description = "Compare PERIOD with the same period of the previous year (cùng kỳ)")
    boolean previousYear;

    @Option(names = "--unit", paramLabel = "UNIT", description = "One unit (its code, or its name), with the units below it (default: all)")
    String unit;

    @Option(names = "--known-at", paramLabel = "WHEN", description = "Figures as the lake knew them then: a date (its end) or an ISO date-time")
    String knownAt;

    @Option(names = "--as-recorded", description = "Count merged units' records under the unit recorded, not under the successor")
    boolean asRecorded;

    @Option(names = "--format", defaultValue = "table", description = "table (default), json or csv")
    Format format;

    @Option(names = "--lang", defaultValue = "vi", paramLabel = "vi|en", description = "vi (default) or en: labels and number format")
    Language language;

    @Override
    public Integer call() {
        Period[] ab;
        try {
            ab = CompareArguments.periods(periods, previousYear);
        } catch (IllegalArgumentException e) {
            parent.err.println("pipeline compare: " + e.getMessage());
            return SparkCli.USAGE;
        }
        try {
            try (SparkCli.EngineContext context = parent.open(SparkCli.knownAt(knownAt))) {
                UnitTables.UnitRow unitRow = unit == null ? null : unitRow(context.engine().units());
                List<vn.inspection.pipeline.metrics.Metric> metrics = context.metrics().metrics();
                Comparison comparison = Comparison.of(context.engine(), metrics, ab[0], ab[1],
                        unitRow == null ? null : unitRow.code(), asRecorded ? UnitBasis.RECORDED : UnitBasis.SUCCESSOR);
                ComparisonFormat output = new ComparisonFormat(comparison, unitRow == null ? null : unitRow.name(),
                        ComparisonFormat.coverageNotes(comparison, context.engine().span(metrics), language), language);
                switch (format) {
                    case json -> parent.out.println(output.json());
                    case csv -> parent.out.print(output.csv());
                    default -> parent.out.print(output.table());
                }
            }
            return SparkCli.OK;
        } catch (SparkCli.CommandFailure e) {
            parent.err.println("pipeline compare: " + e.getMessage());
            return e.exitCode();
        } catch (CompareArguments.UnknownUnitException e) {
            parent.err.println("pipeline compare: " + e.getMessage());
            return SparkCli.FAILED;
        } catch (RuntimeException e) {
            log.error("compare failed", e);
            parent.err.println("pipeline compare: " + Errors.describe(e));
            return SparkCli.FAILED;
        }
    }

    private UnitTables.UnitRow unitRow(List<UnitTables.UnitRow> units) {
        return CompareArguments.unit(units, unit);
    }
}
