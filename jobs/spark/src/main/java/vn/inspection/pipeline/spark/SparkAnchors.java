package vn.inspection.pipeline.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import vn.inspection.pipeline.metrics.Comparison;
import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.metrics.UnitBasis;
import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.schema.SchemaCatalog;

/**
 * What the benchmark ({@code ./pipeline bench}) measures on Spark, run as its own process: Spark's own CSV → zstd
 * Parquet copy of the same generated registers (the peer a data engineer would pick for the ingest), and the
 * comparison on a warm Spark session (the catalog's SQL over the lake, in process, several times). Not part of the
 * product's commands.
 *
 * <pre>
 *   SparkAnchors csv-to-parquet CSV_DIR OUT_DIR     prints the rows copied
 *   SparkAnchors compare-warm LAKE_DIR RUNS         prints the seconds of each run, one a line
 * </pre>
 */
public final class SparkAnchors {
    private SparkAnchors() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: SparkAnchors csv-to-parquet CSV_DIR OUT_DIR | compare-warm LAKE_DIR RUNS");
            System.exit(2);
        }
        try (SparkSessions sessions = SparkSessions.obtain(null, "pipeline-bench")) {
            SparkSession spark = sessions.session();
            spark.sparkContext().setLogLevel("WARN");
            switch (args[0]) {
                case "csv-to-parquet" -> System.out.println(csvToParquet(spark, Path.of(args[1]), Path.of(args[2])));
                case "compare-warm" -> compareWarm(spark, Path.of(args[1]), Integer.parseInt(args[2])).forEach(System.out::println);
                default -> {
                    System.err.println("unknown anchor " + args[0]);
                    System.exit(2);
                }
            }
        }
    }

    static long csvToParquet(SparkSession spark, Path csvDir, Path outDir) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(csvDir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        long rows = 0;
        for (Path csv : files) {
            Dataset<Row> data = spark.read().option("header", "true").option("inferSchema", "false").csv(csv.toString());
            data.write().mode(SaveMode.Overwrite).option("compression", "zstd").parquet(outDir.resolve(csv.getFileName() + ".parquet").toString());
            rows += spark.read().parquet(outDir.resolve(csv.getFileName() + ".parquet").toString()).count();
        }
        return rows;
    }

    static List<Double> compareWarm(SparkSession spark, Path lake, int runs) {
        SchemaCatalog schemas = SchemaCatalog.loadFromClasspath();
        MetricCatalog metrics = MetricCatalog.loadFromClasspath(schemas);
        List<Double> seconds = new ArrayList<>();
        try (SparkMetricEngine engine = SparkMetricEngine.open(spark, lake.toUri().toString(), schemas)) {
            for (int run = 0; run < runs; run++) {
                long started = System.nanoTime();
                Comparison.of(engine, metrics.metrics(), Period.parse("2013-H1"), Period.parse("2014-H1"), null, UnitBasis.SUCCESSOR);
                seconds.add((System.nanoTime() - started) / 1e9);
            }
        }
        return seconds;
    }
}
