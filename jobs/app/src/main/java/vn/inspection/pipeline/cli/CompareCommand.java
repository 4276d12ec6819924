package vn.inspection.pipeline.cli;

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
import vn.inspection.pipeline.metrics.MetricEngine;
import vn.inspection.pipeline.metrics.UnitBasis;
import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.text.Language;
import vn.inspection.pipeline.unit.UnitTables;

/**
 * {@code pipeline compare A B | A --previous-year [--unit CODE] [--format table|json|csv] [--as-recorded] [--lang vi|en]
 * [--engine duckdb|spark]}. The Spark engine is its own program (module {@code jobs/spark}, which the launcher runs for
 * {@code --engine spark}); this one only says how to reach it.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare every metric between two periods (2014, 2014-H1, 2014-Q3, 2014-03, 2010..2015, 2014-01-15..2014-06-30): "
                + "value in A, value in B, difference and change in percent.")
class CompareCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(CompareCommand.class);

    enum Format { table, json, csv }

    enum Engine { duckdb, spark }

    /** How to reach the Spark engine, when {@code --engine spark} reaches this program (e.g. {@code java -jar pipeline.jar}). */
    static final String SPARK_ENGINE_HINT = "the Spark engine is not part of this program: run it through the launcher "
            + "(./pipeline compare ... --engine spark), which builds it on first use (mvn -q -DskipTests -pl jobs/spark -am package), "
            + "or submit jobs/spark/target/pipeline-spark.jar to a cluster with spark-submit (see the README, \"When one machine is not enough\")";

    @ParentCommand
    PipelineCli parent;

    @Parameters(arity = "1..2", paramLabel = "PERIOD", description = "Period A and period B; with --previous-year only one")
    List<String> periods;

    @Option(names = "--previous-year", description = "Compare PERIOD with the same period of the previous year (cùng kỳ)")
    boolean previousYear;

    @Option(names = "--unit", paramLabel = "UNIT", description = "One unit (its code, or its name), with the units below it (default: all)")
    String unit;

    @Option(names = "--as-recorded", description = "Count merged units' records under the unit recorded, not under the successor")
    boolean asRecorded;

    @Option(names = "--format", defaultValue = "table", description = "table (default), json or csv")
    Format format;

    @Option(names = "--lang", defaultValue = "vi", paramLabel = "vi|en", description = "vi (default) or en: labels and number format")
    Language language;

    @Option(names = "--explain", paramLabel = "FILE.xlsx",
            description = "Also write a workbook for auditors: a sheet of the figures, then a sheet per metric listing every record it counts "
                    + "in A and in B (as pipeline explain does)")
    java.nio.file.Path explain;

    @Option(names = "--engine", defaultValue = "duckdb", paramLabel = "duckdb|spark",
            description = "duckdb (default: the warehouse) or spark (run by the launcher: ./pipeline compare ... --engine spark)")
    Engine engine;

    @Override
    public Integer call() {
        if (engine == Engine.spark) {
            parent.err.println("pipeline compare: " + SPARK_ENGINE_HINT);
            return PipelineCli.USAGE;
        }
        try {
            Period[] ab = periods(periods, previousYear);
            ReadContext context = ReadContext.withWarehouse(parent.home);
            try (MetricEngine engine = context.duckdb()) {
                UnitTables.UnitRow unitRow = unit == null ? null : unit(engine.units(), unit);
                Comparison comparison = Comparison.of(engine, context.metrics().metrics(), ab[0], ab[1],
                        unitRow == null ? null : unitRow.code(), asRecorded ? UnitBasis.RECORDED : UnitBasis.SUCCESSOR);
                ComparisonFormat output = new ComparisonFormat(comparison, unitRow == null ? null : unitRow.name(),
                        ComparisonFormat.coverageNotes(comparison, engine.span(context.metrics().metrics()), language), language);
                if (explain != null) {
                    // before the figures are printed: a workbook that cannot be written is the command's failure
                    AuditWorkbook.write(explain, engine, comparison, unitRow, asRecorded, language);
                }
                switch (format) {
                    case json -> parent.out.println(output.json());
                    case csv -> parent.out.print(output.csv());
                    default -> parent.out.print(output.table());
                }
            }
            return PipelineCli.OK;
        } catch (CommandException e) {
            parent.err.println("pipeline compare: " + e.getMessage());
            return e.exitCode();
        } catch (RuntimeException e) {
            log.error(vn.inspection.pipeline.system.Logging.TOLD, "compare failed", e);
            parent.err.println("pipeline compare: " + Errors.describe(e));
            return PipelineCli.FAILED;
        }
    }

    /** Periods A and B from the command line (B and the year before it with --previous-year). */
    static Period[] periods(List<String> texts, boolean previousYear) {
        try {
            return CompareArguments.periods(texts, previousYear);
        } catch (IllegalArgumentException e) {
            throw new CommandException(PipelineCli.USAGE, e.getMessage());
        }
    }

    /** The one unit the user named by code or name; an unknown or ambiguous name is a failure that says what to do. */
    static UnitTables.UnitRow unit(List<UnitTables.UnitRow> units, String text) {
        try {
            return CompareArguments.unit(units, text);
        } catch (CompareArguments.UnknownUnitException e) {
            throw new CommandException(PipelineCli.FAILED, e.getMessage());
        }
    }
}
