package vn.inspection.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.Fixtures;
import vn.inspection.pipeline.support.ReportFiles;

/**
 * Units references kept by a provincial or a district commission, not only by a bloc, through the command line as a
 * user runs it. The committed fixtures are fictional:
 * <ul>
 *   <li>{@code fixtures/province/}: the units reference of "Đảng bộ tỉnh Ngàn Mây" (the province; a huyện, a thành phố
 *       thuộc tỉnh, a thị xã, a second huyện, the provincial bloc, the military and the police committees; xã, phường,
 *       thị trấn, an office and a company; cells), each level written as offices write it in the column "Cấp", and its
 *       commission's inspections register of 2013 and 2014, naming units by code, name or alias at every level;</li>
 *   <li>{@code fixtures/district/}: a quận committee's reference, which starts with the city above it ("Đảng bộ thành phố
 *       trực thuộc Trung ương"): a province has no quận, a city under the centre has.</li>
 * </ul>
 */
class PartyHierarchyTest {
    static final Path PROVINCE = Fixtures.ROOT.resolve("province");
    static final Path DISTRICT = Fixtures.ROOT.resolve("district");

    /** The province's inspections by half-year, counted from the register: organizations, members. */
    static final long ORGS_2013_H1 = 3;
    static final long MEMBERS_2013_H1 = 3;
    static final long ORGS_2014_H1 = 4;
    static final long MEMBERS_2014_H1 = 7;

    @TempDir
    static Path temp;
    static Path home;
    static JsonNode ingest;

