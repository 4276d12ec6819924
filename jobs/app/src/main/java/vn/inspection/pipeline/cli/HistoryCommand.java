package vn.inspection.pipeline.cli;

import java.nio.file.Files;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.inspection.pipeline.nightly.RunHistory;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.system.Json;
import vn.inspection.pipeline.system.Logging;
import vn.inspection.pipeline.system.PipelineHome;

/**
 * {@code pipeline history [--job nightly|ingest] [--limit N] [--format table|json]}: the past runs, newest first, from the
 * job repository; while a job holds the home, from the run summaries in {@code <home>/runs/}.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List past runs of the nightly job (or of the ingest), newest first: status, duration, files, records, reports, mails, "
                + "and the step that failed. Read from the job repository; while a job runs, from the summaries in <home>/runs/.")
class HistoryCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(HistoryCommand.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    enum Format { table, json }

    enum Job { nightly, ingest }

    @ParentCommand
    PipelineCli parent;

    @Option(names = "--job", defaultValue = "nightly", paramLabel = "nightly|ingest", description = "Whose runs: nightly (default) or ingest")
    Job job;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "How many runs (default 20)")
    int limit;

    @Option(names = "--format", defaultValue = "table", description = "table (default) or json: exactly one JSON document")
    Format format;

    @Override
    public Integer call() {
        try {
            if (limit < 1) {
                throw new CommandException(PipelineCli.USAGE, "--limit must be at least 1");
            }
            PipelineHome home = PipelineHome.resolve(parent.home);
            if (!Files.isDirectory(home.root())) {
                throw new CommandException(PipelineCli.FAILED, "no pipeline home at " + home.root() + ": give --home the folder the nightly job runs in");
            }
            Logging.configure(home, false);
            RunHistory.Listing listing = new RunHistory(home).list(job.name(), limit);
            if (format == Format.json) {
                parent.out.println(Json.write(listing));
            } else {
                print(listing);
            }
            if (listing.note() != null) {
                parent.err.println("pipeline history: " + listing.note());
            }
            return PipelineCli.OK;
        } catch (CommandException e) {
            parent.err.println("pipeline history: " + e.getMessage());
            return e.exitCode();
        } catch (Exception e) {
            log.error(Logging.TOLD, "history failed", e);
            parent.err.println("pipeline history: " + vn.inspection.pipeline.system.JobRepository.damaged(PipelineHome.resolve(parent.home), e)
                    .map(Throwable::getMessage).orElseGet(() -> Errors.describe(e)));
            return PipelineCli.FAILED;
        }
    }

    private void print(RunHistory.Listing listing) {
        if (listing.runs().isEmpty()) {
            parent.out.println("No " + job + " run yet.");
            return;
        }
        String row = "%5s %3s  %-19s %8s  %-9s %-10s %7s %9s %8s %7s %5s %5s %8s%n";
        parent.out.printf(row, "RUN", "TRY", "STARTED", "TIME", "STATUS", "AS OF", "FILES", "ACCEPTED", "REJECTED", "REPORTS", "MAILS", "UNITS",
                "RETURNED");
        for (RunHistory.Row r : listing.runs()) {
            parent.out.printf(row, r.run(), r.attempt(), r.started() == null ? "" : WHEN.format(r.started()),
                    r.durationMs() == null ? "" : String.format(java.util.Locale.ROOT, "%.1f s", r.durationMs() / 1000.0), r.status(),
                    r.asOf() == null ? "" : r.asOf().toString(),
                    r.files() == null ? "" : r.filesIngested() + "/" + r.files(), number(r.accepted()), number(r.rejected()),
                    r.reportsRendered() == null ? "" : r.reportsRendered(), r.mailsSent() == null ? "" : r.mailsSent(),
                    r.unitsMailed() == null ? "" : r.unitsMailed(), r.rejectsReturned() == null ? "" : r.rejectsReturned());
            if (r.failedStep() != null || r.reason() != null) {
                parent.out.println("          " + (r.failedStep() == null ? "" : "step '" + r.failedStep() + "': ") + (r.reason() == null ? "" : r.reason()));
            }
        }
        parent.out.println("(FILES: ingested/found; UNITS: units mailed a report of their own; RETURNED: offices mailed their rejected rows; "
                + "a run that failed is resumed by the next one as another TRY of the same RUN)");
    }

    private static String number(Long n) {
        return n == null ? "" : String.format("%,d", n);
    }
}
