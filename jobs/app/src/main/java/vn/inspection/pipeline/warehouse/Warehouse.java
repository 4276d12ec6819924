package vn.inspection.pipeline.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.lake.LakeReader;
import vn.inspection.pipeline.lake.LakeSnapshot;
import vn.inspection.pipeline.lake.ManifestEntry;
import vn.inspection.pipeline.metrics.Metric;
import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.metrics.MetricSql;
import vn.inspection.pipeline.metrics.UnitBasis;
import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.schema.FieldSpec;
import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.system.Json;
import vn.inspection.pipeline.text.Language;
import vn.inspection.pipeline.unit.UnitHierarchy;
import vn.inspection.pipeline.unit.UnitTables;
import vn.inspection.pipeline.unit.UnitVersions;

/**
 * The DuckDB warehouse analysts open: one table per record type holding the lake's committed records (with unit
 * names), the unit dimension with its hierarchy, closure and mergers, the metric catalog, the standard
 * periods, every metric per standard period and unit, the lake's manifest, the results of the data tests
 * in {@code schemas/tests/} (each a query returning the rows that break it), and a
 * comment in Vietnamese and English on every table and column. It is self-contained: reading it needs no access
 * to the lake.
 *
 * <p>A refresh builds a new file beside the old one and swaps it in with an atomic rename: an analyst who
 * holds the old file open keeps reading it undisturbed, and the next open sees the new one.
 */
public final class Warehouse {
    private static final Logger log = LoggerFactory.getLogger(Warehouse.class);
    public static final String FILE_NAME = "warehouse.duckdb";

    private final Path file;
    private final Lake lake;
    private final SchemaCatalog schemas;
    private final MetricCatalog metrics;
    private final MetricSql sql = MetricSql.load();
    private final String testsLocation;

    /**
     * @param schemasDir the schema folder the data tests ({@code tests/*.sql}) are read from, or null for the
     *                   copy packaged on the classpath
     */
    public Warehouse(Path folder, Lake lake, SchemaCatalog schemas, MetricCatalog metrics, Path schemasDir) {
        this.file = folder.resolve(FILE_NAME);
        this.lake = lake;
        this.schemas = schemas;
        this.metrics = metrics;
        this.testsLocation = schemasDir != null ? schemasDir.toUri() + "tests/*.sql" : "classpath:schemas/tests/*.sql";
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    /**
     * Whether the warehouse misses something the lake has: it does not exist, or a file was committed after
     * it was built (e.g. a crash cut the refresh that should have followed an ingest).
     */
    public boolean isStale() throws IOException {
        if (!exists()) {
            return lake.lastCommit().isPresent();
        }
        java.time.Instant built = Files.getLastModifiedTime(file).toInstant();
        return lake.lastCommit().map(committed -> committed.isAfter(built)).orElse(false);
    }

    /**
     * A sandboxed, read-only connection: what the CLI's queries and analysts' SQL ({@code pipeline sql}) get.
     * The warehouse holds every record in its own tables, so the connection needs no file access at all: it is
     * opened read-only with external access off (no {@code COPY … TO}, {@code EXPORT}, {@code ATTACH} of a file,
     * {@code INSTALL}/{@code LOAD}, nor any table function over a path: {@code read_text}, {@code read_csv},
     * {@code read_parquet}, {@code glob}…), no extension autoloading, no temporary directory (nothing spills to
     * disk), and the configuration locked so no statement can switch any of it back ({@code SET}, {@code RESET},
     * {@code PRAGMA}). Read-only alone would not do: DuckDB lets a read-only database still copy to files and
     * attach others, and any allowed path can be written as well as read.
     */
    public Connection openReadOnly() throws SQLException {
        if (!exists()) {
            throw new SQLException("no warehouse yet at " + file + ": ingest some files first (pipeline ingest PATH)");
        }
        try {
            return DriverManager.getConnection("jdbc:duckdb:" + file, sandbox());
        } catch (SQLException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("not a valid DuckDB database") || message.contains("orrupt") || message.contains("checksum")) {
                log.info("cannot open the warehouse {}", file, e);
                throw new SQLException("the warehouse " + file + " is damaged or not a DuckDB file (" + message.lines().findFirst().orElse("")
                        + "): rebuild it from the lake with pipeline refresh");
            }
            throw e;
        }
    }

