package vn.inspection.pipeline.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import vn.inspection.pipeline.metrics.Breakdown;
import vn.inspection.pipeline.metrics.DateSpan;
import vn.inspection.pipeline.metrics.ExplainedRecord;
import vn.inspection.pipeline.metrics.Metric;
import vn.inspection.pipeline.metrics.MetricEngine;
import vn.inspection.pipeline.metrics.MetricSql;
import vn.inspection.pipeline.metrics.UnitBasis;
import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.schema.FieldSpec;
import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.unit.UnitHierarchy;
import vn.inspection.pipeline.unit.UnitVersions;
import vn.inspection.pipeline.unit.UnitTables;

/**
 * The catalog's SQL on Spark SQL, over the lake's committed Parquet files: the templates of {@link MetricSql} run
 * unchanged on temp views named as the DuckDB warehouse names its tables. Each record type is a view over the
 * files its manifest lists, with the lake's columns, the Hive partition {@code year} (BIGINT, as DuckDB reads
 * it) and {@code unit_name}; {@code units}, {@code unit_closure} and {@code unit_current} are computed in Java
 * ({@link UnitTables}) from the units reference read with Spark, exactly as the warehouse computes them.
 *
 * <p>The views live in a session of their own ({@link SparkSession#newSession()}: same cluster, own views), so
 * engines over different lakes can share one Spark application. {@link #close()} drops the views; the Spark
 * application is the caller's.
 */
public final class SparkMetricEngine implements MetricEngine {
    /** The name shown in outputs ({@code "engine":"spark"}). */
    public static final String NAME = "spark";

    private final SparkSession spark;
    private final SparkLake lake;
    private final MetricSql sql;
    private final List<String> views = new ArrayList<>();
    private final List<UnitTables.UnitRow> units;

    private SparkMetricEngine(SparkSession spark, SparkLake lake, SchemaCatalog schemas, java.time.Instant knownAt) {
        this.spark = spark;
        this.lake = lake;
        this.sql = knownAt == null ? MetricSql.load()
                : MetricSql.load().knownAt("TIMESTAMP '" + vn.inspection.pipeline.lake.KnownAt.sqlText(knownAt) + "'");
        register("withdrawals", spark.createDataFrame(lake.snapshot().withdrawals().stream().flatMap(w -> w.records().stream()
                .map(r -> RowFactory.create(java.sql.Timestamp.from(w.withdrawnAt()), w.reason(), r.recordType(), r.recordKey()))).toList(),
                DataTypes.createStructType(List.of(DataTypes.createStructField("withdrawn_at", DataTypes.TimestampType, false),
                        string("reason"), string("record_type"), string("record_key")))));
        UnitTables tables = UnitTables.of(UnitHierarchy.of(readUnits(schemas.schema(RecordSchema.UNITS)).current()));
        register("units", spark.createDataFrame(tables.units().stream().map(u -> RowFactory.create(u.values().toArray())).toList(),
                unitsType()));
        register("unit_closure", spark.createDataFrame(tables.closure().stream()
                .map(l -> RowFactory.create(l.ancestor(), l.unit(), l.distance())).toList(), closureType()));
        register("unit_current", spark.createDataFrame(tables.current().stream()
                .map(c -> RowFactory.create(c.unitCode(), c.currentCode())).toList(), currentType()));
        for (RecordSchema schema : schemas.schemas()) {
            if (!schema.isUnits()) {
                registerRecords(schema);
            }
        }
        this.units = queryUnits();
    }

    /**
     * An engine over the lake at {@code lakeUri} (any Hadoop file system), in a new session of {@code spark}'s
     * application.
     *
     * @throws IllegalArgumentException when there is no lake (or no manifest) at that URI
     */
    public static SparkMetricEngine open(SparkSession spark, String lakeUri, SchemaCatalog schemas) {
        return open(spark, lakeUri, schemas, null);
    }

