package vn.inspection.pipeline.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.inspection.pipeline.metrics.MetricEngine;
import vn.inspection.pipeline.metrics.UnitBasis;
import vn.inspection.pipeline.report.PeriodChoice;
import vn.inspection.pipeline.report.ReportContent;
import vn.inspection.pipeline.report.ReportException;
import vn.inspection.pipeline.report.ReportOptions;
import vn.inspection.pipeline.report.ReportRequest;
import vn.inspection.pipeline.report.ReportSpec;
import vn.inspection.pipeline.report.Reports;
import vn.inspection.pipeline.schema.SchemaException;
import vn.inspection.pipeline.system.Catalogs;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.text.Language;

/**
 * {@code pipeline report [--periods A,B | --previous-year A] [--spec FILE] [--unit CODE] [--lang vi|en] [--engine duckdb|spark]
 * [--as-of DATE] [--as-recorded] --out FILE.pdf [--png DIR] [--xlsx FILE]}: a read command, like {@code compare}. It
 * writes only the files named on its command line, never inside the pipeline home, each through a temporary file
 * beside it, so a failed run leaves no half-written report.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render the chart report (PDF, and PNGs or a KPI workbook) comparing two periods, as a report spec "
                + "(schemas/reports/*.json) lays it out.")
class ReportCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ReportCommand.class);

    enum Engine { duckdb, spark }

    @ParentCommand
    PipelineCli parent;

    @Option(names = "--periods", paramLabel = "A,B", description = "Period A (compared with) and B (reported on), e.g. 2013-H1,2014-H1")
    String periods;

    @Option(names = "--previous-year", paramLabel = "PERIOD", description = "Report on PERIOD against the same period a year before (cùng kỳ)")
    String previousYear;

    @Option(names = "--spec", paramLabel = "FILE", description = "A report spec (default: schemas/reports/" + ReportSpec.DEFAULT + ".json)")
    Path spec;

    @Option(names = "--unit", paramLabel = "UNIT", description = "One unit (code or name), with the units below it (default: the spec's, else all)")
    String unit;

    @Option(names = "--lang", defaultValue = "vi", paramLabel = "vi|en", description = "vi (default) or en")
    Language language;

    @Option(names = "--engine", defaultValue = "duckdb", paramLabel = "duckdb|spark", description = "duckdb (default) or spark")
    Engine engine;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The day a spec's period rule is resolved on (yyyy-MM-dd; default: today)")
    String asOf;

    @Option(names = "--known-at", paramLabel = "WHEN", description = "Figures as the lake knew them then: a date (its end) or an ISO date-time; "
            + "reproduces a mailed report (its instant is in outbox/deliveries.json)")
    String knownAt;

    @Option(names = "--as-recorded", description = "Count merged units' records under the unit recorded, not under the successor")
    boolean asRecorded;

    @Option(names = "--out", paramLabel = "FILE.pdf", description = "The PDF to write")
    Path out;

    @Option(names = "--png", paramLabel = "DIR", description = "Also write every chart as a PNG into DIR (created if missing)")
    Path png;

    @Option(names = "--xlsx", paramLabel = "FILE", description = "Also write the KPI table as an .xlsx workbook")
    Path xlsx;

    @Override
    public Integer call() {
        try {
            if (engine == Engine.spark) {
                throw new CommandException(PipelineCli.USAGE, "--engine spark runs in the Spark module, not in this application: build it with "
                        + "'mvn -q -B -pl jobs/spark -am package -DskipTests' and run the same ./pipeline command, which hands --engine spark to it");
            }
            if (out == null && png == null && xlsx == null) {
                throw new CommandException(PipelineCli.USAGE, "give --out FILE.pdf (and/or --png DIR, --xlsx FILE)");
            }
            PeriodChoice chosen = periods();
            LocalDate day = asOf();
            ReadContext context = ReadContext.withWarehouse(parent.home);
            checkOutputs(context.home().root());
            ReportSpec reportSpec = spec(context);
            if (chosen != null) {
                reportSpec = reportSpec.withPeriods(chosen);
            }
            if (unit != null) {
                reportSpec = reportSpec.withUnit(unit);
            }
            if (System.getProperty("java.awt.headless") == null) {
                System.setProperty("java.awt.headless", "true");
            }
            ZonedDateTime now = ZonedDateTime.now();
            ReportRequest request = new ReportRequest(reportSpec, language, day == null ? now.toLocalDate() : day, now,
                    asRecorded ? UnitBasis.RECORDED : UnitBasis.SUCCESSOR);
            ReportContent content;
            try (MetricEngine metricEngine = context.duckdb(CompareCommand.knownAt(knownAt))) {
                content = Reports.collect(metricEngine, context.schemas(), context.metrics(), request, context.lake().snapshot());
            }
            List<String> lines = new ArrayList<>();
            if (out != null) {
                int[] pages = new int[1];
                write(out, stream -> pages[0] = Reports.pdf(content, stream));
                lines.add("Report: " + out + " (" + pages[0] + (pages[0] == 1 ? " page" : " pages") + ") \u2014 " + content.fullTitle());
            }
            if (xlsx != null) {
                write(xlsx, stream -> Reports.xlsx(content, stream));
                lines.add("Workbook: " + xlsx);
            }
            if (png != null) {
                List<Path> files = Reports.pngs(content, png);
                lines.add("Charts: " + files.size() + " PNG files in " + png);
            }
            lines.forEach(parent.out::println);
            content.notes().forEach(note -> parent.out.println((language == Language.VI ? "Lưu ý: " : "Note: ") + note));
            return PipelineCli.OK;
        } catch (CommandException e) {
            parent.err.println("pipeline report: " + e.getMessage());
            return e.exitCode();
        } catch (ReportException | SchemaException e) {
            log.info("report refused: {}", e.getMessage());
            parent.err.println("pipeline report: " + e.getMessage());
            return PipelineCli.FAILED;
        } catch (RuntimeException e) {
            log.error("report failed", e);
            parent.err.println("pipeline report: " + Errors.describe(e));
            return PipelineCli.FAILED;
        }
    }

    /** The periods of the command line, if any: --periods A,B or --previous-year A. */
    private PeriodChoice periods() {
        try {
            return ReportOptions.periods(periods, previousYear);
        } catch (IllegalArgumentException e) {
            throw new CommandException(PipelineCli.USAGE, e.getMessage());
        }
    }

    private LocalDate asOf() {
        try {
            return ReportOptions.asOf(asOf);
        } catch (IllegalArgumentException e) {
            throw new CommandException(PipelineCli.USAGE, e.getMessage());
        }
    }

    private ReportSpec spec(ReadContext context) {
        if (spec != null) {
            return ReportSpec.load(spec, context.schemas(), context.metrics());
        }
        return ReportSpec.named(ReportSpec.DEFAULT, context.settings().path(Catalogs.SCHEMAS_DIR).orElse(null), context.schemas(), context.metrics());
    }

    /**
     * The outputs must be files (or, for --png, a folder) outside the pipeline home: a report never overwrites the
     * lake, the warehouse or the logs, whatever path it is given, and the two files must differ.
     */
    private void checkOutputs(Path home) {
        Path realHome = real(home);
        for (Path file : new Path[] {out, xlsx}) {
            if (file == null) {
                continue;
            }
            if (Files.isDirectory(file)) {
                throw new CommandException(PipelineCli.USAGE, file + " is a folder: give the file to write");
            }
            Path folder = file.toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                throw new CommandException(PipelineCli.FAILED, "cannot write " + file + ": the folder " + folder + " does not exist");
            }
            if (real(file).startsWith(realHome)) {
                throw new CommandException(PipelineCli.USAGE, "will not write " + file + " inside the pipeline home " + home
                        + " (it holds the lake and the warehouse): give a path outside it");
            }
        }
        if (out != null && xlsx != null && real(out).equals(real(xlsx))) {
            throw new CommandException(PipelineCli.USAGE, "--out and --xlsx name the same file");
        }
        if (png != null) {
            if (Files.exists(png) && !Files.isDirectory(png)) {
                throw new CommandException(PipelineCli.USAGE, "--png " + png + " is a file: give a folder for the PNG files");
            }
            if (real(png).startsWith(realHome)) {
                throw new CommandException(PipelineCli.USAGE, "will not write PNG files inside the pipeline home " + home + ": give a folder outside it");
            }
        }
    }

    /** The path with every existing part's links resolved (what a write would really touch). */
    static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }

    /** Writes through a temporary file beside the target, moved over it only when complete. */
    private static void write(Path target, Consumer<OutputStream> body) {
        ReportOptions.writeAtomically(target, body);
    }
}
