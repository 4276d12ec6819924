package vn.inspection.pipeline.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.LakeQueries;

/**
 * Ingests the committed {@code data-samples/} with the command line, as a new user does, and checks the lake
 * against seed 004 (first half of 2014) by counting it with DuckDB, independently of any metric engine; then
 * against every count {@link SampleData} planted, the planted bad rows, the re-sent copy, the supplement's
 * repeated rows, the units reference and the consistency of the figures.
 */
class SampleDataTest {
    static final Path SAMPLES = Path.of("../../data-samples");
    static final String H1_2014 = "DATE '2014-01-01' AND DATE '2014-06-30'";
    static final String H1_2013 = "DATE '2013-01-01' AND DATE '2013-06-30'";

    /** The register typed in TCVN3 (.VnTime), header included: the 2013 disciplines. */
    static final String TCVN3_REGISTER = "ky-luat-2013-vntime.xlsx";

    @TempDir
    static Path temp;
    static Path home;
    static Path lake;
    static Cli.Result run;
    static JsonNode json;
    static SampleData.Plan plan;

    @BeforeAll
    static void ingestTheSamples() {
        assertThat(SAMPLES.resolve("don-vi.xlsx")).as("run from jobs/app, beside ../../data-samples").exists();
        plan = SampleData.plan(UnaryOperator.identity());
        home = temp.resolve("home");
        lake = home.resolve("lake");
        run = Cli.run("--home", home.toString(), "ingest", SAMPLES.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        json = run.json();
    }

    static long count(String recordType, String where) {
        return LakeQueries.count("SELECT count(*) FROM " + LakeQueries.table(lake, recordType) + " WHERE " + where);
    }

    // ------------------------------------------------------------------ seed 004

    @Test
    void reproducesTheFiguresOfSeed004ForTheFirstHalfOf2014() {
        String inH1 = "start_date BETWEEN " + H1_2014;
        assertThat(count("inspection", "subject_type = 'ORG' AND " + inH1)).as("inspection.orgs").isEqualTo(423);
        assertThat(count("inspection", "subject_type = 'MEMBER' AND " + inH1)).as("inspection.members").isEqualTo(2528);
        assertThat(count("inspection", "type = 'SIGNS_OF_VIOLATION' AND subject_type = 'MEMBER' AND " + inH1))
                .as("inspection.signs.members").isEqualTo(4);
        assertThat(count("inspection", "type = 'SIGNS_OF_VIOLATION' AND subject_type = 'ORG' AND " + inH1))
                .as("inspection.signs.orgs").isZero();
        assertThat(count("supervision", "subject_type = 'ORG' AND " + inH1)).as("supervision.orgs").isEqualTo(363);
        assertThat(count("supervision", "subject_type = 'MEMBER' AND " + inH1)).as("supervision.members").isEqualTo(3050);
        assertThat(count("supervision", "mode = 'THEMATIC' AND " + inH1)).as("supervision.thematic").isEqualTo(3);
    }

    @Test
    void receivesFewerLettersInTheFirstHalfOf2014ThanInTheFirstHalfOf2013() {
        long h1of2013 = count("complaint", "received_date BETWEEN " + H1_2013);
        long h1of2014 = count("complaint", "received_date BETWEEN " + H1_2014);
        assertThat(h1of2014).isPositive().isLessThan(h1of2013);
        assertThat(List.of(h1of2013, h1of2014)).containsExactly(92L, 71L);
    }

    // ------------------------------------------------------------------ every planted count

    @Test
    void holdsWhatTheBuilderPlantedForEveryMetricOfTheCatalogInEveryHalfYear() {
        Map<String, Long> expected = new java.util.LinkedHashMap<>();
        Map<String, Long> actual = new java.util.LinkedHashMap<>();
        for (JsonNode metric : SampleData.Plan.metrics()) {
            for (SampleData.Half half : SampleData.HALVES) {
                String id = metric.get("id").asText() + " " + half.id();
                expected.put(id, plan.count(metric, half.from(), half.to()));
                actual.put(id, count(metric.get("record_type").asText(), where(metric, half)));
            }
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
        assertThat(expected.get("inspection.orgs 2014-H1")).isEqualTo(423);
    }

    /** The metric's filter and period as SQL (codes as the lake stores them; booleans as true/false). */
    static String where(JsonNode metric, SampleData.Half half) {
        List<String> terms = new ArrayList<>();
        metric.get("filter").fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.isBoolean() ? String.valueOf(v.asBoolean()) : "'" + v.asText() + "'"));
            terms.add(e.getKey() + " IN (" + String.join(", ", values) + ")");
        });
        terms.add(metric.get("date").asText() + " BETWEEN DATE '" + half.from() + "' AND DATE '" + half.to() + "'");
        return String.join(" AND ", terms);
    }

    @Test
    void acceptsEveryPlannedRecordOfEveryFile() {
        Map<String, Long> planned = plan.records.stream()
                
                .collect(Collectors.groupingBy(SampleData.Rec::file, java.util.TreeMap::new, Collectors.counting()));
        Map<String, Long> accepted = new java.util.TreeMap<>();
        for (JsonNode file : json.get("files")) {
            String name = Path.of(file.get("path").asText()).getFileName().toString();
            for (JsonNode sheet : file.get("sheets")) {
                if (!"units".equals(sheet.get("record_type").asText(null)) && sheet.get("accepted").asLong() > 0) {
                    accepted.merge(name, sheet.get("accepted").asLong(), Long::sum);
                }
            }
        }
        assertThat(accepted).containsExactlyEntriesOf(planned);
    }

    /**
     * Every planned record is in the lake where its lineage says (file, sheet, row), value by value: the unit
     * resolved from a code, name or alias, dates, codes matched from the offices' synonyms, booleans, and the
     * member's keyed pseudonym in place of the name. Of the TCVN3 register only what the metrics read is compared.
     */
    @Test
    void storesEveryPlannedRecordValueByValue() {
        vn.inspection.pipeline.record.Pseudonymiser pseudonyms =
                new vn.inspection.pipeline.record.Pseudonymiser(Cli.TEST_KEY.getBytes(StandardCharsets.UTF_8));
        for (String type : List.of("inspection", "supervision", "discipline", "complaint")) {
            Map<String, Map<String, Object>> lakeRows = new HashMap<>();
            for (Map<String, Object> row : LakeQueries.rows("SELECT * FROM " + LakeQueries.table(lake, type))) {
                lakeRows.put(row.get("_source_file") + "|" + row.get("_sheet") + "|" + row.get("_row"), row);
            }
            List<SampleData.Rec> planned = plan.records.stream()
                    .filter(r -> r.type.equals(type)).toList();
            assertThat(lakeRows).as(type).hasSameSizeAs(planned);
            List<String> differences = new ArrayList<>();
            for (SampleData.Rec r : planned) {
                Map<String, Object> row = lakeRows.get(r.file() + "|" + r.sheet() + "|" + r.row());
                if (row == null) {
                    differences.add("missing: " + r.file() + " " + r.sheet() + " row " + r.row());
                    continue;
                }
                Map<String, Object> expected = new java.util.LinkedHashMap<>(r.values());
                expected.put("unit_code", r.unitCode());
                if ("MEMBER".equals(expected.get("subject_type"))) {
                    expected.put("subject", pseudonyms.pseudonym((String) expected.get("subject")));
                }
                if (TCVN3_REGISTER.equals(r.file())) {
                    expected.keySet().retainAll(List.of("unit_code", "decision_date", "subject_type", "form", "committee_member"));
                }
                expected.forEach((field, value) -> {
                    if (!java.util.Objects.equals(value, row.get(field))) {
                        differences.add(r.file() + " row " + r.row() + " " + field + ": planned " + value + ", lake " + row.get(field));
                    }
                });
            }
            assertThat(differences).as(type).isEmpty();
        }
    }

    // ------------------------------------------------------------------ bad rows and duplicates

    @Test
    void rejectsExactlyThePlantedRowsEachForItsReason() throws IOException {
        List<CSVRecord> report = rejectsReport();
        assertThat(plan.planted).hasSize(9);
        assertThat(report).extracting(r -> r.get("file"), r -> r.get("sheet"), r -> Integer.parseInt(r.get("row")), r -> r.get("record_type"),
                        r -> r.get("field"))
                .containsExactlyInAnyOrderElementsOf(plan.planted.stream()
                        .map(p -> tuple(p.file(), p.sheet(), p.row(), p.recordType(), p.field())).toList());
        for (SampleData.Planted p : plan.planted) {
            assertThat(report).filteredOn(r -> r.get("file").equals(p.file()) && r.get("row").equals(String.valueOf(p.row())))
                    .singleElement().satisfies(r -> assertThat(r.get("reason")).contains(p.reason()));
        }
        assertThat(report).extracting(r -> r.get("reason")).anySatisfy(r -> assertThat(r).startsWith("'31/02/2014' is not a date that exists"))
                .anySatisfy(r -> assertThat(r).startsWith("unknown unit 'Đảng ủy Cục Hải văn Vạn Xuân'"))
                .anySatisfy(r -> assertThat(r).isEqualTo("Giải tán (DISSOLUTION) applies to organizations, not to a party member"));
        long rejected = 0;
        long parked = 0;
        for (JsonNode totals : json.get("totals")) {
            rejected += totals.get("rejected").asLong();
            parked += totals.get("parked").asLong();
        }
        // the row of a unit the reference lacks waits for a units reference that names it; it is in the rejects report too
        assertThat(rejected).isEqualTo(8);
        assertThat(parked).isEqualTo(1);
        assertThat(report).filteredOn(r -> r.get("reason").startsWith("unknown unit 'Đảng ủy Cục Hải văn Vạn Xuân'")).singleElement()
                .satisfies(r -> assertThat(r.get("reason")).endsWith("— parked: accepted when a units reference names it"));
    }

    static List<CSVRecord> rejectsReport() throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of(json.get("rejects_report").asText()));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
    }

    @Test
    void reportsTheResentCopyAsAlreadyIngestedAndTheOtherFilesAsIngested() {
        Map<String, String> statuses = new java.util.TreeMap<>();
        Map<String, String> reasons = new HashMap<>();
        for (JsonNode file : json.get("files")) {
            String name = Path.of(file.get("path").asText()).getFileName().toString();
            statuses.put(name, file.get("status").asText());
            reasons.put(name, file.get("reason").asText(null));
        }
        assertThat(plan.copies()).containsExactly(Map.entry("kiem-tra-2014-quy-I-gui-lai.xlsx", "kiem-tra-2014-q1.xlsx"));
        assertThat(statuses.keySet()).containsExactlyInAnyOrderElementsOf(plan.fileNames());
        assertThat(statuses).containsEntry("kiem-tra-2014-quy-I-gui-lai.xlsx", "ALREADY_INGESTED");
        assertThat(reasons.get("kiem-tra-2014-quy-I-gui-lai.xlsx")).isEqualTo("same content as kiem-tra-2014-q1.xlsx in this batch");
        statuses.remove("kiem-tra-2014-quy-I-gui-lai.xlsx");
        assertThat(statuses.values()).as(statuses.toString()).containsOnly("INGESTED");
    }

    @Test
    void countsTheRowsTheSupplementRepeatsAsDuplicatesNotTwice() {
        JsonNode supplement = null;
        for (JsonNode file : json.get("files")) {
            if (file.get("path").asText().endsWith("/kiem-tra-2014-quy-II-bo-sung.xlsx")) {
                supplement = file.get("sheets").get(0);
            }
        }
        assertThat(supplement).isNotNull();
        assertThat(plan.repeated).containsExactly(Map.entry("kiem-tra-2014-quy-II-bo-sung.xlsx", 4));
        assertThat(supplement.get("accepted").asLong()).isEqualTo(3);
        assertThat(supplement.get("duplicates").asLong()).isEqualTo(4);
        long duplicates = 0;
        for (JsonNode totals : json.get("totals")) {
            duplicates += totals.get("duplicates").asLong();
        }
        assertThat(duplicates).as("no duplicate anywhere else").isEqualTo(4);
        assertThat(LakeQueries.count("SELECT count(*) - count(DISTINCT record_key) FROM " + LakeQueries.table(lake, "inspection"))).isZero();
    }

    // ------------------------------------------------------------------ units

    @Test
    void readsTheUnitsReferenceOfTheBlocWithItsMerger() {
        String units = LakeQueries.table(lake, "units");
        assertThat(LakeQueries.count("SELECT count(*) FROM " + units)).isEqualTo(386).isEqualTo(plan.units.size());
        assertThat(LakeQueries.rows("SELECT level, count(*) AS n FROM " + units + " GROUP BY level ORDER BY level"))
                .extracting(r -> r.get("level"), r -> ((Number) r.get("n")).longValue())
                .containsExactly(tuple("BASE", 30L), tuple("BLOC", 1L), tuple("BRANCH", 323L), tuple("UPPER_BASE", 32L));
        assertThat(LakeQueries.count("SELECT count(*) FROM " + units + " WHERE parent_code = 'DBK' AND valid_to IS NULL"))
                .as("committees in 2014").isEqualTo(61);
        assertThat(LakeQueries.rows("SELECT code, level, valid_to, successor_code FROM " + units + " WHERE successor_code IS NOT NULL"))
                .extracting(r -> r.get("code"), r -> r.get("level"), r -> r.get("valid_to"), r -> r.get("successor_code"))
                .containsExactly(tuple("DU62", "BASE", LocalDate.of(2013, 6, 30), "DU17"));
        // the merged committee has records up to the merger and none after it
        long before = 0;
        for (String type : List.of("inspection", "supervision", "discipline", "complaint")) {
            String date = type.equals("discipline") ? "decision_date" : type.equals("complaint") ? "received_date" : "start_date";
            before += count(type, "unit_code = 'DU62'");
            assertThat(count(type, "unit_code = 'DU62' AND " + date + " > DATE '2013-06-30'")).as(type).isZero();
        }
        assertThat(before).isPositive();
        // every record names a unit of the reference
        for (String type : List.of("inspection", "supervision", "discipline", "complaint")) {
            assertThat(count(type, "unit_code NOT IN (SELECT code FROM " + units + ")")).as(type).isZero();
        }
    }

    // ------------------------------------------------------------------ consistency

    @Test
    void keepsTheFiguresConsistent() {
        for (SampleData.Half half : SampleData.HALVES) {
            String period = " BETWEEN DATE '" + half.from() + "' AND DATE '" + half.to() + "'";
            long inspections = count("inspection", "start_date" + period);
            long violations = count("inspection", "violation AND start_date" + period);
            assertThat(violations).as(half.id()).isPositive().isLessThan(inspections / 10);
            long reprimands = count("discipline", "subject_type = 'MEMBER' AND form = 'REPRIMAND' AND decision_date" + period);
            long warnings = count("discipline", "subject_type = 'MEMBER' AND form = 'WARNING' AND decision_date" + period);
            long severe = count("discipline", "subject_type = 'MEMBER' AND form IN ('DISMISSAL', 'EXPULSION') AND decision_date" + period);
            assertThat(reprimands).as(half.id()).isGreaterThan(warnings);
            assertThat(warnings).as(half.id()).isGreaterThan(severe);
            assertThat(severe).as(half.id()).isPositive();
        }
        assertThat(count("inspection", "discipline_required AND NOT violation")).isZero();
        assertThat(count("inspection", "violation AND end_date IS NULL")).isZero();
        assertThat(count("inspection", "end_date < start_date")).isZero();
        assertThat(count("complaint", "resolved_date < received_date")).isZero();
        assertThat(count("complaint", "status = 'RESOLVED' AND resolved_date IS NULL")).isZero();
        assertThat(count("complaint", "status <> 'RESOLVED' AND (resolved_date IS NOT NULL OR outcome IS NOT NULL)")).isZero();
        assertThat(LakeQueries.rows("SELECT status, count(*) AS n FROM " + LakeQueries.table(lake, "complaint") + " GROUP BY status"))
                .extracting(r -> r.get("status")).containsExactlyInAnyOrder("RESOLVED", "IN_PROGRESS", "FILED");
        assertThat(count("discipline", "form = 'DISSOLUTION'")).isEqualTo(1);
        assertThat(count("discipline", "form = 'DISSOLUTION' AND subject_type = 'ORG'")).isEqualTo(1);
        assertThat(count("discipline", "subject_type = 'ORG' AND form IN ('DISMISSAL', 'EXPULSION')")).isZero();
        assertThat(count("inspection", "committee_member")).isPositive();
        assertThat(count("supervision", "committee_member")).isPositive();
        assertThat(count("supervision", "mode = 'THEMATIC' AND subject_type <> 'ORG'")).isZero();
    }

    @Test
    void keepsNoMemberNameInTheLake() {
        List<String> names = plan.records.stream().filter(r -> "MEMBER".equals(r.get("subject_type")))
                .map(r -> r.get("subject").toString()).distinct().limit(300).toList();
        for (String type : List.of("inspection", "supervision", "discipline", "complaint")) {
            List<String> subjects = LakeQueries.rows("SELECT DISTINCT subject FROM " + LakeQueries.table(lake, type)
                    + " WHERE subject_type = 'MEMBER'").stream().map(r -> r.get("subject").toString()).toList();
            assertThat(subjects).as(type).isNotEmpty().allSatisfy(s -> assertThat(s).startsWith("DV-"));
            assertThat(subjects).doesNotContainAnyElementsOf(names);
        }
    }

    // ------------------------------------------------------------------ the TCVN3 register

    @Test
    void readsTheWholeRegisterTypedInTcvn3() {
        JsonNode sheet = null;
        for (JsonNode file : json.get("files")) {
            if (file.get("path").asText().endsWith("/" + TCVN3_REGISTER)) {
                sheet = file.get("sheets").get(0);
            }
        }
        assertThat(sheet).isNotNull();
        long planned = plan.records.stream().filter(r -> TCVN3_REGISTER.equals(r.file())).count();
        assertThat(planned).isEqualTo(122);
        assertThat(sheet.get("record_type").asText()).isEqualTo("discipline");
        assertThat(sheet.get("accepted").asLong()).isEqualTo(planned);
        assertThat(sheet.get("rejected").asLong()).isZero();
        assertThat(count("discipline", "year(decision_date) = 2013")).isEqualTo(planned);
        try (Stream<Path> files = Files.list(SAMPLES)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains(TCVN3_REGISTER, "README.md");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ through the metric catalog

    /** The figures through the catalog's SQL on the DuckDB warehouse, against counts made from the builder's own records. */
    @Nested
    class ThroughTheMetricCatalog {

        @Test
        void compareShowsTheSeedFiguresForTheFirstHalfOf2014() {
            Cli.Result json = Cli.run("--home", home.toString(), "compare", "2013-H1", "2014-H1", "--format", "json");
            Cli.Result table = Cli.run("--home", home.toString(), "compare", "2014-H1", "--previous-year");

            assertThat(json.exitCode()).as(json.err()).isZero();
            Map<String, List<Long>> values = new java.util.LinkedHashMap<>();
            json.json().get("metrics").forEach(m -> values.put(m.get("id").asText(), List.of(m.at("/values/0").asLong(), m.at("/values/1").asLong())));
            assertThat(values).containsEntry("inspection.orgs", List.of(401L, 423L))
                    .containsEntry("inspection.members", List.of(2390L, 2528L))
                    .containsEntry("inspection.signs.members", List.of(5L, 4L))
                    .containsEntry("supervision.orgs", List.of(341L, 363L))
                    .containsEntry("supervision.members", List.of(2905L, 3050L))
                    .containsEntry("supervision.thematic", List.of(2L, 3L))
                    .containsEntry("complaint.received", List.of(92L, 71L));
            assertThat(values.get("complaint.received").get(1)).isLessThan(values.get("complaint.received").get(0));
            assertThat(table.out())
                    .startsWith("So sánh 6 tháng đầu năm 2014 với 6 tháng đầu năm 2013")
                    .containsPattern("Tổ chức đảng được kiểm tra\\s+401\\s+423\\s+\\+22\\s+\\+5,5%")
                    .containsPattern("Đảng viên được kiểm tra\\s+2\\.390\\s+2\\.528\\s+\\+138\\s+\\+5,8%")
                    .containsPattern("Đảng viên được giám sát\\s+2\\.905\\s+3\\.050\\s+\\+145\\s+\\+5,0%")
                    .containsPattern("Đơn thư nhận được\\s+92\\s+71\\s+\u221221\\s+\u221222,8%");
        }

        @Test
        void everyMetricForSeveralPeriodsAndUnitsEqualsACountOfTheBuildersRecords() throws Exception {
            List<vn.inspection.pipeline.period.Period> periods = Stream.of("2013-H1", "2014-H1", "2014-Q2", "2013", "2013..2014", "2014-03",
                    "2014-02-10..2014-05-20").map(vn.inspection.pipeline.period.Period::parse).toList();
            Map<String, SampleData.Unit> units = new HashMap<>();
            plan.units.forEach(u -> units.put(u.code(), u));
            SampleData.Unit merged = plan.units.stream().filter(u -> u.successorCode() != null).findFirst().orElseThrow();
            SampleData.Unit committee = plan.units.stream().filter(u -> u.parentCode() != null && units.get(u.parentCode()).parentCode() == null
                    && plan.units.stream().anyMatch(b -> u.code().equals(b.parentCode()))).findFirst().orElseThrow();
            SampleData.Unit branch = plan.units.stream().filter(b -> committee.code().equals(b.parentCode())).findFirst().orElseThrow();
            List<String> chosen = new ArrayList<>(java.util.Arrays.asList(null, "DBK", committee.code(), branch.code(), merged.code(), merged.successorCode()));
            JsonNode catalog = SampleData.Plan.metrics();

            try (var context = vn.inspection.pipeline.PipelineApplication.start(home)) {
                var engine = context.getBean(vn.inspection.pipeline.warehouse.DuckDbMetricEngine.class);
                var metrics = context.getBean(vn.inspection.pipeline.metrics.MetricCatalog.class).metrics();
                int compared = 0;
                for (vn.inspection.pipeline.metrics.UnitBasis basis : vn.inspection.pipeline.metrics.UnitBasis.values()) {
                    for (String unit : chosen) {
                        Map<String, Map<String, Long>> actual = engine.totals(metrics, periods, unit, basis);
                        for (JsonNode metric : catalog) {
                            for (vn.inspection.pipeline.period.Period period : periods) {
                                long expected = plan.records.stream()
                                        .filter(r -> r.type.equals(metric.get("record_type").asText()))
                                        .filter(r -> r.date(metric.get("date").asText()) != null && period.contains(r.date(metric.get("date").asText())))
                                        .filter(r -> SampleData.Plan.matches(metric.get("filter"), r))
                                        .filter(r -> unit == null || under(units, counted(units, r.unitCode(), basis), unit))
                                        .count();
                                assertThat(actual.get(metric.get("id").asText()).get(period.id()))
                                        .as("%s %s unit %s %s", metric.get("id").asText(), period.id(), unit, basis).isEqualTo(expected);
                                compared++;
                            }
                        }
                    }
                }
                assertThat(compared).isEqualTo(2 * 6 * 19 * 7);
            }
        }

        /** The unit a record counts under: its successor, followed to the end, unless counted as recorded. */
        private String counted(Map<String, SampleData.Unit> units, String code, vn.inspection.pipeline.metrics.UnitBasis basis) {
            String at = code;
            while (basis == vn.inspection.pipeline.metrics.UnitBasis.SUCCESSOR && units.get(at).successorCode() != null) {
                at = units.get(at).successorCode();
            }
            return at;
        }

        private boolean under(Map<String, SampleData.Unit> units, String code, String ancestor) {
            for (String at = code; at != null; at = units.get(at).parentCode()) {
                if (at.equals(ancestor)) {
                    return true;
                }
            }
            return false;
        }
    }
}
