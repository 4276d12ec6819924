package vn.inspection.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.inspection.pipeline.record.Pseudonymiser;
import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.Fixtures;
import vn.inspection.pipeline.support.LakeQueries;

/**
 * No member name anywhere under {@code lake/} or {@code warehouse/}: names planted in accepted and rejected rows are
 * searched for in every file's bytes, in every Parquet column and in every text column of the warehouse. The
 * rejected rows kept for the clerk live in {@code reports/} only, readable by their owner; with
 * {@code pipeline.rejects.redact=true} they hold pseudonyms instead of members' names.
 */
class PersonalDataTest {
    static final String ACCEPTED_MEMBER = "Hoàng Thị Bí Mật";
    static final String REJECTED_MEMBER = "Lương Văn Kín Đáo";
    static final String NO_SUBJECT_TYPE = "Trịnh Thị Ẩn Danh";
    static final String UNKNOWN_SUBJECT_TYPE = "Phí Văn Giấu Tên";
    static final List<String> NAMES = List.of(ACCEPTED_MEMBER, REJECTED_MEMBER, NO_SUBJECT_TYPE, UNKNOWN_SUBJECT_TYPE);
    static final String ORGANIZATION = "Chi bộ Phòng Lưu Trữ";

    static final String REGISTER = "Đơn vị,Số quyết định,Ngày quyết định,Đối tượng,Tên đối tượng,Loại kiểm tra\n"
            + "DU01,93-QĐ/UBKT,12/03/2014,Đảng viên," + ACCEPTED_MEMBER + ",Chấp hành\n"
            + "DU01,94-QĐ/UBKT,31/02/2014,Đảng viên," + REJECTED_MEMBER + ",Chấp hành\n"
            + "DU01,95-QĐ/UBKT,12/03/2014,," + NO_SUBJECT_TYPE + ",Chấp hành\n"
            + "DU01,96-QĐ/UBKT,12/03/2014,Quần chúng," + UNKNOWN_SUBJECT_TYPE + ",Chấp hành\n"
            + "DU01,97-QĐ/UBKT,31/02/2014,Tổ chức đảng," + ORGANIZATION + ",Chấp hành\n";

    @TempDir
    Path temp;

    Path ingest(Path home) throws IOException {
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx");
        Files.writeString(inbox.resolve("kiem-tra-co-ten.csv"), REGISTER, StandardCharsets.UTF_8);
        Cli.Result run = Cli.run("--home", home.toString(), "ingest", inbox.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().at("/totals/inspection/accepted").asLong()).isEqualTo(1);
        assertThat(run.json().at("/totals/inspection/rejected").asLong()).isEqualTo(4);
        return Path.of(run.json().get("rejects_report").asText());
    }

