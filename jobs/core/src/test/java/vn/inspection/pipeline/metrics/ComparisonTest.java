package vn.inspection.pipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.inspection.pipeline.metrics.Comparison.Row;
import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.schema.SchemaCatalog;

class ComparisonTest {

    static final Path SCHEMAS = Path.of("../../schemas");
    static final MetricCatalog CATALOG = MetricCatalog.load(SCHEMAS, SchemaCatalog.load(SCHEMAS));
    static final Period A = Period.half(2013, 1);
    static final Period B = Period.half(2014, 1);

    static Metric metric(String id) {
        return CATALOG.metric(id).orElseThrow();
    }

    /** An engine that answers totals only: what a comparison asks of it. */
    abstract static class TotalsEngine implements MetricEngine {
        @Override
        public Map<String, Map<String, Map<String, Long>>> bySubordinate(List<Metric> metrics, List<Period> periods, String parentCode,
                                                                         UnitBasis basis) {
            throw new UnsupportedOperationException("a comparison asks for totals only");
        }

        @Override
        public Map<String, Map<String, Long>> breakdown(Breakdown breakdown, List<Period> periods, String unitCode, UnitBasis basis) {
            throw new UnsupportedOperationException("a comparison asks for totals only");
        }

        @Override
        public java.util.Optional<DateSpan> span(List<Metric> metrics) {
            throw new UnsupportedOperationException("a comparison asks for totals only");
        }

        @Override
        public List<vn.inspection.pipeline.unit.UnitTables.UnitRow> units() {
            throw new UnsupportedOperationException("a comparison asks for totals only");
        }
    }

    /** An engine answering fixed values (metric id → {value in A, value in B}) and recording what it was asked. */
    static final class StubEngine extends TotalsEngine {
        final Map<String, long[]> values;
        final List<Object[]> calls = new ArrayList<>();

        StubEngine(Map<String, long[]> values) {
            this.values = values;
        }

        @Override
        public String name() {
            return "stub";
        }

        @Override
        public Map<String, Map<String, Long>> totals(List<Metric> metrics, List<Period> periods, String unitCode, UnitBasis basis) {
            calls.add(new Object[] {metrics, periods, unitCode, basis});
            Map<String, Map<String, Long>> out = new HashMap<>();   // deliberately unordered
            values.forEach((id, ab) -> out.put(id, Map.of(periods.get(0).id(), ab[0], periods.get(1).id(), ab[1])));
            return out;
        }
    }

    /** The H1 2014 report of the central bloc (seed 004) against a made-up H1 2013. */
    static Comparison seed004() {
        StubEngine engine = new StubEngine(Map.of(
                "inspection.orgs", new long[] {400, 423},
                "inspection.members", new long[] {2200, 2528},
                "complaint.received", new long[] {150, 120},
                "inspection.signs.members", new long[] {0, 4}));
        return Comparison.of(engine, CATALOG.metrics(), A, B, null, UnitBasis.SUCCESSOR);
    }

    static Row row(Comparison comparison, String id) {
        return comparison.rows().stream().filter(r -> r.metric().id().equals(id)).findFirst().orElseThrow();
    }

    @Nested
    class Of {

        @Test
        void carriesTheValuesOfAAndB() {
            Row members = row(seed004(), "inspection.members");
            assertThat(members.a()).isEqualTo(2200);
            assertThat(members.b()).isEqualTo(2528);
            assertThat(members.metric()).isEqualTo(metric("inspection.members"));
        }

        @Test
        void hasOneRowPerMetricInCatalogOrder() {
            assertThat(seed004().rows()).extracting(Row::metric).containsExactlyElementsOf(CATALOG.metrics());
        }

        @Test
        void followsTheOrderOfTheMetricsItIsGiven() {
            List<Metric> metrics = List.of(metric("complaint.received"), metric("inspection.orgs"), metric("discipline.members"));
            Comparison c = Comparison.of(new StubEngine(Map.of("inspection.orgs", new long[] {1, 2})), metrics, A, B, null, UnitBasis.SUCCESSOR);
            assertThat(c.rows()).extracting(r -> r.metric().id()).containsExactly("complaint.received", "inspection.orgs", "discipline.members");
        }

        @Test
        void aMetricTheEngineDoesNotAnswerIsZero() {
            Row thematic = row(seed004(), "supervision.thematic");
            assertThat(thematic.a()).isZero();
            assertThat(thematic.b()).isZero();
            assertThat(thematic.delta()).isZero();
            assertThat(thematic.changePercent()).isNull();
        }

