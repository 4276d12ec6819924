package vn.inspection.pipeline.cli;

import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.system.HomeLock;
import vn.inspection.pipeline.system.Logging;
import vn.inspection.pipeline.system.PipelineHome;

/** {@code pipeline refresh}: rebuild the warehouse from the lake. */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = "Rebuild the DuckDB warehouse from the lake (the ingest does it after every run that changed the lake).")
class RefreshCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RefreshCommand.class);

    @ParentCommand
    PipelineCli parent;

    @Override
    public Integer call() {
        PipelineHome home = PipelineHome.resolve(parent.home);
        Logging.configure(home, true);
        try (HomeLock lock = HomeLock.acquire(home)) {
            ReadContext context = ReadContext.catalogsOnly(parent.home);
            context.warehouse().refresh();
            parent.out.println("Warehouse: " + context.warehouse().file());
            return PipelineCli.OK;
        } catch (Exception e) {
            log.error("refresh failed", e);
            parent.err.println("pipeline refresh: " + Errors.describe(e));
            return PipelineCli.FAILED;
        }
    }
}
