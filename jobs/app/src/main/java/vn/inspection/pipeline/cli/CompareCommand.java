package vn.inspection.pipeline.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.inspection.pipeline.metrics.Comparison;
import vn.inspection.pipeline.metrics.ComparisonFormat;
import vn.inspection.pipeline.metrics.MetricEngine;
import vn.inspection.pipeline.metrics.UnitBasis;
import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.text.Language;
import vn.inspection.pipeline.unit.UnitTables;

/** {@code pipeline compare A B | A --previous-year [--unit CODE] [--format table|json|csv] [--as-recorded] [--lang vi|en]}. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare every metric between two periods (2014, 2014-H1, 2014-Q3, 2014-03, 2010..2015, 2014-01-15..2014-06-30): "
                + "value in A, value in B, difference and change in percent.")
class CompareCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(CompareCommand.class);

    enum Format { table, json, csv }

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

    @Override
    public Integer call() {
        try {
            Period[] ab = periods(periods, previousYear);
            ReadContext context = ReadContext.withWarehouse(parent.home);
            try (MetricEngine engine = context.duckdb()) {
                UnitTables.UnitRow unitRow = unit == null ? null : unit(engine.units(), unit);
                Comparison comparison = Comparison.of(engine, context.metrics().metrics(), ab[0], ab[1],
                        unitRow == null ? null : unitRow.code(), asRecorded ? UnitBasis.RECORDED : UnitBasis.SUCCESSOR);
                ComparisonFormat output = new ComparisonFormat(comparison, unitRow == null ? null : unitRow.name(),
                        ComparisonFormat.coverageNotes(comparison, engine.span(context.metrics().metrics()), language), language);
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
            if (previousYear) {
                if (texts.size() != 1) {
                    throw new CommandException(PipelineCli.USAGE, "--previous-year takes one period");
                }
                Period b = Period.parse(texts.get(0));
                return new Period[] {b.previousYear(), b};
            }
            if (texts.size() != 2) {
                throw new CommandException(PipelineCli.USAGE, "give two periods, or one with --previous-year");
            }
            return new Period[] {Period.parse(texts.get(0)), Period.parse(texts.get(1))};
        } catch (IllegalArgumentException e) {
            throw new CommandException(PipelineCli.USAGE, e.getMessage());
        }
    }

    /** The one unit the user named by code or name; an unknown or ambiguous name is a failure that says what to do. */
    static UnitTables.UnitRow unit(List<UnitTables.UnitRow> units, String text) {
        List<UnitTables.UnitRow> found = UnitTables.find(units, text);
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new CommandException(PipelineCli.FAILED, "unknown unit '" + text
                    + "': give a unit code or name (list them with: pipeline sql \"SELECT code, name FROM units\")");
        }
        throw new CommandException(PipelineCli.FAILED, "'" + text + "' names several units ("
                + String.join(", ", found.stream().map(UnitTables.UnitRow::code).toList()) + "): give the unit code");
    }
}
