package vn.inspection.pipeline.lake;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import vn.inspection.pipeline.unit.UnitHierarchy;
import vn.inspection.pipeline.unit.UnitVersions;

/**
 * Reads back what the ingest and the warehouse need from Parquet files (committed or staged): the record
 * keys, to deduplicate, and the units references, to resolve unit names and to build the unit history. Uses
 * an in-memory DuckDB, which reads only the columns asked for.
 */
public final class LakeReader {

    private LakeReader() {
    }

    public static void readKeys(List<Path> files, RecordKeySet into) {
        query(files, "SELECT record_key FROM " + source(files), rs -> into.add(rs.getString(1)));
    }

    /** One committed (or staged) version of a record: its key and version, its source file, its date (epoch day) and when it became known. */
    public record VersionRow(String key, long version, String checksum, int date, java.time.Instant committed, int mask) {
    }

    /**
     * Every version of a record type's records in the given files, in the order they became known ({@code parts}:
     * file → instant), with {@link RecordVersions#versionSql} computed by DuckDB over the lake's columns.
     */
    public static void readVersions(vn.inspection.pipeline.schema.RecordSchema schema, java.util.Map<Path, java.time.Instant> parts,
                                    java.util.function.Consumer<VersionRow> into) {
        if (parts.isEmpty()) {
            return;
        }
        List<Path> files = new ArrayList<>(parts.keySet());
        String date = schema.periodDate().map(f -> "CAST(date_diff('day', DATE '1970-01-01', \"" + f + "\") AS INTEGER)").orElse("CAST(NULL AS INTEGER)");
        String instants = files.stream().map(f -> "('" + f.toAbsolutePath().toString().replace("'", "''") + "', "
                + micros(parts.get(f)) + ")").collect(Collectors.joining(", "));
        query(files, "SELECT r.record_key, " + RecordVersions.versionSql(schema) + ", r._source_checksum, " + date + ", i.micros, "
                + RecordVersions.maskSql(schema) + " FROM "
                + "read_parquet([" + files.stream().map(f -> "'" + f.toAbsolutePath().toString().replace("'", "''") + "'").collect(Collectors.joining(","))
                + "], filename = true) r JOIN (VALUES " + instants + ") AS i(path, micros) ON i.path = r.filename ORDER BY i.micros, r._sheet, r._row",
                rs -> {
                    int day = rs.getInt(4);
                    boolean noDate = rs.wasNull();
                    into.accept(new VersionRow(rs.getString(1), RecordVersions.version(rs.getString(2)), rs.getString(3),
                            noDate ? RecordVersions.NO_DATE : day, java.time.Instant.EPOCH.plus(rs.getLong(5), java.time.temporal.ChronoUnit.MICROS),
                            rs.getInt(6)));
                });
    }

    /**
     * The values of the records with the given keys, every version of them in the given files, oldest first
     * ({@code parts}: file → when it became known): field name → typed value (a unit field's code), with
     * {@code record_key}. The caller picks the version it wants by its content.
     */
    public static List<java.util.Map<String, Object>> readValues(vn.inspection.pipeline.schema.RecordSchema schema,
                                                                 java.util.Map<Path, java.time.Instant> parts, java.util.Collection<String> keys) {
        return read(schema, parts, keys, false);
    }

    /** {@link #readValues}, each row with its lineage too ({@code _source_checksum}, {@code _sheet}, {@code _row}). */
    public static List<java.util.Map<String, Object>> readValuesWithLineage(vn.inspection.pipeline.schema.RecordSchema schema,
                                                                            java.util.Map<Path, java.time.Instant> parts, java.util.Collection<String> keys) {
        return read(schema, parts, keys, true);
    }

    /** Every row of the given files with its values and lineage, oldest first. */
    public static List<java.util.Map<String, Object>> readRows(vn.inspection.pipeline.schema.RecordSchema schema, java.util.Map<Path, java.time.Instant> parts) {
        return read(schema, parts, null, true);
    }

