package vn.inspection.pipeline.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import vn.inspection.pipeline.metrics.Comparison;
import vn.inspection.pipeline.metrics.ComparisonFormat;
import vn.inspection.pipeline.metrics.DateSpan;
import vn.inspection.pipeline.metrics.Metric;
import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.metrics.MetricEngine;
import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.report.chart.Charts;
import vn.inspection.pipeline.schema.Enumeration;
import vn.inspection.pipeline.schema.Label;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.text.Language;
import vn.inspection.pipeline.unit.UnitTables;

/**
 * Everything a report shows, asked of a {@link MetricEngine} and nothing else: the two periods, the unit, the
 * comparison of every metric the spec names, the notes a reader must see (a period the data does not reach), and
 * the numbers of every chart. The PDF, the PNGs and the workbook are drawn from it, so they always agree.
 *
 * @param request   what was asked
 * @param a         the earlier period
 * @param b         the period reported on
 * @param unit      the unit reported on (code null: every unit)
 * @param freshness the lake the figures come from
 * @param span      the first and last date the records hold
 * @param comparison every metric of the KPI table and the bar charts in A and B
 * @param recordTypes each record type's label (the KPI table's groups)
 * @param notes     what a reader must know about the figures
 * @param charts    the numbers of every chart, in the spec's order (a bar chart whose values differ by orders of
 *                  magnitude in two parts, each on its own scale)
 * @param assessment the paragraphs of the written assessment, filled from the figures
 */
