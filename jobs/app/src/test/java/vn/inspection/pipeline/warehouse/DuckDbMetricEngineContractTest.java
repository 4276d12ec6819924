package vn.inspection.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.inspection.pipeline.contract.MetricEngineContract;
import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.lake.ParquetPartWriter;
import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.metrics.MetricEngine;
import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.support.LakeQueries;

/** The engine contract on DuckDB: a warehouse refreshed from the fixture lake, read by {@link DuckDbMetricEngine}. */
class DuckDbMetricEngineContractTest extends MetricEngineContract {

    @Override
    protected MetricEngine openEngine(Path lakeRoot, Path work, SchemaCatalog schemas, MetricCatalog catalog) throws Exception {
        Warehouse warehouse = new Warehouse(work.resolve("warehouse"), new Lake(lakeRoot), schemas, catalog, null);
        warehouse.refresh();
        return new DuckDbMetricEngine(warehouse);
    }

    @Override
    protected String expectedName() {
        return "duckdb";
    }

    /** The neutral fixture is only worth its name if its files are the ingest's: same columns, types and repetition. */
    @Test
    void theFixtureLaysOutItsFilesAsTheIngestWritesThem(@TempDir Path temp) throws IOException {
        for (RecordSchema schema : schemas.schemas()) {
            Path written = temp.resolve(schema.recordType() + ".parquet");
            new ParquetPartWriter(written, schema, CompressionCodecName.UNCOMPRESSED).close();
            List<Path> files;
            try (var walk = Files.walk(lake.root().resolve(schema.recordType()))) {
                files = walk.filter(f -> f.toString().endsWith(".parquet")).toList();
            }
            assertThat(files).as(schema.recordType()).isNotEmpty();
            for (Path file : files) {
                assertThat(columns(file)).as(file.toString()).isEqualTo(columns(written)).hasSizeGreaterThan(5);
            }
        }
    }

    private static List<Map<String, Object>> columns(Path file) {
        return LakeQueries.rows("SELECT name, type, repetition_type, converted_type, logical_type FROM parquet_schema('" + file + "') ORDER BY name");
    }
}