        @Test
        void carriesThePeriodsTheUnitAndTheEngineName() {
            StubEngine engine = new StubEngine(Map.of());
            Comparison c = Comparison.of(engine, CATALOG.metrics(), A, B, "C2", UnitBasis.RECORDED);
            assertThat(c.a()).isEqualTo(A);
            assertThat(c.b()).isEqualTo(B);
            assertThat(c.unitCode()).isEqualTo("C2");
            assertThat(c.engine()).isEqualTo("stub");
        }

        @Test
        void asksTheEngineOnceForBothPeriodsWithTheUnitAndBasis() {
            StubEngine engine = new StubEngine(Map.of());
            Comparison.of(engine, CATALOG.metrics(), A, B, "C2", UnitBasis.RECORDED);
            assertThat(engine.calls).hasSize(1);
            assertThat(engine.calls.get(0)).containsExactly(CATALOG.metrics(), List.of(A, B), "C2", UnitBasis.RECORDED);
        }

        @Test
        void worksWithAnAnonymousEngine() {
            MetricEngine engine = new TotalsEngine() {
                @Override
                public String name() {
                    return "duckdb";
                }

                @Override
                public Map<String, Map<String, Long>> totals(List<Metric> metrics, List<Period> periods, String unitCode, UnitBasis basis) {
                    Map<String, Map<String, Long>> out = new HashMap<>();
                    metrics.forEach(m -> out.put(m.id(), Map.of(periods.get(0).id(), 10L, periods.get(1).id(), 12L)));
                    return out;
                }
            };
            Comparison c = Comparison.of(engine, List.of(metric("supervision.orgs")), A, B, null, UnitBasis.SUCCESSOR);
            assertThat(c.engine()).isEqualTo("duckdb");
            assertThat(c.rows()).singleElement().satisfies(r -> {
                assertThat(r.delta()).isEqualTo(2);
                assertThat(r.changePercent()).isEqualTo(new BigDecimal("20.0"));
            });
        }

        @Test
        void theRowsCannotBeChanged() {
            Comparison c = seed004();
            assertThat(c.rows()).isUnmodifiable();
        }
    }

    @Nested
    class Change {

        @Test
        void seed004MembersInspected() {
            Row members = row(seed004(), "inspection.members");
            assertThat(members.delta()).isEqualTo(328);
            assertThat(members.changePercent()).isEqualTo(new BigDecimal("14.9"));   // 14.909…
        }

        @Test
        void seed004OrganizationsInspectedRoundHalfUp() {
            Row orgs = row(seed004(), "inspection.orgs");
            assertThat(orgs.delta()).isEqualTo(23);
            assertThat(orgs.changePercent()).isEqualTo(new BigDecimal("5.8"));       // 5.75
        }

        @Test
        void aDecreaseIsNegative() {
            Row letters = row(seed004(), "complaint.received");
            assertThat(letters.delta()).isEqualTo(-30);
            assertThat(letters.changePercent()).isEqualTo(new BigDecimal("-20.0"));
        }

        @Test
        void nullWhenAIsZero() {
            Row signs = row(seed004(), "inspection.signs.members");
            assertThat(signs.delta()).isEqualTo(4);
            assertThat(signs.changePercent()).isNull();
        }

        @ParameterizedTest(name = "{0} → {1}: {2}%")
        @CsvSource({
                "2200, 2528, 14.9",
                "400, 423, 5.8",
                "400, 377, -5.8",     // −5.75: half-up rounds away from zero
                "2000, 2299, 15.0",   // 14.95
                "2000, 2298, 14.9",   // 14.9
                "3, 4, 33.3",
                "3, 5, 66.7",
                "100, 100, 0.0",
                "100, 0, -100.0",
                "1, 3, 200.0",
                "7, 1, -85.7"})
        void oneDecimalHalfUp(long a, long b, String percent) {
            Row row = new Row(metric("inspection.orgs"), a, b);
            assertThat(row.delta()).isEqualTo(b - a);
            assertThat(row.changePercent()).isEqualTo(new BigDecimal(percent));
            assertThat(row.changePercent().scale()).isEqualTo(1);
        }

        @Test
        void fromZeroToZeroHasNoPercent() {
            Row row = new Row(metric("inspection.orgs"), 0, 0);
            assertThat(row.delta()).isZero();
            assertThat(row.changePercent()).isNull();
        }
    }
}
