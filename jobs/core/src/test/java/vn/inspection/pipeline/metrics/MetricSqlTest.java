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
 * The SQL text the catalog compiles to, and the by-unit template the DuckDB warehouse alone runs (its refresh
 * precomputes every metric per unit), on an in-memory DuckDB over a handful of records worked out by hand.
 * What every engine answers (totals, subordinates, breakdowns, spans, units) is the engine contract's: the
 * module {@code jobs/contract}, run by the DuckDB and the Spark engine on a neutral Parquet lake.
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
