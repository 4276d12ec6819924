package vn.inspection.pipeline.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import vn.inspection.pipeline.metrics.Comparison;
import vn.inspection.pipeline.metrics.Metric;
import vn.inspection.pipeline.schema.Label;

/**
 * The KPI table as a workbook staff can edit: the values of A and B are numbers, the difference and the change in
 * percent are formulas over them (change a value and they follow), with the title, unit, periods and data
 * freshness above. A second sheet holds every chart's numbers, to redraw a chart in Excel.
 */
final class KpiWorkbook {
    private static final String NUMBER = "#,##0";
    private static final String SIGNED = "+#,##0;-#,##0;0";
    private static final String PERCENT = "+0.0%;-0.0%;0.0%";
    private static final String SHADE = "EDF1F6";

    private final ReportContent content;
    private final ReportText text;

    private KpiWorkbook(ReportContent content) {
        this.content = content;
        this.text = new ReportText(content.language());
    }

    static void write(ReportContent content, OutputStream out) throws IOException {
        new KpiWorkbook(content).write(out);
    }

    private void write(OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "pipeline", "1.0");
        Worksheet kpi = workbook.newWorksheet(text.pick("Chỉ tiêu", "Metrics"));
        kpiSheet(kpi);
        Worksheet charts = workbook.newWorksheet(text.pick("Số liệu biểu đồ", "Chart data"));
        chartSheet(charts);
        workbook.finish();
    }

    private void kpiSheet(Worksheet ws) {
        int r = header(ws, 7);
        String[] heads = {text.pick("Nhóm", "Group"), text.pick("Mã chỉ tiêu", "Metric id"), text.pick("Chỉ tiêu", "Metric"),
                content.a().label(content.language()), content.b().label(content.language()), text.pick("Tăng/giảm", "Change"),
                text.pick("Tỷ lệ %", "Change %")};
        for (int c = 0; c < heads.length; c++) {
            ws.value(r, c, heads[c]);
            ws.style(r, c).bold().fillColor(SHADE).wrapText(true).verticalAlignment("center").borderStyle("thin").set();
        }
        int first = r + 1;
        for (Metric metric : kpiMetrics()) {
            r++;
            Comparison.Row row = content.row(metric);
            Label group = content.recordTypes().get(metric.recordType());
            ws.value(r, 0, group == null ? metric.recordType() : group.in(content.language()));
            ws.value(r, 1, metric.id());
            ws.value(r, 2, metric.label().in(content.language()));
            ws.value(r, 3, row.a());
            ws.value(r, 4, row.b());
            int excelRow = r + 1;
            ws.formula(r, 5, "E" + excelRow + "-D" + excelRow);
            ws.formula(r, 6, "IF(D" + excelRow + "=0,\"\",(E" + excelRow + "-D" + excelRow + ")/D" + excelRow + ")");
            ws.style(r, 3).format(NUMBER).set();
            ws.style(r, 4).format(NUMBER).bold().set();
            ws.style(r, 5).format(SIGNED).set();
            ws.style(r, 6).format(PERCENT).set();
        }
        if (r >= first) {
            ws.range(first, 0, r, 6).style().borderStyle("thin").borderColor("C8C8C8").set();
        }
        r += 2;
        for (String note : content.notes()) {
            ws.value(r++, 0, text.pick("Lưu ý: ", "Note: ") + note);
        }
        ws.width(0, 12);
        ws.width(1, 30);
        ws.width(2, 52);
        for (int c = 3; c <= 6; c++) {
            ws.width(c, 15);
        }
        ws.freezePane(0, first);
    }

    private List<Metric> kpiMetrics() {
        for (Section section : content.spec().sections()) {
            if (section instanceof Section.KpiTable table) {
                return table.metrics();
            }
        }
        return content.comparison().rows().stream().map(Comparison.Row::metric).toList();
    }

    private void chartSheet(Worksheet ws) {
        int r = header(ws, 3);
        int widest = 1;
        for (ChartData chart : content.charts()) {
            ws.value(r, 0, chart.title());
            ws.style(r, 0).bold().fontSize(12).set();
            r++;
            if (!chart.note().isEmpty()) {
                ws.value(r++, 0, chart.note());
            }
            boolean trend = chart.spec() instanceof ChartSpec.Trend;
            // one row per column of the chart, one column per series
            ws.value(r, 0, trend ? text.pick("Kỳ", "Period") : "");
            ws.style(r, 0).bold().fillColor(SHADE).set();
            for (int s = 0; s < chart.series().size(); s++) {
                ws.value(r, s + 1, chart.series().get(s));
                ws.style(r, s + 1).bold().fillColor(SHADE).wrapText(true).set();
            }
            widest = Math.max(widest, chart.series().size());
            for (int c = 0; c < chart.labels().size(); c++) {
                r++;
                ws.value(r, 0, chart.labels().get(c));
                for (int s = 0; s < chart.series().size(); s++) {
                    ws.value(r, s + 1, chart.value(s, c));
                    ws.style(r, s + 1).format(NUMBER).set();
                }
            }
            r += 2;
        }
        ws.width(0, 52);
        for (int c = 1; c <= widest; c++) {
            ws.width(c, 20);
        }
    }

    /** The title, unit, periods and freshness over {@code columns} columns; returns the next free row. */
    private int header(Worksheet ws, int columns) {
        ws.value(0, 0, content.fullTitle());
        ws.style(0, 0).bold().fontSize(14).set();
        ws.value(1, 0, text.pick("Đơn vị: ", "Unit: ") + content.unit().name() + (content.unit().isAll() ? "" : " (" + content.unit().code() + ")"));
        ws.value(2, 0, text.pick("Kỳ báo cáo: ", "Period: ") + content.b().label(content.language()) + " (" + text.days(content.b()) + "); "
                + text.pick("kỳ so sánh: ", "compared with: ") + content.a().label(content.language()) + " (" + text.days(content.a()) + ")");
        Freshness freshness = content.freshness();
        ws.value(3, 0, text.pick("Số liệu: ", "Data: ") + text.numbers.count(freshness.files()) + text.pick(" tệp sổ theo dõi", " registers")
                + freshness.lastIngest().map(t -> text.pick(", nhập lần cuối lúc ", ", last ingested at ")
                        + text.moment(t, content.request().madeAt().getZone())).orElse("")
                + text.pick("; lập lúc ", "; made at ") + text.moment(content.request().madeAt()));
        for (int row = 1; row <= 3; row++) {
            ws.style(row, 0).fontColor("555555").set();
        }
        return 5;
    }
}
