package vn.inspection.pipeline.report;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.JFreeChart;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import vn.inspection.pipeline.metrics.Comparison;
import vn.inspection.pipeline.metrics.Metric;
import vn.inspection.pipeline.report.chart.Charts;
import vn.inspection.pipeline.report.chart.Palette;
import vn.inspection.pipeline.report.chart.ReportFonts;
import vn.inspection.pipeline.schema.Label;

/**
 * A report as a PDF for print: A4 portrait with the margins of Vietnamese administrative documents (30 mm left,
 * 20 mm elsewhere), the title block with the unit, periods and the data's freshness, the KPI table, then the charts
 * as vector drawings; every page has a footer with the unit, the periods and "Trang n/N". The report font is embedded
 * as a subset, and chart text is text in that font, so every word can be searched and copied.
 */
final class PdfReport {
    private static final float MM = 72f / 25.4f;
    static final float LEFT = 30 * MM;
    static final float RIGHT = 20 * MM;
    static final float TOP = 20 * MM;
    static final float BOTTOM = 20 * MM;
    private static final PDRectangle PAGE = PDRectangle.A4;
    static final float WIDTH = PAGE.getWidth() - LEFT - RIGHT;

    private static final float BODY = 9f;
    private static final float SMALL = 8f;
    private static final float TABLE = 8.5f;
    private static final float ROW = 15f;
    private static final float GAP = 12f;
    private static final float[] NUMBER_COLUMNS = {58f, 58f, 52f, 50f, 14f};

    private final ReportContent content;
    private final ReportText text;
    private final Charts charts;
    private final PDDocument document;
    private final PDFont regular;
    private final PDFont bold;
    private final PdfBoxGraphics2DFontTextDrawer chartFonts;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream page;
    private float y;

    private PdfReport(ReportContent content, PDDocument document) throws IOException {
        this.content = content;
        this.text = new ReportText(content.language());
        this.charts = new Charts(content.language());
        this.document = document;
        this.regular = PDType0Font.load(document, ReportFonts.regularTrueType(), true);
        this.bold = PDType0Font.load(document, ReportFonts.boldTrueType(), true);
        this.chartFonts = new PdfBoxGraphics2DFontTextDrawer();
        // chart text in the same embedded fonts as the page's own text
        chartFonts.registerFont(ReportFonts.regular(10).getFontName(), regular);
        chartFonts.registerFont(ReportFonts.bold(10).getFontName(), bold);
    }

