package vn.inspection.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.Fixtures;

/**
 * A refresh carries the record tables of the last warehouse and applies what the lake committed or replaced since,
 * instead of reading every Parquet file again: the warehouse it makes equals, table by table and row by row, one
 * built from nothing.
 */
class WarehouseRefreshTest {
    @TempDir
    Path temp;

    @Test
    void aCarriedWarehouseEqualsOneBuiltFromNothing() throws Exception {
        Path home = temp.resolve("home");
        Path first = Fixtures.copy(Fixtures.INGEST, temp.resolve("first"), "don-vi.xlsx", "kiem-tra-2014.xlsx");
        Path second = Fixtures.copy(Fixtures.INGEST, temp.resolve("second"), "don-thu-2013.csv", "kiem-tra-2014-bo-sung.csv");
        assertThat(Cli.run("--home", home.toString(), "ingest", first.toString()).exitCode()).isZero();
        assertThat(Cli.run("--home", home.toString(), "ingest", second.toString()).exitCode()).isZero(); // new files added
        Cli.Result force = Cli.run("--home", home.toString(), "ingest", "--force", first.resolve("kiem-tra-2014.xlsx").toString());
        assertThat(force.exitCode()).as(force.err()).isZero(); // a file replaced: its old records deleted, its new ones added
        Path file = home.resolve("warehouse/warehouse.duckdb");
        Map<String, List<String>> carried = contents(file);
        assertThat(Files.readString(home.resolve("logs/pipeline.log"))).containsPattern("record tables \\(carried\\) \\d+ ms");

        Files.delete(file);
        Cli.Result refresh = Cli.run("--home", home.toString(), "refresh");

        assertThat(refresh.exitCode()).as(refresh.err()).isZero();
        Map<String, List<String>> built = contents(file);
        assertThat(built.keySet()).contains("inspection", "complaint", "units", "metric_values", "lake_files", "data_tests");
        assertThat(built.get("inspection")).isNotEmpty();
        assertThat(carried).isEqualTo(built);
    }

    @Test
    void buildsInFullWhenTheLastWarehouseIsOfAnotherLayout() throws Exception {
        Path home = temp.resolve("home");
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx", "kiem-tra-2014.xlsx");
        assertThat(Cli.run("--home", home.toString(), "ingest", inbox.toString()).exitCode()).isZero();
        Path file = home.resolve("warehouse/warehouse.duckdb");
        Map<String, List<String>> before = contents(file);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE inspection_versions DROP COLUMN _row"); // as if written by an older version
        }

        Cli.Result refresh = Cli.run("--home", home.toString(), "refresh");

        assertThat(refresh.exitCode()).as(refresh.err()).isZero();
        assertThat(Files.readString(home.resolve("logs/pipeline.log"))).contains("warehouse rebuilt in full: the columns of inspection_versions changed");
        assertThat(contents(file)).isEqualTo(before);
    }

    /** Every table's rows, sorted, as text. */
    static Map<String, List<String>> contents(Path file) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly); Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT table_name FROM duckdb_tables() WHERE NOT internal ORDER BY 1")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT * FROM \"" + name + "\" ORDER BY ALL")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            row.append(rs.getMetaData().getColumnLabel(c)).append('=').append(rs.getString(c)).append(' ');
                        }
                        rows.add(row.toString());
                    }
                }
                tables.put(name, rows);
            }
        }
        return tables;
    }
}
