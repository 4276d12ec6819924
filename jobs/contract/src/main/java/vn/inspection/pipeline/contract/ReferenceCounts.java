package vn.inspection.pipeline.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.inspection.pipeline.metrics.Breakdown;
import vn.inspection.pipeline.metrics.DateSpan;
import vn.inspection.pipeline.metrics.Metric;
import vn.inspection.pipeline.metrics.UnitBasis;
import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.unit.UnitHierarchy;

/**
 * The catalog's figures counted in plain Java, record by record: the reference every engine is held to, so
 * that engines that each equal it equal each other. It states the rules the SQL templates implement: a record
 * counts when every filter field holds one of its codes (a blank field holds none), its date lies in the period
 * (both ends included); for one unit, when the unit it is counted under (its successor's, or as recorded) is
 * that unit or below it; a record of a unit the units reference lacks counts only for all units.
 */
public final class ReferenceCounts {
    private final List<LakeRecord> records;
    private final UnitHierarchy units;

    public ReferenceCounts(List<LakeRecord> records, UnitHierarchy units) {
        this.records = List.copyOf(records);
        this.units = units;
    }

    /** metric id → period id → value, every metric and period present. */
    public Map<String, Map<String, Long>> totals(List<Metric> metrics, List<Period> periods, String unitCode, UnitBasis basis) {
        Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            Map<String, Long> byPeriod = new LinkedHashMap<>();
            for (Period period : periods) {
                byPeriod.put(period.id(), records.stream()
                        .filter(r -> counts(r, metric.recordType(), metric.filter(), metric.dateField(), period))
                        .filter(r -> unitCode == null || under(r, unitCode, basis))
                        .count());
            }
            values.put(metric.id(), byPeriod);
        }
        return values;
    }

    /** The records one metric counts in one period for one unit (null: all), in the order written. */
    public List<LakeRecord> explain(Metric metric, Period period, String unitCode, UnitBasis basis) {
        return records.stream()
                .filter(r -> counts(r, metric.recordType(), metric.filter(), metric.dateField(), period))
                .filter(r -> unitCode == null || under(r, unitCode, basis))
                .toList();
    }

    /** metric id → subordinate code → period id → value; non-zero values only. */
    public Map<String, Map<String, Map<String, Long>>> bySubordinate(List<Metric> metrics, List<Period> periods, String parentCode,
                                                                     UnitBasis basis) {
        Map<String, Map<String, Map<String, Long>>> values = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            Map<String, Map<String, Long>> byUnit = new LinkedHashMap<>();
            for (Period period : periods.stream().distinct().toList()) {
                for (LakeRecord record : records) {
                    if (!counts(record, metric.recordType(), metric.filter(), metric.dateField(), period)) {
                        continue;
                    }
                    subordinate(record, parentCode, basis).ifPresent(child ->
                            byUnit.computeIfAbsent(child, c -> new LinkedHashMap<>()).merge(period.id(), 1L, Long::sum));
                }
            }
            values.put(metric.id(), byUnit);
        }
        return values;
    }

    /** code ('' for blank) → period id → value; non-zero values only. */
    public Map<String, Map<String, Long>> breakdown(Breakdown breakdown, List<Period> periods, String unitCode, UnitBasis basis) {
        Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        for (Period period : periods.stream().distinct().toList()) {
            for (LakeRecord record : records) {
                if (counts(record, breakdown.recordType(), breakdown.filter(), breakdown.dateField(), period)
                        && (unitCode == null || under(record, unitCode, basis))) {
                    Object code = record.get(breakdown.field());
                    values.computeIfAbsent(code == null ? "" : code.toString(), c -> new LinkedHashMap<>()).merge(period.id(), 1L, Long::sum);
                }
            }
        }
        return values;
    }

    /** The first and last date of the metrics' (record type, date field) pairs. */
    public Optional<DateSpan> span(List<Metric> metrics) {
        Set<List<String>> pairs = new LinkedHashSet<>();
        metrics.forEach(m -> pairs.add(List.of(m.recordType(), m.dateField())));
        List<LocalDate> dates = new ArrayList<>();
        for (LakeRecord record : records) {
            for (List<String> pair : pairs) {
                if (record.recordType().equals(pair.get(0)) && record.get(pair.get(1)) instanceof LocalDate date) {
                    dates.add(date);
                }
            }
        }
        return dates.isEmpty() ? Optional.empty()
                : Optional.of(new DateSpan(dates.stream().min(LocalDate::compareTo).get(), dates.stream().max(LocalDate::compareTo).get()));
    }

    private static boolean counts(LakeRecord record, String recordType, Map<String, List<String>> filter, String dateField, Period period) {
        if (!record.recordType().equals(recordType)) {
            return false;
        }
        if (!(record.get(dateField) instanceof LocalDate date) || !period.contains(date)) {
            return false;
        }
        for (Map.Entry<String, List<String>> field : filter.entrySet()) {
            Object value = record.get(field.getKey());
            if (value == null || !field.getValue().contains(value.toString())) {
                return false;
            }
        }
        return true;
    }

    /** The unit a record is counted under, when the units reference knows the unit recorded. */
    private Optional<String> countedUnder(LakeRecord record, UnitBasis basis) {
        String recorded = record.unitCode();
        if (recorded == null || units.unit(recorded).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(basis == UnitBasis.SUCCESSOR ? units.current(recorded) : recorded);
    }

    private boolean under(LakeRecord record, String unitCode, UnitBasis basis) {
        return countedUnder(record, basis).map(u -> units.ancestors(u).contains(unitCode)).orElse(false);
    }

    /** The direct subordinate of {@code parentCode} the record rolls up through, if any. */
    private Optional<String> subordinate(LakeRecord record, String parentCode, UnitBasis basis) {
        return countedUnder(record, basis).flatMap(u -> units.ancestors(u).stream()
                .filter(a -> parentCode.equals(units.unit(a).map(UnitHierarchy.Unit::parentCode).orElse(null)))
                .findFirst());
    }
}
