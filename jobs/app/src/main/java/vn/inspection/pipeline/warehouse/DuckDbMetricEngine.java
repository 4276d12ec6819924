package vn.inspection.pipeline.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.inspection.pipeline.metrics.Metric;
import vn.inspection.pipeline.metrics.MetricEngine;
import vn.inspection.pipeline.metrics.MetricSql;
import vn.inspection.pipeline.metrics.UnitBasis;
import vn.inspection.pipeline.period.Period;

/** The catalog's SQL on the DuckDB warehouse, read-only: any period, not only the precomputed ones. */
public final class DuckDbMetricEngine implements MetricEngine {
    private final Warehouse warehouse;
    private final MetricSql sql = MetricSql.load();

    public DuckDbMetricEngine(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public Map<String, Map<String, Long>> totals(List<Metric> metrics, List<Period> periods, String unitCode, UnitBasis basis) {
        Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        metrics.forEach(m -> {
            Map<String, Long> byPeriod = new LinkedHashMap<>();
            periods.forEach(p -> byPeriod.put(p.id(), 0L));
            values.put(m.id(), byPeriod);
        });
        try (Connection connection = warehouse.openReadOnly();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql.totals(metrics, periods, unitCode, basis))) {
            while (rs.next()) {
                values.get(rs.getString("metric_id")).put(rs.getString("period_id"), rs.getLong("value"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("metric query failed on " + warehouse.file() + ": " + e.getMessage(), e);
        }
        return values;
    }
}
