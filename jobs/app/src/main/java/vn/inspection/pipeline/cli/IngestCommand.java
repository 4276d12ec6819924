package vn.inspection.pipeline.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.inspection.pipeline.PipelineApplication;
import vn.inspection.pipeline.ingest.IngestRunner;
import vn.inspection.pipeline.ingest.IngestSummary;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.system.HomeLock;
import vn.inspection.pipeline.system.Json;
import vn.inspection.pipeline.system.PipelineHome;
import vn.inspection.pipeline.warehouse.Warehouse;

/** {@code pipeline ingest PATH... [--format table|json] [--no-resume] [--no-refresh] [--force]}. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest spreadsheets (files, or folders searched recursively) into the lake. "
                + "Running the same command after a crash resumes the interrupted run.")
class IngestCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(IngestCommand.class);

    enum Format { table, json }

    @ParentCommand
    PipelineCli parent;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Spreadsheet files or folders")
    List<Path> paths;

    @Option(names = "--format", defaultValue = "table", description = "table (default) or json: exactly one JSON document")
    Format format;

    @Option(names = "--no-resume", description = "Do not resume an interrupted run of the same inputs: abandon it (what it "
            + "published stays) and start a new run. For a run that keeps failing the same way.")
    boolean noResume;

    @Option(names = "--no-refresh", description = "Do not rebuild the warehouse after the ingest (for bulk loads: run "
            + "'pipeline refresh' when done; read commands show the last warehouse until then).")
    boolean noRefresh;

    @Option(names = "--force", description = "Read the files again even though the lake has them, replacing what the lake "
            + "holds of each (its Parquet parts and manifest entry) in one atomic publish: to restore a damaged part "
            + "(pipeline verify names the file to re-ingest).")
    boolean force;

    @Override
    public Integer call() {
        try {
            for (java.nio.file.Path input : paths) {
                // a missing path, a symbolic link given as a file: refused before the home is touched
                vn.inspection.pipeline.ingest.IngestPlanner.checkInput(input);
            }
            PipelineHome home = WriteHome.resolve(parent.home, "ingest");
            // the lock before anything opens the job repository: a second run is told who holds the home
            try (HomeLock lock = HomeLock.acquire(home);
                 ConfigurableApplicationContext context = PipelineApplication.start(home)) {
                IngestSummary summary = context.getBean(IngestRunner.class).ingest(paths,
                        noResume ? IngestRunner.Interrupted.ABANDON : IngestRunner.Interrupted.RESUME,
                        force ? IngestRunner.Known.REINGEST : IngestRunner.Known.SKIP);
                Warehouse warehouse = context.getBean(Warehouse.class);
                boolean changed = summary.files().stream().anyMatch(f -> f.status() == vn.inspection.pipeline.ingest.FileResult.Status.INGESTED);
                List<Warehouse.DataTestFailure> failed = List.of();
                if (!noRefresh && (changed || !warehouse.exists() || warehouse.isStale())) {
                    failed = warehouse.refresh();
                }
                if (format == Format.json) {
                    parent.out.println(summary.toJson());
                } else {
                    new SummaryTable(parent.out).print(summary);
                    parent.out.println(noRefresh ? "Warehouse not refreshed (--no-refresh): run 'pipeline refresh'" : "Warehouse: " + warehouse.file());
                }
                if (summary.note() != null) {
                    parent.err.println("pipeline ingest: " + summary.note());
                }
                if (!failed.isEmpty()) {
                    DataTests.report(parent.err, "pipeline ingest", failed, warehouse.lakeProblems());
                    return PipelineCli.FAILED;
                }
                return summary.anyNotIngested() ? PipelineCli.PARTIAL : PipelineCli.OK;
            }
        } catch (CommandException e) {
            return fail(e.getMessage(), e.exitCode());
        } catch (HomeLock.Busy e) {
            return fail(e.getMessage(), PipelineCli.BUSY);
        } catch (IngestRunner.IngestFailedException e) {
            return fail(e.getMessage(), PipelineCli.FAILED);
        } catch (Exception e) {
            log.error(vn.inspection.pipeline.system.Logging.TOLD, "ingest failed", e);
            return fail(Errors.describe(e), PipelineCli.FAILED);
        }
    }

    private int fail(String message, int exitCode) {
        if (format == Format.json) {
            parent.out.println(Json.write(java.util.Map.of("error", message)));
        }
        parent.err.println("pipeline ingest: " + message);
        return exitCode;
    }
}
