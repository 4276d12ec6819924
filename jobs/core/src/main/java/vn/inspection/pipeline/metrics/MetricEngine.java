package vn.inspection.pipeline.metrics;

import java.util.List;
import java.util.Map;

import vn.inspection.pipeline.period.Period;

/**
 * Where the catalog's SQL runs: DuckDB (the embedded default) or Spark SQL. The one contract: for the
 * given metrics and periods, the number of records of each, for one unit with the units below it or for
 * all records when {@code unitCode} is null. Both engines run the same SQL from {@link MetricSql}, so they
 * give the same numbers.
 */
public interface MetricEngine {

    /** A short name shown in outputs ("duckdb", "spark"). */
    String name();

    /** metric id → period id → value; every metric and period present, 0 included. */
    Map<String, Map<String, Long>> totals(List<Metric> metrics, List<Period> periods, String unitCode, UnitBasis basis);
}
