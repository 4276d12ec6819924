package vn.inspection.pipeline.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import vn.inspection.pipeline.metrics.Breakdown;
import vn.inspection.pipeline.metrics.DateSpan;
import vn.inspection.pipeline.metrics.Metric;
import vn.inspection.pipeline.metrics.MetricEngine;
import vn.inspection.pipeline.metrics.UnitBasis;
import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.unit.UnitTables;

/**
 * A small engine over records held in memory, for the module's own tests: it counts what the catalog's metrics
 * count (record type, filter, date field, a unit with the units below it), in plain Java. The app's tests prove the
 * real path (DuckDB on the committed samples); this one gives the report exact, hand-checkable numbers.
 */
final class FixtureEngine implements MetricEngine {
    record Rec(String type, String unit, Map<String, Object> values) {
    }

    private final List<UnitTables.UnitRow> units = new ArrayList<>();
    private final List<Rec> records = new ArrayList<>();

    FixtureEngine unit(String code, String name, String parent) {
        String path = parent == null ? code : units.stream().filter(u -> u.code().equals(parent)).findFirst().orElseThrow().path() + "/" + code;
        int depth = path.split("/").length - 1;
        units.add(new UnitTables.UnitRow(code, name, parent, parent == null ? "BLOC" : "BASE", null, null, null, null, code, depth, path));
        return this;
    }

