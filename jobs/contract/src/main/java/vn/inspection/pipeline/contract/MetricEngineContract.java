package vn.inspection.pipeline.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import vn.inspection.pipeline.metrics.Breakdown;
import vn.inspection.pipeline.metrics.DateSpan;
import vn.inspection.pipeline.metrics.ExplainedRecord;
import vn.inspection.pipeline.metrics.Metric;
import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.metrics.MetricEngine;
import vn.inspection.pipeline.metrics.UnitBasis;
import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.schema.Label;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.unit.UnitTables;

/**
 * What every {@link MetricEngine} must give on the same lake: the DuckDB engine and the Spark engine each
 * subclass this class and open their engine over the fixture lake ({@link ContractFixture}: Parquet files and a
 * manifest written with parquet-java, no engine's DDL). Every metric of the catalog, in every kind of period
 * (half, quarter, month, year, term, custom range), for every kind of unit (all, the bloc, a mid-level unit, a
 * branch, a merged unit and its successor under either basis, unknown and hostile codes) must equal the records
 * counted one by one ({@link ReferenceCounts}), and so must {@code bySubordinate}, {@code breakdown}, {@code span}
 * and {@code units}; the hand-worked figures below pin the reference itself. One engine serves the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MetricEngineContract {

    /** The project's {@code schemas/} folder, seen from a module under {@code jobs/}. */
    public static final Path SCHEMAS = Path.of("../../schemas");

    protected static final Period H1_2013 = Period.half(2013, 1);
    protected static final Period H2_2013 = Period.half(2013, 2);
    protected static final Period H1_2014 = Period.half(2014, 1);
    protected static final Period H2_2014 = Period.half(2014, 2);
    protected static final Period Q2_2014 = Period.quarter(2014, 2);
    protected static final Period Q3_2014 = Period.quarter(2014, 3);
    protected static final Period YEAR_2014 = Period.year(2014);
    protected static final Period YEAR_2015 = Period.year(2015);
    protected static final Period TERM = Period.term(2010, 2015);
    protected static final Period CUSTOM = Period.range(LocalDate.of(2014, 1, 15), LocalDate.of(2014, 6, 30));

    /** Every kind of period, and one no record falls in. */
    protected static final List<Period> PERIODS = List.of(H1_2013, H2_2013, H1_2014, H2_2014, Q2_2014, Q3_2014, Period.month(2014, 2),
            YEAR_2014, YEAR_2015, TERM, CUSTOM);

    /** All units (null), the bloc, a mid-level unit, a branch, the successor, the merged unit, a unit the reference lacks, unknown, hostile. */
    protected static final List<String> UNITS = Arrays.asList(null, "B", "C1", "C1a", "C2", "M", "ZZ", "X9", "B' OR '1'='1");

    protected SchemaCatalog schemas;
    protected MetricCatalog catalog;
    protected FixtureLake lake;
    protected ReferenceCounts reference;
    protected MetricEngine engine;

    /**
     * Opens the engine under test over a lake: {@code lakeRoot} holds the Parquet files and {@code _manifest/}.
     * {@code work} is a folder the engine may write in (a warehouse file).
     */
    protected abstract MetricEngine openEngine(Path lakeRoot, Path work, SchemaCatalog schemas, MetricCatalog catalog) throws Exception;

    /**
     * Opens the engine under test over a lake as the lake knew its records at {@code knownAt} (null: now). Engines of
     * one lake may share what they build from it (a warehouse), in {@code work}.
     */
    protected abstract MetricEngine openEngine(Path lakeRoot, Path work, SchemaCatalog schemas, MetricCatalog catalog, java.time.Instant knownAt)
            throws Exception;

    /** The name the engine reports ("duckdb", "spark"). */
    protected abstract String expectedName();

    @BeforeAll
    void writeTheLakeAndOpenTheEngine(@TempDir Path temp) throws Exception {
        schemas = SchemaCatalog.load(SCHEMAS);
        catalog = MetricCatalog.load(SCHEMAS, schemas);
        lake = ContractFixture.write(temp.resolve("lake"), schemas);
        reference = new ReferenceCounts(lake.committed(), ContractFixture.hierarchy(lake.committed()));
        Path work = Files.createDirectories(temp.resolve("work"));
        engine = openEngine(lake.root(), work, schemas, catalog);
    }

    /** Releases what {@link #openEngine} started beyond the engine (a Spark application); called after the engine is closed. */
    protected void afterEngineClosed() {
    }

    @AfterAll
    void closeTheEngine() {
        try {
            if (engine != null) {
                engine.close();
            }
        } finally {
            afterEngineClosed();
        }
    }

    protected Metric metric(String id) {
        return catalog.metric(id).orElseThrow();
    }

    protected static Metric custom(String recordType, Map<String, List<String>> filter, String dateField) {
        return new Metric("test.custom", new Label("Thử", "Test"), recordType, filter, dateField, "records");
    }

    protected long total(Metric metric, Period period, String unitCode, UnitBasis basis) {
        return engine.totals(List.of(metric), List.of(period), unitCode, basis).get(metric.id()).get(period.id());
    }

    protected long total(String metricId, Period period) {
        return total(metric(metricId), period, null, UnitBasis.SUCCESSOR);
    }

    protected Map<String, Long> values(List<String> ids, Period period, String unitCode, UnitBasis basis) {
        Map<String, Map<String, Long>> all = engine.totals(ids.stream().map(this::metric).toList(), List.of(period), unitCode, basis);
        Map<String, Long> out = new LinkedHashMap<>();
        ids.forEach(id -> out.put(id, all.get(id).get(period.id())));
        return out;
    }

    protected List<String> allIds() {
        return catalog.metrics().stream().map(Metric::id).toList();
    }

    // ------------------------------------------------------------------ against the records counted one by one

    // ------------------------------------------------------------------ versions, withdrawals, known-at

    @Test
    void countsTheCurrentVersionOfEveryRecordAndAnswersAsKnownAtEachInstant(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        FixtureLake living = ContractFixture.writeLiving(temp.resolve("living"), schemas);
        Path work = Files.createDirectories(temp.resolve("work"));
        // H1 2014: resolved (by resolution date) and received; c3 and c5 resolved in September, c4 withdrawn then back
        // (C2 is the successor of M, whose c4 it counts)
        Object[][] expected = {
                {ContractFixture.BASE.plusSeconds(30), 2L, 5L, 1L},
                {ContractFixture.CORRECTED.plusSeconds(30), 4L, 5L, 2L},
                {ContractFixture.WITHDRAWN.plusSeconds(30), 3L, 4L, 1L},
                {ContractFixture.READMITTED.plusSeconds(30), 4L, 5L, 2L},
                {null, 4L, 5L, 2L},
                {ContractFixture.BASE.minusSeconds(1), 0L, 0L, 0L}};
        for (Object[] step : expected) {
            try (MetricEngine at = openEngine(living.root(), work, schemas, catalog, (java.time.Instant) step[0])) {
                Map<String, Map<String, Long>> values = at.totals(List.of(metric("complaint.resolved"), metric("complaint.received")),
                        List.of(H1_2014), null, UnitBasis.SUCCESSOR);
                assertThat(values.get("complaint.resolved").get(H1_2014.id())).as("resolved, known at %s", step[0]).isEqualTo(step[1]);
                assertThat(values.get("complaint.received").get(H1_2014.id())).as("received, known at %s", step[0]).isEqualTo(step[2]);
                Map<String, Long> byUnit = at.totals(List.of(metric("complaint.resolved")), List.of(H1_2014), "C2", UnitBasis.SUCCESSOR)
                        .get("complaint.resolved");
                assertThat(byUnit.get(H1_2014.id())).as("C2's resolved, known at %s", step[0]).isEqualTo(step[3]);
            }
        }
    }

    @Test
    void namesItself() {
        assertThat(engine.name()).isEqualTo(expectedName());
    }

    @Test
    void everyMetricInEveryKindOfPeriodForEveryKindOfUnitEqualsTheRecordsCountedOneByOne() {
        for (String unit : UNITS) {
            for (UnitBasis basis : UnitBasis.values()) {
                assertThat(engine.totals(catalog.metrics(), PERIODS, unit, basis))
                        .as("unit %s, basis %s", unit, basis)
                        .isEqualTo(reference.totals(catalog.metrics(), PERIODS, unit, basis));
            }
        }
    }

    @Test
    void everyMetricPerDirectSubordinateEqualsTheRecordsCountedOneByOne() {
        for (String parent : List.of("B", "C1", "C2", "C1a")) {
            for (UnitBasis basis : UnitBasis.values()) {
                assertThat(engine.bySubordinate(catalog.metrics(), PERIODS, parent, basis))
                        .as("subordinates of %s, basis %s", parent, basis)
                        .isEqualTo(reference.bySubordinate(catalog.metrics(), PERIODS, parent, basis));
            }
        }
    }

    @Test
    void breakdownsEqualTheRecordsCountedOneByOne() {
        List<Breakdown> breakdowns = List.of(
                Breakdown.of(schemas, "discipline", "form", "decision_date", Map.of()),
                Breakdown.of(schemas, "discipline", "form", "decision_date", Map.of("subject_type", List.of("MEMBER"))),
                Breakdown.of(schemas, "complaint", "kind", "received_date", Map.of()),
                Breakdown.of(schemas, "complaint", "status", "resolved_date", Map.of("kind", List.of("DENUNCIATION", "APPEAL"))),
                Breakdown.of(schemas, "complaint", "anonymous", "received_date", Map.of()),
                Breakdown.of(schemas, "inspection", "violation", "start_date", Map.of()));
        for (Breakdown breakdown : breakdowns) {
            for (String unit : Arrays.asList(null, "B", "C1", "C2", "M", "B' OR '1'='1")) {
                for (UnitBasis basis : unit == null ? List.of(UnitBasis.SUCCESSOR) : List.of(UnitBasis.values())) {
                    assertThat(engine.breakdown(breakdown, PERIODS, unit, basis))
                            .as("%s.%s %s, unit %s, basis %s", breakdown.recordType(), breakdown.field(), breakdown.filter(), unit, basis)
                            .isEqualTo(reference.breakdown(breakdown, PERIODS, unit, basis));
                }
            }
        }
    }

    @Test
    void theSpanOfTheRecordsEqualsTheRecordsReadOneByOne() {
        assertThat(engine.span(catalog.metrics())).isEqualTo(reference.span(catalog.metrics()))
                .contains(new DateSpan(LocalDate.of(2013, 5, 20), LocalDate.of(2014, 9, 9)));   // i7 … i8
        assertThat(engine.span(List.of(metric("complaint.resolved"))))
                .contains(new DateSpan(LocalDate.of(2014, 1, 15), LocalDate.of(2014, 7, 3)));  // c1 … c2, by resolution date
        assertThat(engine.span(List.of(metric("complaint.received"), metric("discipline.members"))))
                .isEqualTo(reference.span(List.of(metric("complaint.received"), metric("discipline.members"))));
    }

    @Test
    void theUnitsAreTheHierarchyComputedOnceInJava() {
        List<UnitTables.UnitRow> expected = new ArrayList<>(UnitTables.of(ContractFixture.hierarchy(lake.committed())).units());
        expected.sort(Comparator.comparing(UnitTables.UnitRow::path));
        assertThat(engine.units()).containsExactlyElementsOf(expected);
        assertThat(engine.units()).extracting(UnitTables.UnitRow::code, UnitTables.UnitRow::depth, UnitTables.UnitRow::path,
                        UnitTables.UnitRow::currentCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("B", 0, "B", "B"),
                        org.assertj.core.groups.Tuple.tuple("C1", 1, "B/C1", "C1"),
                        org.assertj.core.groups.Tuple.tuple("C1a", 2, "B/C1/C1a", "C1a"),
                        org.assertj.core.groups.Tuple.tuple("C2", 1, "B/C2", "C2"),
                        org.assertj.core.groups.Tuple.tuple("M", 1, "B/M", "C2"));
        assertThat(engine.units().get(4).validTo()).isEqualTo(LocalDate.of(2013, 12, 31));
        assertThat(engine.units().get(1).aliases()).isEqualTo("Bộ Một; Bo 1");
    }

    @Test
    void followsTheManifestNotTheDataFolders() throws Exception {
        try (var files = Files.walk(lake.root().resolve("inspection"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".parquet")).count()).as("the stray file is on disk").isEqualTo(3);
        }
        assertThat(total("inspection.signs.orgs", H1_2014)).as("i1 only, not the stray file's two").isEqualTo(1);
        assertThat(total("inspection.orgs", Period.month(2014, 2))).as("i5 only").isEqualTo(1);
    }

    @Test
    void explainListsTheRecordsEveryMetricCountsInEveryKindOfPeriodForEveryKindOfUnit() {
        // the figures equal the reference (above), so the same records as the reference are as many as the figure; a few
        // hundred queries (each one a Spark job on the Spark engine): a half and the term, all units, the bloc, the
        // successor and the merged unit under either basis
        for (Metric metric : catalog.metrics()) {
            for (Period period : List.of(H1_2014, TERM)) {
                for (String unit : Arrays.asList(null, "B", "C2", "M")) {
                    for (UnitBasis basis : unit == null ? List.of(UnitBasis.SUCCESSOR) : List.of(UnitBasis.values())) {
                        List<ExplainedRecord> listed = engine.explain(metric, period, unit, basis);
                        assertThat(listed.stream().map(ExplainedRecord::recordKey).sorted().toList())
                                .as("%s %s unit %s basis %s: the records counted one by one", metric.id(), period.id(), unit, basis)
                                .isEqualTo(reference.explain(metric, period, unit, basis).stream().map(FixtureLake::keyOf).sorted().toList());
                        assertThat(listed).allSatisfy(r -> {
                            assertThat(r.recordType()).isEqualTo(metric.recordType());
                            assertThat(period.contains(r.date())).as("dated in the period").isTrue();
                            assertThat(r.filterValues().keySet()).containsExactlyElementsOf(metric.filter().keySet());
                            r.filterValues().forEach((field, value) -> assertThat(metric.filter().get(field)).contains(value));
                            assertThat(r.sourceFile()).isNotBlank();
                            assertThat(r.sheet()).isNotBlank();
                            assertThat(r.row()).isNotNull().isPositive();
                        });
                        assertThat(listed).extracting(ExplainedRecord::date).isSorted();
                    }
                }
            }
        }
        assertThat(engine.explain(metric("complaint.received"), TERM, "B", UnitBasis.SUCCESSOR)).as("c1..c6")
                .hasSize((int) total(metric("complaint.received"), TERM, "B", UnitBasis.SUCCESSOR)).hasSize(6);
    }

    @Test
    void explainGivesEachRecordsKeyUnitDateFilterFieldsPseudonymAndLineage() {
        assertThat(engine.explain(metric("inspection.signs.orgs"), H1_2014, null, UnitBasis.SUCCESSOR)).containsExactly(
                new ExplainedRecord("inspection", FixtureLake.keyOf(ContractFixture.inspections2014().get(0)), "C1", "C1",
                        LocalDate.of(2014, 1, 10), Map.of("type", "SIGNS_OF_VIOLATION", "subject_type", "ORG"), "ORG", "Chi bộ C1",
                        "kiem-tra-giam-sat-2014.xlsx", "Sheet1", 2));                                                   // i1
        List<ExplainedRecord> members = engine.explain(metric("inspection.members"), H1_2014, "C1", UnitBasis.SUCCESSOR);
        assertThat(members).extracting(ExplainedRecord::unitCode, ExplainedRecord::date, ExplainedRecord::row)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C1a", LocalDate.of(2014, 3, 5), 3),              // i2
                        org.assertj.core.groups.Tuple.tuple("C1a", LocalDate.of(2014, 6, 30), 4));                    // i3
        assertThat(members).extracting(ExplainedRecord::subject).allSatisfy(s -> assertThat(s).startsWith("DV-"));
        assertThat(engine.explain(metric("complaint.resolved"), H1_2014, null, UnitBasis.SUCCESSOR))
                .extracting(ExplainedRecord::unitCode, ExplainedRecord::date, ExplainedRecord::sourceFile)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C1", LocalDate.of(2014, 1, 15), "don-thu-2013-2014.csv"),  // c1 by its resolution
                        org.assertj.core.groups.Tuple.tuple("M", LocalDate.of(2014, 5, 5), "don-thu-2013-2014.csv"));           // c4
    }

    @Test
    void explainCountsAMergedUnitsRecordsUnderItsSuccessorUnlessAsRecorded() {
        assertThat(engine.explain(metric("inspection.orgs"), H1_2014, "C2", UnitBasis.SUCCESSOR))
                .extracting(ExplainedRecord::unitCode, ExplainedRecord::countedUnder)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("M", "C2"));                                     // i5
        assertThat(engine.explain(metric("inspection.orgs"), H1_2014, "C2", UnitBasis.RECORDED)).isEmpty();
        assertThat(engine.explain(metric("inspection.orgs"), H1_2014, "M", UnitBasis.RECORDED))
                .extracting(ExplainedRecord::unitCode, ExplainedRecord::countedUnder)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("M", "M"));
        assertThat(engine.explain(metric("inspection.orgs"), H2_2014, null, UnitBasis.SUCCESSOR))
                .extracting(ExplainedRecord::unitCode, ExplainedRecord::countedUnder)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ZZ", "ZZ"));  // i8: a unit the reference lacks, for all units only
        assertThat(engine.explain(metric("inspection.orgs"), YEAR_2014, "B' OR '1'='1", UnitBasis.SUCCESSOR)).isEmpty();
    }

    // ------------------------------------------------------------------ hand-worked figures

    @Test
    void everyCatalogMetricInTheFirstHalfOf2014() {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("inspection.orgs", 2L);              // i1, i5
        expected.put("inspection.members", 3L);           // i2, i3, i6
        expected.put("inspection.signs.orgs", 1L);        // i1
        expected.put("inspection.signs.members", 1L);     // i2
        expected.put("inspection.violations", 3L);        // i1, i3, i5
        expected.put("supervision.orgs", 1L);             // s1
        expected.put("supervision.members", 2L);          // s2, s3
        expected.put("supervision.thematic", 2L);         // s1, s3
        expected.put("discipline.orgs", 1L);              // d4
        expected.put("discipline.members", 4L);           // d1, d2, d3, d5
        expected.put("discipline.members.reprimand", 1L); // d1
        expected.put("discipline.members.warning", 1L);   // d2 (d4 is an organization)
        expected.put("discipline.members.dismissal", 1L); // d5
        expected.put("discipline.members.expulsion", 1L); // d3
        expected.put("complaint.received", 5L);           // c2..c6 (c1 came in 2013)
        expected.put("complaint.denunciations", 1L);      // c4
        expected.put("complaint.appeals", 2L);            // c2, c6
        expected.put("complaint.anonymous", 1L);          // c3
        expected.put("complaint.resolved", 2L);           // c1, c4 by resolution date
        assertThat(values(allIds(), H1_2014, null, UnitBasis.SUCCESSOR)).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(values(allIds(), H1_2014, "B", UnitBasis.SUCCESSOR)).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(values(allIds(), H1_2014, "B", UnitBasis.RECORDED)).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void everyMetricAndPeriodHasAValueZeroIncludedAndAPeriodAskedTwiceCountsOnce() {
        Map<String, Map<String, Long>> all = engine.totals(catalog.metrics(), List.of(H1_2013, H1_2014, YEAR_2015), null, UnitBasis.SUCCESSOR);
        assertThat(all).hasSize(catalog.metrics().size());
        assertThat(all.values()).allSatisfy(byPeriod -> assertThat(byPeriod).containsOnlyKeys("2013-H1", "2014-H1", "2015"));
        assertThat(values(allIds(), YEAR_2015, null, UnitBasis.SUCCESSOR).values()).containsOnly(0L);
        assertThat(engine.totals(List.of(metric("inspection.members")), List.of(H1_2014, H1_2014), null, UnitBasis.SUCCESSOR)
                .get("inspection.members")).containsExactly(entry("2014-H1", 3L));
    }

    @Test
    void severalPeriodsInOneQuery() {
        Map<String, Map<String, Long>> all = engine.totals(List.of(metric("inspection.orgs"), metric("inspection.members")),
                List.of(H1_2013, H1_2014, H2_2014, YEAR_2014), null, UnitBasis.SUCCESSOR);
        assertThat(all.get("inspection.orgs")).containsExactlyInAnyOrderEntriesOf(Map.of("2013-H1", 1L, "2014-H1", 2L, "2014-H2", 1L, "2014", 3L));
        assertThat(all.get("inspection.members")).containsExactlyInAnyOrderEntriesOf(Map.of("2013-H1", 0L, "2014-H1", 3L, "2014-H2", 1L, "2014", 4L));
    }

    @Test
    void periodBoundariesIncludeBothEnds() {
        assertThat(total("inspection.members", Q2_2014)).isEqualTo(2);                                                   // i3 (30/06), i6
        assertThat(total("inspection.members", Period.range(LocalDate.of(2014, 6, 30), LocalDate.of(2014, 6, 30)))).isEqualTo(1);
        assertThat(total("inspection.members", Period.range(LocalDate.of(2014, 1, 1), LocalDate.of(2014, 6, 29)))).isEqualTo(2);
        assertThat(total("inspection.members", Q3_2014)).isEqualTo(1);                                                   // i4 (01/07)
        assertThat(total("inspection.members", Period.month(2014, 4))).isEqualTo(1);                                     // i6 on 01/04
        assertThat(total("inspection.members", CUSTOM)).isEqualTo(3);                                                    // i2, i3, i6
        assertThat(total("inspection.orgs", TERM)).isEqualTo(4);                                                         // i1, i5, i7, i8
        assertThat(total("complaint.received", Period.term(2013, 2014))).isEqualTo(6);                                   // c1..c6
    }

    @Test
    void lettersCountByReceivedDateExceptResolvedOnesByResolutionDate() {
        assertThat(total("complaint.resolved", H1_2014)).isEqualTo(2);  // c1 received in 2013, c4
        assertThat(total("complaint.resolved", H2_2014)).isEqualTo(1);  // c2 received in H1
        assertThat(total("complaint.resolved", H2_2013)).isZero();
        assertThat(total("complaint.received", H2_2013)).isEqualTo(1);  // c1
        assertThat(total("complaint.resolved", Period.month(2014, 2))).isZero();  // c6 is FILED with a date
    }

    @Test
    void filtersOnBooleansSeveralCodesAndSeveralFields() {
        assertThat(total("inspection.violations", YEAR_2014)).isEqualTo(3);   // i1, i3, i5 (i4 false, i8 blank)
        assertThat(total(custom("complaint", Map.of("anonymous", List.of("false")), "received_date"), H1_2014, null, UnitBasis.SUCCESSOR))
                .isEqualTo(4);                                                   // c2, c4, c5, c6
        assertThat(total(custom("inspection", Map.of("violation", List.of("false")), "start_date"), YEAR_2014, null, UnitBasis.SUCCESSOR))
                .isEqualTo(3);                                                   // i2, i4, i6, not i8's blank
        assertThat(total(custom("inspection", Map.of("type", List.of("SIGNS_OF_VIOLATION", "FINANCE")), "start_date"), YEAR_2014, null,
                UnitBasis.SUCCESSOR)).isEqualTo(4);                              // i1, i2, i4, i8
        assertThat(total(custom("inspection", Map.of("subject_type", List.of("MEMBER"), "type", List.of("SIGNS_OF_VIOLATION", "COMPLIANCE")),
                "start_date"), YEAR_2014, null, UnitBasis.SUCCESSOR)).isEqualTo(3);  // i2, i3, i6
    }

    @Test
    void aCommitteeIncludesItsBranch() {
        assertThat(values(List.of("inspection.orgs", "inspection.members", "discipline.members", "complaint.received", "complaint.resolved"),
                H1_2014, "C1", UnitBasis.SUCCESSOR))
                .containsExactly(entry("inspection.orgs", 1L), entry("inspection.members", 2L), entry("discipline.members", 2L),
                        entry("complaint.received", 1L), entry("complaint.resolved", 1L));
    }

    @Test
    void theSuccessorCountsTheMergedUnitsRecordsUnlessAsRecorded() {
        List<String> some = List.of("inspection.orgs", "supervision.members", "discipline.members", "complaint.received");
        assertThat(values(some, H1_2014, "C2", UnitBasis.SUCCESSOR))
                .containsExactly(entry("inspection.orgs", 1L), entry("supervision.members", 2L), entry("discipline.members", 2L),
                        entry("complaint.received", 3L));
        assertThat(values(some, H1_2014, "C2", UnitBasis.RECORDED))
                .containsExactly(entry("inspection.orgs", 0L), entry("supervision.members", 1L), entry("discipline.members", 1L),
                        entry("complaint.received", 2L));
        assertThat(values(some, H1_2014, "M", UnitBasis.SUCCESSOR).values()).containsOnly(0L);
        assertThat(values(some, H1_2014, "M", UnitBasis.RECORDED).values()).containsOnly(1L);
    }

    @Test
    void aUnitTheReferenceLacksCountsOnlyForAllUnitsAndAQuoteInACodeIsData() {
        assertThat(total(metric("inspection.orgs"), H2_2014, null, UnitBasis.SUCCESSOR)).isEqualTo(1);   // i8
        assertThat(total(metric("inspection.orgs"), H2_2014, "B", UnitBasis.SUCCESSOR)).isZero();
        assertThat(total(metric("inspection.orgs"), H2_2014, "ZZ", UnitBasis.RECORDED)).isZero();
        assertThat(values(allIds(), YEAR_2014, "B' OR '1'='1", UnitBasis.SUCCESSOR).values()).containsOnly(0L);
    }

    @Test
    void subordinatesRollUpTheirBranchesAndTheSuccessorTakesTheMergedUnit() {
        var successor = engine.bySubordinate(List.of(metric("inspection.orgs"), metric("inspection.members")), List.of(H1_2014), "B",
                UnitBasis.SUCCESSOR);
        assertThat(successor.get("inspection.orgs")).isEqualTo(Map.of("C1", Map.of("2014-H1", 1L), "C2", Map.of("2014-H1", 1L)));
        assertThat(successor.get("inspection.members")).isEqualTo(Map.of("C1", Map.of("2014-H1", 2L)));   // i6 is the bloc's own
        var recorded = engine.bySubordinate(List.of(metric("inspection.orgs")), List.of(H1_2014), "B", UnitBasis.RECORDED);
        assertThat(recorded.get("inspection.orgs")).isEqualTo(Map.of("C1", Map.of("2014-H1", 1L), "M", Map.of("2014-H1", 1L)));
    }

    @Test
    void breakdownsCountCodesWithBlankAsEmpty() {
        Breakdown forms = Breakdown.of(schemas, "discipline", "form", "decision_date", Map.of());
        assertThat(engine.breakdown(forms, List.of(H1_2014), null, UnitBasis.SUCCESSOR)).isEqualTo(Map.of(
                "REPRIMAND", Map.of("2014-H1", 1L), "WARNING", Map.of("2014-H1", 2L), "EXPULSION", Map.of("2014-H1", 1L),
                "DISMISSAL", Map.of("2014-H1", 1L)));
        assertThat(engine.breakdown(forms, List.of(H1_2014), "C2", UnitBasis.SUCCESSOR)).isEqualTo(Map.of(
                "EXPULSION", Map.of("2014-H1", 1L), "DISMISSAL", Map.of("2014-H1", 1L)));
        Breakdown violations = Breakdown.of(schemas, "inspection", "violation", "start_date", Map.of());
        assertThat(engine.breakdown(violations, List.of(H2_2014), null, UnitBasis.SUCCESSOR)).isEqualTo(Map.of(
                "false", Map.of("2014-H2", 1L), "", Map.of("2014-H2", 1L)));   // i4; i8 blank
    }
}
