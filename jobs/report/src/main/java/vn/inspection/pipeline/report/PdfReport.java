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
 * A report as a PDF for print, framed as a party document (Hướng dẫn 36-HD/VPTW, 2018): A4 portrait with the margins
 * of Vietnamese administrative documents (30 mm left, 20 mm elsewhere); the issuing body top left with its number
 * ("Số …-BC/UBKT"), "ĐẢNG CỘNG SẢN VIỆT NAM" top right over its rule and the place-and-date line in italics; the
 * document type and title; the unit, periods and the data's freshness; the numbered sections (the written
 * assessment, the KPI table, the charts as vector drawings); the signer and "Nơi nhận"; the appendix defining every
 * metric shown. Every page has a footer with the unit, the periods and "Trang n/N". The report font is embedded
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
        frame();
        titleBlock();
        int number = 0;
        for (Section section : content.spec().sections()) {
            number++;
            if (section instanceof Section.Assessment) {
                heading(number, section.title(), 3 * (BODY + 5));
                assessment();
            } else if (section instanceof Section.KpiTable table) {
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
        signature();
        appendix();
        page.close();
        footers();
    }

    private List<ChartData> chartsOf(Section.Charts section) {
        List<ChartData> list = new ArrayList<>();
        for (ChartSpec spec : section.charts()) {
            content.charts().stream().filter(c -> c.spec().equals(spec)).forEach(list::add);
        }
        return list;
    }

    // ------------------------------------------------------------------ the party-document frame

    private static final float FRAME = 10f;

    /** The issuing body and number top left, the national header with its rule and the place-and-date line top right. */
    private void frame() throws IOException {
        DocumentFrame frame = content.spec().document();
        float half = WIDTH * 0.46f;
        float leftCentre = LEFT + half / 2;
        float rightCentre = LEFT + WIDTH - (WIDTH - half) / 2 + 6;
        float top = y;
        // left: the parent line, the body in bold, a star, the number
        float left = top;
        for (String line : wrap(text.upper(parentLine(frame)), regular, FRAME, half)) {
            left -= FRAME + 2;
            show(line, regular, FRAME, leftCentre - width(line, regular, FRAME) / 2, left, Palette.TEXT);
        }
        for (String line : wrap(text.upper(frame.body().in(content.language())), bold, FRAME, half)) {
            left -= FRAME + 2;
            show(line, bold, FRAME, leftCentre - width(line, bold, FRAME) / 2, left, Palette.TEXT);
        }
        left -= FRAME + 1;
        show("*", regular, FRAME, leftCentre - width("*", regular, FRAME) / 2, left, Palette.TEXT);
        left -= FRAME + 3;
        String number = frame.numberLine(vietnamese());
        show(number, regular, FRAME, leftCentre - width(number, regular, FRAME) / 2, left, Palette.TEXT);
        // right: the national header, its rule as long as it, the place and date in italics
        String nation = frame.nation().in(content.language());
        float size = FRAME + 1;
        float right = top - size - 2;
        float nationWidth = width(nation, bold, size);
        show(nation, bold, size, rightCentre - nationWidth / 2, right, Palette.TEXT);
        page.setStrokingColor(Palette.TEXT);
        page.setLineWidth(0.6f);
        page.moveTo(rightCentre - nationWidth / 2, right - 4);
        page.lineTo(rightCentre + nationWidth / 2, right - 4);
        page.stroke();
        right -= 2 * (FRAME + 2) + 4;
        String date = dateLine(frame);
        italic(date, regular, FRAME, rightCentre - width(date, regular, FRAME) / 2, right, Palette.TEXT);
        y = Math.min(left, right) - 14;
    }

    private boolean vietnamese() {
        return content.language() == vn.inspection.pipeline.text.Language.VI;
    }

    /** The configured parent line, else the name of the unit reported on (the top unit for a report on every unit). */
    private String parentLine(DocumentFrame frame) {
        return frame.parent() != null ? frame.parent().in(content.language()) : content.unit().name();
    }

    /** "Hà Nội, ngày 05 tháng 7 năm 2014" (days before the 10th and January, February with a 0), "Ha Noi, 5 July 2014". */
    String dateLine(DocumentFrame frame) {
        java.time.LocalDate day = content.request().madeAt().toLocalDate();
        String place = frame.place().in(content.language());
        if (!vietnamese()) {
            return place + ", " + day.getDayOfMonth() + " " + day.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
                    + day.getYear();
        }
        String d = (day.getDayOfMonth() < 10 ? "0" : "") + day.getDayOfMonth();
        String m = (day.getMonthValue() < 3 ? "0" : "") + day.getMonthValue();
        return place + ", ngày " + d + " tháng " + m + " năm " + day.getYear();
    }

    // ------------------------------------------------------------------ the assessment

    private static final float PROSE = 10f;

    private void assessment() throws IOException {
        List<String> paragraphs = content.assessment();
        if (paragraphs.isEmpty()) {
            paragraphs = List.of(text.pick("Không có số liệu để đánh giá.", "No figures to assess."));
        }
        for (String paragraph : paragraphs) {
            prose(paragraph, regular, PROSE, 14);
            y -= 3;
        }
        y -= GAP - 3;
    }

    /** A paragraph wrapped to the text width, its first line indented by {@code indent} points. */
    private void prose(String paragraph, PDFont font, float size, float indent) throws IOException {
        List<String> lines = indented(paragraph, font, size, indent);
        for (int i = 0; i < lines.size(); i++) {
            ensure(size + 4);
            y -= size + 4;
            show(lines.get(i), font, size, LEFT + (i == 0 ? indent : 0), y, Palette.TEXT);
        }
    }

    private static List<String> indented(String paragraph, PDFont font, float size, float indent) throws IOException {
        List<String> first = wrap(paragraph, font, size, WIDTH - indent);
        if (first.size() <= 1) {
            return first;
        }
        // the first line is the indented one: the rest wrap again at the full width
        String head = first.get(0);
        List<String> lines = new ArrayList<>();
        lines.add(head);
        lines.addAll(wrap(paragraph.substring(head.length()).strip(), font, size, WIDTH));
        return lines;
    }

    // ------------------------------------------------------------------ signer and recipients

    private void signature() throws IOException {
        DocumentFrame frame = content.spec().document();
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < frame.recipients().size(); i++) {
            recipients.add("- " + frame.recipients().get(i).in(content.language()) + (i == frame.recipients().size() - 1 ? "." : ","));
        }
        float half = WIDTH * 0.46f;
        float height = Math.max(4 * (FRAME + 3) + 50, (recipients.size() + 1) * (SMALL + 3) + 6);
        ensure(height + 10);
        y -= 10;
        float top = y;
        float left = top - SMALL - 2;
        show(text.pick("Nơi nhận:", "To:"), bold, SMALL + 0.5f, LEFT, left, Palette.TEXT);
        for (String recipient : recipients) {
            for (String line : wrap(recipient, regular, SMALL, half)) {
                left -= SMALL + 3;
                show(line, regular, SMALL, LEFT, left, Palette.TEXT);
            }
        }
        float centre = LEFT + WIDTH - (WIDTH - half) / 2;
        float right = top;
        for (Label label : List.of(frame.signerFor(), frame.signerTitle())) {
            String line = text.upper(label.in(content.language()));
            if (!line.isBlank()) {
                right -= FRAME + 3;
                show(line, bold, FRAME, centre - width(line, bold, FRAME) / 2, right, Palette.TEXT);
            }
        }
        right -= 55;
        if (!frame.signerName().isBlank()) {
            show(frame.signerName(), bold, FRAME, centre - width(frame.signerName(), bold, FRAME) / 2, right, Palette.TEXT);
        }
        y = Math.min(left, right) - GAP;
    }

    // ------------------------------------------------------------------ the definitions appendix

    private void appendix() throws IOException {
        List<Metric> metrics = content.shownMetrics();
        String title = text.pick("PHỤ LỤC: GIẢI THÍCH CHỈ TIÊU", "APPENDIX: WHAT EACH METRIC COUNTS");
        ensure(40 + 3 * (SMALL + 3));
        y -= 18;
        show(title, bold, 10.5f, LEFT, y, Palette.PERIOD_B);
        y -= 4;
        for (String line : wrap(text.pick("Mỗi chỉ tiêu đếm số lượt bản ghi trong sổ theo dõi; số liệu của một đơn vị gồm cả các đơn vị cấp dưới. "
                        + "Mũi tên ở bảng số liệu: xanh là thay đổi theo hướng tốt, đỏ là theo hướng cần lưu ý, xám là không đánh giá.",
                "Each metric counts register records; a unit's figures include the units below it. The table's marks: blue is a change for the "
                        + "better, red one to watch, grey no judgement."), regular, SMALL, WIDTH)) {
            y -= SMALL + 3;
            show(line, regular, SMALL, LEFT, y, Palette.MUTED);
        }
        y -= 4;
        MetricNotes notes = content.spec().metricNotes();
        for (Metric metric : metrics) {
            String label = metric.label().in(content.language());
            String definition = notes.definition(metric.id()).map(d -> d.in(content.language()))
                    .orElse(text.pick("(chưa có định nghĩa trong schemas/metrics.json)", "(no definition in schemas/metrics.json)"));
            String direction = switch (notes.direction(metric.id())) {
                case HIGHER_IS_BETTER -> text.pick("Tăng là tốt.", "Higher is better.");
                case LOWER_IS_BETTER -> text.pick("Giảm là tốt.", "Lower is better.");
                case NEUTRAL -> text.pick("Không đánh giá tăng, giảm.", "Neutral.");
            };
            List<String> lines = wrap(definition + " " + direction, regular, SMALL, WIDTH - 12);
            ensure((lines.size() + 1) * (SMALL + 3) + 3);
            y -= SMALL + 5;
            show(label, bold, SMALL, LEFT, y, Palette.TEXT);
            for (String line : lines) {
                y -= SMALL + 3;
                show(line, regular, SMALL, LEFT + 12, y, Palette.TEXT);
            }
        }
    }

    private void describe() {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(content.fullTitle());
        info.setSubject(content.unit().name());
        info.setCreator("pipeline report (" + content.spec().id() + ")");
        info.setProducer("pipeline (PDFBox, JFreeChart)");
        // which engine computed the figures: provenance for whoever asks, not jargon on the page
        info.setCustomMetadataValue("Engine", content.engine());
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
        String type = text.upper(content.spec().document().type().in(content.language()));
        y -= 16;
        centred(type, bold, 14f, Palette.TEXT);
        for (String line : balanced(subject(), bold, 12f, WIDTH - 40)) {
            y -= 16;
            centred(line, bold, 12f, Palette.TEXT);
        }
        for (String line : balanced(content.periodPhrase(), bold, 11f, WIDTH - 40)) {
            y -= 15;
            centred(line, bold, 11f, Palette.PERIOD_B);
        }
        y -= 8;
        page.setStrokingColor(Palette.TEXT);
        page.setLineWidth(0.5f);
        page.moveTo(LEFT + WIDTH / 2 - 30, y);
        page.lineTo(LEFT + WIDTH / 2 + 30, y);
        page.stroke();
        y -= 12;

        ZoneId zone = content.request().madeAt().getZone();
        Freshness freshness = content.freshness();
        String data = freshness.files() == 0
                ? text.pick("Kho dữ liệu chưa có tệp sổ theo dõi nào.", "No register has been ingested yet.")
                : text.pick(text.numbers.count(freshness.files()) + " tệp sổ theo dõi đã nhập (" + text.numbers.count(freshness.records())
                        + " bản ghi)" + freshness.lastIngest().map(t -> ", lần nhập gần nhất lúc " + text.moment(t, zone)).orElse("")
                        + ".",
                text.numbers.count(freshness.files()) + " registers ingested (" + text.numbers.count(freshness.records()) + " records)"
                        + freshness.lastIngest().map(t -> ", last ingested at " + text.moment(t, zone)).orElse("")
                        + ".");
        String unit = content.unit().isAll()
                ? content.unit().name() + text.pick(" (số liệu của mọi đơn vị)", " (every unit's figures)")
                : content.unit().name() + " (" + content.unit().code() + text.pick("), gồm các đơn vị cấp dưới", "), with the units below it");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {text.pick("Đơn vị", "Unit"), unit});
        rows.add(new String[] {text.pick("Kỳ báo cáo", "Period"), content.b().label(content.language()) + " (" + text.days(content.b()) + ")"});
        rows.add(new String[] {text.pick("Kỳ so sánh", "Compared with"), content.a().label(content.language()) + " (" + text.days(content.a()) + ")"});
        rows.add(new String[] {text.pick("Số liệu", "Data"), data});
        rows.add(new String[] {text.pick("Lập lúc", "Made at"), text.moment(content.request().madeAt())});
        for (String note : content.notes()) {
            rows.add(new String[] {text.pick("Lưu ý", "Note"), note});
        }
        infoBox(rows);
        y -= GAP;
    }

    /** The report's title without the document type it starts with ("Báo cáo kết quả …" under "BÁO CÁO": "kết quả …"). */
    private String subject() {
        String title = content.spec().title().in(content.language());
        String type = content.spec().document().type().in(content.language());
        if (vietnamese() && title.length() > type.length() && title.substring(0, type.length()).equalsIgnoreCase(type) && title.charAt(type.length()) == ' ') {
            String rest = title.substring(type.length()).strip();
            return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
        }
        return title;
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
        mark(row.delta(), content.spec().metricNotes().direction(metric.id()).judge(row.delta()), x + widths[5] / 2, y - ROW / 2);
        y -= ROW;
        rule(y, Palette.GRID, 0.4f);
    }

    /**
     * ▲ for a rise, ▼ for a fall, a short bar for no change: drawn, so it prints the same everywhere. Its colour is the
     * metric's direction's judgement: blue for news for the better, red for news to watch, grey for no judgement.
     */
    private void mark(long delta, int judgement, float cx, float cy) throws IOException {
        if (delta == 0) {
            page.setNonStrokingColor(Palette.MUTED);
            page.addRect(cx - 3, cy - 0.6f, 6, 1.2f);
            page.fill();
            return;
        }
        float h = 3.2f;
        page.setNonStrokingColor(judgement > 0 ? Palette.UP : judgement < 0 ? Palette.DOWN : Palette.NEUTRAL);
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

    /** Text slanted as italics (the embedded font has no italic face): the place-and-date line. */
    private void italic(String line, PDFont font, float size, float x, float baseline, Color colour) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.setNonStrokingColor(colour);
        page.setTextMatrix(new Matrix(1, 0, 0.21f, 1, x, baseline));
        page.showText(printable(line));
        page.endText();
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
