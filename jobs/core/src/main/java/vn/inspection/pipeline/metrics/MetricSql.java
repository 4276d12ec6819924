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
    private final String bySubordinateTemplate;
    private final String breakdownTemplate;
    private final String spanTemplate;
    private final String explainTemplate;
    /** The instant the figures are as known at, as the engine's SQL literal; null for the current versions. */
    private final String knownAt;

    private MetricSql(String byUnitTemplate, String totalTemplate, String bySubordinateTemplate, String breakdownTemplate,
                      String spanTemplate, String explainTemplate, String knownAt) {
        this.byUnitTemplate = byUnitTemplate;
        this.totalTemplate = totalTemplate;
        this.bySubordinateTemplate = bySubordinateTemplate;
        this.breakdownTemplate = breakdownTemplate;
        this.spanTemplate = spanTemplate;
        this.explainTemplate = explainTemplate;
        this.knownAt = knownAt;
    }

    public static MetricSql load() {
        return new MetricSql(resource("sql/metric_by_unit.sql"), resource("sql/metric_total.sql"),
                resource("sql/metric_by_subordinate.sql"), resource("sql/breakdown.sql"), resource("sql/date_span.sql"),
                resource("sql/explain.sql"), null);
    }

    /**
     * The same catalog over the records as the lake knew them at an instant: each record type's relation is then
     * the versions current at that instant ({@code <type>_versions}: valid from at or before it, not yet ended).
     *
     * @param timestampLiteral the instant as the engine writes a timestamp-with-time-zone literal
     *                         ({@code TIMESTAMPTZ '…'} on DuckDB, {@code TIMESTAMP '…'} on Spark)
     */
    public MetricSql knownAt(String timestampLiteral) {
        return new MetricSql(byUnitTemplate, totalTemplate, bySubordinateTemplate, breakdownTemplate, spanTemplate, explainTemplate,
                timestampLiteral);
    }

    /** The SQL versions template: every version of a record type's records with the instant it ended. */
    public static String versions(String recordType, String rows, List<String> columns) {
        return resource("sql/versions.sql").replace("{{record_type}}", recordType).replace("{{rows}}", rows)
                .replace("{{columns}}", columns.stream().map(c -> "b." + c).collect(Collectors.joining(", ")));
    }

    /** The relation the templates read a record type from: its table (current versions), or its versions as known at an instant. */
    public String relation(String recordType) {
        if (knownAt == null) {
            return recordType;
        }
        return "(SELECT * FROM " + recordType + "_versions WHERE valid_from <= " + knownAt + " AND (valid_to IS NULL OR valid_to > " + knownAt + "))";
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
        return fill(byUnitTemplate, metric, Map.of("{{unit_ref}}", unitRef(basis)));
    }

    /**
     * One query giving rows (metric_id, period_id, value) for every metric and period, 0 included: for one
     * unit and the units below it, or for all records when {@code unitCode} is null.
     */
    public String totals(List<Metric> metrics, List<Period> periods, String unitCode, UnitBasis basis) {
        String unitJoin = unitJoin(unitCode, basis);
        List<String> parts = new ArrayList<>();
        for (Metric metric : metrics) {
            parts.add(fill(totalTemplate, metric, Map.of("{{unit_join}}", unitJoin)));
        }
        return withPeriods(periods, parts);
    }

    /**
     * One query giving rows (metric_id, period_id, unit_code, value) for each direct subordinate of
     * {@code parentCode} with a non-zero value, rolled up the hierarchy.
     */
    public String bySubordinate(List<Metric> metrics, List<Period> periods, String parentCode, UnitBasis basis) {
        List<String> parts = new ArrayList<>();
        for (Metric metric : metrics) {
            parts.add(fill(bySubordinateTemplate, metric, Map.of("{{unit_ref}}", unitRef(basis), "{{parent_code}}", quote(parentCode))));
        }
        return withPeriods(periods, parts);
    }

    /** One query giving rows (code, period_id, value) of a breakdown, non-zero counts only. */
    public String breakdown(Breakdown breakdown, List<Period> periods, String unitCode, UnitBasis basis) {
        String sql = breakdownTemplate
                .replace("{{record_type}}", relation(breakdown.recordType()))
                .replace("{{field}}", breakdown.field())
                .replace("{{date_field}}", breakdown.dateField())
                .replace("{{filter}}", filter(breakdown.filter()))
                .replace("{{unit_join}}", unitJoin(unitCode, basis));
        return withPeriods(periods, List.of(sql));
    }

    /** One query giving one row (first_date, last_date) over every (record type, date field) the metrics use. */
    public String span(List<Metric> metrics) {
        java.util.Set<List<String>> pairs = new java.util.LinkedHashSet<>();
        metrics.forEach(m -> pairs.add(List.of(m.recordType(), m.dateField())));
        List<String> parts = pairs.stream()
                .map(pair -> spanTemplate.replace("{{record_type}}", relation(pair.get(0))).replace("{{date_field}}", pair.get(1)))
                .toList();
        return "SELECT min(first_date) AS first_date, max(last_date) AS last_date FROM (\n"
                + String.join("\nUNION ALL\n", parts) + "\n) spans";
    }

    /** The prefix of the column that holds a filter field's value in {@link #explain}'s rows ({@code filter_type}). */
    public static final String FILTER_COLUMN = "filter_";

    /**
     * One query giving the records {@code metric} counts in {@code period}, for one unit and the units below it or
     * for all records ({@code unitCode} null), in the order of their date, unit and lineage: columns record_key,
     * unit_code, counted_under, metric_date, subject_type, subject, one {@code filter_<field>} (as text) per field the
     * metric filters on, source_file, source_sheet, source_row and period_id. Its rows are as many as
     * {@link #totals} counts for the same arguments.
     */
    public String explain(Metric metric, Period period, String unitCode, UnitBasis basis) {
        StringBuilder columns = new StringBuilder();
        for (String field : metric.filter().keySet()) {
            columns.append(", CAST(r.").append(field).append(" AS STRING) AS ").append(FILTER_COLUMN).append(field);
        }
        String unitFilter = unitCode == null ? ""
                : "JOIN unit_closure c ON c.unit_code = " + unitRef(basis) + " AND c.ancestor_code = " + quote(unitCode);
        String countedUnder = basis == UnitBasis.SUCCESSOR ? "coalesce(m.current_code, r.unit_code)" : "r.unit_code";
        return withPeriods(List.of(period), List.of(fill(explainTemplate, metric, Map.of("{{filter_columns}}", columns.toString(),
                "{{unit_filter}}", unitFilter, "{{counted_under}}", countedUnder))));
    }

    private static String unitRef(UnitBasis basis) {
        return basis == UnitBasis.SUCCESSOR ? "m.current_code" : "r.unit_code";
    }

    private static String unitJoin(String unitCode, UnitBasis basis) {
        if (unitCode == null) {
            return "";
        }
        return "JOIN unit_current m ON m.unit_code = r.unit_code\n    JOIN unit_closure c ON c.unit_code = " + unitRef(basis)
                + " AND c.ancestor_code = " + quote(unitCode);
    }

    private static String withPeriods(List<Period> periods, List<String> parts) {
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

    private String fill(String template, Metric metric, Map<String, String> more) {
        String sql = template
                .replace("{{metric_id}}", metric.id())
                .replace("{{record_type}}", relation(metric.recordType()))
                .replace("{{date_field}}", metric.dateField())
                .replace("{{filter}}", filter(metric));
        for (Map.Entry<String, String> entry : more.entrySet()) {
            sql = sql.replace(entry.getKey(), entry.getValue());
        }
        return sql;
    }

    /** The metric's filter as a boolean SQL expression over {@code r}. */
    static String filter(Metric metric) {
        return filter(metric.filter());
    }

    /** A filter (field → codes) as a boolean SQL expression over {@code r}. */
    static String filter(Map<String, List<String>> filter) {
        if (filter.isEmpty()) {
            return "TRUE";
        }
        List<String> terms = new ArrayList<>();
        filter.forEach((field, codes) -> {
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
