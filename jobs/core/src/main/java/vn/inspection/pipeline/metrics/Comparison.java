package vn.inspection.pipeline.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.inspection.pipeline.period.Period;

/**
 * Period A compared with period B for every metric: value in A, value in B, difference (B − A) and change
 * in percent relative to A (one decimal; null when A is 0). "6 tháng đầu năm 2014 so với cùng kỳ 2013" is
 * A = 2013-H1, B = 2014-H1.
 */
public record Comparison(Period a, Period b, String unitCode, String engine, List<Row> rows) {

    public record Row(Metric metric, long a, long b) {
        public long delta() {
            return b - a;
        }

        /** Change in percent of A, one decimal (half-up); null when A is 0. */
        public BigDecimal changePercent() {
            if (a == 0) {
                return null;
            }
            return BigDecimal.valueOf(b - a).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(a), 1, RoundingMode.HALF_UP);
        }
    }

    public static Comparison of(MetricEngine engine, List<Metric> metrics, Period a, Period b, String unitCode, UnitBasis basis) {
        Map<String, Map<String, Long>> values = engine.totals(metrics, List.of(a, b), unitCode, basis);
        List<Row> rows = new ArrayList<>();
        for (Metric metric : metrics) {
            Map<String, Long> byPeriod = values.getOrDefault(metric.id(), Map.of());
            rows.add(new Row(metric, byPeriod.getOrDefault(a.id(), 0L), byPeriod.getOrDefault(b.id(), 0L)));
        }
        return new Comparison(a, b, unitCode, engine.name(), List.copyOf(rows));
    }
}
