package vn.inspection.pipeline.metrics;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.unit.UnitTables;

/**
 * Where the catalog's SQL runs: DuckDB (the embedded default) or Spark SQL. Every query a command or a report
 * needs is here, and each implementation runs the same SQL from {@link MetricSql}, so they give the same
 * numbers. A unit's figures include the units below it; {@code unitCode} null means every record.
 * Implementations hold engine resources until {@link #close()}.
 */
public interface MetricEngine extends AutoCloseable {

    /** A short name shown in outputs ("duckdb", "spark"). */
    String name();

    /** metric id → period id → value; every metric and period present, 0 included. */
    Map<String, Map<String, Long>> totals(List<Metric> metrics, List<Period> periods, String unitCode, UnitBasis basis);

    /**
     * Each metric per direct subordinate of {@code parentCode} (its value including the units below it):
     * metric id → unit code → period id → value. Only non-zero values are present.
     */
    Map<String, Map<String, Map<String, Long>>> bySubordinate(List<Metric> metrics, List<Period> periods, String parentCode,
                                                              UnitBasis basis);

    /** The records a breakdown counts: code ('' for blank) → period id → value; only non-zero values are present. */
    Map<String, Map<String, Long>> breakdown(Breakdown breakdown, List<Period> periods, String unitCode, UnitBasis basis);

    /**
     * The records {@code metric} counts in {@code period} for one unit and the units below it ({@code unitCode}
     * null: every record), ordered by date, unit and lineage: as many as {@link #totals} gives for the same
     * arguments, one by one, with their lineage and the subject as the lake keeps it (never a member's name).
     * Both engines implement it (the engine contract holds them to it); an engine made only to feed figures to a
     * report in a test need not.
     */
    default List<ExplainedRecord> explain(Metric metric, Period period, String unitCode, UnitBasis basis) {
        throw new UnsupportedOperationException("the " + name() + " engine cannot list the records a figure counts");
    }

    /** The first and last date the records hold by the metrics' date fields; empty when there is no record. */
    Optional<DateSpan> span(List<Metric> metrics);

    /** The unit dimension: every unit with its parent, name, successor, depth and path. */
    List<UnitTables.UnitRow> units();

    @Override
    default void close() {
    }
}
