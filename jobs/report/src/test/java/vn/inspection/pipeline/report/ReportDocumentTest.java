package vn.inspection.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.inspection.pipeline.report.ReportOutputsTest.collect;
import static vn.inspection.pipeline.report.ReportOutputsTest.flat;
import static vn.inspection.pipeline.report.ReportOutputsTest.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.text.Language;

/**
 * The half-year report as the party document a commission sends: the frame's texts, the written assessment's exact
 * sentences for the fixture bloc, the definitions appendix; and a second commission's configuration rendered
 * without a change of code.
 */
class ReportDocumentTest {
    static ReportContent content;
    static String text;

    @BeforeAll
    static void render() throws IOException {
        content = collect(Catalogs.spec("half-year"), Language.VI);
        byte[] bytes = pdf(content);
        text = ReportOutputsTest.text(bytes);
        // kept for a look: target/bao-cao/half-year.pdf
        Path out = Path.of("target", "bao-cao");
        Files.createDirectories(out);
        Files.write(out.resolve("half-year.pdf"), bytes);
    }

    @Test
    void theFrameOfAPartyDocument() {
        List<String> lines = text.lines().map(String::strip).toList();
        assertThat(lines).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "ỦY BAN KIỂM TRA", "*", "BÁO CÁO", "Nơi nhận:", "T/M ỦY BAN KIỂM TRA", "CHỦ NHIỆM",
                "- Ủy ban Kiểm tra Trung ương,", "- Thường trực cấp ủy,", "- Lưu UBKT.");
        // the parent line is the unit reported on (here every unit: the bloc); the number is left for the clerk
        assertThat(lines).contains("ĐẢNG BỘ KHỐI THỬ NGHIỆM");
        assertThat(lines).anyMatch(l -> l.matches("Số[\\s\u2002]+-BC/UBKT"));
        assertThat(lines).contains("Hà Nội, ngày 05 tháng 7 năm 2014");
        String flat = flat(text);
        assertThat(flat).contains("Kết quả công tác kiểm tra, giám sát, thi hành kỷ luật đảng")
                .contains("I. KẾT QUẢ CHỦ YẾU").contains("II. SỐ LIỆU TỔNG HỢP").doesNotContain("DuckDB").doesNotContain("fixture");
    }

    @Test
    void theAssessmentSaysTheHeadlineFiguresInSentences() {
        // by hand from the fixture: 401 → 423 organizations is +22, 5,5%; 2.390 → 2.528 members +138, 5,8%; …
        assertThat(content.assessment()).containsExactly(
                "Trong 6 tháng đầu năm 2014, cấp ủy và ủy ban kiểm tra các cấp đã kiểm tra 423 tổ chức đảng, tăng 5,5% so với cùng kỳ, "
                        + "và 2.528 đảng viên, tăng 5,8% so với cùng kỳ; trong đó kiểm tra khi có dấu hiệu vi phạm 6 tổ chức đảng và 4 đảng viên. "
                        + "Có 10 cuộc kiểm tra kết luận có vi phạm, tăng 66,7% so với cùng kỳ.",
                "Đã giám sát 364 tổ chức đảng, tăng 5,8% so với cùng kỳ, và 2.981 đảng viên, tăng 2,8% so với cùng kỳ; "
                        + "trong đó có 3 cuộc giám sát chuyên đề.",
                "Đã thi hành kỷ luật 44 đảng viên, giảm 8,3% so với cùng kỳ (khiển trách 25, cảnh cáo 17, cách chức 1, khai trừ 1), "
                        + "và 1 tổ chức đảng, bằng cùng kỳ.",
                "Đã nhận 71 đơn thư, giảm 22,8% so với cùng kỳ; đã giải quyết xong 35 đơn thư (tính theo ngày giải quyết trong kỳ), "
                        + "giảm 23,9% so với cùng kỳ.",
                "Đơn vị có nhiều lượt kiểm tra tổ chức đảng nhất: Đảng bộ Cơ quan Một (423); số đảng viên được kiểm tra tăng nhiều nhất ở: "
                        + "Đảng bộ Cơ quan Hai (tăng 69), Đảng bộ Cơ quan Một (tăng 69).",
                "Đơn vị có nhiều đảng viên bị thi hành kỷ luật nhất: Đảng bộ Cơ quan Một (27), Đảng bộ Cơ quan Hai (17).");
        // the PDF prints them as they are (lines wrap where the layout wants)
        String flat = flat(text);
        content.assessment().forEach(sentence -> assertThat(flat).contains(sentence));
    }

    @Test
    void aFigureWithNoComparisonAndAUnitListThatIsEmpty() {
        // 2012 holds no record: every change is "cùng kỳ không có"
        ReportContent first = collect(Catalogs.spec("half-year").withPeriods(new PeriodChoice.Fixed(Period.parse("2012-H1"), Period.parse("2013-H1"))),
                Language.VI);
        assertThat(first.assessment().get(0)).isEqualTo("Trong 6 tháng đầu năm 2013, cấp ủy và ủy ban kiểm tra các cấp đã kiểm tra 401 tổ chức đảng, "
                + "cùng kỳ không có, và 2.390 đảng viên, cùng kỳ không có; trong đó kiểm tra khi có dấu hiệu vi phạm 2 tổ chức đảng và 4 đảng viên. "
                + "Có 6 cuộc kiểm tra kết luận có vi phạm, cùng kỳ không có.");
        // 2019-H1 against 2020-H1: nothing at all; the zero text and the otherwise texts are said
        ReportContent none = collect(Catalogs.spec("half-year").withPeriods(new PeriodChoice.Fixed(Period.parse("2019-H1"), Period.parse("2020-H1"))),
                Language.VI);
        assertThat(none.assessment()).contains("Không có tổ chức đảng, đảng viên nào bị thi hành kỷ luật, cùng kỳ cũng không có.",
                "Không đơn vị nào có đảng viên bị thi hành kỷ luật trong kỳ.");
        // the year-end's comparison is "năm 2013"; by hand: letters 177 → 149 (−15,8%), resolved 88 → 73 (−17,0%)
        ReportContent year = collect(Catalogs.spec("year-end").withPeriods(new PeriodChoice.Fixed(Period.parse("2013"), Period.parse("2014"))),
                Language.VI);
        assertThat(year.assessment().get(3)).isEqualTo("Đã nhận 149 đơn thư, giảm 15,8% so với năm 2013; đã giải quyết xong 73 đơn thư "
                + "(tính theo ngày giải quyết trong kỳ), giảm 17,0% so với năm 2013.");
    }

    /** The fill colour of every small mark drawn in the KPI table's last column, top to bottom, page by page. */
    static List<java.awt.Color> marks(byte[] pdf) throws IOException {
        List<java.awt.Color> colours = new java.util.ArrayList<>();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
                List<float[]> found = new java.util.ArrayList<>();
                new org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine(page) {
                    final java.awt.geom.GeneralPath path = new java.awt.geom.GeneralPath();

                    @Override
                    public void appendRectangle(java.awt.geom.Point2D p0, java.awt.geom.Point2D p1, java.awt.geom.Point2D p2, java.awt.geom.Point2D p3) {
                        path.moveTo(p0.getX(), p0.getY());
                        path.lineTo(p1.getX(), p1.getY());
                        path.lineTo(p2.getX(), p2.getY());
                        path.lineTo(p3.getX(), p3.getY());
                        path.closePath();
                    }

                    @Override
                    public void moveTo(float x, float y) {
                        path.moveTo(x, y);
                    }

                    @Override
                    public void lineTo(float x, float y) {
                        path.lineTo(x, y);
                    }

                    @Override
                    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
                        path.curveTo(x1, y1, x2, y2, x3, y3);
                    }

                    @Override
                    public java.awt.geom.Point2D getCurrentPoint() {
                        return path.getCurrentPoint();
                    }

                    @Override
                    public void closePath() {
                        path.closePath();
                    }

                    @Override
                    public void endPath() {
                        path.reset();
                    }

                    @Override
                    public void fillPath(int windingRule) throws IOException {
                        java.awt.geom.Rectangle2D box = path.getBounds2D();
                        if (box.getWidth() <= 8 && box.getMinX() > PdfReport.LEFT + PdfReport.WIDTH - 14) {
                            float[] rgb = getGraphicsState().getNonStrokingColor().getComponents();
                            found.add(new float[] {(float) -box.getCenterY(), rgb[0], rgb[1], rgb[2]});
                        }
                        path.reset();
                    }

                    @Override
                    public void fillAndStrokePath(int windingRule) throws IOException {
                        fillPath(windingRule);
                    }

                    @Override
                    public void strokePath() {
                        path.reset();
                    }

                    @Override
                    public void clip(int windingRule) {
                    }

                    @Override
                    public void drawImage(org.apache.pdfbox.pdmodel.graphics.image.PDImage image) {
                    }

                    @Override
                    public void shadingFill(org.apache.pdfbox.cos.COSName name) {
                    }

                    void run() throws IOException {
                        processPage(getPage());
                    }
                }.run();
                found.sort(java.util.Comparator.comparingDouble(f -> f[0]));
                found.forEach(f -> colours.add(new java.awt.Color(f[1], f[2], f[3])));
            }
        }
        return colours;
    }

    @Test
    void theMarksColourIsTheMetricsDirectionsJudgementNeutralGrey() throws IOException {
        List<java.awt.Color> marks = marks(pdf(content));
        List<vn.inspection.pipeline.metrics.Metric> metrics = Catalogs.METRICS.metrics();
        assertThat(marks).hasSameSizeAs(metrics);
        MetricNotes notes = content.spec().metricNotes();
        for (int i = 0; i < metrics.size(); i++) {
            var row = content.row(metrics.get(i));
            int judgement = notes.direction(metrics.get(i).id()).judge(row.delta());
            java.awt.Color expected = judgement > 0 ? vn.inspection.pipeline.report.chart.Palette.UP
                    : judgement < 0 ? vn.inspection.pipeline.report.chart.Palette.DOWN : row.delta() == 0
                    ? vn.inspection.pipeline.report.chart.Palette.MUTED : vn.inspection.pipeline.report.chart.Palette.NEUTRAL;
            assertThat(marks.get(i)).as(metrics.get(i).id()).isEqualTo(expected);
        }
        // by name: more organizations inspected is good news (blue); fewer members disciplined is no judgement (grey);
        // fewer letters resolved is news to watch (red)
        assertThat(marks.get(metrics.indexOf(Catalogs.METRICS.metric("inspection.orgs").orElseThrow())))
                .isEqualTo(vn.inspection.pipeline.report.chart.Palette.UP);
        assertThat(marks.get(metrics.indexOf(Catalogs.METRICS.metric("discipline.members").orElseThrow())))
                .isEqualTo(vn.inspection.pipeline.report.chart.Palette.NEUTRAL);
        assertThat(marks.get(metrics.indexOf(Catalogs.METRICS.metric("complaint.resolved").orElseThrow())))
                .isEqualTo(vn.inspection.pipeline.report.chart.Palette.DOWN);
    }
}
