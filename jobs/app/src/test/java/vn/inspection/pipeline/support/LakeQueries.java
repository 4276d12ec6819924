package vn.inspection.pipeline.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a lake back with DuckDB, the way an analyst would. */
public final class LakeQueries {
    private LakeQueries() {
    }

    /** {@code read_parquet} over every Parquet file of a record type, with the Hive partition column. */
    public static String table(Path lake, String recordType) {
        Path folder = lake.resolve(recordType);
        String glob = recordType.equals("units") ? folder + "/*.parquet" : folder + "/*/*.parquet";
        return "read_parquet('" + glob + "', hive_partitioning = " + !recordType.equals("units") + ")";
    }

    public static boolean exists(Path lake, String recordType) {
        return Files.isDirectory(lake.resolve(recordType));
    }

    public static List<Map<String, Object>> rows(String sql) {
        return rows("jdbc:duckdb:", new java.util.Properties(), sql);
    }

    /** Rows of a query on a home's warehouse (read-only): its record tables hold the current version of every record. */
    public static List<Map<String, Object>> warehouseRows(Path home, String sql) {
        java.util.Properties readOnly = new java.util.Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        return rows("jdbc:duckdb:" + home.resolve("warehouse/warehouse.duckdb"), readOnly, sql);
    }

    private static List<Map<String, Object>> rows(String url, java.util.Properties properties, String sql) {
        try (Connection connection = DriverManager.getConnection(url, properties);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    Object value = rs.getObject(c);
                    row.put(meta.getColumnLabel(c), value instanceof java.sql.Date d ? d.toLocalDate() : value);
                }
                rows.add(row);
            }
            return rows;
        } catch (Exception e) {
            throw new AssertionError("query failed: " + sql, e);
        }
    }

    public static long count(String sql) {
        return ((Number) rows(sql).get(0).values().iterator().next()).longValue();
    }
}