    /** An engine answering as the lake knew its records at {@code knownAt} (null: now, the current versions). */
    public static SparkMetricEngine open(SparkSession spark, String lakeUri, SchemaCatalog schemas, java.time.Instant knownAt) {
        SparkSession session = spark.newSession();
        return new SparkMetricEngine(session, SparkLake.open(lakeUri, session.sparkContext().hadoopConfiguration()), schemas, knownAt);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The session that holds this engine's views (tests and notebooks query them). */
    SparkSession session() {
        return spark;
    }

    /** The lake this engine reads. */
    public SparkLake lake() {
        return lake;
    }

    @Override
    public Map<String, Map<String, Long>> totals(List<Metric> metrics, List<Period> periods, String unitCode, UnitBasis basis) {
        Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        metrics.forEach(m -> {
            Map<String, Long> byPeriod = new LinkedHashMap<>();
            periods.forEach(p -> byPeriod.put(p.id(), 0L));
            values.put(m.id(), byPeriod);
        });
        for (Row row : query(sql.totals(metrics, periods, unitCode, basis))) {
            values.get(row.<String>getAs("metric_id")).put(row.getAs("period_id"), row.<Long>getAs("value"));
        }
        return values;
    }

    @Override
    public Map<String, Map<String, Map<String, Long>>> bySubordinate(List<Metric> metrics, List<Period> periods, String parentCode,
                                                                     UnitBasis basis) {
        Map<String, Map<String, Map<String, Long>>> values = new LinkedHashMap<>();
        metrics.forEach(m -> values.put(m.id(), new LinkedHashMap<>()));
        for (Row row : query(sql.bySubordinate(metrics, periods, parentCode, basis))) {
            values.get(row.<String>getAs("metric_id"))
                    .computeIfAbsent(row.getAs("unit_code"), u -> new LinkedHashMap<>())
                    .put(row.getAs("period_id"), row.<Long>getAs("value"));
        }
        return values;
    }

    @Override
    public Map<String, Map<String, Long>> breakdown(Breakdown breakdown, List<Period> periods, String unitCode, UnitBasis basis) {
        Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        for (Row row : query(sql.breakdown(breakdown, periods, unitCode, basis))) {
            values.computeIfAbsent(row.getAs("code"), c -> new LinkedHashMap<>()).put(row.getAs("period_id"), row.<Long>getAs("value"));
        }
        return values;
    }

    @Override
    public List<ExplainedRecord> explain(Metric metric, Period period, String unitCode, UnitBasis basis) {
        List<ExplainedRecord> records = new ArrayList<>();
        for (Row row : query(sql.explain(metric, period, unitCode, basis))) {
            Map<String, String> filterValues = new LinkedHashMap<>();
            for (String field : metric.filter().keySet()) {
                filterValues.put(field, row.getAs(MetricSql.FILTER_COLUMN + field));
            }
            records.add(new ExplainedRecord(metric.recordType(), row.getAs("record_key"), row.getAs("unit_code"), row.getAs("counted_under"),
                    date(row.getAs("metric_date")), filterValues, row.getAs("subject_type"), row.getAs("subject"), row.getAs("source_file"),
                    row.getAs("source_sheet"), row.getAs("source_row")));
        }
        return records;
    }

    @Override
    public Optional<DateSpan> span(List<Metric> metrics) {
        Row row = query(sql.span(metrics)).get(0);
        LocalDate first = date(row.getAs("first_date"));
        return first == null ? Optional.empty() : Optional.of(new DateSpan(first, date(row.getAs("last_date"))));
    }

    @Override
    public List<UnitTables.UnitRow> units() {
        return units;
    }

    /** Drops this engine's views (the Spark application goes on). */
    @Override
    public void close() {
        views.forEach(view -> spark.catalog().dropTempView(view));
        views.clear();
    }

    private List<Row> query(String text) {
        return spark.sql(text).collectAsList();
    }

    private String register(String view, Dataset<Row> rows) {
        rows.createOrReplaceTempView(view);
        views.add(view);
        return view;
    }

    /** Every definition of every unit in the lake, made into versions in ingest order as the warehouse does. */
    private UnitVersions readUnits(RecordSchema schema) {
        List<String> files = lake.dataFiles(RecordSchema.UNITS);
        if (files.isEmpty()) {
            return UnitVersions.of(List.of());
        }
        List<UnitVersions.LakeRow> read = new ArrayList<>();
        Dataset<Row> rows = spark.read().schema(fileType(schema)).parquet(files.toArray(String[]::new))
                .select("code", "name", "parent_code", "level", "aliases", "valid_from", "valid_to", "successor_code",
                        "_source_checksum", "_source_file", "_sheet", "_row");
        for (Row row : rows.collectAsList()) {
            read.add(new UnitVersions.LakeRow(new UnitHierarchy.Unit(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                    row.getString(4), date(row.get(5)), date(row.get(6)), row.getString(7)), row.getString(8), row.getString(9), row.getString(10),
                    row.getInt(11)));
        }
        return UnitVersions.fromLake(read, lake.snapshot());
    }

    /**
     * A record type's views, as the warehouse's tables: {@code <type>_versions}, every version in its committed files with
     * the lake's columns, {@code year}, the unit's name and when it was current ({@link MetricSql#versions}); and
     * {@code <type>}, the current versions.
     */
    private void registerRecords(RecordSchema schema) {
        String type = schema.recordType();
        Map<java.time.Instant, List<String>> byInstant = new java.util.TreeMap<>();
        for (vn.inspection.pipeline.lake.ManifestEntry entry : lake.snapshot().entries()) {
            for (vn.inspection.pipeline.lake.ManifestEntry.DataFile file : entry.dataFiles()) {
                if (file.recordType().equals(type)) {
                    byInstant.computeIfAbsent(entry.committedAt(file), i -> new ArrayList<>()).add(lake.resolve(file.path()));
                }
            }
        }
        Dataset<Row> raw = null;
        for (Map.Entry<java.time.Instant, List<String>> commit : byInstant.entrySet()) {
            Dataset<Row> part = spark.read().schema(fileType(schema)).option("basePath", lake.folder(type)).parquet(commit.getValue().toArray(String[]::new));
            part = part.withColumn("year", part.col("year").cast(DataTypes.LongType))
                    .withColumn("valid_from", org.apache.spark.sql.functions.lit(java.sql.Timestamp.from(commit.getKey())));
            raw = raw == null ? part : raw.unionByName(part);
        }
        if (raw == null) {
            raw = spark.createDataFrame(List.of(), fileType(schema).add("year", DataTypes.LongType).add("valid_from", DataTypes.TimestampType));
        }
        String lakeView = "lake_" + type;
        register(lakeView, spark.sql("SELECT r.*, u.name AS unit_name FROM (SELECT * FROM " + register("lake_raw_" + type, raw)
                + ") r LEFT JOIN units u ON u.code = r.unit_code"));
        List<String> columns = new ArrayList<>(schema.fields().stream().map(FieldSpec::column).toList());
        columns.addAll(List.of("record_key", "_source_file", "_source_checksum", "_sheet", "_row", "year", "unit_name"));
        register(type + "_versions", spark.sql(MetricSql.versions(type, lakeView, columns)));
        register(type, spark.sql("SELECT " + String.join(", ", columns) + " FROM " + type + "_versions WHERE valid_to IS NULL"));
    }

    private List<UnitTables.UnitRow> queryUnits() {
        List<UnitTables.UnitRow> rows = new ArrayList<>();
        for (Row r : query("SELECT " + String.join(", ", UnitTables.UNIT_COLUMNS) + " FROM units ORDER BY path")) {
            rows.add(new UnitTables.UnitRow(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4), date(r.get(5)),
                    date(r.get(6)), r.getString(7), r.getString(8), r.getInt(9), r.getString(10)));
        }
        return List.copyOf(rows);
    }

