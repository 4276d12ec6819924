package vn.inspection.pipeline.cli;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import vn.inspection.pipeline.PipelineApplication;
import vn.inspection.pipeline.ingest.read.WorkbookSources;
import vn.inspection.pipeline.system.HomeLock;
import vn.inspection.pipeline.system.PipelineHome;
import vn.inspection.pipeline.warehouse.Warehouse;

/** {@code pipeline refresh}: rebuild the warehouse from the lake. */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = "Rebuild the DuckDB warehouse from the lake (the ingest does it after every run that changed the lake).")
class WarehouseCommands implements Callable<Integer> {

    @ParentCommand
    PipelineCli parent;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = PipelineApplication.start(PipelineHome.resolve(parent.home));
             HomeLock lock = HomeLock.acquire(context.getBean(PipelineHome.class))) {
            Warehouse warehouse = context.getBean(Warehouse.class);
            warehouse.refresh();
            parent.out.println("Warehouse: " + warehouse.file());
            return PipelineCli.OK;
        } catch (Exception e) {
            parent.err.println("pipeline refresh: " + WorkbookSources.describe(e));
            return PipelineCli.FAILED;
        }
    }

    /** The warehouse, rebuilt first when it misses files the lake has committed (never built, or a refresh cut short). */
    static Warehouse ready(ConfigurableApplicationContext context) throws Exception {
        Warehouse warehouse = context.getBean(Warehouse.class);
        if (warehouse.isStale()) {
            try (HomeLock lock = HomeLock.acquire(context.getBean(PipelineHome.class))) {
                if (warehouse.isStale()) {
                    warehouse.refresh();
                }
            }
        }
        return warehouse;
    }
}
