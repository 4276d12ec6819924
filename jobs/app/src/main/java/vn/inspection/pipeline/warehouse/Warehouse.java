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
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.lake.LakeReader;
import vn.inspection.pipeline.lake.LakeSnapshot;
import vn.inspection.pipeline.lake.LakeVerifier;
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
    private final StorageVersion storageVersion;
    /** The lake files the last build found not as committed (what {@code lake_files_as_committed} counts). */
    private volatile List<LakeVerifier.Problem> lakeProblems = List.of();

    /** A warehouse written in the {@linkplain StorageVersion#DEFAULT default storage version}. */
    public Warehouse(Path folder, Lake lake, SchemaCatalog schemas, MetricCatalog metrics, Path schemasDir) {
        this(folder, lake, schemas, metrics, schemasDir, StorageVersion.DEFAULT);
    }

    /**
     * @param schemasDir     the schema folder the data tests ({@code tests/*.sql}) are read from, or null for the
     *                       copy packaged on the classpath
     * @param storageVersion the oldest DuckDB release whose clients must open the file a refresh writes
     */
    public Warehouse(Path folder, Lake lake, SchemaCatalog schemas, MetricCatalog metrics, Path schemasDir, StorageVersion storageVersion) {
        this.storageVersion = java.util.Objects.requireNonNull(storageVersion, "storageVersion");
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
     * disk); then, once the warehouse file is open, the local file system is switched off altogether and the
     * configuration locked so no statement can switch any of it back ({@code SET}, {@code RESET}, {@code PRAGMA}).
     * Read-only alone would not do: DuckDB lets a read-only database still copy to files and attach others; and
     * external access off alone would not do either: DuckDB keeps the database file and its WAL as allowed paths,
     * which a {@code COPY … TO} can overwrite. With the file system off, the open file is still read, but no path
     * at all can be opened.
     */
    public Connection openReadOnly() throws SQLException {
        return openReadOnly(null);
    }

    /**
     * {@link #openReadOnly()} with limits on what a statement may use ({@code pipeline sql}); the timeout is the
     * caller's to set on each statement.
     *
     * @param limits memory and threads, or null for DuckDB's defaults
     */
    public Connection openReadOnly(SqlLimits limits) throws SQLException {
        if (!exists()) {
            throw new SQLException("no warehouse yet at " + file + ": ingest some files first (pipeline ingest PATH)");
        }
        synchronized (SANDBOX) {
            Connection connection;
            try {
                connection = DriverManager.getConnection("jdbc:duckdb:" + file, sandbox());
            } catch (SQLException e) {
                String message = e.getMessage() == null ? "" : e.getMessage();
                if (message.contains("not a valid DuckDB database") || message.contains("orrupt") || message.contains("checksum")) {
                    log.info("cannot open the warehouse {}", file, e);
                    throw new SQLException("the warehouse " + file + " is damaged or not a DuckDB file (" + message.lines().findFirst().orElse("")
                            + "): rebuild it from the lake with pipeline refresh");
                }
                throw e;
            }
            try {
                lockDown(connection, limits);
                return connection;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }
    }

    /** One sandbox set-up at a time in this process: no connection is handed out before its database is locked down. */
    private static final Object SANDBOX = new Object();

    /**
     * Switches the local file system off, applies the limits and locks the configuration. Connections of one
     * process to the same file share one database (and its settings): when another one locked it down already,
     * this one is as sandboxed as that one.
     */
    private static void lockDown(Connection connection, SqlLimits limits) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT current_setting('lock_configuration')")) {
                if (rs.next() && rs.getBoolean(1)) {
                    return;
                }
            }
            statement.execute("SET disabled_filesystems = 'LocalFileSystem'");
            statement.execute("SET max_temp_directory_size = '0B'");
            if (limits != null) {
                statement.execute("SET memory_limit = '" + limits.memoryLimit() + "'"); // checked to be a size
                statement.execute("SET threads = " + limits.threads());
            }
            statement.execute("SET lock_configuration = true");
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

    /** The connection settings of {@link #openReadOnly()}, before its lock-down; the same for every such connection of a process. */
    static Properties sandbox() {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        properties.setProperty("enable_external_access", "false");
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        properties.setProperty("allow_community_extensions", "false");
        properties.setProperty("temp_directory", "");
        // the file system goes off and the configuration is locked once the file is open (lockDown)
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
     * Rebuilds the warehouse from the lake and swaps it in atomically. A new file is written in the storage version
     * of the setting, so that DuckDB clients of that release and later open it; a warehouse in another storage
     * version is not carried but built in full.
     *
     * @return the data tests that failed (empty when all passed); the warehouse is swapped in either way, with the
     *         results in its {@code data_tests} table, and the caller says so loudly
     */
    public List<DataTestFailure> refresh() throws IOException, SQLException {
        if (exists() && !Files.exists(file.resolveSibling(FILE_NAME + ".wal"))) {
            try {
                return build(true);
            } catch (CannotCarry e) {
                log.info("warehouse rebuilt in full: {}", e.getMessage());
            } catch (SQLException e) {
                log.warn("the last warehouse could not be carried ({}): rebuilding it in full", e.getMessage().lines().findFirst().orElse(""));
                log.info("carrying the warehouse failed", e);
            }
        }
        try {
            return build(false);
        } catch (CannotCarry e) {
            throw new IllegalStateException(e); // a build from nothing carries nothing
        }
    }

    /**
     * Rebuilds the warehouse from the lake in full, carrying nothing: for a change that rewrites committed files in place
     * ({@code rekey} keeps each file's entry and run but replaces its parts), which a carried refresh, keyed by file and
     * run, would not see.
     */
    public List<DataTestFailure> rebuild() throws IOException, SQLException {
        try {
            return build(false);
        } catch (CannotCarry e) {
            throw new IllegalStateException(e); // a build from nothing carries nothing
        }
    }

    /** The last warehouse's record tables cannot be carried into the next one; it is built in full instead. */
    private static final class CannotCarry extends Exception {
        CannotCarry(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * Builds the next warehouse file beside the current one and swaps it in. With {@code carry}, it starts from a copy
     * of the current file and updates its record tables with the files committed or replaced since (and the unit names
     * a new units reference changed), instead of reading every Parquet file again: the nightly's refresh costs what it
     * ingested. Everything else is rebuilt. A copied file that does not fit (an older layout, changed columns, grown
     * far beyond the lake) is not carried: the warehouse is built in full.
     */
    private List<DataTestFailure> build(boolean carry) throws IOException, SQLException, CannotCarry {
        Files.createDirectories(file.getParent());
        Path next = file.resolveSibling("." + FILE_NAME + ".next");
        Files.deleteIfExists(next);
        Files.deleteIfExists(next.resolveSibling(next.getFileName() + ".wal"));
        long started = System.nanoTime();
        List<DataTestFailure> failures;
        // one reading of the manifest: units, record tables and lake_files all show the same committed files
        LakeSnapshot snapshot = lake.snapshot(); // refuses a damaged manifest: a build from part of the lake would drop records unsaid
        List<String> unclaimed = new LakeVerifier(lake).unclaimedParts(snapshot);
        if (!unclaimed.isEmpty()) {
            throw new IllegalStateException("the lake holds " + unclaimed.size() + (unclaimed.size() == 1 ? " Parquet file" : " Parquet files")
                    + " that no manifest entry claims (" + String.join(", ", unclaimed.subList(0, Math.min(3, unclaimed.size())))
                    + (unclaimed.size() > 3 ? ", …" : "") + "), so a warehouse built from it would leave their records out: "
                    + "run 'pipeline verify', which names the source file of each and how to restore it");
        }
        Steps steps = new Steps();
        if (carry) {
            long lakeBytes = snapshot.entries().stream().flatMap(e -> e.dataFiles().stream()).mapToLong(f -> f.bytes() == null ? 0 : f.bytes()).sum();
            if (Files.size(file) > 3 * lakeBytes + (64L << 20)) {
                throw new CannotCarry("the last warehouse (" + Files.size(file) + " bytes) has grown well beyond the lake (" + lakeBytes + " bytes)");
            }
            Files.copy(file, next);
            steps.done("copy");
        }
        boolean built = false;
        Properties format = new Properties();
        format.setProperty("storage_compatibility_version", storageVersion.value());
        try (Connection connection = open(next, format);
             Statement statement = connection.createStatement()) {
            Map<String, Long> carried = carry ? carriedEntries(statement) : null;
            dropOwnTables(statement);
            script(statement, "sql/warehouse/schema.sql");
            statement.execute("INSERT INTO warehouse_build VALUES ('storage_version', " + literal(storageVersion.value()) + ")");
            UnitHierarchy hierarchy = units(connection, lake.dataFiles(snapshot).getOrDefault(RecordSchema.UNITS, List.of()), snapshot);
            steps.done("units");
            Set<String> read = recordTables(statement, snapshot, carried);
            lake.dataFiles(snapshot).getOrDefault(RecordSchema.UNITS, List.of()).forEach(f -> read.add(lake.root().relativize(f).toString().replace('\\', '/')));
            steps.done(carry ? "record tables (carried)" : "record tables");
            catalog(connection);
            LabelsTable.write(connection, schemas);
            List<Period> periods = periods(connection, statement);
            metricValues(statement, periods);
            steps.done("metric values");
            lakeFiles(connection, snapshot.entries());
            lakeProblems(connection, snapshot, read);
            script(statement, "sql/warehouse/comments.sql");
            failures = dataTests(connection, statement);
            steps.done("data tests");
            hierarchy.problems().forEach(p -> log.warn("units reference: {}", p));
            statement.execute("CHECKPOINT");
            steps.done("checkpoint");
            log.info("warehouse refresh steps: {}", steps);
            built = true;
        } finally {
            if (!built) {
                Files.deleteIfExists(next);
                Files.deleteIfExists(next.resolveSibling(next.getFileName() + ".wal"));
            }
        }
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        log.info("warehouse {} refreshed in {} ms", file, (System.nanoTime() - started) / 1_000_000);
        return failures;
    }

    /** The source files whose records the copied warehouse holds, with the run that committed each (from its lake_files). */
    private Map<String, Long> carriedEntries(Statement statement) throws CannotCarry {
        // a file written in another storage version than the setting's is rewritten: a copy keeps its version
        try (ResultSet rs = statement.executeQuery("SELECT value FROM main.warehouse_build WHERE key = 'storage_version'")) {
            String written = rs.next() ? rs.getString(1) : null;
            if (!storageVersion.value().equals(written)) {
                throw new CannotCarry("the last warehouse was written in storage version " + written + ", the setting is " + storageVersion.value());
            }
        } catch (SQLException e) {
            throw new CannotCarry("the last warehouse does not say its storage version");
        }
        Map<String, Long> entries = new java.util.HashMap<>();
        try (ResultSet rs = statement.executeQuery("SELECT checksum, run_id FROM main.lake_files")) {
            while (rs.next()) {
                entries.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new CannotCarry("the last warehouse has no readable lake_files (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        return entries;
    }

    /** Drops every view and table but the record tables: all of it is rebuilt; only the records are carried. */
    private void dropOwnTables(Statement statement) throws SQLException {
        // the carried tables are the versions of each record type; the current records' tables are rebuilt from them,
        // the units table from the units reference
        java.util.Set<String> records = new java.util.HashSet<>();
        SchemaCatalog.RECORD_TYPES.stream().filter(t -> !t.equals(RecordSchema.UNITS)).forEach(t -> records.add(t + "_versions"));
        List<String> drops = new java.util.ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT 'VIEW', view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' "
                + "UNION ALL SELECT 'TABLE', table_name FROM duckdb_tables() WHERE NOT internal AND schema_name = 'main' ORDER BY 1 DESC")) {
            while (rs.next()) {
                if (!(rs.getString(1).equals("TABLE") && records.contains(rs.getString(2)))) {
                    drops.add("DROP " + rs.getString(1) + " main.\"" + rs.getString(2) + "\""); // views first: they read the tables
                }
            }
        }
        for (String drop : drops) {
            statement.execute(drop);
        }
    }

    /** How long each step of a refresh took, for the log (the benchmark reads it). */
    private static final class Steps {
        private final StringBuilder text = new StringBuilder();
        private long last = System.nanoTime();

        void done(String step) {
            long now = System.nanoTime();
            text.append(text.length() == 0 ? "" : ", ").append(step).append(' ').append((now - last) / 1_000_000).append(" ms");
            last = now;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private Connection open(Path next, Properties format) throws SQLException {
        try {
            return DriverManager.getConnection("jdbc:duckdb:" + next, format);
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("not a known DuckDB version")) {
                // DuckDB's own message lists every release it knows: the log keeps it, the user gets one line
                log.debug("DuckDB refused the storage version", e);
                throw new SQLException(StorageVersion.KEY + " '" + storageVersion + "' is not a DuckDB release this pipeline can write: "
                        + "give one such as " + StorageVersion.DEFAULT_VALUE + " (read by DuckDB 1.2 and later) or latest");
            }
            throw e;
        }
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
     * The records: one table per record type holding the records of the committed files the manifest lists, with
     * the unit's name. Tables, not views over the Parquet files: the warehouse file is then self-contained (an
     * analyst needs read access to it alone, a copy of it works anywhere) and its readers need no file access at
     * all, which is what lets {@link #openReadOnly()} switch file access off.
     *
     * @param carried the source files (checksum → run) whose records the copied tables hold, or null to load all
     */
    private Set<String> recordTables(Statement statement, LakeSnapshot snapshot, Map<String, Long> carried) throws SQLException, CannotCarry {
        Set<String> read = new java.util.HashSet<>();
        Map<String, Long> current = new java.util.HashMap<>();
        snapshot.entries().forEach(e -> current.put(e.checksum(), e.runId()));
        List<String> removed = carried == null ? List.of() : carried.entrySet().stream()
                .filter(e -> !e.getValue().equals(current.get(e.getKey()))).map(Map.Entry::getKey).sorted().toList();
        List<ManifestEntry> added = snapshot.entries().stream()
                .filter(e -> carried == null || !Long.valueOf(e.runId()).equals(carried.get(e.checksum()))).toList();
        withdrawals(statement.getConnection(), snapshot);
        statement.execute("CREATE TEMP TABLE part_instants (path VARCHAR, valid_from TIMESTAMP WITH TIME ZONE)");
        Map<String, java.time.Instant> instants = snapshot.commitInstants();
        insertRows(statement.getConnection(), "part_instants", 2, added.stream().flatMap(e -> e.dataFiles().stream())
                .map(f -> java.util.Arrays.<Object>asList(lake.resolve(f.path()).toString(), instants.get(f.path()).atOffset(java.time.ZoneOffset.UTC))).toList());
        for (RecordSchema schema : schemas.schemas()) {
            if (schema.isUnits()) {
                continue;
            }
            String type = schema.recordType();
            String versions = type + "_versions";
            List<ManifestEntry.DataFile> parts = added.stream().flatMap(e -> e.dataFiles().stream()).filter(f -> f.recordType().equals(type)).toList();
            parts.forEach(f -> read.add(f.path()));
            List<Path> files = parts.stream().map(f -> lake.resolve(f.path())).toList();
            String withUnitName = "SELECT r.* EXCLUDE (filename), u.name AS unit_name, i.valid_from FROM (" + (files.isEmpty() ? empty(schema) : parquet(files))
                    + ") r JOIN part_instants i ON i.path = r.filename LEFT JOIN units u ON u.code = r.unit_code";
            if (carried == null) {
                statement.execute("CREATE TABLE " + versions + " AS " + withUnitName);
            } else {
                checkColumns(statement, schema);
                if (!removed.isEmpty()) {
                    statement.execute("DELETE FROM " + versions + " WHERE _source_checksum IN (" + removed.stream().map(Warehouse::literal)
                            .collect(Collectors.joining(", ")) + ")");
                }
                // a later units reference may have renamed a unit (or dropped it): the carried records follow
                statement.execute("UPDATE " + versions + " t SET unit_name = u.name FROM units u WHERE u.code = t.unit_code AND t.unit_name IS DISTINCT FROM u.name");
                statement.execute("UPDATE " + versions + " SET unit_name = NULL WHERE unit_name IS NOT NULL AND unit_code NOT IN (SELECT code FROM units)");
                if (!files.isEmpty()) {
                    try {
                        statement.execute("INSERT INTO " + versions + " BY NAME " + withUnitName);
                    } catch (SQLException e) {
                        throw new CannotCarry("new lake files of " + type + " do not fit its table (" + e.getMessage().lines().findFirst().orElse("") + ")");
                    }
                }
            }
            // when each version ended (a later version, or a withdrawal), recomputed over the whole history: a withdrawal
            // ends versions committed long before it
            statement.execute("CREATE TABLE " + versions + "_next AS " + MetricSql.versions(type, versions, columns(schema)));
            statement.execute("DROP TABLE " + versions);
            statement.execute("ALTER TABLE " + versions + "_next RENAME TO " + versions);
            statement.execute("CREATE TABLE " + type + " AS SELECT " + String.join(", ", columns(schema)) + " FROM " + versions + " WHERE valid_to IS NULL");
            comments(statement, schema, type, schema.label().vi() + " (sổ theo dõi, phiên bản hiện hành của mỗi bản ghi) / "
                    + schema.label().en() + " (register records: the current version of each)");
            comments(statement, schema, versions, schema.label().vi() + " (mọi phiên bản của mỗi bản ghi, có thời điểm hiệu lực) / "
                    + schema.label().en() + " (every version of each record, with when it was current)");
            for (Map.Entry<String, String> column : VERSION_COLUMNS.entrySet()) {
                statement.execute("COMMENT ON COLUMN " + versions + "." + column.getKey() + " IS " + literal(column.getValue()));
            }
        }
        statement.execute("DROP TABLE part_instants");
        return read;
    }

    private void comments(Statement statement, RecordSchema schema, String table, String description) throws SQLException {
        statement.execute("COMMENT ON TABLE " + table + " IS " + literal(description));
        for (FieldSpec field : schema.fields()) {
            statement.execute("COMMENT ON COLUMN " + table + "." + field.column() + " IS " + literal(field.description().vi() + " / " + field.description().en()
                    + (field.enumeration() != null && field.type() == vn.inspection.pipeline.schema.FieldType.ENUM
                    ? " (" + String.join(", ", field.enumeration().labels().keySet()) + ")" : "")));
        }
        for (Map.Entry<String, String> column : LINEAGE.entrySet()) {
            statement.execute("COMMENT ON COLUMN " + table + "." + column.getKey() + " IS " + literal(column.getValue()));
        }
    }

    /** Every withdrawal of the lake's history, one row per record (the versions' valid_to reads them). */
    private static void withdrawals(Connection connection, LakeSnapshot snapshot) throws SQLException {
        insertRows(connection, "withdrawals", 8, snapshot.withdrawals().stream().flatMap(w -> w.records().stream().map(r -> java.util.Arrays.<Object>asList(
                w.withdrawnAt().atOffset(java.time.ZoneOffset.UTC), w.reason(), r.recordType(), r.recordKey(), r.sourceChecksum(), r.date(),
                w.byFile(), w.file()))).toList());
    }

    private static final Map<String, String> VERSION_COLUMNS = Map.of(
            "valid_from", "Thời điểm phiên bản được biết đến (tệp của nó được nạp) / When the version became known (its file was committed)",
            "valid_to", "Thời điểm phiên bản hết hiệu lực; trống: phiên bản hiện hành / When the version stopped being current; empty: the current version",
            "ended_by", "Lý do hết hiệu lực: corrected (có phiên bản mới hơn), withdrawn (bị rút) / Why it ended: corrected (a later version), withdrawn");

    private static final Map<String, String> LINEAGE = Map.of(
            "record_key", "Mã băm khóa tự nhiên của bản ghi / Hash of the record's natural key",
            "_source_file", "Tệp nguồn / Source file name",
            "_source_checksum", "SHA-256 của tệp nguồn / SHA-256 of the source file",
            "_sheet", "Trang tính nguồn / Source sheet",
            "_row", "Dòng nguồn (số dòng như Excel hiển thị) / Source row number as Excel shows it",
            "year", "Năm (phân vùng của hồ dữ liệu) / Year (the lake partition)",
            "unit_name", "Tên đơn vị / Unit name");

    /** The columns a record table has: the schema's fields, the lineage columns, the year partition and the unit's name. */
    private static List<String> columns(RecordSchema schema) {
        List<String> columns = new java.util.ArrayList<>(schema.fields().stream().map(FieldSpec::column).toList());
        columns.addAll(List.of("record_key", "_source_file", "_source_checksum", "_sheet", "_row", "year", "unit_name"));
        return columns;
    }

    private static void checkColumns(Statement statement, RecordSchema schema) throws SQLException, CannotCarry {
        String table = schema.recordType();
        java.util.Set<String> have = new java.util.HashSet<>();
        try (ResultSet rs = statement.executeQuery("SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = '" + table + "_versions'")) {
            while (rs.next()) {
                have.add(rs.getString(1));
            }
        }
        java.util.Set<String> want = new java.util.HashSet<>(columns(schema));
        want.addAll(List.of("valid_from", "valid_to", "ended_by"));
        if (!have.equals(want)) {
            throw new CannotCarry(have.isEmpty() ? "the last warehouse has no table " + table + "_versions" : "the columns of " + table + "_versions changed");
        }
    }

    private static String parquet(List<Path> files) {
        return "SELECT * FROM read_parquet([" + files.stream().map(f -> "'" + f.toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", ")) + "], hive_partitioning = true, filename = true)";
    }

    private String empty(RecordSchema schema) {
        return "SELECT " + schema.fields().stream().map(f -> "CAST(NULL AS " + sqlType(f) + ") AS " + f.column()).collect(Collectors.joining(", "))
                + ", CAST(NULL AS VARCHAR) AS record_key, CAST(NULL AS VARCHAR) AS _source_file, CAST(NULL AS VARCHAR) AS _source_checksum, "
                + "CAST(NULL AS VARCHAR) AS _sheet, CAST(NULL AS INTEGER) AS _row, CAST(NULL AS BIGINT) AS year, CAST(NULL AS VARCHAR) AS filename WHERE FALSE";
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
        insertRows(connection, "lake_files", 11, manifest.stream().map(e -> java.util.Arrays.<Object>asList(e.checksum(), e.fileName(), e.sourcePath(),
                e.ingestedAt().atOffset(java.time.ZoneOffset.UTC), e.runId(), e.accepted(), e.duplicates(), e.rejected(), e.corrected(), e.parked(),
                e.updatedAt() == null ? null : e.updatedAt().atOffset(java.time.ZoneOffset.UTC))).toList());
        insertRows(connection, "lake_sheets", 9, manifest.stream().flatMap(e -> e.sheets().stream().map(s -> java.util.Arrays.<Object>asList(
                e.checksum(), s.sheet(), s.recordType(), s.accepted(), s.duplicates(), s.rejected(), s.correctedRows(), s.outdatedRows(),
                s.parkedRows()))).toList());
        insertRows(connection, "lake_parts", 7, manifest.stream().flatMap(e -> e.dataFiles().stream().map(f -> java.util.Arrays.<Object>asList(
                e.checksum(), f.path(), f.recordType(), f.rows(), f.bytes(), f.sha256(), e.committedAt(f).atOffset(java.time.ZoneOffset.UTC)))).toList());
    }

    /**
     * The lake's files that are not as committed (missing, or another size or row count than the manifest recorded),
     * for the data test {@code lake_files_as_committed}: the records of a file carried from the last warehouse are not
     * read again, so the refresh looks at the files themselves. The files this build read ({@code read}) are hashed too,
     * so a flipped byte in a part never reaches the figures unsaid; hashing every file is left to {@code pipeline verify}.
     */
    private void lakeProblems(Connection connection, LakeSnapshot snapshot, Set<String> read) throws SQLException, IOException {
        List<LakeVerifier.Problem> problems = new LakeVerifier(lake).verify(snapshot, read).problems();
        lakeProblems = problems;
        insertRows(connection, "lake_problems", 5, problems.stream().map(p -> java.util.Arrays.<Object>asList(p.file().path(), p.entry().checksum(),
                p.entry().fileName(), p.what(), p.detail())).toList());
    }

    /** The lake files the last refresh found missing or not as committed, each with its source file (empty when all were). */
    public List<LakeVerifier.Problem> lakeProblems() {
        return lakeProblems;
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
