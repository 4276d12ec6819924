package vn.inspection.pipeline.report;

import java.nio.file.Path;

import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.schema.SchemaCatalog;

/** The repository's schemas, metric catalog and report specs, as the tests (run from jobs/report) see them. */
final class Catalogs {
    static final Path SCHEMAS = Path.of("../../schemas");
    static final SchemaCatalog SCHEMA = SchemaCatalog.load(SCHEMAS);
    static final MetricCatalog METRICS = MetricCatalog.load(SCHEMAS, SCHEMA);

    private Catalogs() {
    }

    static ReportSpec spec(String id) {
        return ReportSpec.named(id, SCHEMAS, SCHEMA, METRICS);
    }
}
