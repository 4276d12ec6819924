package vn.inspection.pipeline.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.system.HomeLock;
import vn.inspection.pipeline.system.Logging;
import vn.inspection.pipeline.system.PipelineHome;
import vn.inspection.pipeline.warehouse.Warehouse;

/** {@code pipeline refresh}: rebuild the warehouse from the lake. */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = "Rebuild the DuckDB warehouse from the lake (the ingest does it after every run that changed the lake).")
class RefreshCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RefreshCommand.class);

    @ParentCommand
    PipelineCli parent;

    @Override
    public Integer call() {
        try {
            PipelineHome home = WriteHome.resolve(parent.home, "refresh");
            Logging.configure(home, true);
            try (HomeLock lock = HomeLock.acquire(home)) {
                ReadContext context = ReadContext.catalogsOnly(parent.home);
                List<Warehouse.DataTestFailure> failed = context.warehouse().refresh();
                parent.out.println("Warehouse: " + context.warehouse().file());
                if (!failed.isEmpty()) {
                    DataTests.report(parent.err, "pipeline refresh", failed, context.warehouse().lakeProblems());
                    return PipelineCli.FAILED;
                }
                return PipelineCli.OK;
            }
        } catch (CommandException e) {
            parent.err.println("pipeline refresh: " + e.getMessage());
            return e.exitCode();
        } catch (HomeLock.Busy e) {
            parent.err.println("pipeline refresh: " + e.getMessage());
            return PipelineCli.BUSY;
        } catch (Exception e) {
            log.error(vn.inspection.pipeline.system.Logging.TOLD, "refresh failed", e);
            parent.err.println("pipeline refresh: " + Errors.describe(e));
            return PipelineCli.FAILED;
        }
    }
}