public record ReportContent(ReportRequest request, Period a, Period b, ReportUnit unit, Freshness freshness, Optional<DateSpan> span,
                            Comparison comparison, Map<String, Label> recordTypes, List<String> notes, List<ChartData> charts,
                            List<String> assessment) {

    /** The unit a report is about: a code and name, or (code null) every unit under the name of the top unit. */
    public record ReportUnit(String code, String name) {
        public ReportUnit {
            Objects.requireNonNull(name, "name");
        }

        public boolean isAll() {
            return code == null;
        }
    }

    public ReportContent {
        Objects.requireNonNull(request, "request");
        recordTypes = Map.copyOf(recordTypes);
        notes = List.copyOf(notes);
        charts = List.copyOf(charts);
        assessment = List.copyOf(assessment);
    }

    /** The same content with more notes first (an updated edition's changes). */
    public ReportContent withNotesFirst(List<String> more) {
        List<String> all = new java.util.ArrayList<>(more);
        all.addAll(notes);
        return new ReportContent(request, a, b, unit, freshness, span, comparison, recordTypes, all, charts, assessment);
    }

    /** Every metric the report shows (the KPI table's, the bar charts', the assessment's), in order, for the appendix. */
    public List<Metric> shownMetrics() {
        return comparison.rows().stream().map(Comparison.Row::metric).toList();
    }

    public Language language() {
        return request.language();
    }

    public ReportSpec spec() {
        return request.spec();
    }

    /** The engine that computed the figures ("duckdb", "spark"). */
    public String engine() {
        return comparison.engine();
    }

    /** The row of one metric (values in A and B, difference, change). */
    public Comparison.Row row(Metric metric) {
        return comparison.rows().stream().filter(r -> r.metric().id().equals(metric.id())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("metric " + metric.id() + " is not in this report"));
    }

    /** The report's title with its periods: "Báo cáo … — 6 tháng đầu năm 2014 so với cùng kỳ năm 2013". */
    public String fullTitle() {
        return spec().title().in(language()) + " \u2014 " + periodPhrase();
    }

    /** "6 tháng đầu năm 2014 so với cùng kỳ năm 2013". */
    public String periodPhrase() {
        return new ReportText(language()).comparison(a, b);
    }

    /**
     * Asks the engine for everything the spec shows.
     *
     * @throws ReportException when the spec's unit is unknown or names several units
     */
    public static ReportContent collect(MetricEngine engine, SchemaCatalog schemas, MetricCatalog catalog, ReportRequest request, Freshness freshness) {
        ReportSpec spec = request.spec();
        Language language = request.language();
        ReportText text = new ReportText(language);
        PeriodChoice.Pair periods = spec.periods().resolve(request.asOf());
        Period a = periods.a();
        Period b = periods.b();
        if (a.equals(b)) {
            throw new ReportException("a report compares two different periods, not " + a.id() + " with itself");
        }

        List<UnitTables.UnitRow> units = engine.units();
        ReportUnit unit = unit(units, spec.unit(), text);

        Set<Metric> compared = new LinkedHashSet<>();
        for (Section section : spec.sections()) {
            if (section instanceof Section.KpiTable table) {
                compared.addAll(table.metrics());
            }
        }
        for (ChartSpec chart : spec.charts()) {
            if (chart instanceof ChartSpec.Bars bars) {
                compared.addAll(bars.metrics());
            }
        }
        Section.Assessment assessment = spec.sections().stream().filter(s -> s instanceof Section.Assessment).map(s -> (Section.Assessment) s)
                .findFirst().orElse(null);
        if (assessment != null) {
            for (Assessment.Paragraph paragraph : assessment.paragraphs()) {
                paragraph.metricIds().forEach(id -> compared.add(catalog.metric(id).orElseThrow()));
            }
        }
        Comparison comparison = Comparison.of(engine, List.copyOf(compared), a, b, unit.code(), request.basis());
        Optional<DateSpan> span = engine.span(catalog.metrics());
        List<String> notes = ComparisonFormat.coverageNotes(comparison, span, language);

        Map<String, Label> recordTypes = new LinkedHashMap<>();
        for (String type : SchemaCatalog.RECORD_TYPES) {
            recordTypes.put(type, schemas.schema(type).label());
        }

        Collector collector = new Collector(engine, schemas, request, text, a, b, unit, units, comparison, span);
        List<ChartData> charts = new ArrayList<>();
        for (ChartSpec chart : spec.charts()) {
            charts.addAll(collector.chart(chart));
        }
        List<String> sentences = List.of();
        if (assessment != null) {
            Map<String, Comparison.Row> rows = new LinkedHashMap<>();
            comparison.rows().forEach(r -> rows.put(r.metric().id(), r));
            Map<String, List<Assessment.UnitCount>> byUnit = new LinkedHashMap<>();
            for (Assessment.Paragraph paragraph : assessment.paragraphs()) {
                for (String id : paragraph.unitMetricIds()) {
                    if (!byUnit.containsKey(id)) {
                        Map<String, long[]> sums = collector.subordinates(List.of(catalog.metric(id).orElseThrow()));
                        byUnit.put(id, sums.entrySet().stream().map(e -> new Assessment.UnitCount(collector.name(e.getKey()), e.getValue()[0], e.getValue()[1]))
                                .toList());
                    }
                }
            }
            sentences = Assessment.write(assessment, new Assessment.Figures(language, a, b, unit.name(), rows, byUnit));
        }
        return new ReportContent(request, a, b, unit, freshness, span, comparison, recordTypes, notes, charts, sentences);
    }

    private static ReportUnit unit(List<UnitTables.UnitRow> units, String wanted, ReportText text) {
        if (wanted == null) {
            List<UnitTables.UnitRow> roots = roots(units);
            return new ReportUnit(null, roots.size() == 1 ? roots.get(0).name() : text.allUnits());
        }
        List<UnitTables.UnitRow> found = UnitTables.find(units, wanted);
        if (found.isEmpty()) {
            throw new ReportException("unknown unit '" + wanted + "': give a unit code or name (list them with: pipeline sql \"SELECT code, name FROM units\")");
        }
        if (found.size() > 1) {
            throw new ReportException("'" + wanted + "' names several units (" + String.join(", ", found.stream().map(UnitTables.UnitRow::code).toList())
                    + "): give the unit code");
        }
        return new ReportUnit(found.get(0).code(), found.get(0).name());
    }

    private static List<UnitTables.UnitRow> roots(List<UnitTables.UnitRow> units) {
        return units.stream().filter(u -> u.parentCode() == null && u.successorCode() == null).toList();
    }

    /** The key prefix of a unit's own records in the subordinate sums. */
    static final String OWN = "=";
    /** A bar chart's rows whose values are below 1/SCALE_SPLIT of its largest go to a chart of their own. */
    static final long SCALE_SPLIT = Charts.SCALE_SPLIT;

    /** Builds each chart's numbers from the engine. */
    private record Collector(MetricEngine engine, SchemaCatalog schemas, ReportRequest request, ReportText text, Period a, Period b, ReportUnit unit,
                             List<UnitTables.UnitRow> units, Comparison comparison, Optional<DateSpan> span) {

        List<ChartData> chart(ChartSpec chart) {
            String title = chart.title().in(text.language());
            if (chart instanceof ChartSpec.Bars bars) {
                return bars(bars, title);
            }
            if (chart instanceof ChartSpec.Trend trend) {
                return List.of(trend(trend, title));
            }
            if (chart instanceof ChartSpec.TopUnits top) {
                return List.of(topUnits(top, title));
            }
            return List.of(codes((ChartSpec.Codes) chart, title));
        }

        List<String> periodSeries() {
            return List.of(a.label(text.language()), b.label(text.language()));
        }

        /**
         * One chart, or two when its largest value is more than {@link #SCALE_SPLIT} times a row's: the rows that
         * would be drawn as invisible slivers get a chart of their own, on their own scale.
         */
        List<ChartData> bars(ChartSpec.Bars bars, String title) {
            List<Comparison.Row> rows = bars.metrics().stream()
                    .map(metric -> comparison.rows().stream().filter(r -> r.metric().equals(metric)).findFirst().orElseThrow()).toList();
            long max = rows.stream().mapToLong(r -> Math.max(r.a(), r.b())).max().orElse(0);
            List<Comparison.Row> large = rows.stream().filter(r -> Math.max(r.a(), r.b()) * SCALE_SPLIT >= max).toList();
            List<Comparison.Row> small = rows.stream().filter(r -> !large.contains(r)).toList();
            if (small.isEmpty() || max == 0) {
                return List.of(barChart(bars, title, rows, 0));
            }
            return List.of(barChart(bars, title, large, 1),
                    barChart(bars, title + text.pick(" (tiếp): chỉ tiêu có số nhỏ, thang đo riêng", " (continued): small counts, on their own scale"), small, 2));
        }

        ChartData barChart(ChartSpec.Bars bars, String title, List<Comparison.Row> rows, int part) {
            List<String> keys = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            long[][] values = new long[2][rows.size()];
            int i = 0;
            for (Comparison.Row row : rows) {
                keys.add(row.metric().id());
                labels.add(row.metric().label().in(text.language()));
                values[0][i] = row.a();
                values[1][i] = row.b();
                i++;
            }
            return new ChartData(bars, title, "", keys, labels, periodSeries(), values, List.of(), part);
        }

        /** The trend from the first year of data (or of A) to the end of the later compared period, never beyond it. */
        ChartData trend(ChartSpec.Trend trend, String title) {
            int first = Math.min(a.from().getYear(), b.from().getYear());
            java.time.LocalDate end = a.to().isAfter(b.to()) ? a.to() : b.to();
            int last = end.getYear();
            if (span.isPresent()) {
                first = Math.min(first, span.get().first().getYear());
            }
            List<Period> columns = Period.standardPeriods(first, last).stream().filter(p -> p.kind() == trend.by())
                    .filter(p -> !p.from().isAfter(end)).toList();
            Map<String, Map<String, Long>> totals = engine.totals(trend.metrics(), columns, unit.code(), request.basis());
            long[][] values = new long[trend.metrics().size()][columns.size()];
            List<String> series = new ArrayList<>();
            for (int s = 0; s < trend.metrics().size(); s++) {
                Metric metric = trend.metrics().get(s);
                series.add(metric.label().in(text.language()));
                Map<String, Long> byPeriod = totals.getOrDefault(metric.id(), Map.of());
                for (int c = 0; c < columns.size(); c++) {
                    values[s][c] = byPeriod.getOrDefault(columns.get(c).id(), 0L);
                }
            }
            List<Charts.Band> bands = new ArrayList<>();
            band(columns, a, Charts.Shade.LIGHT).ifPresent(bands::add);
            band(columns, b, Charts.Shade.DARK).ifPresent(bands::add);
            String by = switch (trend.by()) {
                case QUARTER -> text.pick("theo quý", "by quarter");
                case HALF -> text.pick("theo 6 tháng", "by half-year");
                default -> text.pick("theo năm", "by year");
            };
            String note = text.pick("Số lượt " + by + ", " + first + "\u2013" + last + "; nền tô: hai kỳ so sánh",
                    "Count " + by + ", " + first + "\u2013" + last + "; shaded: the two periods compared");
            if (!columns.isEmpty()) {
                String to = columns.get(columns.size() - 1).label(text.language());
                String from = columns.get(0).label(text.language());
                note = text.pick("Số lượt " + by + ", từ " + from + " đến " + to + "; nền tô: hai kỳ so sánh",
                        "Count " + by + ", " + from + " to " + to + "; shaded: the two periods compared");
            }
            return new ChartData(trend, title, note, columns.stream().map(Period::id).toList(),
                    columns.stream().map(p -> p.label(text.language())).toList(), series, values, bands);
        }

        /** The columns that overlap a compared period, as a band named after it. */
        Optional<Charts.Band> band(List<Period> columns, Period period, Charts.Shade shade) {
            int from = -1;
            int to = -1;
            for (int c = 0; c < columns.size(); c++) {
                Period column = columns.get(c);
                if (!column.to().isBefore(period.from()) && !column.from().isAfter(period.to())) {
                    from = from < 0 ? c : from;
                    to = c;
                }
            }
            return from < 0 ? Optional.empty() : Optional.of(new Charts.Band(period.label(text.language()), from, to, shade));
        }

        /** A unit's name, or its code when the reference has none; the own records of a unit are named "… (trực tiếp)". */
        String name(String code) {
            if (code.startsWith(OWN)) {
                String parent = code.substring(OWN.length());
                return units.stream().filter(u -> u.code().equals(parent)).findFirst().map(UnitTables.UnitRow::name).orElse(parent)
                        + text.pick(" (trực tiếp)", " (own records)");
            }
            return units.stream().filter(u -> u.code().equals(code)).findFirst().map(UnitTables.UnitRow::name).orElse(code);
        }

        /**
         * The sums of the metrics in A and B for each direct subordinate of the report's unit (of each top unit when
         * the report is on every unit), each with the units below it; and, under {@code OWN + code}, the records
         * of the unit itself that no subordinate holds, so a unit whose records are its own is not "no data".
         */
        Map<String, long[]> subordinates(List<Metric> metrics) {
            List<String> parents = unit.isAll() ? roots(units).stream().map(UnitTables.UnitRow::code).toList() : List.of(unit.code());
            Map<String, long[]> sums = new LinkedHashMap<>();
            for (String parent : parents) {
                Map<String, Map<String, Map<String, Long>>> values = engine.bySubordinate(metrics, List.of(a, b), parent, request.basis());
                long[] children = new long[2];
                for (Map<String, Map<String, Long>> byUnit : values.values()) {
                    byUnit.forEach((code, byPeriod) -> {
                        long[] sum = sums.computeIfAbsent(code, c -> new long[2]);
                        sum[0] += byPeriod.getOrDefault(a.id(), 0L);
                        sum[1] += byPeriod.getOrDefault(b.id(), 0L);
                        children[0] += byPeriod.getOrDefault(a.id(), 0L);
                        children[1] += byPeriod.getOrDefault(b.id(), 0L);
                    });
                }
                Map<String, Map<String, Long>> whole = engine.totals(metrics, List.of(a, b), parent, request.basis());
                long[] total = new long[2];
                for (Metric metric : metrics) {
                    Map<String, Long> byPeriod = whole.getOrDefault(metric.id(), Map.of());
                    total[0] += byPeriod.getOrDefault(a.id(), 0L);
                    total[1] += byPeriod.getOrDefault(b.id(), 0L);
                }
                if (total[0] > children[0] || total[1] > children[1]) {
                    sums.put(OWN + parent, new long[] {Math.max(0, total[0] - children[0]), Math.max(0, total[1] - children[1])});
                }
            }
            return sums;
        }

        ChartData topUnits(ChartSpec.TopUnits top, String title) {
            Map<String, long[]> sums = subordinates(top.metrics());
            Map<String, String> names = new HashMap<>();
            sums.keySet().forEach(code -> names.put(code, name(code)));
            List<String> ranked = sums.keySet().stream()
                    .sorted(Comparator.<String>comparingLong(code -> -sums.get(code)[1])
                            .thenComparingLong(code -> -sums.get(code)[0])
                            .thenComparing(code -> names.getOrDefault(code, code)))
                    .limit(top.limit())
                    .toList();
            Set<String> seen = new HashSet<>();
            Set<String> repeated = new HashSet<>();
            ranked.forEach(code -> {
                if (!seen.add(names.getOrDefault(code, code))) {
                    repeated.add(names.getOrDefault(code, code));
                }
            });
            List<String> labels = ranked.stream().map(code -> {
                String name = names.getOrDefault(code, code);
                return repeated.contains(name) ? name + " (" + code + ")" : name;
            }).toList();
            long[][] values = new long[2][ranked.size()];
            for (int i = 0; i < ranked.size(); i++) {
                values[0][i] = sums.get(ranked.get(i))[0];
                values[1][i] = sums.get(ranked.get(i))[1];
            }
            String counted = String.join(" + ", top.metrics().stream().map(m -> ReportText.lowerFirst(m.label().in(text.language()))).toList());
            String note = text.pick("Số lượt: " + counted + " (gồm các đơn vị cấp dưới); xếp theo " + ReportText.lowerFirst(b.label(text.language())),
                    "Count: " + counted + " (units below included); ranked by " + ReportText.lowerFirst(b.label(text.language())));
            return new ChartData(top, title, note, ranked, labels, periodSeries(), values, List.of());
        }

        ChartData codes(ChartSpec.Codes codes, String title) {
            Map<String, Map<String, Long>> counts = engine.breakdown(codes.breakdown(), List.of(a, b), unit.code(), request.basis());
            Enumeration enumeration = schemas.schema(codes.breakdown().recordType()).field(codes.breakdown().field()).enumeration();
            Map<String, String> labelled = new LinkedHashMap<>();
            enumeration.labels().forEach((code, label) -> labelled.put(code, label.in(text.language())));
            counts.keySet().stream().filter(code -> !labelled.containsKey(code))
                    .forEach(code -> labelled.put(code, code.isEmpty() ? text.notRecorded() : code));
            List<String> keys = List.copyOf(labelled.keySet());
            long[][] values = new long[2][keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                Map<String, Long> byPeriod = counts.getOrDefault(keys.get(i), Map.of());
                values[0][i] = byPeriod.getOrDefault(a.id(), 0L);
                values[1][i] = byPeriod.getOrDefault(b.id(), 0L);
            }
            return new ChartData(codes, title, "", keys, List.copyOf(labelled.values()), periodSeries(), values, List.of());
        }
    }
}