    /** {@code count} records of {@code type} for {@code unit}, with the fields given as name, value pairs. */
    FixtureEngine add(int count, String type, String unit, Object... fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            values.put((String) fields[i], fields[i + 1]);
        }
        for (int i = 0; i < count; i++) {
            records.add(new Rec(type, unit, values));
        }
        return this;
    }

    @Override
    public String name() {
        return "fixture";
    }

    @Override
    public Map<String, Map<String, Long>> totals(List<Metric> metrics, List<Period> periods, String unitCode, UnitBasis basis) {
        Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            Map<String, Long> byPeriod = new LinkedHashMap<>();
            for (Period period : periods) {
                byPeriod.put(period.id(), records.stream().filter(r -> counts(metric, r, period) && under(r.unit(), unitCode)).count());
            }
            values.put(metric.id(), byPeriod);
        }
        return values;
    }

    @Override
    public Map<String, Map<String, Map<String, Long>>> bySubordinate(List<Metric> metrics, List<Period> periods, String parentCode, UnitBasis basis) {
        Map<String, Map<String, Map<String, Long>>> values = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            Map<String, Map<String, Long>> byUnit = new LinkedHashMap<>();
            for (UnitTables.UnitRow child : units) {
                if (!Objects.equals(child.parentCode(), parentCode)) {
                    continue;
                }
                for (Period period : periods) {
                    long n = records.stream().filter(r -> counts(metric, r, period) && under(r.unit(), child.code())).count();
                    if (n > 0) {
                        byUnit.computeIfAbsent(child.code(), c -> new LinkedHashMap<>()).put(period.id(), n);
                    }
                }
            }
            values.put(metric.id(), byUnit);
        }
        return values;
    }

    @Override
    public Map<String, Map<String, Long>> breakdown(Breakdown breakdown, List<Period> periods, String unitCode, UnitBasis basis) {
        Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        for (Rec r : records) {
            if (!r.type().equals(breakdown.recordType()) || !under(r.unit(), unitCode) || !passes(breakdown.filter(), r)) {
                continue;
            }
            for (Period period : periods) {
                if (in(r, breakdown.dateField(), period)) {
                    Object code = r.values().get(breakdown.field());
                    values.computeIfAbsent(code == null ? "" : code.toString(), c -> new LinkedHashMap<>()).merge(period.id(), 1L, Long::sum);
                }
            }
        }
        return values;
    }

    @Override
    public Optional<DateSpan> span(List<Metric> metrics) {
        LocalDate first = null;
        LocalDate last = null;
        for (Metric metric : metrics) {
            for (Rec r : records) {
                if (r.type().equals(metric.recordType()) && r.values().get(metric.dateField()) instanceof LocalDate d) {
                    first = first == null || d.isBefore(first) ? d : first;
                    last = last == null || d.isAfter(last) ? d : last;
                }
            }
        }
        return first == null ? Optional.empty() : Optional.of(new DateSpan(first, last));
    }

    @Override
    public List<UnitTables.UnitRow> units() {
        return List.copyOf(units);
    }

    private boolean counts(Metric metric, Rec r, Period period) {
        return r.type().equals(metric.recordType()) && passes(metric.filter(), r) && in(r, metric.dateField(), period);
    }

    private static boolean passes(Map<String, List<String>> filter, Rec r) {
        for (Map.Entry<String, List<String>> entry : filter.entrySet()) {
            Object value = r.values().get(entry.getKey());
            String code = value == null ? (entry.getValue().contains("false") ? "false" : null) : value.toString();
            if (code == null || !entry.getValue().contains(code)) {
                return false;
            }
        }
        return true;
    }

    private static boolean in(Rec r, String dateField, Period period) {
        return r.values().get(dateField) instanceof LocalDate d && period.contains(d);
    }

    /** Whether a unit is {@code ancestor} or below it; every unit is under null. */
    private boolean under(String unit, String ancestor) {
        if (ancestor == null) {
            return true;
        }
        String code = unit;
        while (code != null) {
            if (code.equals(ancestor)) {
                return true;
            }
            String current = code;
            code = units.stream().filter(u -> u.code().equals(current)).findFirst().map(UnitTables.UnitRow::parentCode).orElse(null);
        }
        return false;
    }

    /**
     * The fixture bloc: a bloc (K) with two committees (DU01 with branch CB0101, DU02) and records in every quarter of
     * 2013 and 2014. In the first half of 2014: 423 organizations and 2,528 members inspected (seed 004); in the first
     * half of 2013: 401 and 2,390.
     */
    static FixtureEngine bloc() {
        FixtureEngine engine = new FixtureEngine()
                .unit("K", "Đảng bộ Khối Thử nghiệm", null)
                .unit("DU01", "Đảng bộ Cơ quan Một", "K")
                .unit("CB0101", "Chi bộ Phòng Tổng hợp", "DU01")
                .unit("DU02", "Đảng bộ Cơ quan Hai", "K");
        int[][] inspections = {{401, 2390}, {452, 2617}, {423, 2528}, {446, 2705}};
        int[] letters = {92, 85, 71, 78};
        for (int year = 2013; year <= 2014; year++) {
            for (int half = 1; half <= 2; half++) {
                int h = (year - 2013) * 2 + half - 1;
                for (int q = 0; q < 2; q++) {
                    LocalDate date = LocalDate.of(year, (half - 1) * 6 + q * 3 + 2, 15);
                    int orgs = inspections[h][0] / 2 + (q == 0 ? inspections[h][0] % 2 : 0);
                    int members = inspections[h][1] / 2 + (q == 0 ? inspections[h][1] % 2 : 0);
                    engine.add(orgs - 1 - h, "inspection", "DU01", "subject_type", "ORG", "type", "COMPLIANCE", "start_date", date)
                            .add(1 + h, "inspection", "CB0101", "subject_type", "ORG", "type", "SIGNS_OF_VIOLATION", "violation", true, "start_date", date)
                            .add(members - 2, "inspection", q == 0 ? "DU02" : "DU01", "subject_type", "MEMBER", "type", "FINANCE", "start_date", date)
                            .add(2, "inspection", "DU02", "subject_type", "MEMBER", "type", "SIGNS_OF_VIOLATION", "violation", true, "start_date", date)
                            .add(170 + 5 * h + q, "supervision", "DU01", "subject_type", "ORG", "mode", "REGULAR", "start_date", date)
                            .add(1 + q, "supervision", "DU02", "subject_type", "ORG", "mode", "THEMATIC", "start_date", date)
                            .add(1450 + 20 * h + q, "supervision", "DU02", "subject_type", "MEMBER", "mode", "REGULAR", "start_date", date)
                            .add(14 - h + q, "discipline", "DU01", "subject_type", "MEMBER", "form", "REPRIMAND", "decision_date", date)
                            .add(8 + q, "discipline", "DU02", "subject_type", "MEMBER", "form", "WARNING", "decision_date", date)
                            .add(1, "discipline", "CB0101", "subject_type", "MEMBER", "form", q == 0 ? "DISMISSAL" : "EXPULSION", "decision_date", date)
                            .add(q, "discipline", "DU02", "subject_type", "ORG", "form", h == 2 ? "DISSOLUTION" : "REPRIMAND", "decision_date", date);
                    int received = letters[h] / 2 + (q == 0 ? letters[h] % 2 : 0);
                    engine.add(received / 2, "complaint", "DU01", "kind", "DENUNCIATION", "anonymous", true, "status", "RESOLVED",
                                    "received_date", date, "resolved_date", date.plusDays(20))
                            .add(received / 4, "complaint", "DU02", "kind", "APPEAL", "status", "IN_PROGRESS", "received_date", date)
                            .add(received - received / 2 - received / 4 - 1, "complaint", "DU02", "kind", "PETITION", "status", "FILED", "received_date", date)
                            .add(1, "complaint", "CB0101", "kind", "PETITION", "received_date", date);
                }
            }
        }
        return engine;
    }
}
