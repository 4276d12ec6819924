package vn.inspection.pipeline.system;

import java.nio.file.Path;

import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.schema.SchemaCatalog;

/** The record schemas and the metric catalog: from {@code pipeline.schemas-dir} when set, else the copies packaged in the jar. */
public final class Catalogs {
    /** The configuration key of the schema folder. */
    public static final String SCHEMAS_DIR = "pipeline.schemas-dir";

    private Catalogs() {
    }

    public static SchemaCatalog schemas(Path schemasDir) {
        return schemasDir != null ? SchemaCatalog.load(schemasDir) : SchemaCatalog.loadFromClasspath();
    }

    public static MetricCatalog metrics(Path schemasDir, SchemaCatalog schemas) {
        return schemasDir != null ? MetricCatalog.load(schemasDir, schemas) : MetricCatalog.loadFromClasspath(schemas);
    }
}
