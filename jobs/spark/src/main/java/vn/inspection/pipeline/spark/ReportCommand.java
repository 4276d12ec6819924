package vn.inspection.pipeline.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
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
import vn.inspection.pipeline.system.Settings;
import vn.inspection.pipeline.text.Language;

/**
 * {@code report [--periods A,B | --previous-year A] [--spec FILE] [--unit CODE] [--lang vi|en] [--as-of DATE]
 * [--as-recorded] --out FILE.pdf [--png DIR] [--xlsx FILE]} on Spark: the same report as the DuckDB command, its
 * numbers asked of the Spark engine. It writes only the files named on its command line.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render the chart report (PDF, and PNGs or a KPI workbook) comparing two periods, on Spark.")
class ReportCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ReportCommand.class);

    @ParentCommand
    SparkCli parent;

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

    @Option(names = "--as-of", paramLabel = "DATE", description = "The day a spec's period rule is resolved on (yyyy-MM-dd; default: today)")
    String asOf;

    @Option(names = "--known-at", paramLabel = "WHEN", description = "Figures as the lake knew them then: a date (its end) or an ISO date-time")
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
        PeriodChoice chosen;
        LocalDate day;
        try {
            if (out == null && png == null && xlsx == null) {
                throw new IllegalArgumentException("give --out FILE.pdf (and/or --png DIR, --xlsx FILE)");
            }
            for (Path file : new Path[] {out, xlsx}) {
                if (file != null && (Files.isDirectory(file) || file.toAbsolutePath().getParent() == null
                        || !Files.isDirectory(file.toAbsolutePath().getParent()))) {
                    throw new IllegalArgumentException("cannot write " + file + ": give a file in an existing folder");
                }
            }
            chosen = ReportOptions.periods(periods, previousYear);
            day = ReportOptions.asOf(asOf);
        } catch (IllegalArgumentException e) {
            parent.err.println("pipeline report: " + e.getMessage());
            return SparkCli.USAGE;
        }
        System.setProperty("java.awt.headless", "true");
        try (SparkCli.EngineContext context = parent.open(SparkCli.knownAt(knownAt))) {
            Path schemasDir = Settings.fromProcess().path(Catalogs.SCHEMAS_DIR).orElse(null);
            var schemas = Catalogs.schemas(schemasDir);
            ReportSpec reportSpec = spec != null ? ReportSpec.load(spec, schemas, context.metrics())
                    : ReportSpec.named(ReportSpec.DEFAULT, schemasDir, schemas, context.metrics());
            if (chosen != null) {
                reportSpec = reportSpec.withPeriods(chosen);
            }
            if (unit != null) {
                reportSpec = reportSpec.withUnit(unit);
            }
            ZonedDateTime now = ZonedDateTime.now();
            ReportRequest request = new ReportRequest(reportSpec, language, day == null ? now.toLocalDate() : day, now,
                    asRecorded ? UnitBasis.RECORDED : UnitBasis.SUCCESSOR);
            ReportContent content = Reports.collect(context.engine(), schemas, context.metrics(), request, context.engine().lake().snapshot());
            if (out != null) {
                int[] pages = new int[1];
                ReportOptions.writeAtomically(out, stream -> pages[0] = Reports.pdf(content, stream));
                parent.out.println("Report: " + out + " (" + pages[0] + (pages[0] == 1 ? " page" : " pages") + ", spark) \u2014 " + content.fullTitle());
            }
            if (xlsx != null) {
                ReportOptions.writeAtomically(xlsx, stream -> Reports.xlsx(content, stream));
                parent.out.println("Workbook: " + xlsx);
            }
            if (png != null) {
                List<Path> files = Reports.pngs(content, png);
                parent.out.println("Charts: " + files.size() + " PNG files in " + png);
            }
            content.notes().forEach(note -> parent.out.println((language == Language.VI ? "Lưu ý: " : "Note: ") + note));
            return SparkCli.OK;
        } catch (SparkCli.CommandFailure e) {
            parent.err.println("pipeline report: " + e.getMessage());
            return e.exitCode();
        } catch (ReportException | SchemaException | IllegalArgumentException e) {
            log.info("report refused: {}", e.getMessage());
            parent.err.println("pipeline report: " + e.getMessage());
            return SparkCli.FAILED;
        } catch (RuntimeException e) {
            log.error("report failed", e);
            parent.err.println("pipeline report: " + Errors.describe(e));
            return SparkCli.FAILED;
        }
    }
}
