package vn.inspection.pipeline.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import vn.inspection.pipeline.period.Period;

/**
 * Compiles catalog metrics to SQL from the templates in {@code sql/} (classpath), in the subset DuckDB and
 * Spark SQL both run. The SQL expects relations named after the record types (the lake's columns),
 * {@code unit_current(unit_code, current_code)}, {@code unit_closure(ancestor_code, unit_code, distance)}
 * and, for {@link #byUnit}, {@code periods(period_id, period_from, period_to)}. No metric is written in Java:
 * only its filter, date and record type are spliced into the templates.
 */
public final class MetricSql {
    private final String byUnitTemplate;
    private final String totalTemplate;

    private MetricSql(String byUnitTemplate, String totalTemplate) {
        this.byUnitTemplate = byUnitTemplate;
        this.totalTemplate = totalTemplate;
    }

    public static MetricSql load() {
        return new MetricSql(resource("sql/metric_by_unit.sql"), resource("sql/metric_total.sql"));
    }

    private static String resource(String name) {
        try (InputStream in = MetricSql.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("SQL template missing from the classpath: " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // drop the comment lines: some engines' JDBC drivers dislike leading comments
            return text.lines().filter(l -> !l.startsWith("--")).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows (metric_id, period_id, unit_code, value) for every unit with a non-zero value. */
    public String byUnit(Metric metric, UnitBasis basis) {
        return fill(byUnitTemplate, metric, Map.of("{{unit_ref}}", basis == UnitBasis.SUCCESSOR ? "m.current_code" : "r.unit_code"));
    }

    /**
     * One query giving rows (metric_id, period_id, value) for every metric and period, 0 included: for one
     * unit and the units below it, or for all records when {@code unitCode} is null.
     */
    public String totals(List<Metric> metrics, List<Period> periods, String unitCode, UnitBasis basis) {
        String unitJoin = "";
        if (unitCode != null) {
            String counted = basis == UnitBasis.SUCCESSOR ? "m.current_code" : "r.unit_code";
            unitJoin = "JOIN unit_current m ON m.unit_code = r.unit_code\n    JOIN unit_closure c ON c.unit_code = " + counted
                    + " AND c.ancestor_code = " + quote(unitCode);
        }
        List<String> parts = new ArrayList<>();
        for (Metric metric : metrics) {
            parts.add(fill(totalTemplate, metric, Map.of("{{unit_join}}", unitJoin)));
        }
        // a period asked for twice (compare 2014-H1 2014-H1) is one row of the relation, or its records would count twice
        List<Period> distinct = periods.stream().distinct().toList();
        return "WITH periods AS (\n" + periodsRelation(distinct) + "\n)\n" + String.join("\nUNION ALL\n", parts);
    }

    /** An inline relation periods(period_id, period_from, period_to). */
    public static String periodsRelation(List<Period> periods) {
        String rows = periods.stream()
                .map(p -> "(" + quote(p.id()) + ", DATE '" + p.from() + "', DATE '" + p.to() + "')")
                .collect(Collectors.joining(", "));
        return "SELECT * FROM (VALUES " + rows + ") AS t(period_id, period_from, period_to)";
    }

    private static String fill(String template, Metric metric, Map<String, String> more) {
        String sql = template
                .replace("{{metric_id}}", metric.id())
                .replace("{{record_type}}", metric.recordType())
                .replace("{{date_field}}", metric.dateField())
                .replace("{{filter}}", filter(metric));
        for (Map.Entry<String, String> entry : more.entrySet()) {
            sql = sql.replace(entry.getKey(), entry.getValue());
        }
        return sql;
    }

    /** The metric's filter as a boolean SQL expression over {@code r}. */
    static String filter(Metric metric) {
        if (metric.filter().isEmpty()) {
            return "TRUE";
        }
        List<String> terms = new ArrayList<>();
        metric.filter().forEach((field, codes) -> {
            boolean bool = codes.stream().allMatch(c -> c.equals("true") || c.equals("false"));
            String list = codes.stream().map(c -> bool ? c.toUpperCase(java.util.Locale.ROOT) : quote(c)).collect(Collectors.joining(", "));
            terms.add("r." + field + " IN (" + list + ")");
        });
        return String.join(" AND ", terms);
    }

    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
