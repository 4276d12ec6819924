package vn.inspection.pipeline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.system.Catalogs;
import vn.inspection.pipeline.system.Logging;
import vn.inspection.pipeline.system.PipelineHome;
import vn.inspection.pipeline.system.Settings;
import vn.inspection.pipeline.warehouse.DuckDbMetricEngine;
import vn.inspection.pipeline.warehouse.StorageVersion;
import vn.inspection.pipeline.warehouse.Warehouse;

/**
 * What the read commands ({@code compare}, {@code sql}, {@code metrics}, {@code report}, {@code verify}) work
 * with, built in plain Java: no Spring context, no job repository, no lock. They read the last published
 * warehouse, so they start fast, work while an ingest or a nightly runs, work on a read-only home, and create
 * nothing in it.
 */
record ReadContext(PipelineHome home, Settings settings, SchemaCatalog schemas, MetricCatalog metrics, Lake lake, Warehouse warehouse) {
    private static final Logger log = LoggerFactory.getLogger(ReadContext.class);

    /** The catalogs alone, for commands that need no home ({@code metrics}). */
    static ReadContext catalogsOnly(Path homeOption) {
        return open(PipelineHome.resolve(homeOption), false);
    }

    /**
     * The home, which must exist (its lake may be empty).
     *
     * @throws CommandException (exit 1) when the home is missing or a file
     */
    static ReadContext withHome(Path homeOption) {
        PipelineHome home = existingHome(homeOption);
        return open(home, true);
    }

    private static PipelineHome existingHome(Path homeOption) {
        PipelineHome home = PipelineHome.resolve(homeOption);
        if (Files.isRegularFile(home.root())) {
            throw new CommandException(PipelineCli.FAILED, "the pipeline home " + home.root() + " is a file, not a folder: give --home a folder");
        }
        if (!Files.isDirectory(home.root())) {
            throw new CommandException(PipelineCli.FAILED, "no pipeline home at " + home.root()
                    + ": ingest some registers first (pipeline ingest PATH), or give --home the folder that holds them");
        }
        return home;
    }

    /**
     * The home and its warehouse, which must exist.
     *
     * @throws CommandException (exit 1) when the home is missing or a file, or holds no warehouse yet
     */
    static ReadContext withWarehouse(Path homeOption) {
        return withWarehouse(homeOption, true);
    }

    /**
     * {@link #withWarehouse(Path)}, optionally without the home's log file ({@code sql}: what an analyst types is
     * written to no file; warnings still go to standard error).
     */
    static ReadContext withWarehouse(Path homeOption, boolean logToHome) {
        PipelineHome home = existingHome(homeOption);
        if (!logToHome) {
            Logging.consoleOnly(); // not the last command's set-up, which may hold a log file
        }
        ReadContext context = open(home, logToHome);
        if (!context.warehouse.exists()) {
            throw new CommandException(PipelineCli.FAILED, "no warehouse yet in " + home.root()
                    + ": ingest some registers first (pipeline ingest PATH), or run pipeline refresh");
        }
        try {
            if (context.warehouse.isStale()) {
                log.warn("the warehouse is older than the lake's last ingested file (an ingest may be running, or a refresh was cut short): "
                        + "these figures leave that file out; run 'pipeline refresh' if no ingest is running");
            }
        } catch (Exception e) {
            log.debug("cannot tell whether the warehouse is stale", e);
        }
        try {
            List<String> failed = context.warehouse.failedDataTests();
            if (!failed.isEmpty()) {
                log.warn("the warehouse failed data tests at its last refresh ({}), so these figures may be wrong: "
                        + "run 'pipeline verify' to find a damaged lake file", String.join(", ", failed));
            }
        } catch (Exception e) {
            log.debug("cannot read the warehouse's data tests", e);
        }
        return context;
    }

    private static ReadContext open(PipelineHome home, boolean logToHome) {
        if (logToHome) {
            Logging.configure(home, false);
        }
        Settings settings = Settings.fromProcess();
        Path schemasDir = settings.path(Catalogs.SCHEMAS_DIR).orElse(null);
        SchemaCatalog schemas = Catalogs.schemas(schemasDir);
        MetricCatalog metrics = Catalogs.metrics(schemasDir, schemas);
        Lake lake = new Lake(home.lake());
        return new ReadContext(home, settings, schemas, metrics, lake, new Warehouse(home.warehouse(), lake, schemas, metrics, schemasDir,
                StorageVersion.parse(settings.get(StorageVersion.KEY).orElse(null))));
    }

    DuckDbMetricEngine duckdb() {
        return new DuckDbMetricEngine(warehouse);
    }

    /** The DuckDB engine as the lake knew its records at an instant (null: now). */
    DuckDbMetricEngine duckdb(java.time.Instant knownAt) {
        return new DuckDbMetricEngine(warehouse, knownAt);
    }
}