    /** The Parquet columns of a record type's files, from its schema file (as the ingest writes them). */
    static StructType fileType(RecordSchema schema) {
        List<StructField> fields = new ArrayList<>();
        for (FieldSpec field : schema.fields()) {
            DataType type = switch (field.type()) {
                case DATE -> DataTypes.DateType;
                case BOOLEAN -> DataTypes.BooleanType;
                default -> DataTypes.StringType;
            };
            fields.add(DataTypes.createStructField(field.column(), type, true));
        }
        for (String lineage : List.of("record_key", "_source_file", "_source_checksum", "_sheet")) {
            fields.add(DataTypes.createStructField(lineage, DataTypes.StringType, true));
        }
        fields.add(DataTypes.createStructField("_row", DataTypes.IntegerType, true));
        return DataTypes.createStructType(fields);
    }

    private static StructType unitsType() {
        return DataTypes.createStructType(List.of(
                string("code"), string("name"), string("parent_code"), string("level"), string("aliases"),
                DataTypes.createStructField("valid_from", DataTypes.DateType, true),
                DataTypes.createStructField("valid_to", DataTypes.DateType, true),
                string("successor_code"), string("current_code"),
                DataTypes.createStructField("depth", DataTypes.IntegerType, false), string("path")));
    }

    private static StructType closureType() {
        return DataTypes.createStructType(List.of(string("ancestor_code"), string("unit_code"),
                DataTypes.createStructField("distance", DataTypes.IntegerType, false)));
    }

    private static StructType currentType() {
        return DataTypes.createStructType(List.of(string("unit_code"), string("current_code")));
    }

    private static StructField string(String name) {
        return DataTypes.createStructField(name, DataTypes.StringType, true);
    }

    /** A DATE as Spark returns it (java.sql.Date, or LocalDate with the Java 8 time API on). */
    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate local ? local : ((java.sql.Date) value).toLocalDate();
    }
}
