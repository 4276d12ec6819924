package vn.inspection.pipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.schema.Label;
import vn.inspection.pipeline.schema.SchemaCatalog;

/**
 * The catalog's SQL run for real on an in-memory DuckDB over a handful of records whose counts are worked
 * out by hand below.
 *
 * <pre>
 * Units:  B (bloc) ─┬─ C1 ── C1a (branch)
 *                   ├─ C2
 *                   └─ M  (merged into C2: unit_current M → C2)
 * </pre>
 */
class MetricSqlTest {

    static final Path SCHEMAS = Path.of("../../schemas");
    static final MetricCatalog CATALOG = MetricCatalog.load(SCHEMAS, SchemaCatalog.load(SCHEMAS));
    static final MetricSql SQL = MetricSql.load();

    static final Period H1_2013 = Period.half(2013, 1);
    static final Period H2_2013 = Period.half(2013, 2);
    static final Period H1_2014 = Period.half(2014, 1);
    static final Period H2_2014 = Period.half(2014, 2);
    static final Period Q2_2014 = Period.quarter(2014, 2);
    static final Period Q3_2014 = Period.quarter(2014, 3);
    static final Period YEAR_2014 = Period.year(2014);
    static final Period YEAR_2015 = Period.year(2015);

    static Connection db;

    @BeforeAll
    static void createTables() throws SQLException {
        db = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE unit_current (unit_code VARCHAR, current_code VARCHAR)");
            s.execute("INSERT INTO unit_current VALUES ('B','B'), ('C1','C1'), ('C2','C2'), ('C1a','C1a'), ('M','C2')");
            s.execute("CREATE TABLE unit_closure (ancestor_code VARCHAR, unit_code VARCHAR, distance INTEGER)");
            s.execute("INSERT INTO unit_closure VALUES ('B','B',0), ('C1','C1',0), ('B','C1',1), ('C2','C2',0), ('B','C2',1),"
                    + " ('C1a','C1a',0), ('C1','C1a',1), ('B','C1a',2), ('M','M',0), ('B','M',1)");

            s.execute("CREATE TABLE inspection (unit_code VARCHAR, start_date DATE, subject_type VARCHAR, type VARCHAR, violation BOOLEAN)");
            s.execute("INSERT INTO inspection VALUES"
                    + " ('C1',  DATE '2014-01-10', 'ORG',    'SIGNS_OF_VIOLATION', TRUE),"   // i1
                    + " ('C1a', DATE '2014-03-05', 'MEMBER', 'SIGNS_OF_VIOLATION', FALSE),"  // i2
                    + " ('C1a', DATE '2014-06-30', 'MEMBER', 'COMPLIANCE',         TRUE),"   // i3: last day of H1
                    + " ('C2',  DATE '2014-07-01', 'MEMBER', 'FINANCE',            FALSE),"  // i4: first day of H2
                    + " ('M',   DATE '2014-02-14', 'ORG',    'TASK_EXECUTION',     TRUE),"   // i5: merged unit
                    + " ('B',   DATE '2014-04-01', 'MEMBER', 'COMPLIANCE',         FALSE),"  // i6: the bloc itself
                    + " ('C2',  DATE '2013-05-20', 'ORG',    'COMPLIANCE',         FALSE)"); // i7: 2013

            s.execute("CREATE TABLE supervision (unit_code VARCHAR, start_date DATE, subject_type VARCHAR, mode VARCHAR)");
            s.execute("INSERT INTO supervision VALUES"
                    + " ('C1', DATE '2014-02-01', 'ORG',    'THEMATIC'),"  // s1
                    + " ('C2', DATE '2014-03-01', 'MEMBER', 'REGULAR'),"   // s2
                    + " ('M',  DATE '2014-05-01', 'MEMBER', 'THEMATIC')"); // s3

            s.execute("CREATE TABLE discipline (unit_code VARCHAR, decision_date DATE, subject_type VARCHAR, form VARCHAR)");
            s.execute("INSERT INTO discipline VALUES"
                    + " ('C1a', DATE '2014-03-10', 'MEMBER', 'REPRIMAND'),"  // d1
                    + " ('C1a', DATE '2014-04-10', 'MEMBER', 'WARNING'),"    // d2
                    + " ('C2',  DATE '2014-05-10', 'MEMBER', 'EXPULSION'),"  // d3
                    + " ('C1',  DATE '2014-06-10', 'ORG',    'WARNING'),"    // d4: an organization warned
                    + " ('M',   DATE '2014-01-20', 'MEMBER', 'DISMISSAL')"); // d5

            s.execute("CREATE TABLE complaint (unit_code VARCHAR, received_date DATE, kind VARCHAR, anonymous BOOLEAN, status VARCHAR, resolved_date DATE)");
            s.execute("INSERT INTO complaint VALUES"
                    + " ('C1',  DATE '2013-12-20', 'DENUNCIATION', TRUE,  'RESOLVED',    DATE '2014-01-15'),"  // c1: received 2013, resolved 2014-H1
                    + " ('C1a', DATE '2014-02-02', 'APPEAL',       FALSE, 'RESOLVED',    DATE '2014-07-03'),"  // c2: received H1, resolved H2
                    + " ('C2',  DATE '2014-03-03', 'PETITION',     TRUE,  'IN_PROGRESS', NULL),"               // c3
                    + " ('M',   DATE '2014-04-04', 'DENUNCIATION', FALSE, 'RESOLVED',    DATE '2014-05-05'),"  // c4
                    + " ('B',   DATE '2014-06-06', 'PETITION',     FALSE, 'FILED',       NULL),"               // c5
                    + " ('C2',  DATE '2014-01-05', 'APPEAL',       FALSE, 'FILED',       DATE '2014-02-01')"); // c6: filed, not resolved

            s.execute("CREATE TABLE periods AS " + MetricSql.periodsRelation(List.of(H1_2013, H1_2014, H2_2014)));
        }
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    static Metric metric(String id) {
        return CATALOG.metric(id).orElseThrow();
    }

