package vn.inspection.pipeline.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.inspection.pipeline.PipelineApplication;
import vn.inspection.pipeline.ingest.IngestRunner;
import vn.inspection.pipeline.ingest.IngestSummary;
import vn.inspection.pipeline.system.Json;
import vn.inspection.pipeline.system.HomeLock;
import vn.inspection.pipeline.system.PipelineHome;
import vn.inspection.pipeline.warehouse.Warehouse;

/** {@code pipeline ingest PATH... [--format table|json] [--no-resume]}. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest spreadsheets (files, or folders searched recursively) into the lake. "
                + "Running the same command after a crash resumes the interrupted run.")
class IngestCommand implements Callable<Integer> {

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

    @Override
    public Integer call() {
        PipelineHome home = PipelineHome.resolve(parent.home);
        try (ConfigurableApplicationContext context = PipelineApplication.start(home)) {
            IngestSummary summary = context.getBean(IngestRunner.class).ingest(paths,
                    noResume ? IngestRunner.Interrupted.ABANDON : IngestRunner.Interrupted.RESUME);
            Warehouse warehouse = context.getBean(Warehouse.class);
            boolean changed = summary.files().stream().anyMatch(f -> f.status() == vn.inspection.pipeline.ingest.FileResult.Status.INGESTED);
            if (!noRefresh && (changed || !warehouse.exists() || warehouse.isStale())) {
                try (HomeLock lock = HomeLock.acquire(home)) {
                    warehouse.refresh();
                }
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
            return summary.anyNotIngested() ? PipelineCli.PARTIAL : PipelineCli.OK;
        } catch (Exception e) {
            String message = e instanceof IngestRunner.IngestFailedException ? e.getMessage() : vn.inspection.pipeline.system.Errors.describe(e);
            if (format == Format.json) {
                parent.out.println(Json.write(java.util.Map.of("error", message)));
            }
            parent.err.println("pipeline ingest: " + message);
            return PipelineCli.FAILED;
        }
    }
}
