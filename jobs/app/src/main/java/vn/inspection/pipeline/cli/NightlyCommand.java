package vn.inspection.pipeline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.inspection.pipeline.PipelineApplication;
import vn.inspection.pipeline.nightly.NightlyRunner;
import vn.inspection.pipeline.nightly.NightlySummary;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.system.HomeLock;
import vn.inspection.pipeline.system.Json;
import vn.inspection.pipeline.system.PipelineHome;

/**
 * {@code pipeline nightly [--inbox DIR] [--as-of DATE] [--move-processed] [--no-resume] [--format table|json]}: the job
 * to schedule. Exit codes: 0 done, 3 done but some file was quarantined or not recognised, 1 a step failed (the next
 * run resumes it), 2 bad usage, 4 another run holds the home.
 */
@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = "The job to schedule every night: ingest the inbox's new files, refresh the warehouse when the lake changed, "
                + "render the reports that are due into <home>/outbox/ and mail them. Run it again after a failure: it resumes at the step that failed.")
class NightlyCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(NightlyCommand.class);

    enum Format { table, json }

    @ParentCommand
    PipelineCli parent;

    @Option(names = "--inbox", paramLabel = "DIR", description = "The folder of registers to ingest, searched recursively (default: <home>/inbox, created when missing). "
            + "Its files are never modified; what was ingested is known by content.")
    Path inbox;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The night to run as (yyyy-MM-dd; default today): the reports due on or before it are rendered, "
            + "e.g. 2014-07-02 makes the half-year report on 2014-H1 due. The ingest judges dates against the real today.")
    String asOf;

    @Option(names = "--move-processed", description = "Move the inbox files whose content is in the lake to <home>/processed/<date>/ "
            + "(quarantined and unrecognised files stay)")
    boolean moveProcessed;

    @Option(names = "--no-resume", description = "Do not resume an interrupted run: abandon it and start a new one (what it completed stays)")
    boolean noResume;

    @Option(names = "--format", defaultValue = "table", description = "table (default) or json: exactly one JSON document (the run summary)")
    Format format;

    @Override
    public Integer call() {
        try {
            PipelineHome home = WriteHome.resolve(parent.home, "nightly");
            LocalDate night = night();
            Path folder = inbox(home);
            // the lock before anything opens the job repository: a second run is told who holds the home, and exits 4
            try (HomeLock lock = HomeLock.acquire(home);
                 ConfigurableApplicationContext context = PipelineApplication.start(home)) {
                NightlyRunner runner = context.getBean(NightlyRunner.class);
                JobExecution execution = runner.run(new NightlyRunner.Request(folder, night, moveProcessed, !noResume));
                NightlySummary summary = runner.summary(execution);
                if (format == Format.json) {
                    parent.out.println(summary.toJson());
                } else {
                    parent.out.print(summary.toText(ZoneId.systemDefault()));
                }
                if (summary.failed() != null) {
                    parent.err.println("pipeline nightly: step '" + summary.failed().step() + "' failed: " + summary.failed().reason());
                    parent.err.println("pipeline nightly: run the same command again to resume at that step"
                            + (summary.summaryFile() == null ? "" : "; the run summary is " + summary.summaryFile()));
                }
                return summary.exitCode();
            }
        } catch (CommandException e) {
            return fail(e.getMessage(), e.exitCode());
        } catch (HomeLock.Busy e) {
            return fail(e.getMessage(), PipelineCli.BUSY);
        } catch (IllegalArgumentException e) {
            // a configuration mistake found before the run started: nothing was done
            log.error(vn.inspection.pipeline.system.Logging.TOLD, "nightly not started", e);
            return fail(e.getMessage() + " (nothing was done)", PipelineCli.FAILED);
        } catch (Exception e) {
            log.error(vn.inspection.pipeline.system.Logging.TOLD, "nightly failed", e);
            return fail(Errors.describe(e), PipelineCli.FAILED);
        }
    }

    private LocalDate night() {
        if (asOf == null) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(asOf.strip());
        } catch (DateTimeException e) {
            throw new CommandException(PipelineCli.USAGE, "--as-of '" + asOf + "' is not a date: write it as yyyy-MM-dd, e.g. 2014-07-02");
        }
    }

    /** The inbox: --inbox, which must be a folder outside the home's own folders, else <home>/inbox, created when missing. */
    private Path inbox(PipelineHome home) {
        if (inbox == null) {
            Path folder = home.root().resolve("inbox");
            try {
                Files.createDirectories(folder);
            } catch (java.io.IOException e) {
                throw new CommandException(PipelineCli.FAILED, "cannot create the inbox " + folder + ": " + Errors.describe(e));
            }
            return folder;
        }
        Path folder = inbox.toAbsolutePath().normalize();
        if (!Files.exists(folder)) {
            throw new CommandException(PipelineCli.USAGE, "--inbox " + inbox + ": no such folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new CommandException(PipelineCli.USAGE, "--inbox " + inbox + " is a file: give the folder the registers arrive in");
        }
        if (home.owns(folder) || home.owns(folder.resolve("x"))) {
            throw new CommandException(PipelineCli.USAGE, "--inbox " + inbox + " is one of the pipeline home's own folders (lake, reports, outbox…): "
                    + "give the folder the registers arrive in");
        }
        return folder;
    }

    private int fail(String message, int exitCode) {
        if (format == Format.json) {
            parent.out.println(Json.write(java.util.Map.of("error", message)));
        }
        parent.err.println("pipeline nightly: " + message);
        return exitCode;
    }
}