    static Metric custom(String recordType, Map<String, List<String>> filter, String dateField) {
        return new Metric("test.custom", new Label("Thử", "Test"), recordType, filter, dateField, "records");
    }

    /** metric id → period id → value, as the totals query returns them. */
    static Map<String, Map<String, Long>> totals(List<Metric> metrics, List<Period> periods, String unitCode, UnitBasis basis) throws SQLException {
        Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(SQL.totals(metrics, periods, unitCode, basis))) {
            while (rs.next()) {
                Long previous = values.computeIfAbsent(rs.getString("metric_id"), k -> new LinkedHashMap<>())
                        .put(rs.getString("period_id"), rs.getLong("value"));
                assertThat(previous).as("one row per metric and period").isNull();
            }
        }
        return values;
    }

    static long total(Metric metric, Period period, String unitCode, UnitBasis basis) throws SQLException {
        return totals(List.of(metric), List.of(period), unitCode, basis).get(metric.id()).get(period.id());
    }

    static long total(String metricId, Period period) throws SQLException {
        return total(metric(metricId), period, null, UnitBasis.SUCCESSOR);
    }

    /** metric id → value for one period, every catalog metric in {@code ids}. */
    static Map<String, Long> values(List<String> ids, Period period, String unitCode, UnitBasis basis) throws SQLException {
        Map<String, Map<String, Long>> all = totals(ids.stream().map(MetricSqlTest::metric).toList(), List.of(period), unitCode, basis);
        Map<String, Long> out = new LinkedHashMap<>();
        ids.forEach(id -> out.put(id, all.get(id).get(period.id())));
        return out;
    }

    /** period id → unit code → value, as the by-unit query returns them over the {@code periods} table. */
    static Map<String, Map<String, Long>> byUnit(Metric metric, UnitBasis basis) throws SQLException {
        Map<String, Map<String, Long>> rows = new TreeMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(SQL.byUnit(metric, basis))) {
            while (rs.next()) {
                assertThat(rs.getString("metric_id")).isEqualTo(metric.id());
                Long previous = rows.computeIfAbsent(rs.getString("period_id"), k -> new TreeMap<>())
                        .put(rs.getString("unit_code"), rs.getLong("value"));
                assertThat(previous).as("one row per period and unit").isNull();
            }
        }
        return rows;
    }

    static final List<String> ALL_IDS = MetricCatalogTest.DESIGN_IDS;

    @Nested
    class TotalsForAllUnits {

        @Test
        void everyCatalogMetricInTheFirstHalfOf2014() throws SQLException {
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
            assertThat(values(ALL_IDS, H1_2014, null, UnitBasis.SUCCESSOR)).containsExactlyInAnyOrderEntriesOf(expected);
        }

        @Test
        void everyMetricAndPeriodHasARowZeroIncluded() throws SQLException {
            List<Period> periods = List.of(H1_2013, H1_2014, YEAR_2015);
            Map<String, Map<String, Long>> all = totals(CATALOG.metrics(), periods, null, UnitBasis.SUCCESSOR);
            assertThat(all).hasSize(CATALOG.metrics().size());
            assertThat(all.values()).allSatisfy(byPeriod -> assertThat(byPeriod).containsOnlyKeys("2013-H1", "2014-H1", "2015"));
        }

        @Test
        void aPeriodWithNoRecordGivesZeroForEveryMetric() throws SQLException {
            assertThat(values(ALL_IDS, YEAR_2015, null, UnitBasis.SUCCESSOR).values()).containsOnly(0L);
            assertThat(values(ALL_IDS, Period.quarter(2012, 3), "B", UnitBasis.SUCCESSOR).values()).containsOnly(0L);
        }

        @Test
        void theBasisDoesNotMatterWithoutAUnit() throws SQLException {
            assertThat(values(ALL_IDS, YEAR_2014, null, UnitBasis.RECORDED))
                    .isEqualTo(values(ALL_IDS, YEAR_2014, null, UnitBasis.SUCCESSOR));
        }

        @Test
        void severalPeriodsInOneQuery() throws SQLException {
            Map<String, Map<String, Long>> all = totals(List.of(metric("inspection.orgs"), metric("inspection.members")),
                    List.of(H1_2013, H1_2014, H2_2014, YEAR_2014), null, UnitBasis.SUCCESSOR);
            assertThat(all.get("inspection.orgs")).containsExactlyInAnyOrderEntriesOf(Map.of("2013-H1", 1L, "2014-H1", 2L, "2014-H2", 0L, "2014", 2L));
            assertThat(all.get("inspection.members")).containsExactlyInAnyOrderEntriesOf(Map.of("2013-H1", 0L, "2014-H1", 3L, "2014-H2", 1L, "2014", 4L));
        }

        @Test
        void aPeriodListedTwiceIsCountedOnce() throws SQLException {
            assertThat(totals(List.of(metric("inspection.members")), List.of(H1_2014, H1_2014), null, UnitBasis.SUCCESSOR)
                    .get("inspection.members")).containsExactly(entry("2014-H1", 3L));
        }
    }

    @Nested
    class PeriodBoundaries {

        @Test
        void aRecordOnTheLastDayOfAPeriodCounts() throws SQLException {
            assertThat(total("inspection.members", Q2_2014)).isEqualTo(2);                                           // i3 (30/06), i6
            assertThat(total("inspection.members", Period.range(LocalDate.of(2014, 6, 30), LocalDate.of(2014, 6, 30)))).isEqualTo(1); // i3
        }

        @Test
        void theDayAfterDoesNot() throws SQLException {
            assertThat(total("inspection.members", Period.range(LocalDate.of(2014, 1, 1), LocalDate.of(2014, 6, 29)))).isEqualTo(2); // i2, i6
            assertThat(total("inspection.members", Q3_2014)).isEqualTo(1);   // i4 (01/07) only
            assertThat(total("inspection.members", H2_2014)).isEqualTo(1);   // i4, not i3
        }

        @Test
        void aRecordOnTheFirstDayOfAPeriodCounts() throws SQLException {
            assertThat(total("inspection.members", Period.range(LocalDate.of(2014, 7, 1), LocalDate.of(2014, 7, 1)))).isEqualTo(1);
            assertThat(total("inspection.members", Period.month(2014, 4))).isEqualTo(1);    // i6 on 01/04
        }

        @Test
        void aTermCountsEveryYearOfIt() throws SQLException {
            assertThat(total("inspection.orgs", Period.term(2010, 2015))).isEqualTo(3);     // i1, i5, i7
            assertThat(total("complaint.received", Period.term(2013, 2014))).isEqualTo(6);  // c1..c6
        }
    }

    @Nested
    class DateRules {

        @Test
        void resolvedLettersCountByTheirResolutionDate() throws SQLException {
            assertThat(total("complaint.resolved", H1_2014)).isEqualTo(2);  // c1 received in 2013, c4
            assertThat(total("complaint.resolved", H2_2014)).isEqualTo(1);  // c2 received in H1
            assertThat(total("complaint.resolved", H2_2013)).isZero();      // c1 was received then, not resolved
            assertThat(total("complaint.resolved", YEAR_2014)).isEqualTo(3);
        }

        @Test
        void receivedLettersCountByTheirReceivedDate() throws SQLException {
            assertThat(total("complaint.received", H2_2013)).isEqualTo(1);  // c1
            assertThat(total("complaint.received", H2_2014)).isZero();      // c2 resolved then, but received in H1
        }

        @Test
        void aLetterFiledWithAClosingDateIsNotResolved() throws SQLException {
            // c6 is FILED with a date in February 2014
            assertThat(total("complaint.resolved", Period.month(2014, 2))).isZero();
        }

        @Test
        void disciplinesCountByTheirDecisionDate() throws SQLException {
            assertThat(total("discipline.members", Period.quarter(2014, 1))).isEqualTo(2);  // d1 (10/03), d5 (20/01)
            assertThat(total("discipline.orgs", Q2_2014)).isEqualTo(1);                     // d4 (10/06)
        }
    }

    @Nested
    class Filters {

        @Test
        void aBooleanFilterCountsOnlyTrue() throws SQLException {
            assertThat(total("inspection.violations", YEAR_2014)).isEqualTo(3);   // i1, i3, i5 (i4 is false)
            assertThat(total("inspection.violations", H1_2013)).isZero();         // i7 is false
            assertThat(total("complaint.anonymous", H2_2013)).isEqualTo(1);       // c1
            assertThat(total("complaint.anonymous", YEAR_2014)).isEqualTo(1);     // c3
        }

        @Test
        void aBooleanFilterOnFalse() throws SQLException {
            Metric named = custom("complaint", Map.of("anonymous", List.of("false")), "received_date");
            assertThat(total(named, H1_2014, null, UnitBasis.SUCCESSOR)).isEqualTo(4);  // c2, c4, c5, c6
        }

        @Test
        void aMultiCodeFilterCountsAnyOfTheCodes() throws SQLException {
            Metric disputes = custom("complaint", Map.of("kind", List.of("DENUNCIATION", "APPEAL")), "received_date");
            assertThat(total(disputes, H1_2014, null, UnitBasis.SUCCESSOR)).isEqualTo(3);  // c2, c4, c6
            Metric types = custom("inspection", Map.of("type", List.of("SIGNS_OF_VIOLATION", "FINANCE")), "start_date");
            assertThat(total(types, YEAR_2014, null, UnitBasis.SUCCESSOR)).isEqualTo(3);    // i1, i2, i4
            Metric modes = custom("supervision", Map.of("mode", List.of("REGULAR", "THEMATIC")), "start_date");
            assertThat(total(modes, YEAR_2014, null, UnitBasis.SUCCESSOR)).isEqualTo(3);    // s1, s2, s3
        }

        @Test
        void filtersOnSeveralFieldsMustAllHold() throws SQLException {
            Metric members = custom("inspection", Map.of("subject_type", List.of("MEMBER"), "type", List.of("SIGNS_OF_VIOLATION", "COMPLIANCE")),
                    "start_date");
            assertThat(total(members, YEAR_2014, null, UnitBasis.SUCCESSOR)).isEqualTo(3);  // i2, i3, i6 (i4 is FINANCE, i1 ORG)
            assertThat(total("discipline.members.warning", YEAR_2014)).isEqualTo(1);        // d2, not the organization d4
        }
    }

    @Nested
    class TotalsForOneUnit {

        @Test
        void theBlocRollsUpEveryUnitUnderEitherBasis() throws SQLException {
            Map<String, Long> all = values(ALL_IDS, H1_2014, null, UnitBasis.SUCCESSOR);
            assertThat(values(ALL_IDS, H1_2014, "B", UnitBasis.SUCCESSOR)).isEqualTo(all);
            assertThat(values(ALL_IDS, H1_2014, "B", UnitBasis.RECORDED)).isEqualTo(all);
        }

        @Test
        void aCommitteeIncludesItsBranch() throws SQLException {
            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("inspection.orgs", 1L);               // i1
            expected.put("inspection.members", 2L);            // i2, i3 of C1a
            expected.put("inspection.signs.orgs", 1L);         // i1
            expected.put("inspection.signs.members", 1L);      // i2
            expected.put("inspection.violations", 2L);         // i1, i3
            expected.put("supervision.orgs", 1L);              // s1
            expected.put("supervision.members", 0L);
            expected.put("supervision.thematic", 1L);          // s1
            expected.put("discipline.orgs", 1L);               // d4
            expected.put("discipline.members", 2L);            // d1, d2 of C1a
            expected.put("discipline.members.reprimand", 1L);  // d1
            expected.put("discipline.members.warning", 1L);    // d2
            expected.put("discipline.members.dismissal", 0L);
            expected.put("discipline.members.expulsion", 0L);
            expected.put("complaint.received", 1L);            // c2 of C1a
            expected.put("complaint.denunciations", 0L);       // c1 was received in 2013
            expected.put("complaint.appeals", 1L);             // c2
            expected.put("complaint.anonymous", 0L);
            expected.put("complaint.resolved", 1L);            // c1 resolved 15/01/2014
            assertThat(values(ALL_IDS, H1_2014, "C1", UnitBasis.SUCCESSOR)).containsExactlyInAnyOrderEntriesOf(expected);
            assertThat(values(ALL_IDS, H1_2014, "C1", UnitBasis.RECORDED)).containsExactlyInAnyOrderEntriesOf(expected);
        }

        @Test
        void aBranchCountsOnlyItself() throws SQLException {
            assertThat(values(List.of("inspection.orgs", "inspection.members", "discipline.members", "complaint.received", "complaint.resolved"),
                    H1_2014, "C1a", UnitBasis.SUCCESSOR))
                    .containsExactly(entry("inspection.orgs", 0L), entry("inspection.members", 2L), entry("discipline.members", 2L),
                            entry("complaint.received", 1L), entry("complaint.resolved", 0L));
        }

        static final List<String> SOME = List.of("inspection.orgs", "inspection.violations", "supervision.members", "supervision.thematic",
                "discipline.members", "discipline.members.dismissal", "discipline.members.expulsion",
                "complaint.received", "complaint.denunciations", "complaint.resolved");

        @Test
        void theSuccessorCountsTheMergedUnitsRecords() throws SQLException {
            assertThat(values(SOME, H1_2014, "C2", UnitBasis.SUCCESSOR)).containsExactly(
                    entry("inspection.orgs", 1L),                // i5 of M
                    entry("inspection.violations", 1L),          // i5
                    entry("supervision.members", 2L),            // s2, s3 of M
                    entry("supervision.thematic", 1L),           // s3 of M
                    entry("discipline.members", 2L),             // d3, d5 of M
                    entry("discipline.members.dismissal", 1L),   // d5 of M
                    entry("discipline.members.expulsion", 1L),   // d3
                    entry("complaint.received", 3L),             // c3, c6, c4 of M
                    entry("complaint.denunciations", 1L),        // c4 of M
                    entry("complaint.resolved", 1L));            // c4 of M
        }

        @Test
        void theMergedUnitCountsNothingUnderTheSuccessorBasis() throws SQLException {
            assertThat(values(SOME, H1_2014, "M", UnitBasis.SUCCESSOR).values()).containsOnly(0L);
        }

        @Test
        void asRecordedTheMergedUnitKeepsItsRecords() throws SQLException {
            assertThat(values(SOME, H1_2014, "M", UnitBasis.RECORDED)).containsExactly(
                    entry("inspection.orgs", 1L), entry("inspection.violations", 1L),
                    entry("supervision.members", 1L), entry("supervision.thematic", 1L),
                    entry("discipline.members", 1L), entry("discipline.members.dismissal", 1L), entry("discipline.members.expulsion", 0L),
                    entry("complaint.received", 1L), entry("complaint.denunciations", 1L), entry("complaint.resolved", 1L));
        }

        @Test
        void asRecordedTheSuccessorCountsOnlyItsOwn() throws SQLException {
            assertThat(values(SOME, H1_2014, "C2", UnitBasis.RECORDED)).containsExactly(
                    entry("inspection.orgs", 0L), entry("inspection.violations", 0L),
                    entry("supervision.members", 1L), entry("supervision.thematic", 0L),              // s2
                    entry("discipline.members", 1L), entry("discipline.members.dismissal", 0L), entry("discipline.members.expulsion", 1L), // d3
                    entry("complaint.received", 2L), entry("complaint.denunciations", 0L), entry("complaint.resolved", 0L));             // c3, c6
        }

        @Test
        void anUnknownUnitCountsNothing() throws SQLException {
            assertThat(values(ALL_IDS, YEAR_2014, "X9", UnitBasis.SUCCESSOR).values()).containsOnly(0L);
        }

        @Test
        void aUnitCodeWithAQuoteIsDataNotSql() throws SQLException {
            assertThat(values(ALL_IDS, YEAR_2014, "B' OR '1'='1", UnitBasis.SUCCESSOR).values()).containsOnly(0L);
        }
    }

    @Nested
    class ByUnit {

        @Test
        void rollsEveryUnitUpTheHierarchyNonZeroRowsOnly() throws SQLException {
            assertThat(byUnit(metric("inspection.members"), UnitBasis.SUCCESSOR)).isEqualTo(Map.of(
                    "2014-H1", Map.of("B", 3L, "C1", 2L, "C1a", 2L),    // i2, i3 of C1a; i6 of B
                    "2014-H2", Map.of("B", 1L, "C2", 1L)));             // i4
        }

        @Test
        void theMergedUnitsRecordsGoToItsSuccessor() throws SQLException {
            assertThat(byUnit(metric("inspection.orgs"), UnitBasis.SUCCESSOR)).isEqualTo(Map.of(
                    "2013-H1", Map.of("B", 1L, "C2", 1L),               // i7
                    "2014-H1", Map.of("B", 2L, "C1", 1L, "C2", 1L)));   // i1; i5 of M under C2
        }

        @Test
        void asRecordedTheMergedUnitKeepsThem() throws SQLException {
            assertThat(byUnit(metric("inspection.orgs"), UnitBasis.RECORDED)).isEqualTo(Map.of(
                    "2013-H1", Map.of("B", 1L, "C2", 1L),
                    "2014-H1", Map.of("B", 2L, "C1", 1L, "M", 1L)));
        }

        @Test
        void resolvedLettersByUnitFollowTheResolutionDate() throws SQLException {
            assertThat(byUnit(metric("complaint.resolved"), UnitBasis.SUCCESSOR)).isEqualTo(Map.of(
                    "2014-H1", Map.of("B", 2L, "C1", 1L, "C2", 1L),     // c1 of C1, c4 of M
                    "2014-H2", Map.of("B", 1L, "C1", 1L, "C1a", 1L)));  // c2 of C1a
        }

        @Test
        void theBlocRowEqualsTheTotal() throws SQLException {
            for (String id : ALL_IDS) {
                Map<String, Map<String, Long>> rows = byUnit(metric(id), UnitBasis.SUCCESSOR);
                for (Period p : List.of(H1_2013, H1_2014, H2_2014)) {
                    long bloc = rows.getOrDefault(p.id(), Map.of()).getOrDefault("B", 0L);
                    assertThat(bloc).as(id + " " + p.id()).isEqualTo(total(id, p));
                }
            }
        }
    }

    @Nested
    class GeneratedText {

        @Test
        void aMetricWithNoFilterFiltersOnTrue() {
            assertThat(MetricSql.filter(metric("complaint.received"))).isEqualTo("TRUE");
            assertThat(MetricSql.filter(custom("complaint", Map.of(), "received_date"))).isEqualTo("TRUE");
        }

        @Test
        void codesAreQuoted() {
            assertThat(MetricSql.filter(metric("inspection.orgs"))).isEqualTo("r.subject_type IN ('ORG')");
            assertThat(MetricSql.filter(custom("complaint", Map.of("kind", List.of("DENUNCIATION", "APPEAL")), "received_date")))
                    .isEqualTo("r.kind IN ('DENUNCIATION', 'APPEAL')");
        }

        @Test
        void aQuoteInACodeIsDoubled() {
            assertThat(MetricSql.filter(custom("complaint", Map.of("kind", List.of("O'NEIL")), "received_date")))
                    .isEqualTo("r.kind IN ('O''NEIL')");
            assertThat(MetricSql.quote("it's")).isEqualTo("'it''s'");
        }

        @Test
        void booleansAreSqlLiteralsNotStrings() {
            assertThat(MetricSql.filter(metric("inspection.violations"))).isEqualTo("r.violation IN (TRUE)");
            assertThat(MetricSql.filter(custom("complaint", Map.of("anonymous", List.of("false")), "received_date")))
                    .isEqualTo("r.anonymous IN (FALSE)");
        }

        @Test
        void severalFieldsAreJoinedByAnd() {
            String filter = MetricSql.filter(metric("inspection.signs.members"));
            assertThat(filter).contains("r.type IN ('SIGNS_OF_VIOLATION')", "r.subject_type IN ('MEMBER')", " AND ");
            assertThat(filter).hasSize("r.type IN ('SIGNS_OF_VIOLATION') AND r.subject_type IN ('MEMBER')".length());
        }

        @Test
        void thePeriodsRelationListsIdsAndInclusiveDates() {
            assertThat(MetricSql.periodsRelation(List.of(H1_2014, Period.month(2014, 2))))
                    .isEqualTo("SELECT * FROM (VALUES ('2014-H1', DATE '2014-01-01', DATE '2014-06-30'), "
                            + "('2014-02', DATE '2014-02-01', DATE '2014-02-28')) AS t(period_id, period_from, period_to)");
        }

        @Test
        void theTemplatesAreFilledAndCommentFree() {
            String totals = SQL.totals(CATALOG.metrics(), List.of(H1_2014), "B", UnitBasis.SUCCESSOR);
            String byUnit = SQL.byUnit(metric("complaint.resolved"), UnitBasis.RECORDED);
            assertThat(totals).doesNotContain("{{", "--");
            assertThat(byUnit).doesNotContain("{{", "--")
                    .contains("FROM complaint r", "r.resolved_date BETWEEN", "r.status IN ('RESOLVED')", "c.unit_code = r.unit_code");
        }

        @Test
        void theUnitJoinOnlyAppearsForOneUnit() {
            assertThat(SQL.totals(List.of(metric("inspection.orgs")), List.of(H1_2014), null, UnitBasis.SUCCESSOR)).doesNotContain("unit_closure");
            assertThat(SQL.totals(List.of(metric("inspection.orgs")), List.of(H1_2014), "C2", UnitBasis.SUCCESSOR))
                    .contains("c.unit_code = m.current_code AND c.ancestor_code = 'C2'");
            assertThat(SQL.totals(List.of(metric("inspection.orgs")), List.of(H1_2014), "C2", UnitBasis.RECORDED))
                    .contains("c.unit_code = r.unit_code AND c.ancestor_code = 'C2'");
        }
    }
}
