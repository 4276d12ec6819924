package vn.inspection.pipeline.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.inspection.pipeline.metrics.Comparison;
import vn.inspection.pipeline.metrics.Metric;
import vn.inspection.pipeline.schema.Label;

/**
 * The report as a workbook: every cell a value with its format, never a formula left for a spreadsheet program to
 * compute (previewers, mail clients and libraries that read values see the numbers). One sheet per section of the
 * spec: the assessment's paragraphs; the KPI table with the change and the change in percent as numbers; each chart
 * group's numbers with a native Excel chart over them (bars for comparisons, lines for trends); then the definitions.
 */
final class KpiWorkbook {
    private static final String NUMBER = "#,##0";
    private static final String SIGNED = "+#,##0;-#,##0;0";
    private static final String PERCENT = "+0.0%;-0.0%;0.0%";
    /** Rows of sheet a chart is drawn over, below its numbers. */
    private static final int CHART_ROWS = 18;

    private final ReportContent content;
    private final ReportText text;
    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle bold;
    private final CellStyle heading;
    private final CellStyle muted;
    private final CellStyle head;
    private final CellStyle number;
    private final CellStyle numberBold;
    private final CellStyle signed;
    private final CellStyle percent;
    private final CellStyle wrap;
    private final Set<String> sheetNames = new HashSet<>();

