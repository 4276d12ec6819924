package vn.inspection.pipeline.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.inspection.pipeline.PipelineApplication;
import vn.inspection.pipeline.ingest.read.WorkbookSources;
import vn.inspection.pipeline.metrics.Comparison;
import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.metrics.UnitBasis;
import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.system.Json;
import vn.inspection.pipeline.system.PipelineHome;
import vn.inspection.pipeline.warehouse.DuckDbMetricEngine;
import vn.inspection.pipeline.warehouse.Warehouse;

/** {@code pipeline compare A B | A --previous-year [--unit CODE] [--format table|json|csv] [--as-recorded] [--lang vi|en]}. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare every metric between two periods (2014, 2014-H1, 2014-Q3, 2014-03, 2010..2015, 2014-01-15..2014-06-30): "
                + "value in A, value in B, difference and change in percent.")
class CompareCommand implements Callable<Integer> {

    enum Format { table, json, csv }

    @ParentCommand
    PipelineCli parent;

    @Parameters(arity = "1..2", paramLabel = "PERIOD", description = "Period A and period B; with --previous-year only one")
    List<String> periods;

    @Option(names = "--previous-year", description = "Compare PERIOD with the same period of the previous year (cùng kỳ)")
    boolean previousYear;

    @Option(names = "--unit", paramLabel = "CODE", description = "One unit, with the units below it (default: all)")
    String unit;

    @Option(names = "--as-recorded", description = "Count merged units' records under the unit recorded, not under the successor")
    boolean asRecorded;

    @Option(names = "--format", defaultValue = "table", description = "table (default), json or csv")
    Format format;

    @Option(names = "--lang", defaultValue = "vi", description = "vi (default) or en: labels and number format")
    String lang;

    @Override
    public Integer call() {
        Period a;
        Period b;
        try {
            if (previousYear) {
                if (periods.size() != 1) {
                    parent.err.println("pipeline compare: --previous-year takes one period");
                    return PipelineCli.USAGE;
                }
                b = Period.parse(periods.get(0));
                a = b.previousYear();
            } else {
                if (periods.size() != 2) {
                    parent.err.println("pipeline compare: give two periods, or one with --previous-year");
                    return PipelineCli.USAGE;
                }
                a = Period.parse(periods.get(0));
                b = Period.parse(periods.get(1));
            }
        } catch (IllegalArgumentException e) {
            parent.err.println("pipeline compare: " + e.getMessage());
            return PipelineCli.USAGE;
        }
        PipelineHome home = PipelineHome.resolve(parent.home);
        try (ConfigurableApplicationContext context = PipelineApplication.start(home)) {
            Warehouse warehouse = WarehouseCommands.ready(context);
            String unitName = null;
            if (unit != null) {
                unitName = unitName(warehouse, unit);
                if (unitName == null) {
                    parent.err.println("pipeline compare: unknown unit '" + unit + "' (see: pipeline sql \"SELECT code, name FROM units\")");
                    return PipelineCli.FAILED;
                }
            }
            Comparison comparison = Comparison.of(context.getBean(DuckDbMetricEngine.class), context.getBean(MetricCatalog.class).metrics(),
                    a, b, unit, asRecorded ? UnitBasis.RECORDED : UnitBasis.SUCCESSOR);
            switch (format) {
                case json -> parent.out.println(json(comparison, unitName));
                case csv -> csv(comparison, parent.out);
                default -> table(comparison, unitName, parent.out);
            }
            return PipelineCli.OK;
        } catch (Exception e) {
            parent.err.println("pipeline compare: " + WorkbookSources.describe(e));
            return PipelineCli.FAILED;
        }
    }

    static String unitName(Warehouse warehouse, String code) throws Exception {
        try (Connection connection = warehouse.openReadOnly();
             PreparedStatement query = connection.prepareStatement("SELECT name FROM units WHERE code = ?")) {
            query.setString(1, code);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private String json(Comparison comparison, String unitName) {
        Map<String, Object> document = new LinkedHashMap<>();
        List<Map<String, Object>> periodList = new ArrayList<>();
        for (Period p : List.of(comparison.a(), comparison.b())) {
            Map<String, Object> period = new LinkedHashMap<>();
            period.put("id", p.id());
            period.put("label", p.label(lang));
            period.put("from", p.from().toString());
            period.put("to", p.to().toString());
            periodList.add(period);
        }
        document.put("periods", periodList);
        Map<String, Object> unitDocument = null;
        if (comparison.unitCode() != null) {
            unitDocument = new LinkedHashMap<>();
            unitDocument.put("code", comparison.unitCode());
            unitDocument.put("name", unitName);
        }
        document.put("unit", unitDocument);
        document.put("engine", comparison.engine());
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (Comparison.Row row : comparison.rows()) {
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("id", row.metric().id());
            metric.put("label", row.metric().label().in(lang));
            metric.put("values", List.of(row.a(), row.b()));
            metric.put("delta", row.delta());
            metric.put("change_pct", row.changePercent());
            metrics.add(metric);
        }
        document.put("metrics", metrics);
        return Json.write(document);
    }

    private void csv(Comparison comparison, PrintStream out) throws Exception {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
        printer.printRecord("metric_id", "label", comparison.a().id(), comparison.b().id(), "delta", "change_pct");
        for (Comparison.Row row : comparison.rows()) {
            printer.printRecord(row.metric().id(), row.metric().label().in(lang), row.a(), row.b(), row.delta(),
                    row.changePercent() == null ? "" : row.changePercent().toPlainString());
        }
        printer.flush();
    }

    private void table(Comparison comparison, String unitName, PrintStream out) {
        VietnameseNumbers numbers = new VietnameseNumbers(lang);
        boolean vi = !"en".equals(lang);
        String a = comparison.a().label(lang);
        String b = comparison.b().label(lang);
        out.println((vi ? "So sánh " : "Comparing ") + b + (vi ? " với " : " with ") + a
                + " — " + (comparison.unitCode() == null ? (vi ? "toàn bộ các đơn vị" : "all units") : comparison.unitCode() + " " + unitName)
                + " (" + comparison.engine() + ")");
        int width = Math.max(a.length(), b.length()) + 2;
        String row = "%-52s %" + width + "s %" + width + "s %10s %9s%n";
        out.printf(row, vi ? "CHỈ TIÊU" : "METRIC", a, b, vi ? "TĂNG/GIẢM" : "CHANGE", "%");
        for (Comparison.Row r : comparison.rows()) {
            String label = r.metric().label().in(lang);
            out.printf(row, label.length() > 52 ? label.substring(0, 51) + "…" : label, numbers.count(r.a()), numbers.count(r.b()),
                    numbers.signed(r.delta()), numbers.percent(r.changePercent()));
        }
    }
}
