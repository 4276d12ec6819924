package vn.inspection.pipeline.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.inspection.pipeline.contract.MetricEngineContract;
import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.metrics.MetricEngine;
import vn.inspection.pipeline.schema.SchemaCatalog;

/**
 * The engine contract on Spark SQL in local mode: temp views over the fixture lake's committed files. The
 * record views have the lake's columns, {@code year} as DuckDB reads it and {@code unit_name}.
 */
class SparkMetricEngineContractTest extends MetricEngineContract {
    private SparkSessions spark;

    @Override
    protected MetricEngine openEngine(Path lakeRoot, Path work, SchemaCatalog schemas, MetricCatalog catalog) {
        // a few hundred small queries: one shuffle partition each, no code generation to wait for
        System.setProperty("spark.sql.shuffle.partitions", "1");
        System.setProperty("spark.sql.codegen.wholeStage", "false");
        try {
            spark = SparkSessions.obtain("local[2]", "engine contract");
        } finally {
            System.clearProperty("spark.sql.shuffle.partitions");
            System.clearProperty("spark.sql.codegen.wholeStage");
        }
        return SparkMetricEngine.open(spark.session(), lakeRoot.toUri().toString(), schemas);
    }

    @Override
    protected MetricEngine openEngine(Path lakeRoot, Path work, SchemaCatalog schemas, MetricCatalog catalog, java.time.Instant knownAt) {
        return SparkMetricEngine.open(spark.session(), lakeRoot.toUri().toString(), schemas, knownAt);
    }

    @Override
    protected String expectedName() {
        return "spark";
    }

    @Override
    protected void afterEngineClosed() {
        if (spark != null) {
            spark.close();
        }
    }

    private SparkMetricEngine spark() {
        return (SparkMetricEngine) engine;
    }

    @Test
    void recordViewsHaveTheLakesColumnsTheYearPartitionAndTheUnitName() {
        var inspection = spark().session().table("inspection");
        List<String> columns = List.of(inspection.columns());
        assertThat(columns).startsWith("unit_code", "decision_no", "start_date")
                .endsWith("record_key", "_source_file", "_source_checksum", "_sheet", "_row", "year", "unit_name");
        assertThat(inspection.schema().apply("year").dataType().sql()).isEqualTo("BIGINT");
        assertThat(inspection.schema().apply("start_date").dataType().sql()).isEqualTo("DATE");
        assertThat(spark().session().sql("SELECT unit_code, unit_name, year FROM inspection WHERE unit_code IN ('C1a', 'ZZ') ORDER BY start_date")
                .collectAsList()).extracting(Object::toString)
                .containsExactly("[C1a,Chi bộ Vụ Một,2014]", "[C1a,Chi bộ Vụ Một,2014]", "[ZZ,null,2014]");
        assertThat(spark().session().sql("SELECT year, count(*) FROM complaint GROUP BY year ORDER BY year").collectAsList())
                .extracting(Object::toString).containsExactly("[2013,1]", "[2014,5]");
        assertThat(spark().lake().snapshot().entries()).hasSize(5);
        assertThat(spark().lake().dataFiles("inspection")).hasSize(2).allSatisfy(f -> assertThat(f).startsWith("file:/"));
    }

    @Test
    void aLakeWithoutAManifestIsExplainedNotEmpty(@org.junit.jupiter.api.io.TempDir Path empty) {
        assertThatThrownBy(() -> SparkMetricEngine.open(spark.session(), empty.toUri().toString(), schemas))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no manifest in the lake").hasMessageContaining("pipeline ingest");
        assertThatThrownBy(() -> SparkMetricEngine.open(spark.session(), empty.resolve("nothing").toUri().toString(), schemas))
                .hasMessageStartingWith("no lake at file:");
    }
}