    private KpiWorkbook(ReportContent content) {
        this.content = content;
        this.text = new ReportText(content.language());
        Font boldFont = workbook.createFont();
        boldFont.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 13);
        Font grey = workbook.createFont();
        grey.setColor(org.apache.poi.ss.usermodel.IndexedColors.GREY_50_PERCENT.getIndex());
        bold = style(null, boldFont);
        heading = style(null, big);
        muted = style(null, grey);
        head = style(null, boldFont);
        head.setFillForegroundColor(org.apache.poi.ss.usermodel.IndexedColors.GREY_25_PERCENT.getIndex());
        head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        head.setWrapText(true);
        head.setVerticalAlignment(VerticalAlignment.CENTER);
        head.setBorderBottom(BorderStyle.THIN);
        number = style(NUMBER, null);
        numberBold = style(NUMBER, boldFont);
        signed = style(SIGNED, null);
        percent = style(PERCENT, null);
        wrap = style(null, null);
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
    }

    private CellStyle style(String format, Font font) {
        CellStyle style = workbook.createCellStyle();
        if (format != null) {
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
        }
        if (font != null) {
            style.setFont(font);
        }
        return style;
    }

    static void write(ReportContent content, OutputStream out) throws IOException {
        KpiWorkbook book = new KpiWorkbook(content);
        try (XSSFWorkbook workbook = book.workbook) {
            book.sheets();
            workbook.write(out);
        }
    }

    private void sheets() {
        boolean kpi = false;
        for (Section section : content.spec().sections()) {
            String title = section.title().in(content.language());
            if (section instanceof Section.KpiTable table) {
                // the KPI table first: the sheet a workbook opens on
                kpiSheet(sheet(title, 0), table.metrics());
                kpi = true;
            } else if (section instanceof Section.Assessment) {
                assessmentSheet(sheet(title, -1));
            } else {
                chartSheet(sheet(title, -1), (Section.Charts) section);
            }
        }
        if (!kpi) {
            kpiSheet(sheet(text.pick("Chỉ tiêu", "Metrics"), 0), content.shownMetrics());
        }
        definitionsSheet(sheet(text.pick("Giải thích chỉ tiêu", "Definitions"), -1));
    }

    /** A sheet named after a section (Excel's rules: 31 characters, no []:*?/\, distinct), at {@code index} or last. */
    private XSSFSheet sheet(String title, int index) {
        String name = WorkbookUtil.createSafeSheetName(title);
        String base = name.length() > 27 ? name.substring(0, 27) : name;
        for (int n = 2; !sheetNames.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + " (" + n + ")";
        }
        XSSFSheet sheet = workbook.createSheet(name);
        if (index >= 0) {
            workbook.setSheetOrder(name, index);
            workbook.setActiveSheet(index);
            workbook.setSelectedTab(index);
        }
        return sheet;
    }

    private XSSFCell cell(XSSFSheet sheet, int r, int c) {
        XSSFRow row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        return row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
    }

    private void put(XSSFSheet sheet, int r, int c, String value, CellStyle style) {
        XSSFCell cell = cell(sheet, r, c);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private void put(XSSFSheet sheet, int r, int c, double value, CellStyle style) {
        XSSFCell cell = cell(sheet, r, c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** The title, unit, periods and freshness; returns the next free row. */
    private int header(XSSFSheet sheet) {
        put(sheet, 0, 0, content.fullTitle(), heading);
        put(sheet, 1, 0, text.pick("Đơn vị: ", "Unit: ") + content.unit().name() + (content.unit().isAll() ? "" : " (" + content.unit().code() + ")"), muted);
        put(sheet, 2, 0, text.pick("Kỳ báo cáo: ", "Period: ") + content.b().label(content.language()) + " (" + text.days(content.b()) + "); "
                + text.pick("kỳ so sánh: ", "compared with: ") + content.a().label(content.language()) + " (" + text.days(content.a()) + ")", muted);
        Freshness freshness = content.freshness();
        put(sheet, 3, 0, text.pick("Số liệu: ", "Data: ") + text.numbers.count(freshness.files()) + text.pick(" tệp sổ theo dõi", " registers")
                + freshness.lastIngest().map(t -> text.pick(", nhập lần cuối lúc ", ", last ingested at ")
                        + text.moment(t, content.request().madeAt().getZone())).orElse("")
                + text.pick("; lập lúc ", "; made at ") + text.moment(content.request().madeAt()), muted);
        return 5;
    }

    private void assessmentSheet(XSSFSheet sheet) {
        int r = header(sheet);
        for (String paragraph : content.assessment()) {
            put(sheet, r, 0, paragraph, wrap);
            // about 110 characters a line at this width
            sheet.getRow(r).setHeightInPoints(15f * (1 + paragraph.length() / 110));
            r++;
        }
        sheet.setColumnWidth(0, 120 * 256);
    }

    private void kpiSheet(XSSFSheet sheet, List<Metric> metrics) {
        int r = header(sheet);
        String[] heads = {text.pick("Nhóm", "Group"), text.pick("Mã chỉ tiêu", "Metric id"), text.pick("Chỉ tiêu", "Metric"),
                content.a().label(content.language()), content.b().label(content.language()), text.pick("Tăng/giảm", "Change"),
                text.pick("Tỷ lệ %", "Change %"), text.pick("Hướng đánh giá", "Direction")};
        for (int c = 0; c < heads.length; c++) {
            put(sheet, r, c, heads[c], head);
        }
        int first = r + 1;
        for (Metric metric : metrics) {
            r++;
            Comparison.Row row = content.row(metric);
            Label group = content.recordTypes().get(metric.recordType());
            put(sheet, r, 0, group == null ? metric.recordType() : group.in(content.language()), null);
            put(sheet, r, 1, metric.id(), null);
            put(sheet, r, 2, metric.label().in(content.language()), null);
            put(sheet, r, 3, row.a(), number);
            put(sheet, r, 4, row.b(), numberBold);
            put(sheet, r, 5, row.delta(), signed);
            if (row.changePercent() != null) {
                // a fraction, shown as a percent: 5,5% is 0.055
                put(sheet, r, 6, row.changePercent().movePointLeft(2).doubleValue(), percent);
            }
            put(sheet, r, 7, direction(metric), null);
        }
        r += 2;
        put(sheet, r++, 0, text.pick("Tỷ lệ % tính trên số liệu kỳ so sánh; để trống khi kỳ so sánh bằng 0. Số liệu của một đơn vị gồm cả các đơn vị cấp dưới.",
                "Change % of the earlier period's figure; blank where that is 0. A unit's figures include the units below it."), muted);
        for (String note : content.notes()) {
            put(sheet, r++, 0, text.pick("Lưu ý: ", "Note: ") + note, muted);
        }
        int[] widths = {14, 30, 52, 16, 16, 12, 12, 22};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.createFreezePane(0, first);
    }

    private String direction(Metric metric) {
        return switch (content.spec().metricNotes().direction(metric.id())) {
            case HIGHER_IS_BETTER -> text.pick("tăng là tốt", "higher is better");
            case LOWER_IS_BETTER -> text.pick("giảm là tốt", "lower is better");
            case NEUTRAL -> text.pick("không đánh giá", "neutral");
        };
    }

    /** Each chart's numbers (one row per column of the chart, one column per series), a native chart beside them. */
    private void chartSheet(XSSFSheet sheet, Section.Charts section) {
        int r = header(sheet);
        int widest = 1;
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        for (ChartData chart : chartsOf(section)) {
            put(sheet, r++, 0, chart.title(), bold);
            if (!chart.note().isEmpty()) {
                put(sheet, r++, 0, chart.note(), muted);
            }
            boolean trend = chart.spec() instanceof ChartSpec.Trend;
            int headRow = r;
            put(sheet, r, 0, trend ? text.pick("Kỳ", "Period") : "", head);
            for (int s = 0; s < chart.series().size(); s++) {
                put(sheet, r, s + 1, chart.series().get(s), head);
            }
            widest = Math.max(widest, chart.series().size());
            for (int c = 0; c < chart.labels().size(); c++) {
                r++;
                put(sheet, r, 0, chart.labels().get(c), null);
                for (int s = 0; s < chart.series().size(); s++) {
                    put(sheet, r, s + 1, chart.value(s, c), number);
                }
            }
            r++;
            if (!chart.labels().isEmpty()) {
                nativeChart(sheet, drawing, chart, headRow, r);
                r += CHART_ROWS;
            }
            r++;
        }
        sheet.setColumnWidth(0, 52 * 256);
        for (int c = 1; c <= widest; c++) {
            sheet.setColumnWidth(c, 20 * 256);
        }
    }

    private List<ChartData> chartsOf(Section.Charts section) {
        List<ChartData> list = new ArrayList<>();
        for (ChartSpec spec : section.charts()) {
            content.charts().stream().filter(c -> c.spec().equals(spec)).forEach(list::add);
        }
        return list;
    }

    /** Bars (A and B side by side) or lines (a trend) over the numbers in rows {@code headRow}+1 … {@code end}−1. */
    private void nativeChart(XSSFSheet sheet, XSSFDrawing drawing, ChartData data, int headRow, int end) {
        int series = data.series().size();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, end, Math.max(4, series + 2), end + CHART_ROWS - 1);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(data.title());
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.TOP);
        boolean trend = data.spec() instanceof ChartSpec.Trend;
        XDDFCategoryAxis categories = chart.createCategoryAxis(trend ? AxisPosition.BOTTOM : AxisPosition.LEFT);
        XDDFValueAxis values = chart.createValueAxis(trend ? AxisPosition.LEFT : AxisPosition.BOTTOM);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        values.setMinimum(0);
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(headRow + 1, end - 1, 0, 0));
        XDDFChartData plot = chart.createData(trend ? ChartTypes.LINE : ChartTypes.BAR, categories, values);
        for (int s = 0; s < series; s++) {
            XDDFNumericalDataSource<Double> numbers = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(headRow + 1, end - 1, s + 1, s + 1));
            XDDFChartData.Series line = plot.addSeries(labels, numbers);
            line.setTitle(data.series().get(s), new org.apache.poi.ss.util.CellReference(sheet.getSheetName(), headRow, s + 1, true, true));
        }
        if (plot instanceof XDDFBarChartData bars) {
            bars.setBarDirection(BarDirection.BAR);
            bars.setBarGrouping(BarGrouping.CLUSTERED);
            bars.setVaryColors(false);
            // the first row at the top, as in the PDF
            categories.setOrientation(org.apache.poi.xddf.usermodel.chart.AxisOrientation.MAX_MIN);
        }
        chart.plot(plot);
    }

    private void definitionsSheet(XSSFSheet sheet) {
        int r = header(sheet);
        String[] heads = {text.pick("Mã chỉ tiêu", "Metric id"), text.pick("Chỉ tiêu", "Metric"), text.pick("Định nghĩa", "Definition"),
                text.pick("Hướng đánh giá", "Direction")};
        for (int c = 0; c < heads.length; c++) {
            put(sheet, r, c, heads[c], head);
        }
        for (Metric metric : content.shownMetrics()) {
            r++;
            put(sheet, r, 0, metric.id(), null);
            put(sheet, r, 1, metric.label().in(content.language()), wrap);
            put(sheet, r, 2, content.spec().metricNotes().definition(metric.id()).map(d -> d.in(content.language())).orElse(""), wrap);
            put(sheet, r, 3, direction(metric), null);
        }
        int[] widths = {30, 40, 90, 18};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }
}
