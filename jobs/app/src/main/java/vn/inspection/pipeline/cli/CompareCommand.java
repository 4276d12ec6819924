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

    @Option(names = "--known-at", paramLabel = "WHEN", description = "Figures as the lake knew them then: a date (its end) or an ISO "
            + "date-time (2014-07-15T09:30, 2014-07-15T09:30+07:00); corrections and withdrawals made later are left out")
    String knownAt;

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
            java.time.Instant at = knownAt(knownAt);
            ReadContext context = ReadContext.withWarehouse(parent.home);
            try (MetricEngine engine = context.duckdb(at)) {
                UnitTables.UnitRow unitRow = unit == null ? null : unit(engine.units(), unit);
                Comparison comparison = Comparison.of(engine, context.metrics().metrics(), ab[0], ab[1],
                        unitRow == null ? null : unitRow.code(), asRecorded ? UnitBasis.RECORDED : UnitBasis.SUCCESSOR);
                List<String> notes = new java.util.ArrayList<>(ComparisonFormat.coverageNotes(comparison, engine.span(context.metrics().metrics()), language));
                if (at != null) {
                    notes.add(0, knownAtNote(at, language));
                }
                ComparisonFormat output = new ComparisonFormat(comparison, unitRow == null ? null : unitRow.name(), notes, language);
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

    /** The instant of {@code --known-at}, or null when not given. */
    static java.time.Instant knownAt(String text) {
        if (text == null) {
            return null;
        }
        try {
            return vn.inspection.pipeline.lake.KnownAt.parse(text, java.time.ZoneId.systemDefault());
        } catch (IllegalArgumentException e) {
            throw new CommandException(PipelineCli.USAGE, e.getMessage());
        }
    }

    /** The line that says figures are as known at an instant (local time). */
    static String knownAtNote(java.time.Instant at, Language language) {
        String when = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").format(at.atZone(java.time.ZoneId.systemDefault()));
        return language == Language.EN ? "Figures as the lake knew them at " + when + " (later corrections and withdrawals left out)"
                : "Số liệu như hồ dữ liệu đã biết lúc " + when + " (không tính các đính chính, rút bản ghi sau thời điểm đó)";
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
