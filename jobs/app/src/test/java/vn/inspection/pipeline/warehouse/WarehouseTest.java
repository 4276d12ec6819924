package vn.inspection.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.Fixtures;

/**
 * The DuckDB warehouse built from the fixture lake, and the commands that read it: comments on everything,
 * roll-ups and mergers, an analyst's open connection surviving a refresh, compare / sql / metrics.
 */
class WarehouseTest {
    @TempDir
    static Path shared;
    static Path home;
    static Path warehouse;

    /** Inspections of DU03 (merged into DU02 at the end of 2013) and of branch CB0101 (under DU01). */
    static final String MERGED = "Đơn vị,Số quyết định,Ngày quyết định,Đối tượng,Tên đối tượng,Loại kiểm tra\n"
            + "DU03,90-QĐ/UBKT,10/02/2013,Tổ chức đảng,Chi bộ Phòng Tổng hợp,Chấp hành\n"
            + "DU03,91-QĐ/UBKT,11/03/2013,Đảng viên,Đào Văn Quang,Chấp hành\n"
            + "CB0101,92-QĐ/UBKT,12/03/2013,Đảng viên,Mai Thị Thoa,Chấp hành\n";

    @BeforeAll
    static void buildTheWarehouse() throws IOException {
        Path inbox = Fixtures.copy(Fixtures.INGEST, shared.resolve("inbox"), "don-vi.xlsx", "kiem-tra-2014.xlsx", "don-thu-2013.csv", "loi.xlsx");
        Files.writeString(inbox.resolve("sap-nhap-2013.csv"), MERGED, StandardCharsets.UTF_8);
        home = shared.resolve("home");
        Cli.Result run = Cli.run("--home", home.toString(), "ingest", inbox.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        warehouse = home.resolve("warehouse/warehouse.duckdb");
        assertThat(run.out()).contains("Warehouse: " + warehouse);
    }

    static Connection readOnly() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + warehouse, properties);
    }

    static List<List<Object>> query(Connection connection, String sql) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    row.add(rs.getObject(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static List<List<Object>> query(String sql) throws Exception {
        try (Connection connection = readOnly()) {
            return query(connection, sql);
        }
    }

    @Nested
    class Contents {

        @Test
        void commentsEveryTableAndColumnInVietnameseAndEnglish() throws Exception {
            assertThat(query("SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal AND (comment IS NULL OR comment = '')")).isEmpty();
            assertThat(query("SELECT table_name FROM duckdb_tables() WHERE NOT internal AND comment IS NULL")).isEmpty();
            assertThat(query("SELECT count(*) FROM duckdb_columns() WHERE NOT internal")).first().satisfies(r -> assertThat((Long) r.get(0)).isGreaterThan(100));
            assertThat(query("SELECT comment FROM duckdb_columns() WHERE table_name = 'inspection' AND column_name = 'start_date'"))
                    .containsExactly(List.of("Ngày quyết định (bắt đầu) kiểm tra / Decision (start) date"));
            assertThat(query("SELECT table_name FROM duckdb_tables() WHERE NOT internal AND table_name IN ('complaint', 'discipline', 'inspection', 'supervision') ORDER BY 1"))
                    .extracting(r -> r.get(0)).containsExactly("complaint", "discipline", "inspection", "supervision");
            assertThat(query("SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'")).as("no view reads the lake's files").isEmpty();
        }

        @Test
        void showsRecordsWithTheirUnitNames() throws Exception {
            assertThat(query("SELECT unit_code, unit_name, count(*) FROM inspection WHERE year = 2013 GROUP BY ALL ORDER BY 1"))
                    .containsExactly(List.of("CB0101", "Chi bộ Vụ Tổng hợp", 1L), List.of("DU03", "Đảng ủy Tổng cục Thống kê Mẫu", 2L));
        }

        @Test
        void keepsTheUnitHierarchyAndItsMergers() throws Exception {
            assertThat(query("SELECT code, depth, path, current_code FROM units WHERE code IN ('DBK', 'DU03', 'CB0101') ORDER BY code"))
                    .containsExactly(List.of("CB0101", 2, "DBK/DU01/CB0101", "CB0101"), List.of("DBK", 0, "DBK", "DBK"),
                            List.of("DU03", 1, "DBK/DU03", "DU02"));
        }

        @Test
        void passesItsDataTests() throws Exception {
            assertThat(query("SELECT name, passed FROM data_tests ORDER BY name")).containsExactly(
                    List.of("lake_files_as_committed", true), List.of("metrics_have_labels", true), List.of("record_keys_unique", true), List.of("records_have_known_units", true),
                    List.of("records_match_manifest", true), List.of("rollups_add_up", true), List.of("values_equal_lake_counts", true));
        }

        @Test
        void holdsEveryMetricForEveryStandardPeriodAndUnit() throws Exception {
            // 19 metrics × 2 years × 19 periods × 6 units × 2 bases
            assertThat(query("SELECT count(*) FROM metric_values")).containsExactly(List.of(19L * 38 * 6 * 2));
            assertThat(query("SELECT min(period_id), max(period_id), count(DISTINCT period_id) FROM periods"))
                    .containsExactly(List.of("2013", "2014-Q4", 38L));
        }

        @Test
        void rollsUnitsUpAndCountsAMergedUnitUnderItsSuccessor() throws Exception {
            String sql = "SELECT unit_code, basis, value FROM metric_values WHERE metric_id = 'inspection.members' AND period_id = '2013' "
                    + "AND unit_code IN ('DBK', 'DU01', 'DU02', 'DU03', 'CB0101') ORDER BY basis, unit_code";
            assertThat(query(sql)).containsExactly(
                    List.of("CB0101", "RECORDED", 1L), List.of("DBK", "RECORDED", 2L), List.of("DU01", "RECORDED", 1L),
                    List.of("DU02", "RECORDED", 0L), List.of("DU03", "RECORDED", 1L),
                    List.of("CB0101", "SUCCESSOR", 1L), List.of("DBK", "SUCCESSOR", 2L), List.of("DU01", "SUCCESSOR", 1L),
                    List.of("DU02", "SUCCESSOR", 1L), List.of("DU03", "SUCCESSOR", 0L));
        }
    }

    /**
     * An analyst holds the warehouse open (read-only) while an ingest refreshes it: the analyst's queries go on
     * against the old file, and a new reader in another process sees the new data. (Within one JVM the DuckDB
     * driver hands a new connection the database instance already open, so the new reader is a separate JVM,
     * as a real analyst's client is.)
     */
    @Test
    void anAnalystsOpenConnectionSurvivesARefreshAndANewReaderSeesTheNewData(@TempDir Path temp) throws Exception {
        Path ownHome = temp.resolve("home");
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx", "kiem-tra-2014.xlsx");
        assertThat(Cli.run("--home", ownHome.toString(), "ingest", inbox.toString()).exitCode()).isZero();
        Path extra = Files.createDirectories(temp.resolve("extra"));
        Files.writeString(extra.resolve("bo-sung.csv"), "Đơn vị,Số quyết định,Ngày quyết định,Đối tượng,Tên đối tượng,Loại kiểm tra\n"
                + "DU01,95-QĐ/UBKT,05/05/2014,Đảng viên,Kha Văn Sỹ,Chấp hành\n", StandardCharsets.UTF_8);
        Path file = ownHome.resolve("warehouse/warehouse.duckdb");
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection analyst = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly)) {
            assertThat(query(analyst, "SELECT count(*) FROM inspection")).containsExactly(List.of(5L));

            Cli.Result ingest = Cli.run("--home", ownHome.toString(), "ingest", extra.toString());

            assertThat(ingest.exitCode()).as(ingest.err()).isZero();
            assertThat(query(analyst, "SELECT count(*) FROM inspection")).containsExactly(List.of(5L));
            assertThat(otherProcess(ownHome, "SELECT count(*) AS n FROM inspection")).isEqualTo("n\n6\n");
        }
        try (java.util.stream.Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("warehouse.duckdb");
        }
    }

    @Test
    void aRefreshCutShortIsRedoneByTheNextCommand(@TempDir Path temp) throws Exception {
        Path ownHome = temp.resolve("home");
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx", "kiem-tra-2014.xlsx");
        assertThat(Cli.run("--home", ownHome.toString(), "ingest", inbox.toString()).exitCode()).isZero();
        Path file = ownHome.resolve("warehouse/warehouse.duckdb");
        // as if the process died after the ingest committed its files but before the refresh swapped the warehouse in
        Files.delete(file);

        Cli.Result again = Cli.run("--home", ownHome.toString(), "ingest", inbox.toString(), "--format", "json");

        assertThat(again.json().get("files")).extracting(f -> f.get("status").asText()).containsOnly("ALREADY_INGESTED");
        assertThat(file).exists();
        java.time.Instant old = java.time.Instant.parse("2020-01-01T00:00:00Z");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(old));

        // a read command never rebuilds: it reads the last published warehouse and says it is older than the lake
        Cli.Result query = Cli.run("--home", ownHome.toString(), "sql", "SELECT count(*) AS n FROM inspection", "--format", "csv");
        assertThat(query.out().lines().toList()).containsExactly("n", "5");
        assertThat(query.err()).contains("the warehouse is older than the lake's last ingested file").contains("pipeline refresh");
        assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(old);

        // the next write command heals it
        assertThat(Cli.run("--home", ownHome.toString(), "ingest", inbox.toString()).exitCode()).isZero();
        assertThat(Files.getLastModifiedTime(file).toInstant()).isAfter(java.time.Instant.parse("2021-01-01T00:00:00Z"));
    }

    /** {@code pipeline sql QUERY --format csv} in a separate JVM. */
    static String otherProcess(Path home, String sql) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Dpipeline.pseudonym-key=" + Cli.TEST_KEY,
                vn.inspection.pipeline.cli.PipelineCli.class.getName(), "--home", home.toString(), "sql", sql, "--format", "csv")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        return out.replace("\r\n", "\n");
    }

    @Nested
    class CompareCommand {

        @Test
        void comparesAPeriodWithTheSamePeriodOfThePreviousYear() {
            Cli.Result result = Cli.run("--home", home.toString(), "compare", "2014", "--previous-year", "--format", "json");

            assertThat(result.exitCode()).as(result.err()).isZero();
            JsonNode json = result.json();
            assertThat(json.get("periods")).extracting(p -> p.get("id").asText(), p -> p.get("label").asText(), p -> p.get("from").asText(), p -> p.get("to").asText())
                    .containsExactly(tuple("2013", "Năm 2013", "2013-01-01", "2013-12-31"), tuple("2014", "Năm 2014", "2014-01-01", "2014-12-31"));
            assertThat(json.get("unit").isNull()).isTrue();
            assertThat(json.get("engine").asText()).isEqualTo("duckdb");
            assertThat(json.get("metrics")).hasSize(19);
            JsonNode members = json.at("/metrics/1");
            assertThat(members.get("id").asText()).isEqualTo("inspection.members");
            assertThat(members.get("label").asText()).isEqualTo("Đảng viên được kiểm tra");
            assertThat(members.get("values")).extracting(JsonNode::asLong).containsExactly(2L, 4L);
            assertThat(members.get("delta").asLong()).isEqualTo(2);
            assertThat(members.get("change_pct").asDouble()).isEqualTo(100.0);
            JsonNode signsOrgs = json.at("/metrics/2");
            assertThat(signsOrgs.get("values")).extracting(JsonNode::asLong).containsExactly(0L, 0L);
            assertThat(signsOrgs.get("change_pct").isNull()).isTrue();
        }

        @Test
        void comparesOneUnitWithTheUnitsBelowIt() {
            Cli.Result result = Cli.run("--home", home.toString(), "compare", "2013", "2014", "--unit", "DU01", "--format", "json");

            assertThat(result.json().get("unit").toString()).isEqualTo("{\"code\":\"DU01\",\"name\":\"Đảng ủy Bộ Công Thương Mẫu\"}");
            assertThat(result.json().at("/metrics/1/values")).extracting(JsonNode::asLong).containsExactly(1L, 1L);
        }

        @Test
        void countsAMergedUnitAsRecordedWhenAsked() {
            Cli.Result successor = Cli.run("--home", home.toString(), "compare", "2013", "2014", "--unit", "DU02", "--format", "json");
            Cli.Result recorded = Cli.run("--home", home.toString(), "compare", "2013", "2014", "--unit", "DU02", "--format", "json", "--as-recorded");

            assertThat(successor.json().at("/metrics/0/values/0").asLong()).isEqualTo(1);
            assertThat(recorded.json().at("/metrics/0/values/0").asLong()).isZero();
        }

        @Test
        void printsATableInVietnameseNumberFormat() {
            Cli.Result result = Cli.run("--home", home.toString(), "compare", "2013", "2014");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).startsWith("So sánh Năm 2014 với Năm 2013 — toàn bộ các đơn vị (duckdb)")
                    .containsPattern("Đảng viên được kiểm tra\\s+2\\s+4\\s+\\+2\\s+\\+100,0%")
                    .containsPattern("Đơn thư nhận được\\s+3\\s+1\\s+\u22122\\s+\u221266,7%");
        }

        @Test
        void writesCsv() {
            Cli.Result result = Cli.run("--home", home.toString(), "compare", "2013", "2014", "--format", "csv", "--lang", "en");

            assertThat(result.out().lines().toList()).startsWith("metric_id,label,2013,2014,delta,change_pct",
                    "inspection.orgs,Party organizations inspected,1,2,1,100.0");
            // spreadsheet-safe (no cell starts a formula), yet a fall stays a negative number, not a quoted text
            assertThat(result.out()).containsPattern(",-2,-66\\.7\\d*\\r?\\n").doesNotContain("'-");
        }

        @Test
        void explainsABadPeriodAndAnUnknownUnit() {
            Cli.Result badPeriod = Cli.run("--home", home.toString(), "compare", "2014-H3", "2014-H1");
            Cli.Result unknownUnit = Cli.run("--home", home.toString(), "compare", "2013", "2014", "--unit", "XX9");

            assertThat(badPeriod.exitCode()).isEqualTo(2);
            assertThat(badPeriod.err()).contains("Cannot parse period '2014-H3': half must be 1 or 2");
            assertThat(unknownUnit.exitCode()).isEqualTo(1);
            assertThat(unknownUnit.err()).contains("unknown unit 'XX9'");
        }
    }

    @Nested
    class SqlAndMetricsCommands {

        @Test
        void runsAReadOnlyQuery() {
            Cli.Result csv = Cli.run("--home", home.toString(), "sql", "SELECT code, depth FROM units WHERE depth = 0", "--format", "csv");
            Cli.Result json = Cli.run("--home", home.toString(), "sql", "SELECT code FROM units ORDER BY code LIMIT 2", "--format", "json");
            Cli.Result write = Cli.run("--home", home.toString(), "sql", "CREATE TABLE x (a INTEGER)");

            assertThat(csv.out().lines().toList()).containsExactly("code,depth", "DBK,0");
            assertThat(json.json().toString()).isEqualTo("[{\"code\":\"CB0101\"},{\"code\":\"CB0201\"}]");
            assertThat(write.exitCode()).isEqualTo(1);
            assertThat(write.err()).contains("read-only");
        }

        @Test
        void runsAPipedScriptAndKeepsNoHistoryInTheHome() {
            InputStream stdin = System.in;
            try {
                System.setIn(new ByteArrayInputStream("SELECT count(*) AS n\nFROM units;\n.quit\n".getBytes(StandardCharsets.UTF_8)));
                Cli.Result result = Cli.run("--home", home.toString(), "sql");
                assertThat(result.exitCode()).as(result.err()).isZero();
                assertThat(result.out()).containsPattern("n\\s*\\n-+\\n6\\s*\\n\\(1 row\\)");
            } finally {
                System.setIn(stdin);
            }
            assertThat(home.resolve(".sql_history")).doesNotExist();
        }

        @Test
        void listsTheCatalog() {
            Cli.Result result = Cli.run("--home", home.toString(), "metrics", "--format", "json");

            assertThat(result.json()).hasSize(19);
            assertThat(result.json().get(18).toString()).isEqualTo("{\"id\":\"complaint.resolved\",\"label_vi\":\"Đơn thư đã giải quyết\","
                    + "\"label_en\":\"Letters resolved\",\"record_type\":\"complaint\",\"filter\":{\"status\":[\"RESOLVED\"]},\"date\":\"resolved_date\",\"counts\":\"records\"}");
        }
    }
}