    /** Writes the report to {@code out} (left open); returns its number of pages. */
    static int write(ReportContent content, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PdfReport report = new PdfReport(content, document);
            try {
                report.render();
            } finally {
                report.chartFonts.close();
            }
            document.save(out);
            return document.getNumberOfPages();
        }
    }

    private void render() throws IOException {
        describe();
        newPage();
        titleBlock();
        int number = 0;
        for (Section section : content.spec().sections()) {
            number++;
            if (section instanceof Section.KpiTable table) {
                heading(number, section.title(), tableHeaderHeight() + 4 * ROW);
                kpiTable(table);
            } else {
                List<ChartData> data = chartsOf((Section.Charts) section);
                heading(number, section.title(), data.isEmpty() ? 0 : data.get(0).height());
                for (ChartData chart : data) {
                    chart(chart);
                }
            }
        }
        page.close();
        footers();
    }

    private List<ChartData> chartsOf(Section.Charts section) {
        List<ChartData> list = new ArrayList<>();
        for (ChartSpec spec : section.charts()) {
            content.charts().stream().filter(c -> c.spec().equals(spec)).findFirst().ifPresent(list::add);
        }
        return list;
    }

    private void describe() {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(content.fullTitle());
        info.setSubject(content.unit().name());
        info.setCreator("pipeline report (" + content.spec().id() + ")");
        info.setProducer("pipeline (PDFBox, JFreeChart)");
        info.setCreationDate(GregorianCalendar.from(content.request().madeAt()));
        document.getDocumentCatalog().setLanguage(content.language() == vn.inspection.pipeline.text.Language.VI ? "vi-VN" : "en");
    }

    // ------------------------------------------------------------------ pages

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage next = new PDPage(PAGE);
        document.addPage(next);
        pages.add(next);
        page = new PDPageContentStream(document, next);
        y = PAGE.getHeight() - TOP;
    }

    /** Starts a new page unless {@code height} points fit above the bottom margin. */
    private void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void footers() throws IOException {
        String left = content.unit().name() + " \u00b7 " + content.periodPhrase();
        int total = pages.size();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                float rule = BOTTOM - 16;
                footer.setStrokingColor(Palette.GRID);
                footer.setLineWidth(0.5f);
                footer.moveTo(LEFT, rule);
                footer.lineTo(LEFT + WIDTH, rule);
                footer.stroke();
                String pageText = text.pick("Trang ", "Page ") + (i + 1) + "/" + total;
                float pageWidth = width(pageText, regular, SMALL - 0.5f);
                String fitted = fit(left, regular, SMALL - 0.5f, WIDTH - pageWidth - 16);
                show(footer, fitted, regular, SMALL - 0.5f, LEFT, rule - 11, Palette.MUTED);
                show(footer, pageText, regular, SMALL - 0.5f, LEFT + WIDTH - pageWidth, rule - 11, Palette.MUTED);
            }
        }
    }

    // ------------------------------------------------------------------ title block

    private void titleBlock() throws IOException {
        float top = y;
        List<String> unitLines = wrap(text.upper(content.unit().name()), bold, BODY, WIDTH * 0.55f);
        for (String line : unitLines) {
            y -= BODY + 2;
            show(line, bold, BODY, LEFT, y, Palette.TEXT);
        }
        String made = text.pick("Lập lúc ", "Made at ") + text.moment(content.request().madeAt());
        show(made, regular, SMALL, LEFT + WIDTH - width(made, regular, SMALL), top - BODY - 2, Palette.MUTED);
        y -= 26;

        for (String line : balanced(content.spec().title().in(content.language()), bold, 15f, WIDTH - 20)) {
            y -= 19;
            centred(line, bold, 15f, Palette.TEXT);
        }
        y -= 4;
        for (String line : balanced(content.periodPhrase(), bold, 11.5f, WIDTH - 20)) {
            y -= 15;
            centred(line, bold, 11.5f, Palette.PERIOD_B);
        }
        y -= 14;

        ZoneId zone = content.request().madeAt().getZone();
        Freshness freshness = content.freshness();
        String data = freshness.files() == 0
                ? text.pick("Kho dữ liệu chưa có tệp sổ theo dõi nào.", "No register has been ingested yet.")
                : text.pick(text.numbers.count(freshness.files()) + " tệp sổ theo dõi đã nhập (" + text.numbers.count(freshness.records())
                        + " bản ghi)" + freshness.lastIngest().map(t -> ", lần nhập gần nhất lúc " + text.moment(t, zone)).orElse("")
                        + "; tính trên " + engineName() + ".",
                text.numbers.count(freshness.files()) + " registers ingested (" + text.numbers.count(freshness.records()) + " records)"
                        + freshness.lastIngest().map(t -> ", last ingested at " + text.moment(t, zone)).orElse("")
                        + "; computed on " + engineName() + ".");
        String unit = content.unit().isAll()
                ? content.unit().name() + text.pick(" (số liệu của mọi đơn vị)", " (every unit's figures)")
                : content.unit().name() + " (" + content.unit().code() + text.pick("), gồm các đơn vị cấp dưới", "), with the units below it");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {text.pick("Đơn vị", "Unit"), unit});
        rows.add(new String[] {text.pick("Kỳ báo cáo", "Period"), content.b().label(content.language()) + " (" + text.days(content.b()) + ")"});
        rows.add(new String[] {text.pick("Kỳ so sánh", "Compared with"), content.a().label(content.language()) + " (" + text.days(content.a()) + ")"});
        rows.add(new String[] {text.pick("Số liệu", "Data"), data});
        for (String note : content.notes()) {
            rows.add(new String[] {text.pick("Lưu ý", "Note"), note});
        }
        infoBox(rows);
        y -= GAP;
    }

    private String engineName() {
        return switch (content.engine()) {
            case "duckdb" -> "DuckDB";
            case "spark" -> "Spark SQL";
            default -> content.engine();
        };
    }

    private void infoBox(List<String[]> rows) throws IOException {
        float labelWidth = 0;
        for (String[] row : rows) {
            labelWidth = Math.max(labelWidth, width(row[0] + ":", bold, SMALL));
        }
        float padding = 7;
        float valueX = LEFT + padding + labelWidth + 8;
        float valueWidth = LEFT + WIDTH - padding - valueX;
        List<List<String>> wrapped = new ArrayList<>();
        float height = 2 * padding - 2;
        for (String[] row : rows) {
            List<String> lines = wrap(row[1], regular, SMALL, valueWidth);
            wrapped.add(lines);
            height += lines.size() * (SMALL + 3.5f);
        }
        ensure(height);
        page.setNonStrokingColor(Palette.SHADE);
        page.addRect(LEFT, y - height, WIDTH, height);
        page.fill();
        page.setNonStrokingColor(Palette.PERIOD_B);
        page.addRect(LEFT, y - height, 2.5f, height);
        page.fill();
        float line = y - padding + 1;
        for (int r = 0; r < rows.size(); r++) {
            line -= SMALL + 1;
            show(rows.get(r)[0] + ":", bold, SMALL, LEFT + padding, line, Palette.TEXT);
            boolean first = true;
            for (String part : wrapped.get(r)) {
                if (!first) {
                    line -= SMALL + 3.5f;
                }
                show(part, regular, SMALL, valueX, line, Palette.TEXT);
                first = false;
            }
            line -= 2.5f;
        }
        y -= height;
    }

    // ------------------------------------------------------------------ sections

    private void heading(int number, Label title, float keepWith) throws IOException {
        float height = 26;
        ensure(height + Math.min(keepWith, 200));
        y -= 18;
        show(ReportText.roman(number) + ". " + text.upper(title.in(content.language())), bold, 10.5f, LEFT, y, Palette.PERIOD_B);
        y -= 8;
    }

    // ------------------------------------------------------------------ KPI table

    private float[] columns() {
        float fixed = 0;
        for (float w : NUMBER_COLUMNS) {
            fixed += w;
        }
        float[] widths = new float[NUMBER_COLUMNS.length + 1];
        widths[0] = WIDTH - fixed;
        System.arraycopy(NUMBER_COLUMNS, 0, widths, 1, NUMBER_COLUMNS.length);
        return widths;
    }

    private String[] headerCells() {
        return new String[] {text.pick("Chỉ tiêu", "Metric"), content.a().label(content.language()), content.b().label(content.language()),
                text.pick("Tăng/giảm", "Change"), text.pick("Tỷ lệ %", "Change %"), ""};
    }

    private float tableHeaderHeight() throws IOException {
        float[] widths = columns();
        String[] cells = headerCells();
        int lines = 1;
        for (int c = 0; c < cells.length; c++) {
            lines = Math.max(lines, wrap(cells[c], bold, SMALL, widths[c] - 6).size());
        }
        return lines * (SMALL + 2) + 8;
    }

    private void tableHeader() throws IOException {
        float[] widths = columns();
        String[] cells = headerCells();
        float height = tableHeaderHeight();
        page.setNonStrokingColor(Palette.SHADE);
        page.addRect(LEFT, y - height, WIDTH, height);
        page.fill();
        rule(y, Palette.PERIOD_B, 0.8f);
        float x = LEFT;
        for (int c = 0; c < cells.length; c++) {
            List<String> lines = wrap(cells[c], bold, SMALL, widths[c] - 6);
            float lineY = y - (height - lines.size() * (SMALL + 2)) / 2 - SMALL + 0.5f;
            for (String line : lines) {
                if (c == 0) {
                    show(line, bold, SMALL, x + 4, lineY, Palette.TEXT);
                } else {
                    show(line, bold, SMALL, x + widths[c] - 4 - width(line, bold, SMALL), lineY, Palette.TEXT);
                }
                lineY -= SMALL + 2;
            }
            x += widths[c];
        }
        y -= height;
        rule(y, Palette.PERIOD_B, 0.8f);
    }

    private void kpiTable(Section.KpiTable table) throws IOException {
        ensure(tableHeaderHeight() + 3 * ROW);
        tableHeader();
        float[] widths = columns();
        String group = null;
        for (Metric metric : table.metrics()) {
            boolean newGroup = !metric.recordType().equals(group);
            if (y - ROW * (newGroup ? 2 : 1) < BOTTOM + 14) {
                rule(y, Palette.PERIOD_B, 0.8f);
                newPage();
                tableHeader();
                newGroup = true;
            }
            if (newGroup) {
                group = metric.recordType();
                Label label = content.recordTypes().get(group);
                page.setNonStrokingColor(new Color(0xF6, 0xF8, 0xFA));
                page.addRect(LEFT, y - ROW, WIDTH, ROW);
                page.fill();
                show(label == null ? group : label.in(content.language()), bold, TABLE, LEFT + 4, y - ROW + 4.5f, Palette.PERIOD_B);
                y -= ROW;
                rule(y, Palette.GRID, 0.4f);
            }
            row(metric, widths);
        }
        rule(y, Palette.PERIOD_B, 0.8f);
        y -= 11;
        String explain = text.pick("Tăng/giảm: " + content.b().label(content.language()) + " so với " + ReportText.lowerFirst(content.a().label(content.language()))
                        + "; tỷ lệ % tính trên số liệu " + ReportText.lowerFirst(content.a().label(content.language()))
                        + " (\u2013: kỳ so sánh bằng 0). Số liệu của một đơn vị gồm cả các đơn vị cấp dưới; tính theo lượt.",
                "Change: " + content.b().label(content.language()) + " against " + content.a().label(content.language())
                        + "; % of the figure of " + content.a().label(content.language())
                        + " (\u2013: that figure is 0). A unit's figures include the units below it; counts are occurrences.");
        for (String line : wrap(explain, regular, SMALL - 0.5f, WIDTH)) {
            y -= SMALL + 1;
            show(line, regular, SMALL - 0.5f, LEFT, y, Palette.MUTED);
        }
        y -= GAP;
    }

    private void row(Metric metric, float[] widths) throws IOException {
        Comparison.Row row = content.row(metric);
        String label = metric.label().in(content.language());
        float size = TABLE;
        while (width(label, regular, size) > widths[0] - 12 && size > 7f) {
            size -= 0.25f;
        }
        String[] cells = {fit(label, regular, size, widths[0] - 12), text.numbers.count(row.a()), text.numbers.count(row.b()),
                text.numbers.signed(row.delta()), text.numbers.percent(row.changePercent())};
        float baseline = y - ROW + 4.5f;
        show(cells[0], regular, size, LEFT + 12, baseline, Palette.TEXT);
        float x = LEFT + widths[0];
        for (int c = 1; c < cells.length; c++) {
            PDFont font = c == 2 ? bold : regular;
            show(cells[c], font, TABLE, x + widths[c] - 4 - width(cells[c], font, TABLE), baseline, Palette.TEXT);
            x += widths[c];
        }
        mark(row.delta(), x + widths[5] / 2, y - ROW / 2);
        y -= ROW;
        rule(y, Palette.GRID, 0.4f);
    }

    /** ▲ for a rise, ▼ for a fall, a short bar for no change: drawn, so it prints the same everywhere. */
    private void mark(long delta, float cx, float cy) throws IOException {
        if (delta == 0) {
            page.setNonStrokingColor(Palette.MUTED);
            page.addRect(cx - 3, cy - 0.6f, 6, 1.2f);
            page.fill();
            return;
        }
        float h = 3.2f;
        page.setNonStrokingColor(delta > 0 ? Palette.UP : Palette.DOWN);
        if (delta > 0) {
            page.moveTo(cx - h, cy - h + 0.8f);
            page.lineTo(cx + h, cy - h + 0.8f);
            page.lineTo(cx, cy + h);
        } else {
            page.moveTo(cx - h, cy + h - 0.8f);
            page.lineTo(cx + h, cy + h - 0.8f);
            page.lineTo(cx, cy - h);
        }
        page.closePath();
        page.fill();
    }

    // ------------------------------------------------------------------ charts

    private void chart(ChartData data) throws IOException {
        int height = data.height();
        ensure(height + 4);
        JFreeChart chart = data.chart(charts);
        PdfBoxGraphics2D graphics = new PdfBoxGraphics2D(document, ChartData.WIDTH, height);
        graphics.setFontTextDrawer(chartFonts);
        try {
            chart.draw(graphics, new Rectangle2D.Double(0, 0, ChartData.WIDTH, height));
        } finally {
            graphics.dispose();
        }
        PDFormXObject form = graphics.getXFormObject();
        float x = LEFT + (WIDTH - ChartData.WIDTH) / 2;
        page.saveGraphicsState();
        page.transform(Matrix.getTranslateInstance(x, y - height));
        page.drawForm(form);
        page.restoreGraphicsState();
        y -= height + GAP + 4;
    }

    // ------------------------------------------------------------------ text

    private void rule(float at, Color colour, float width) throws IOException {
        page.setStrokingColor(colour);
        page.setLineWidth(width);
        page.moveTo(LEFT, at);
        page.lineTo(LEFT + WIDTH, at);
        page.stroke();
    }

    private void centred(String line, PDFont font, float size, Color colour) throws IOException {
        show(line, font, size, LEFT + (WIDTH - width(line, font, size)) / 2, y, colour);
    }

    private void show(String line, PDFont font, float size, float x, float baseline, Color colour) throws IOException {
        show(page, line, font, size, x, baseline, colour);
    }

    private static void show(PDPageContentStream stream, String line, PDFont font, float size, float x, float baseline, Color colour)
            throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.setNonStrokingColor(colour);
        stream.newLineAtOffset(x, baseline);
        stream.showText(printable(line));
        stream.endText();
    }

    /** Text the font cannot show (a symbol typed into a unit name…) becomes '?', rather than failing the report. */
    static String printable(String text) {
        if (ReportFonts.canDisplay(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(ReportFonts.canDisplay(new String(Character.toChars(cp))) ? new String(Character.toChars(cp)) : "?"));
        return out.toString();
    }

    static float width(String text, PDFont font, float size) throws IOException {
        return font.getStringWidth(printable(text)) / 1000f * size;
    }

    /** The text cut with "…" to fit {@code max} points. */
    private static String fit(String text, PDFont font, float size, float max) throws IOException {
        if (width(text, font, size) <= max) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && width(cut + "\u2026", font, size) > max) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.strip() + "\u2026";
    }

    /** As few lines as {@link #wrap} gives, but of even lengths: a title does not end with one orphan word. */
    static List<String> balanced(String text, PDFont font, float size, float max) throws IOException {
        List<String> lines = wrap(text, font, size, max);
        if (lines.size() < 2) {
            return lines;
        }
        float low = max / lines.size();
        float high = max;
        while (high - low > 1) {
            float mid = (low + high) / 2;
            if (wrap(text, font, size, mid).size() == lines.size() && wrap(text, font, size, mid).stream().noneMatch(l -> l.endsWith("\u2026"))) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return wrap(text, font, size, high);
    }

    /** Lines of at most {@code max} points, broken at spaces (a word longer than a line is cut). */
    static List<String> wrap(String text, PDFont font, float size, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, font, size) <= max || line.length() == 0) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        List<String> fitted = new ArrayList<>();
        for (String l : lines) {
            fitted.add(fit(l, font, size, max));
        }
        return fitted;
    }
}
