package vn.inspection.pipeline.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.inspection.pipeline.metrics.Breakdown;
import vn.inspection.pipeline.metrics.DateSpan;
import vn.inspection.pipeline.metrics.ExplainedRecord;
import vn.inspection.pipeline.metrics.Metric;
import vn.inspection.pipeline.metrics.MetricEngine;
import vn.inspection.pipeline.metrics.MetricSql;
import vn.inspection.pipeline.metrics.UnitBasis;
import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.unit.UnitTables;

/**
 * The catalog's SQL on the DuckDB warehouse, read-only: any period, not only the precomputed ones. The engine
 * opens the warehouse (through its sandbox) at its first query and keeps that one connection until
 * {@link #close()}: every answer of one engine comes from the same warehouse file, even when a refresh swaps in a
 * new one meanwhile (the next engine sees it), and the file is opened once, not once per query.
 */
public final class DuckDbMetricEngine implements MetricEngine {
    private final Warehouse warehouse;
    private final MetricSql sql;
    private Connection connection;

    public DuckDbMetricEngine(Warehouse warehouse) {
        this(warehouse, null);
    }

    /** An engine answering as the lake knew its records at {@code knownAt} (null: now, the current versions). */
    public DuckDbMetricEngine(Warehouse warehouse, java.time.Instant knownAt) {
        this.warehouse = warehouse;
        this.sql = knownAt == null ? MetricSql.load()
                : MetricSql.load().knownAt("TIMESTAMPTZ '" + vn.inspection.pipeline.lake.KnownAt.sqlText(knownAt) + "'");
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing a read-only connection: nothing to lose
            }
            connection = null;
        }
    }

    private synchronized Connection connection() throws SQLException {
        if (connection == null) {
            connection = warehouse.openReadOnly();
        }
        return connection;
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
        query(sql.totals(metrics, periods, unitCode, basis),
                rs -> values.get(rs.getString("metric_id")).put(rs.getString("period_id"), rs.getLong("value")));
        return values;
    }

    @Override
    public Map<String, Map<String, Map<String, Long>>> bySubordinate(List<Metric> metrics, List<Period> periods, String parentCode,
                                                                     UnitBasis basis) {
        Map<String, Map<String, Map<String, Long>>> values = new LinkedHashMap<>();
        metrics.forEach(m -> values.put(m.id(), new LinkedHashMap<>()));
        query(sql.bySubordinate(metrics, periods, parentCode, basis), rs -> values.get(rs.getString("metric_id"))
                .computeIfAbsent(rs.getString("unit_code"), u -> new LinkedHashMap<>())
                .put(rs.getString("period_id"), rs.getLong("value")));
        return values;
    }

    @Override
    public Map<String, Map<String, Long>> breakdown(Breakdown breakdown, List<Period> periods, String unitCode, UnitBasis basis) {
        Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        query(sql.breakdown(breakdown, periods, unitCode, basis), rs -> values
                .computeIfAbsent(rs.getString("code"), c -> new LinkedHashMap<>())
                .put(rs.getString("period_id"), rs.getLong("value")));
        return values;
    }

    @Override
    public List<ExplainedRecord> explain(Metric metric, Period period, String unitCode, UnitBasis basis) {
        List<ExplainedRecord> records = new ArrayList<>();
        query(sql.explain(metric, period, unitCode, basis), rs -> {
            Map<String, String> filterValues = new LinkedHashMap<>();
            for (String field : metric.filter().keySet()) {
                filterValues.put(field, rs.getString(MetricSql.FILTER_COLUMN + field));
            }
            int row = rs.getInt("source_row");
            records.add(new ExplainedRecord(metric.recordType(), rs.getString("record_key"), rs.getString("unit_code"),
                    rs.getString("counted_under"), rs.getObject("metric_date", LocalDate.class), filterValues, rs.getString("subject_type"),
                    rs.getString("subject"), rs.getString("source_file"), rs.getString("source_sheet"), rs.wasNull() ? null : row));
        });
        return records;
    }

    @Override
    public Optional<DateSpan> span(List<Metric> metrics) {
        List<DateSpan> span = new ArrayList<>(1);
        query(sql.span(metrics), rs -> {
            LocalDate first = rs.getObject("first_date", LocalDate.class);
            if (first != null) {
                span.add(new DateSpan(first, rs.getObject("last_date", LocalDate.class)));
            }
        });
        return span.stream().findFirst();
    }

    @Override
    public List<UnitTables.UnitRow> units() {
        List<UnitTables.UnitRow> units = new ArrayList<>();
        query("SELECT " + String.join(", ", UnitTables.UNIT_COLUMNS) + " FROM units ORDER BY path", rs -> units.add(new UnitTables.UnitRow(
                rs.getString("code"), rs.getString("name"), rs.getString("parent_code"), rs.getString("level"), rs.getString("aliases"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), rs.getString("successor_code"),
                rs.getString("current_code"), rs.getInt("depth"), rs.getString("path"))));
        return units;
    }

    private interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String text, RowHandler handler) {
        try (Statement statement = connection().createStatement();
             ResultSet rs = statement.executeQuery(text)) {
            while (rs.next()) {
                handler.accept(rs);
            }
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("file system operations are disabled")) {
                // the engine's own SQL reads no file: only a warehouse whose records are views over the lake's files
                // (as versions before the sandbox built them) makes it try
                org.slf4j.LoggerFactory.getLogger(DuckDbMetricEngine.class).info("a query read a file: an older warehouse", e);
                throw new IllegalStateException("the warehouse " + warehouse.file() + " was built by an older version of the pipeline "
                        + "(its records are views over the lake): rebuild it with 'pipeline refresh'");
            }
            throw new IllegalStateException("query on the warehouse " + warehouse.file() + " failed: " + e.getMessage(), e);
        }
    }
}