    @BeforeAll
    static void ingestTheProvince() {
        home = temp.resolve("home");
        Cli.Result result = Cli.run("--home", home.toString(), "ingest", PROVINCE.toString(), "--format", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        ingest = result.json();
    }

    static JsonNode sql(String query) {
        Cli.Result result = Cli.run("--home", home.toString(), "sql", query, "--format", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.json();
    }

    static Map<String, long[]> compare(String... unit) {
        List<String> args = new java.util.ArrayList<>(List.of("--home", home.toString(), "compare", "2013-H1", "2014-H1", "--format", "json"));
        args.addAll(List.of(unit));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, long[]> values = new HashMap<>();
        result.json().get("metrics").forEach(m -> values.put(m.get("id").asText(), new long[] {m.at("/values/0").asLong(), m.at("/values/1").asLong()}));
        return values;
    }

    static String pdfText(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Nested
    class AProvincesReference {

        @Test
        void acceptsEveryUnitOfEveryLevel() {
            JsonNode units = ingest.get("files").findValues("sheets").stream().flatMap(s -> java.util.stream.StreamSupport.stream(s.spliterator(), false))
                    .filter(s -> "units".equals(s.path("record_type").asText())).findFirst().orElseThrow();
            assertThat(units.get("accepted").asLong()).isEqualTo(30);
            assertThat(units.get("rejected").asLong()).isZero();
            assertThat(ingest.at("/totals/inspection/accepted").asLong()).isEqualTo(17);
            assertThat(ingest.at("/totals/inspection/rejected").asLong()).isZero();
            assertThat(ingest.at("/units/level_warnings")).as("every wording is a listed level").isEmpty();
        }

        @Test
        void storesEachLevelAsItsCodeAndPlacesEachUnitByItsParent() {
            JsonNode rows = sql("SELECT level, count(*) AS n, min(depth) AS top, max(depth) AS bottom FROM units GROUP BY level ORDER BY min(depth), level");

            assertThat(rows).extracting(r -> r.get("level").asText(), r -> r.get("n").asLong(), r -> r.get("top").asInt(), r -> r.get("bottom").asInt())
                    .containsExactly(
                            tuple("PROVINCE", 1L, 0, 0),
                            tuple("DISTRICT", 7L, 1, 1),
                            tuple("BASE", 14L, 2, 2),
                            tuple("BRANCH", 8L, 3, 3));
            assertThat(sql("SELECT code, level FROM units WHERE code IN ('H02', 'H03', 'H05', 'H06', 'X0203', 'X0502', 'C020101') ORDER BY code"))
                    .extracting(r -> r.get("code").asText() + " " + r.get("level").asText())
                    .containsExactly("C020101 BRANCH", "H02 DISTRICT", "H03 DISTRICT", "H05 DISTRICT", "H06 DISTRICT", "X0203 BASE", "X0502 BASE");
        }

        @Test
        void saysHowManyUnitsWereAddedWithTheFirstCodesAndWhereTheFullListIs() throws IOException {
            assertThat(ingest.at("/units/added/count").asLong()).isEqualTo(30);
            assertThat(ingest.at("/units/added/first_codes")).extracting(JsonNode::asText).containsExactly("NM", "H01", "H02", "H03", "H04");
            Path list = Path.of(ingest.at("/units/list").asText());

            assertThat(list).isEqualTo(home.resolve("reports/unit-changes-run-1.csv"));
            assertThat(ReportFiles.csv(list)).hasSize(30).extracting(r -> r.get("code"), r -> r.get("changes"), r -> r.get("level"))
                    .contains(tuple("NM", "ADDED", "PROVINCE"), tuple("C050101", "ADDED", "BRANCH"));
            assertThat(Files.getPosixFilePermissions(list)).as("0640 or tighter")
                    .isSubsetOf(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ));
        }
    }

    @Nested
    class TheProvincesRecords {

        @Test
        void rollUpToTheProvince() {
            Map<String, long[]> province = compare("--unit", "NM");

            assertThat(province.get("inspection.orgs")).containsExactly(ORGS_2013_H1, ORGS_2014_H1);
            assertThat(province.get("inspection.members")).containsExactly(MEMBERS_2013_H1, MEMBERS_2014_H1);
            assertThat(compare().get("inspection.members")).as("all units: the province is the only root").containsExactly(MEMBERS_2013_H1, MEMBERS_2014_H1);
        }

        @Test
        void giveTheProvinceItsOwnRecordsPlusTheSumOfItsDistricts() {
            for (String metric : List.of("inspection.orgs", "inspection.members")) {
                JsonNode parts = sql("SELECT coalesce(sum(v.value), 0) AS districts, (SELECT value FROM metric_values WHERE metric_id = '" + metric
                        + "' AND period_id = '2014-H1' AND basis = 'SUCCESSOR' AND unit_code = 'NM') AS province, "
                        + "(SELECT count(*) FROM inspection WHERE unit_code = 'NM' AND subject_type = '" + (metric.endsWith("orgs") ? "ORG" : "MEMBER")
                        + "' AND start_date BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS own "
                        + "FROM metric_values v JOIN units u ON u.code = v.unit_code WHERE u.parent_code = 'NM' AND v.metric_id = '" + metric
                        + "' AND v.period_id = '2014-H1' AND v.basis = 'SUCCESSOR'");

                JsonNode row = parts.get(0);
                assertThat(row.get("province").asLong()).as(metric).isEqualTo(row.get("districts").asLong() + row.get("own").asLong());
                assertThat(row.get("own").asLong()).as(metric + ": the provincial commission's own inspections").isEqualTo(1);
            }
        }

        @Test
        void countForADistrictOnlyItsOwnUnits() {
            // H01 and the units below it: in H1 2013 its own and X0102's organizations; in H1 2014 X0101's organization,
            // its own member and C010201's (a cell of X0102)
            assertThat(compare("--unit", "H01").get("inspection.orgs")).containsExactly(2L, 1L);
            assertThat(compare("--unit", "Huyện ủy Suối Bạc").get("inspection.members")).containsExactly(0L, 2L);
        }

        @Test
        void makeAReportThatNamesTheProvinceInItsTitle() throws IOException {
            Path pdf = temp.resolve("bao-cao-tinh.pdf");
            Cli.Result report = Cli.run("--home", home.toString(), "report", "--periods", "2013-H1,2014-H1", "--out", pdf.toString());
            assertThat(report.exitCode()).as(report.err()).isZero();

            String text = pdfText(pdf);

            assertThat(text).contains("ĐẢNG BỘ TỈNH NGÀN MÂY", "Kết quả công tác kiểm tra, giám sát, thi hành kỷ luật đảng",
                    "Đảng bộ tỉnh Ngàn Mây (số liệu của mọi đơn vị)", "6 tháng đầu năm 2014 so với cùng kỳ năm 2013")
                    .doesNotContain("Khối các cơ quan Vạn Xuân");
            assertThat(text).as("the KPI row: organizations inspected, both halves and the difference")
                    .contains("Tổ chức đảng được kiểm tra " + ORGS_2013_H1 + " " + ORGS_2014_H1 + " +" + (ORGS_2014_H1 - ORGS_2013_H1));
            assertThat(text).as("the top subordinate units are the districts").contains("Đảng bộ huyện Suối Bạc");
        }

        @Test
        void makeAReportForADistrictNamedInItsTitle() throws IOException {
            Path pdf = temp.resolve("bao-cao-huyen.pdf");
            Cli.Result report = Cli.run("--home", home.toString(), "report", "--periods", "2013-H1,2014-H1", "--unit", "H01", "--out", pdf.toString());
            assertThat(report.exitCode()).as(report.err()).isZero();

            assertThat(pdfText(pdf)).contains("ĐẢNG BỘ HUYỆN SUỐI BẠC", "Đảng bộ huyện Suối Bạc (H01), gồm các đơn vị cấp dưới")
                    .doesNotContain("ĐẢNG BỘ TỈNH NGÀN MÂY");
        }
    }

    @Test
    void acceptsADistrictsReferenceThatStartsWithTheCityAboveIt(@TempDir Path other) {
        Cli.Result result = Cli.run("--home", other.resolve("home").toString(), "ingest", DISTRICT.toString(), "--format", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.json().at("/totals/units/accepted").asLong()).isEqualTo(7);
        assertThat(result.json().at("/totals/units/rejected").asLong()).isZero();

        Cli.Result units = Cli.run("--home", other.resolve("home").toString(), "sql", "SELECT code, level FROM units ORDER BY depth, code", "--format", "json");
        assertThat(units.json()).extracting(r -> r.get("code").asText() + " " + r.get("level").asText())
                .containsExactly("VL PROVINCE", "Q01 DISTRICT", "P0101 BASE", "P0102 BASE", "P0103 BASE", "C010101 BRANCH", "C010201 BRANCH");
    }

    @Nested
    class ALevelNobodyListed {
        static final String REFERENCE = "\uFEFFSTT,Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Cấp\r\n"
                + "1,T01,Đảng bộ tỉnh Thử Nghiệm,,Đảng bộ tỉnh\r\n"
                + "2,DU01,Đảng bộ Công ty Than Thử Nghiệm,T01,Đảng bộ cơ sở\r\n"
                + "3,BP01,Đảng bộ Phân xưởng Khai thác số 1,DU01,Đảng bộ bộ phận xyz\r\n"
                + "4,CB01,Chi bộ Tổ Máy 3,BP01,Chi bộ\r\n";

        Path reference(Path folder) throws IOException {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve("don-vi.csv"), REFERENCE, StandardCharsets.UTF_8);
        }

        @Test
        void isKeptAsTypedWarnedAboutAndTheUnitAccepted(@TempDir Path other) throws IOException {
            Path home = other.resolve("home");

            Cli.Result result = Cli.run("--home", home.toString(), "ingest", reference(other.resolve("in")).toString(), "--format", "json");

            assertThat(result.exitCode()).as(result.err()).isZero();
            JsonNode json = result.json();
            assertThat(json.at("/totals/units/accepted").asLong()).isEqualTo(4);
            assertThat(json.at("/totals/units/rejected").asLong()).isZero();
            assertThat(json.at("/units/level_warnings")).extracting(w -> w.get("level").asText(), w -> w.get("count").asLong(),
                    w -> w.get("first_codes").toString(), w -> w.get("files").toString())
                    .containsExactly(tuple("Đảng bộ bộ phận xyz", 1L, "[\"BP01\"]", "[\"don-vi.csv\"]"));
            JsonNode units = Cli.run("--home", home.toString(), "sql", "SELECT code, level, parent_code, depth, path FROM units ORDER BY depth",
                    "--format", "json").json();
            assertThat(units).extracting(r -> r.get("code").asText(), r -> r.get("level").asText(), r -> r.get("depth").asInt(), r -> r.get("path").asText())
                    .as("its place in the tree comes from its parent code")
                    .containsExactly(tuple("T01", "PROVINCE", 0, "T01"), tuple("DU01", "BASE", 1, "T01/DU01"),
                            tuple("BP01", "Đảng bộ bộ phận xyz", 2, "T01/DU01/BP01"), tuple("CB01", "BRANCH", 3, "T01/DU01/BP01/CB01"));
            assertThat(ReportFiles.csv(Path.of(json.at("/units/list").asText())))
                    .extracting(r -> r.get("code"), r -> r.get("level"), r -> r.get("level_recognised"))
                    .contains(tuple("BP01", "Đảng bộ bộ phận xyz", "false"), tuple("CB01", "BRANCH", "true"));
        }

        @Test
        void isWarnedAboutInTheTable(@TempDir Path other) throws IOException {
            Cli.Result result = Cli.run("--home", other.resolve("home").toString(), "ingest", reference(other.resolve("in")).toString());

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("UNITS REFERENCE\n  4 units added: T01, DU01, BP01, CB01\n")
                    .contains("  Warning: level 'Đảng bộ bộ phận xyz' (don-vi.csv) is not a level schemas/enumerations.json lists (unit_level): "
                            + "kept as typed for 1 unit (BP01)\n");
        }
    }
}
