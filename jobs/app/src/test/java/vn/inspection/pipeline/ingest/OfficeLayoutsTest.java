package vn.inspection.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.inspection.pipeline.ingest.OfficeLayoutFixtures.Discipline;
import vn.inspection.pipeline.ingest.OfficeLayoutFixtures.Inspection;
import vn.inspection.pipeline.ingest.OfficeLayoutFixtures.Supervision;
import vn.inspection.pipeline.record.Pseudonymiser;
import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.Fixtures;
import vn.inspection.pipeline.support.LakeQueries;
import vn.inspection.pipeline.support.ReportFiles;

/**
 * Registers laid out as offices keep them (the committed corpus in {@code fixtures/office-layouts/}, made by
 * {@link OfficeLayoutFixtures}): units written once in merged cells or in heading rows, subject types in
 * heading rows, decision numbers that restart every year, converter-style TCVN3 capitals. Every record is
 * accepted, the lake holds exactly the fixture's records value by value, and every metric equals a count made
 * from them.
 */
class OfficeLayoutsTest {
    static final Path LAYOUTS = Fixtures.ROOT.resolve("office-layouts");
    static final Pseudonymiser PSEUDONYMS = new Pseudonymiser(Cli.TEST_KEY.getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path temp;
    static Path home;
    static Path lake;
    static JsonNode run;

    @BeforeAll
    static void ingestTheLayouts() {
        home = temp.resolve("home");
        lake = home.resolve("lake");
        Cli.Result result = Cli.run("--home", home.toString(), "ingest", LAYOUTS.toString(), "--format", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        run = result.json();
    }

    static String subject(String subjectType, String subject) {
        return subjectType.equals("MEMBER") ? PSEUDONYMS.pseudonym(subject) : subject;
    }

    static Map<String, Long> sheets() {
        Map<String, Long> accepted = new HashMap<>();
        run.at("/files").forEach(f -> f.get("sheets").forEach(s -> {
            assertThat(s.get("rejected").asLong()).as(f.get("path").asText() + " / " + s.get("sheet").asText() + " rejected").isZero();
            assertThat(s.get("duplicates").asLong()).as(f.get("path").asText() + " / " + s.get("sheet").asText() + " duplicates").isZero();
            accepted.merge(Path.of(f.get("path").asText()).getFileName().toString(), s.get("accepted").asLong(), Long::sum);
        }));
        return accepted;
    }

    @Test
    void acceptsEveryRecordOfEveryLayoutAndRejectsNone() {
        Map<String, Long> accepted = sheets();

        assertThat(accepted).containsEntry("don-vi.xlsx", 6L)
                .containsEntry(OfficeLayoutFixtures.L1, count(i -> i.file().equals(OfficeLayoutFixtures.L1)))
                .containsEntry("l2-giam-sat-don-vi-gop-o.xls", (long) OfficeLayoutFixtures.SUPERVISIONS.size())
                .containsEntry(OfficeLayoutFixtures.L3, count(i -> i.file().equals(OfficeLayoutFixtures.L3)))
                .containsEntry(OfficeLayoutFixtures.L4, count(i -> i.file().equals(OfficeLayoutFixtures.L4)) + OfficeLayoutFixtures.DISCIPLINES.size())
                .containsEntry(OfficeLayoutFixtures.L5, count(i -> i.file().equals(OfficeLayoutFixtures.L5)));
        assertThat(run.at("/files")).allSatisfy(f -> assertThat(f.get("status").asText()).isEqualTo("INGESTED"));
    }

    static long count(Predicate<Inspection> which) {
        return OfficeLayoutFixtures.INSPECTIONS.stream().filter(which).count();
    }

    @Test
    void storesEveryInspectionValueByValueWhateverTheLayout() {
        List<Map<String, Object>> rows = LakeQueries.rows("SELECT _source_file, unit_code, decision_no, start_date, body, subject_type, subject, type, violation FROM "
                + LakeQueries.table(lake, "inspection") + " ORDER BY _source_file, _sheet, _row");

        assertThat(rows).extracting(r -> r.get("_source_file"), r -> r.get("unit_code"), r -> r.get("decision_no"), r -> r.get("start_date"),
                        r -> r.get("body"), r -> r.get("subject_type"), r -> r.get("subject"), r -> r.get("type"), r -> r.get("violation"))
                .containsExactlyElementsOf(OfficeLayoutFixtures.INSPECTIONS.stream().map(i -> tuple(i.file(), i.unitCode(), i.decisionNo(),
                        i.start(), i.body(), i.subjectType(), subject(i.subjectType(), i.subject()), i.type(), i.violation())).toList());
    }

    @Test
    void givesEveryRowUnderAMergedUnitCellItsUnitInXlsxAndXls() {
        assertThat(LakeQueries.rows("SELECT unit_code, count(*) AS n FROM " + LakeQueries.table(lake, "inspection")
                + " WHERE _source_file = '" + OfficeLayoutFixtures.L1 + "' GROUP BY unit_code ORDER BY unit_code"))
                .extracting(r -> r.get("unit_code"), r -> ((Number) r.get("n")).intValue())
                .containsExactly(tuple("DV01", 3), tuple("DV02", 2), tuple("DV03", 2));

        List<Map<String, Object>> rows = LakeQueries.rows("SELECT unit_code, plan_no, start_date, subject_type, subject, mode FROM "
                + LakeQueries.table(lake, "supervision") + " ORDER BY _row");
        assertThat(rows).extracting(r -> r.get("unit_code"), r -> r.get("plan_no"), r -> r.get("start_date"), r -> r.get("subject_type"),
                        r -> r.get("subject"), r -> r.get("mode"))
                .containsExactlyElementsOf(OfficeLayoutFixtures.SUPERVISIONS.stream().map(s -> tuple(s.unitCode(), s.planNo(), s.start(),
                        s.subjectType(), subject(s.subjectType(), s.subject()), s.mode())).toList());
    }

    @Test
    void keepsTheSameDecisionNumberOfTwoYearsAsTwoRecords() {
        List<Map<String, Object>> rows = LakeQueries.rows("SELECT unit_code, decision_no, decision_date, subject, form FROM "
                + LakeQueries.table(lake, "discipline") + " ORDER BY _row");

        assertThat(rows).extracting(r -> r.get("unit_code"), r -> r.get("decision_no"), r -> r.get("decision_date"), r -> r.get("subject"), r -> r.get("form"))
                .containsExactlyElementsOf(OfficeLayoutFixtures.DISCIPLINES.stream().map(d -> tuple(d.unitCode(), d.decisionNo(), d.date(),
                        subject(d.subjectType(), d.subject()), d.form())).toList());
        assertThat(LakeQueries.count("SELECT count(DISTINCT record_key) FROM " + LakeQueries.table(lake, "inspection")
                + " WHERE decision_no = '05-QĐ/UBKT' AND unit_code = 'DV01'")).isEqualTo(2);
    }

    @Test
    void everyMetricEqualsACountOfTheFixturesOwnRecords() {
        JsonNode compare = Cli.run("--home", home.toString(), "compare", "2013", "2014", "--format", "json").json();
        Map<String, long[]> values = new HashMap<>();
        compare.get("metrics").forEach(m -> values.put(m.get("id").asText(), new long[] {m.at("/values/0").asLong(), m.at("/values/1").asLong()}));

        for (int year : new int[] {2013, 2014}) {
            int y = year;
            int at = year - 2013;
            List<Inspection> ins = OfficeLayoutFixtures.INSPECTIONS.stream().filter(i -> i.start().getYear() == y).toList();
            List<Supervision> sup = OfficeLayoutFixtures.SUPERVISIONS.stream().filter(s -> s.start().getYear() == y).toList();
            List<Discipline> disc = OfficeLayoutFixtures.DISCIPLINES.stream().filter(d -> d.date().getYear() == y).toList();
            assertThat(values.get("inspection.orgs")[at]).as("inspection.orgs " + y).isEqualTo(ins.stream().filter(i -> i.subjectType().equals("ORG")).count());
            assertThat(values.get("inspection.members")[at]).as("inspection.members " + y).isEqualTo(ins.stream().filter(i -> i.subjectType().equals("MEMBER")).count());
            assertThat(values.get("inspection.signs.members")[at]).as("inspection.signs.members " + y)
                    .isEqualTo(ins.stream().filter(i -> i.subjectType().equals("MEMBER") && i.type().equals("SIGNS_OF_VIOLATION")).count());
            assertThat(values.get("inspection.violations")[at]).as("inspection.violations " + y).isEqualTo(ins.stream().filter(Inspection::violation).count());
            assertThat(values.get("supervision.orgs")[at]).as("supervision.orgs " + y).isEqualTo(sup.stream().filter(s -> s.subjectType().equals("ORG")).count());
            assertThat(values.get("supervision.members")[at]).as("supervision.members " + y).isEqualTo(sup.stream().filter(s -> s.subjectType().equals("MEMBER")).count());
            assertThat(values.get("supervision.thematic")[at]).as("supervision.thematic " + y).isEqualTo(sup.stream().filter(s -> s.mode().equals("THEMATIC")).count());
            assertThat(values.get("discipline.members")[at]).as("discipline.members " + y).isEqualTo(disc.size());
            assertThat(values.get("discipline.members.reprimand")[at]).as("discipline.members.reprimand " + y)
                    .isEqualTo(disc.stream().filter(d -> d.form().equals("REPRIMAND")).count());
        }
    }

    @Test
    void rollsTheUnitsOfHeadingsAndMergedCellsUpTheirCommittee() {
        JsonNode compare = Cli.run("--home", home.toString(), "compare", "2014", "--previous-year", "--unit", "DV03", "--format", "json").json();
        Map<String, Long> in2014 = new HashMap<>();
        compare.get("metrics").forEach(m -> in2014.put(m.get("id").asText(), m.at("/values/1").asLong()));
        // DV03 and the branch CB0301 below it, named "Cấp nước" (alias), "III. Cấp nước" (heading) and in TCVN3
        List<String> dv03 = List.of("DV03", "CB0301");
        List<Inspection> ins = OfficeLayoutFixtures.INSPECTIONS.stream().filter(i -> dv03.contains(i.unitCode()) && i.start().getYear() == 2014).toList();

        assertThat(in2014.get("inspection.orgs")).isEqualTo(ins.stream().filter(i -> i.subjectType().equals("ORG")).count());
        assertThat(in2014.get("inspection.members")).isEqualTo(ins.stream().filter(i -> i.subjectType().equals("MEMBER")).count());
    }

    @Test
    void aUnitsReferenceSentAgainRenamesMovesAndMergesFromItsDatesKeepsTheHistoryAndRollsUpTheCurrentTree(@TempDir Path other) throws java.io.IOException {
        Path again = other.resolve("home");
        assertThat(Cli.run("--home", again.toString(), "ingest", LAYOUTS.toString()).exitCode()).isZero();

        Cli.Result resent = Cli.run("--home", again.toString(), "ingest", Fixtures.ROOT.resolve("office-layouts-later").toString(), "--format", "json");

        assertThat(resent.exitCode()).as(resent.err()).isZero();
        JsonNode json = resent.json();
        assertThat(json.at("/files/0/sheets/0/accepted").asLong()).as("the three changed rows are new versions").isEqualTo(3);
        assertThat(json.at("/files/0/sheets/0/duplicates").asLong()).as("the unchanged rows are the same definitions").isEqualTo(3);
        assertThat(List.of("added", "renamed", "moved", "merged", "changed")).extracting(kind -> json.at("/units/" + kind + "/count").asLong() + " "
                + json.at("/units/" + kind + "/first_codes"))
                .containsExactly("0 []", "1 [\"DV02\"]", "1 [\"CB0301\"]", "1 [\"DV03\"]", "0 []");
        assertThat(ReportFiles.csv(Path.of(json.at("/units/list").asText())))
                .extracting(c -> c.get("code"), c -> c.get("changes"), c -> c.get("effective_from"), c -> c.get("description"))
                .containsExactly(
                        tuple("DV02", "RENAMED", "2015-01-01", "renamed 'Đảng bộ Bưu điện tỉnh' → 'Đảng bộ Tổng công ty Bưu điện' (from 2015-01-01)"),
                        tuple("DV03", "MERGED", "2015-01-01", "merged into DV01 (from 2015-01-01)"),
                        tuple("CB0301", "MOVED", "2015-01-01", "moved DV03 → DV02 (from 2015-01-01)"));

        Cli.Result table = Cli.run("--home", again.toString(), "ingest", Fixtures.ROOT.resolve("office-layouts-later").toString());
        assertThat(table.out()).as("already ingested: nothing changes again").doesNotContain("UNITS REFERENCE");

        JsonNode history = Cli.run("--home", again.toString(), "sql", "SELECT code, version, name, parent_code, valid_from, valid_to, changes "
                + "FROM unit_history WHERE code IN ('DV02', 'DV03', 'CB0301') ORDER BY code, version", "--format", "json").json();
        assertThat(history).extracting(r -> r.get("code").asText() + " v" + r.get("version").asInt() + " " + r.get("name").asText() + " "
                        + r.get("parent_code").asText() + " " + r.get("valid_from").asText() + ".." + r.get("valid_to").asText() + " " + r.get("changes").asText())
                .containsExactly(
                        "CB0301 v1 Chi bộ Ấp Bắc DV03 null..2014-12-31 ADDED",
                        "CB0301 v2 Chi bộ Ấp Bắc DV02 2015-01-01..null MOVED",
                        "DV02 v1 Đảng bộ Bưu điện tỉnh KHOI null..2014-12-31 ADDED",
                        "DV02 v2 Đảng bộ Tổng công ty Bưu điện KHOI 2015-01-01..null RENAMED",
                        "DV03 v1 Đảng bộ Công ty Cấp nước KHOI null..2014-12-31 ADDED",
                        "DV03 v2 Đảng bộ Công ty Cấp nước KHOI 2015-01-01..null MERGED");

        JsonNode units = Cli.run("--home", again.toString(), "sql", "SELECT code, name, parent_code, current_code, path FROM units "
                + "WHERE code IN ('DV02', 'DV03', 'CB0301') ORDER BY code", "--format", "json").json();
        assertThat(units).extracting(r -> r.get("code").asText() + " " + r.get("name").asText() + " " + r.get("current_code").asText() + " " + r.get("path").asText())
                .containsExactly("CB0301 Chi bộ Ấp Bắc CB0301 KHOI/DV02/CB0301",
                        "DV02 Đảng bộ Tổng công ty Bưu điện DV02 KHOI/DV02",
                        "DV03 Đảng bộ Công ty Cấp nước DV01 KHOI/DV03");

        // roll-ups follow the current tree: CB0301's records count under DV02 now, DV03's under its successor DV01
        Map<String, Long> dv02 = values(again, "DV02");
        Map<String, Long> dv01 = values(again, "DV01");
        List<Inspection> in2014 = OfficeLayoutFixtures.INSPECTIONS.stream().filter(i -> i.start().getYear() == 2014).toList();
        assertThat(dv02.get("inspection.orgs")).isEqualTo(in2014.stream().filter(i -> List.of("DV02", "CB0301").contains(i.unitCode())
                && i.subjectType().equals("ORG")).count());
        assertThat(dv01.get("inspection.members")).isEqualTo(in2014.stream().filter(i -> List.of("DV01", "DV03").contains(i.unitCode())
                && i.subjectType().equals("MEMBER")).count());
    }

    static Map<String, Long> values(Path home, String unit) {
        JsonNode compare = Cli.run("--home", home.toString(), "compare", "2014", "--previous-year", "--unit", unit, "--format", "json").json();
        Map<String, Long> in2014 = new HashMap<>();
        compare.get("metrics").forEach(m -> in2014.put(m.get("id").asText(), m.at("/values/1").asLong()));
        return in2014;
    }
}