    @Test
    void leavesNoMemberNameAnywhereInTheLakeOrTheWarehouse() throws Exception {
        Path home = temp.resolve("home");
        ingest(home);

        for (Path file : files(home.resolve("lake"))) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            assertThat(NAMES).as(file.toString()).noneMatch(bytes::contains);
        }
        for (Path part : files(home.resolve("lake")).stream().filter(p -> p.toString().endsWith(".parquet")).toList()) {
            for (String name : NAMES) {
                // every column of every record, as text (a row cast to VARCHAR)
                assertThat(LakeQueries.count("SELECT count(*) FROM read_parquet('" + part + "') r WHERE CAST(r AS VARCHAR) LIKE '%" + name + "%'"))
                        .as(part + " holds " + name).isZero();
            }
            if (part.toString().contains("/inspection/")) {
                assertThat(LakeQueries.count("SELECT count(*) FROM read_parquet('" + part + "') r WHERE CAST(r AS VARCHAR) LIKE '%DV-%'"))
                        .as("the search finds what is there: the accepted member's pseudonym").isEqualTo(1);
            }
        }
        assertThat(home.resolve("lake/_rejects")).doesNotExist();
        assertThat(warehouseTextContaining(home.resolve("warehouse/warehouse.duckdb"), NAMES)).isEmpty();
        assertThat(warehouseTextContaining(home.resolve("warehouse/warehouse.duckdb"), List.of(ORGANIZATION.substring(0, 6))))
                .as("the search finds text that is there").isNotEmpty();
        for (Path file : files(home.resolve("warehouse"))) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            assertThat(NAMES).as(file.toString()).noneMatch(bytes::contains);
        }
    }

    @Test
    void keepsRejectedRowsWithNamesForTheClerkInReportsReadableByTheOwnerOnly() throws Exception {
        Path home = temp.resolve("home");
        Path report = ingest(home);

        assertThat(report.getParent()).isEqualTo(home.resolve("reports"));
        assertThat(Files.readString(report)).contains(REJECTED_MEMBER, NO_SUBJECT_TYPE, UNKNOWN_SUBJECT_TYPE, ORGANIZATION);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-------");
        Path perFile = home.resolve("reports/rejects");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(perFile))).isEqualTo("rwx------");
        List<Path> rejects = files(perFile);
        assertThat(rejects).hasSize(1).allSatisfy(f -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------"));
        assertThat(Files.readString(rejects.get(0))).contains(REJECTED_MEMBER);
    }

    @Test
    void redactsMembersNamesInTheRejectsWhenAskedAndKeepsOrganizationsNames() throws Exception {
        Path home = temp.resolve("home");
        Path report;
        System.setProperty("pipeline.rejects.redact", "true");
        try {
            report = ingest(home);
        } finally {
            System.clearProperty("pipeline.rejects.redact");
        }

        String text = Files.readString(report);
        Pseudonymiser pseudonymiser = new Pseudonymiser(Cli.TEST_KEY.getBytes(StandardCharsets.UTF_8));
        assertThat(NAMES).noneMatch(text::contains);
        assertThat(text).contains("Tên đối tượng: " + pseudonymiser.pseudonym(REJECTED_MEMBER))
                .contains("Tên đối tượng: " + pseudonymiser.pseudonym(NO_SUBJECT_TYPE))
                .contains("Tên đối tượng: " + pseudonymiser.pseudonym(UNKNOWN_SUBJECT_TYPE))
                .contains("Tên đối tượng: " + ORGANIZATION)
                .contains("31/02/2014"); // the rest of the row as the clerk typed it
        for (Path file : files(home.resolve("reports"))) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            assertThat(NAMES).as(file.toString()).noneMatch(bytes::contains);
        }
    }

    @Test
    void movesTheRejectsAnOlderVersionKeptInTheLakeIntoReports() throws Exception {
        Path home = temp.resolve("home");
        Path old = Files.createDirectories(home.resolve("lake/_rejects")).resolve("0123abcd.csv");
        Files.writeString(old, "kiem-tra.xlsx,Sheet1,5,inspection,start_date,bad date,Tên đối tượng: " + REJECTED_MEMBER + "\n");

        ingest(home);

        assertThat(home.resolve("lake/_rejects")).doesNotExist();
        Path moved = home.resolve("reports/rejects/0123abcd.csv");
        assertThat(moved).content().contains(REJECTED_MEMBER);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(moved))).isEqualTo("rw-------");
    }

    /** Every table and column of the warehouse whose text holds one of the strings. */
    static List<String> warehouseTextContaining(Path warehouse, List<String> texts) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        List<String> found = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + warehouse, readOnly);
             Statement statement = connection.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal AND data_type = 'VARCHAR'")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            assertThat(columns).hasSizeGreaterThan(30);
            for (String[] column : columns) {
                for (String text : texts) {
                    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM \"" + column[0] + "\" WHERE \"" + column[1] + "\" LIKE '%"
                            + text.replace("'", "''") + "%'")) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.add(column[0] + "." + column[1] + " holds " + text);
                        }
                    }
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT comment FROM duckdb_columns() UNION ALL SELECT comment FROM duckdb_tables()")) {
                while (rs.next()) {
                    String comment = rs.getString(1);
                    texts.stream().filter(t -> comment != null && comment.contains(t)).forEach(t -> found.add("a comment holds " + t));
                }
            }
        }
        return found;
    }

    static List<Path> files(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