    /** The data tests that failed at the last refresh (names), read from the warehouse. */
    public List<String> failedDataTests() throws SQLException {
        List<String> failed = new java.util.ArrayList<>();
        try (Connection connection = openReadOnly(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name FROM data_tests WHERE NOT passed ORDER BY name")) {
            while (rs.next()) {
                failed.add(rs.getString(1));
            }
        }
        return failed;
    }

    /** The connection settings of {@link #openReadOnly()}. */
    static Properties sandbox() {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        properties.setProperty("enable_external_access", "false");
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        properties.setProperty("allow_community_extensions", "false");
        properties.setProperty("temp_directory", "");
        properties.setProperty("lock_configuration", "true");
        return properties;
    }

    /** A data test that found rows breaking it at the last refresh. */
    public record DataTestFailure(String name, String description, long rows) {
        /** "name: N rows break it (description)". */
        public String describe() {
            return name + ": " + rows + (rows == 1 ? " row breaks" : " rows break") + " it (" + description + ")";
        }
    }

    /**
     * Rebuilds the warehouse from the lake and swaps it in atomically.
     *
     * @return the data tests that failed (empty when all passed); the warehouse is swapped in either way, with the
     *         results in its {@code data_tests} table, and the caller says so loudly
     */
    public List<DataTestFailure> refresh() throws IOException, SQLException {
        Files.createDirectories(file.getParent());
        Path next = file.resolveSibling("." + FILE_NAME + ".next");
        Files.deleteIfExists(next);
        Files.deleteIfExists(next.resolveSibling(next.getFileName() + ".wal"));
        long started = System.nanoTime();
        List<DataTestFailure> failures;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + next);
             Statement statement = connection.createStatement()) {
            script(statement, "sql/warehouse/schema.sql");
            // one reading of the manifest: units, record tables and lake_files all show the same committed files
            LakeSnapshot snapshot = lake.snapshot();
            Map<String, List<Path>> files = lake.dataFiles(snapshot);
            UnitHierarchy hierarchy = units(connection, files.getOrDefault(RecordSchema.UNITS, List.of()), snapshot);
            recordTables(statement, files);
            catalog(connection);
            List<Period> periods = periods(connection, statement);
            metricValues(statement, periods);
            lakeFiles(connection, snapshot.entries());
            script(statement, "sql/warehouse/comments.sql");
            failures = dataTests(connection, statement);
            hierarchy.problems().forEach(p -> log.warn("units reference: {}", p));
            statement.execute("CHECKPOINT");
        }
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        log.info("warehouse {} refreshed in {} ms", file, (System.nanoTime() - started) / 1_000_000);
        return failures;
    }

    /** The current tree (each unit's latest definition) and every version of every unit ({@code unit_history}). */
    private UnitHierarchy units(Connection connection, List<Path> unitFiles, LakeSnapshot snapshot) throws SQLException {
        UnitVersions versions = LakeReader.readUnitVersions(unitFiles, snapshot);
        UnitHierarchy hierarchy = UnitHierarchy.of(versions.current());
        insertRows(connection, "unit_history", UnitVersions.HISTORY_COLUMNS.size(), versions.history().stream().map(v -> {
            List<Object> row = new java.util.ArrayList<>(UnitVersions.historyRow(v));
            int at = UnitVersions.HISTORY_COLUMNS.indexOf("ingested_at");
            if (row.get(at) instanceof java.time.Instant instant) {
                row.set(at, instant.atOffset(java.time.ZoneOffset.UTC));
            }
            return row;
        }).toList());
        UnitTables tables = UnitTables.of(hierarchy);
        insertRows(connection, "units", UnitTables.UNIT_COLUMNS.size(), tables.units().stream().map(UnitTables.UnitRow::values).toList());
        insertRows(connection, "unit_closure", UnitTables.CLOSURE_COLUMNS.size(),
                tables.closure().stream().map(l -> List.<Object>of(l.ancestor(), l.unit(), l.distance())).toList());
        insertRows(connection, "unit_current", UnitTables.CURRENT_COLUMNS.size(),
                tables.current().stream().map(c -> List.<Object>of(c.unitCode(), c.currentCode())).toList());
        return hierarchy;
    }

    private static void insertRows(Connection connection, String table, int columns, List<List<Object>> rows) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(columns, "?"));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
            for (List<Object> row : rows) {
                for (int c = 0; c < columns; c++) {
                    insert.setObject(c + 1, row.get(c));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * One table per record type holding the records of the committed files the manifest lists, with the unit's
     * name. Tables, not views over the Parquet files: the warehouse file is then self-contained (an analyst needs
     * read access to it alone, a copy of it works anywhere) and its readers need no file access at all, which is
     * what lets {@link #openReadOnly()} switch file access off.
     */
    private void recordTables(Statement statement, Map<String, List<Path>> dataFiles) throws SQLException {
        for (RecordSchema schema : schemas.schemas()) {
            if (schema.isUnits()) {
                continue;
            }
            String type = schema.recordType();
            List<Path> files = dataFiles.getOrDefault(type, List.of());
            String source;
            if (files.isEmpty()) {
                source = "SELECT " + schema.fields().stream().map(f -> "CAST(NULL AS " + sqlType(f) + ") AS " + f.column())
                        .collect(Collectors.joining(", "))
                        + ", CAST(NULL AS VARCHAR) AS record_key, CAST(NULL AS VARCHAR) AS _source_file, CAST(NULL AS VARCHAR) AS _source_checksum, "
                        + "CAST(NULL AS VARCHAR) AS _sheet, CAST(NULL AS INTEGER) AS _row, CAST(NULL AS BIGINT) AS year WHERE FALSE";
            } else {
                source = "SELECT * FROM read_parquet([" + files.stream().map(f -> "'" + f.toString().replace("'", "''") + "'")
                        .collect(Collectors.joining(", ")) + "], hive_partitioning = true)";
            }
            statement.execute("CREATE TABLE " + type + " AS SELECT r.*, u.name AS unit_name FROM (" + source + ") r LEFT JOIN units u ON u.code = r.unit_code");
            statement.execute("COMMENT ON TABLE " + type + " IS " + literal(schema.label().vi() + " (sổ theo dõi, từ hồ dữ liệu Parquet) / " + schema.label().en()
                    + " (register records from the Parquet lake)"));
            for (FieldSpec field : schema.fields()) {
                statement.execute("COMMENT ON COLUMN " + type + "." + field.column() + " IS " + literal(field.description().vi() + " / " + field.description().en()
                        + (field.enumeration() != null && field.type() == vn.inspection.pipeline.schema.FieldType.ENUM
                        ? " (" + String.join(", ", field.enumeration().labels().keySet()) + ")" : "")));
            }
            Map<String, String> lineage = Map.of(
                    "record_key", "Mã băm khóa tự nhiên của bản ghi / Hash of the record's natural key",
                    "_source_file", "Tệp nguồn / Source file name",
                    "_source_checksum", "SHA-256 của tệp nguồn / SHA-256 of the source file",
                    "_sheet", "Trang tính nguồn / Source sheet",
                    "_row", "Dòng nguồn (số dòng như Excel hiển thị) / Source row number as Excel shows it",
                    "year", "Năm (phân vùng của hồ dữ liệu) / Year (the lake partition)",
                    "unit_name", "Tên đơn vị / Unit name");
            for (Map.Entry<String, String> column : lineage.entrySet()) {
                statement.execute("COMMENT ON COLUMN " + type + "." + column.getKey() + " IS " + literal(column.getValue()));
            }
        }
    }

    private static String sqlType(FieldSpec field) {
        return switch (field.type()) {
            case DATE -> "DATE";
            case BOOLEAN -> "BOOLEAN";
            default -> "VARCHAR";
        };
    }

    private void catalog(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO metrics VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Metric metric : metrics.metrics()) {
                insert.setString(1, metric.id());
                insert.setString(2, metric.label().vi());
                insert.setString(3, metric.label().en());
                insert.setString(4, metric.recordType());
                insert.setString(5, Json.write(new java.util.TreeMap<>(metric.filter())));
                insert.setString(6, metric.dateField());
                insert.setString(7, metric.counts());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The standard periods of every year the records span (the current year when there are none). */
    private List<Period> periods(Connection connection, Statement statement) throws SQLException {
        int first = LocalDate.now().getYear();
        int last = first;
        try (ResultSet rs = statement.executeQuery(sql.span(metrics.metrics()))) {
            if (rs.next() && rs.getObject(1) != null) {
                first = rs.getObject(1, LocalDate.class).getYear();
                last = rs.getObject(2, LocalDate.class).getYear();
            }
        }
        List<Period> periods = Period.standardPeriods(first, last);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO periods VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Period period : periods) {
                insert.setString(1, period.id());
                insert.setString(2, period.kind().name());
                insert.setObject(3, period.from());
                insert.setObject(4, period.to());
                insert.setString(5, period.label(Language.VI));
                insert.setString(6, period.label(Language.EN));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return periods;
    }

    /** Every metric × standard period × unit × basis, zeros included, rolled up the hierarchy. */
    private void metricValues(Statement statement, List<Period> periods) throws SQLException {
        statement.execute("CREATE TEMP TABLE nonzero (metric_id VARCHAR, period_id VARCHAR, unit_code VARCHAR, value BIGINT, basis VARCHAR)");
        for (UnitBasis basis : UnitBasis.values()) {
            for (Metric metric : metrics.metrics()) {
                statement.execute("INSERT INTO nonzero SELECT metric_id, period_id, unit_code, value, '" + basis + "' FROM (" + sql.byUnit(metric, basis) + ")");
            }
        }
        statement.execute("INSERT INTO metric_values SELECT m.id, p.period_id, u.code, b.basis, coalesce(n.value, 0) "
                + "FROM metrics m CROSS JOIN periods p CROSS JOIN units u CROSS JOIN (VALUES ('SUCCESSOR'), ('RECORDED')) AS b(basis) "
                + "LEFT JOIN nonzero n ON n.metric_id = m.id AND n.period_id = p.period_id AND n.unit_code = u.code AND n.basis = b.basis");
        statement.execute("DROP TABLE nonzero");
    }

    /** The manifest as tables: every ingested file, its sheets' counts and its Parquet parts. */
    private void lakeFiles(Connection connection, List<ManifestEntry> manifest) throws SQLException {
        insertRows(connection, "lake_files", 8, manifest.stream().map(e -> java.util.Arrays.<Object>asList(e.checksum(), e.fileName(), e.sourcePath(),
                e.ingestedAt().atOffset(java.time.ZoneOffset.UTC), e.runId(), e.accepted(), e.duplicates(), e.rejected())).toList());
        insertRows(connection, "lake_sheets", 6, manifest.stream().flatMap(e -> e.sheets().stream().map(s -> java.util.Arrays.<Object>asList(
                e.checksum(), s.sheet(), s.recordType(), s.accepted(), s.duplicates(), s.rejected()))).toList());
        insertRows(connection, "lake_parts", 6, manifest.stream().flatMap(e -> e.dataFiles().stream().map(f -> java.util.Arrays.<Object>asList(
                e.checksum(), f.path(), f.recordType(), f.rows(), f.bytes(), f.sha256()))).toList());
    }

    /** Runs every data test (a query returning the violating rows) and records the outcome. */
    private List<DataTestFailure> dataTests(Connection connection, Statement statement) throws SQLException, IOException {
        List<DataTestFailure> failed = new java.util.ArrayList<>();
        Resource[] tests = new PathMatchingResourcePatternResolver().getResources(testsLocation);
        java.util.Arrays.sort(tests, java.util.Comparator.comparing(Resource::getFilename));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO data_tests VALUES (?, ?, ?, ?)")) {
            for (Resource test : tests) {
                String text;
                try (InputStream in = test.getInputStream()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                String description = text.lines().takeWhile(l -> l.startsWith("--")).map(l -> l.substring(2).strip()).collect(Collectors.joining(" "));
                long failures;
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM (" + stripComments(text) + ")")) {
                    rs.next();
                    failures = rs.getLong(1);
                }
                String name = test.getFilename().replace(".sql", "");
                if (failures > 0) {
                    failed.add(new DataTestFailure(name, description, failures));
                    log.info("data test {} failed with {} violating rows: {}", name, failures, description); // the command says it
                }
                insert.setString(1, name);
                insert.setString(2, description);
                insert.setLong(3, failures);
                insert.setBoolean(4, failures == 0);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return failed;
    }

    private static void script(Statement statement, String resource) throws SQLException {
        for (String part : stripComments(read(resource)).split(";\\s*\\n")) {
            if (!part.isBlank()) {
                statement.execute(part);
            }
        }
    }

    private static String stripComments(String sqlText) {
        return sqlText.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n")).strip().replaceAll(";\\s*$", "");
    }

    private static String read(String resource) {
        try (InputStream in = Warehouse.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
