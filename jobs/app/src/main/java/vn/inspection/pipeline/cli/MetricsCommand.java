package vn.inspection.pipeline.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.inspection.pipeline.metrics.Metric;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.system.Json;

/** {@code pipeline metrics [--format table|json]}: the metric catalog. */
@Command(name = "metrics", mixinStandardHelpOptions = true, description = "List the metric catalog (schemas/metrics.json).")
class MetricsCommand implements Callable<Integer> {

    enum Format { table, json }

    @ParentCommand
    PipelineCli parent;

    @Option(names = "--format", defaultValue = "table", description = "table (default) or json")
    Format format;

    @Override
    public Integer call() {
        List<Metric> metrics;
        try {
            metrics = ReadContext.catalogsOnly(parent.home).metrics().metrics();
        } catch (RuntimeException e) {
            parent.err.println("pipeline metrics: " + Errors.describe(e));
            return PipelineCli.FAILED;
        }
        if (format == Format.json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Metric m : metrics) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", m.id());
                item.put("label_vi", m.label().vi());
                item.put("label_en", m.label().en());
                item.put("record_type", m.recordType());
                item.put("filter", m.filter());
                item.put("date", m.dateField());
                item.put("counts", m.counts());
                list.add(item);
            }
            parent.out.println(Json.write(list));
        } else {
            String row = "%-30s %-12s %-14s %-44s %s%n";
            parent.out.printf(row, "ID", "RECORD TYPE", "DATE", "FILTER", "LABEL");
            for (Metric m : metrics) {
                parent.out.printf(row, m.id(), m.recordType(), m.dateField(), m.filter().isEmpty() ? "(all)" : m.filter().toString(),
                        m.label().vi() + " / " + m.label().en());
            }
        }
        return PipelineCli.OK;
    }
}