    private static List<java.util.Map<String, Object>> read(vn.inspection.pipeline.schema.RecordSchema schema, java.util.Map<Path, java.time.Instant> parts,
                                                            java.util.Collection<String> keys, boolean lineage) {
        List<java.util.Map<String, Object>> rows = new ArrayList<>();
        if (parts.isEmpty() || (keys != null && keys.isEmpty())) {
            return rows;
        }
        List<Path> files = new ArrayList<>(parts.keySet());
        String instants = files.stream().map(f -> "('" + f.toAbsolutePath().toString().replace("'", "''") + "', " + micros(parts.get(f)) + ")")
                .collect(Collectors.joining(", "));
        String where = keys == null ? "" : " WHERE r.record_key IN (" + keys.stream().filter(k -> k.matches("[0-9a-f]{32}")).map(k -> "'" + k + "'")
                .collect(Collectors.joining(", ")) + ")";
        String columns = schema.fields().stream().map(f -> "r.\"" + f.column() + "\"").collect(Collectors.joining(", "));
        query(files, "SELECT r.record_key, r._source_checksum, r._sheet, r._row, " + columns + " FROM read_parquet([" + files.stream()
                .map(f -> "'" + f.toAbsolutePath().toString().replace("'", "''") + "'").collect(Collectors.joining(",")) + "], filename = true) r JOIN (VALUES "
                + instants + ") AS i(path, micros) ON i.path = r.filename" + where + " ORDER BY i.micros, r._sheet, r._row", rs -> {
                    java.util.Map<String, Object> values = new java.util.HashMap<>();
                    values.put("record_key", rs.getString(1));
                    if (lineage) {
                        values.put("_source_checksum", rs.getString(2));
                        values.put("_sheet", rs.getString(3));
                        values.put("_row", rs.getInt(4));
                    }
                    int c = 5;
                    for (vn.inspection.pipeline.schema.FieldSpec field : schema.fields()) {
                        Object value = switch (field.type()) {
                            case DATE -> rs.getObject(c, java.time.LocalDate.class);
                            case BOOLEAN -> {
                                boolean b = rs.getBoolean(c);
                                yield rs.wasNull() ? null : b;
                            }
                            default -> rs.getString(c);
                        };
                        if (value != null) {
                            values.put(field.name(), value);
                        }
                        c++;
                    }
                    rows.add(values);
                });
        return rows;
    }

    private static long micros(java.time.Instant instant) {
        // not ChronoUnit.MICROS.between, which counts in nanoseconds and overflows past 2262 (a restart's staged rows sort last, at 9999-12-31)
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    public static List<UnitHierarchy.Unit> readUnits(List<Path> files) {
        List<UnitHierarchy.Unit> units = new ArrayList<>();
        query(files, "SELECT code, name, parent_code, level, aliases, valid_from, valid_to, successor_code FROM " + source(files)
                + " ORDER BY _source_file, _sheet, _row", rs -> units.add(new UnitHierarchy.Unit(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getObject(6, java.time.LocalDate.class), rs.getObject(7, java.time.LocalDate.class),
                rs.getString(8))));
        return units;
    }

    /**
     * Every definition of every unit in committed units files, in the order their references were ingested
     * (the manifest's), then sheet and row: what {@link UnitVersions} makes the history and the current tree of.
     */
    public static UnitVersions readUnitVersions(List<Path> files, LakeSnapshot snapshot) {
        List<UnitVersions.LakeRow> rows = new ArrayList<>();
        query(files, "SELECT code, name, parent_code, level, aliases, valid_from, valid_to, successor_code, _source_checksum, _source_file, _sheet, _row FROM "
                + source(files), rs -> rows.add(new UnitVersions.LakeRow(new UnitHierarchy.Unit(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getObject(6, java.time.LocalDate.class), rs.getObject(7, java.time.LocalDate.class),
                rs.getString(8)), rs.getString(9), rs.getString(10), rs.getString(11), rs.getInt(12))));
        return UnitVersions.fromLake(rows, snapshot);
    }

    /** The source file name and checksum a lake file's records came from (its first record's lineage), or null when it holds none. */
    public static String[] sourceOf(Path file) {
        String[][] found = new String[1][];
        query(List.of(file), "SELECT " + LakeColumns.SOURCE_FILE + ", " + LakeColumns.SOURCE_CHECKSUM + " FROM " + source(List.of(file)) + " LIMIT 1",
                rs -> found[0] = new String[] {rs.getString(1), rs.getString(2)});
        return found[0];
    }

    private static String source(List<Path> files) {
        return "read_parquet([" + files.stream().map(f -> "'" + f.toAbsolutePath().toString().replace("'", "''") + "'")
                .collect(Collectors.joining(",")) + "])";
    }

    interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(List<Path> files, String sql, RowHandler handler) {
        if (files.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                handler.accept(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the lake files " + files + ": " + e.getMessage(), e);
        }
    }

}
