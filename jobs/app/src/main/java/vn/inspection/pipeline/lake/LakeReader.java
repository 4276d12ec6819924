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
