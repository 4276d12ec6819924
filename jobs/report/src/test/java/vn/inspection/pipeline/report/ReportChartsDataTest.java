package vn.inspection.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.inspection.pipeline.report.ReportOutputsTest.FRESHNESS;
import static vn.inspection.pipeline.report.ReportOutputsTest.MADE;
import static vn.inspection.pipeline.report.ReportOutputsTest.collect;
import static vn.inspection.pipeline.report.ReportOutputsTest.flat;
import static vn.inspection.pipeline.report.ReportOutputsTest.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.inspection.pipeline.metrics.UnitBasis;
import vn.inspection.pipeline.report.chart.Charts;
import vn.inspection.pipeline.text.Language;

/**
 * Every chart's numbers for a bloc report and for a unit's report (its subtree, its own records named), no label
 * clipped, and a second commission's configuration rendered without a change of code.
 */
class ReportChartsDataTest {
    @TempDir
    Path temp;

    /** Each chart as "file id: label=A/B; …" (trends: "period=series values…"). */
    static Map<String, String> charts(ReportContent content) {
        Map<String, String> out = new TreeMap<>();
        for (ChartData chart : content.charts()) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < chart.keys().size(); c++) {
                StringBuilder cell = new StringBuilder(chart.keys().get(c)).append('=');
                for (int s = 0; s < chart.series().size(); s++) {
                    cell.append(s == 0 ? "" : "/").append(chart.value(s, c));
                }
                cells.add(cell.toString());
            }
            out.put(chart.fileId(), String.join("; ", cells));
        }
        return out;
    }

    @Test
    void everyChartOfTheBlocReport() {
        Map<String, String> charts = charts(collect(Catalogs.spec("half-year"), Language.VI));
        assertThat(charts).containsOnlyKeys("kiem-tra", "kiem-tra-2", "giam-sat", "giam-sat-2", "ky-luat", "ky-luat-2", "don-thu", "xu-huong-to-chuc",
                "xu-huong-dang-vien", "xu-huong-ky-luat-don-thu", "don-vi-kiem-tra", "don-vi-ky-luat", "hinh-thuc-ky-luat", "don-thu-theo-loai",
                "don-thu-theo-tinh-trang");
        // 2.390 beside 2 would be an invisible bar: the small counts get a chart of their own
        assertThat(charts.get("kiem-tra")).isEqualTo("inspection.orgs=401/423; inspection.members=2390/2528");
        assertThat(charts.get("kiem-tra-2")).isEqualTo("inspection.signs.orgs=2/6; inspection.signs.members=4/4; inspection.violations=6/10");
        assertThat(charts.get("giam-sat")).isEqualTo("supervision.orgs=344/364; supervision.members=2901/2981");
        assertThat(charts.get("giam-sat-2")).isEqualTo("supervision.thematic=3/3");
        assertThat(charts.get("ky-luat")).isEqualTo("discipline.members=48/44; discipline.members.reprimand=29/25; discipline.members.warning=17/17");
        assertThat(charts.get("ky-luat-2")).isEqualTo("discipline.orgs=1/1; discipline.members.dismissal=1/1; discipline.members.expulsion=1/1");
        assertThat(charts.get("don-thu")).isEqualTo("complaint.received=92/71; complaint.denunciations=46/35; complaint.appeals=22/17; "
                + "complaint.anonymous=46/35; complaint.resolved=46/35");
        // six quarters: the trend ends with the half-year reported on
        assertThat(charts.get("xu-huong-to-chuc")).isEqualTo("2013-Q1=201/171; 2013-Q2=200/173; 2013-Q3=226/176; 2013-Q4=226/178; "
                + "2014-Q1=212/181; 2014-Q2=211/183");
        assertThat(charts.get("don-vi-kiem-tra")).isEqualTo("DU01=1594/1685; DU02=1197/1266");
        assertThat(charts.get("don-vi-ky-luat")).isEqualTo("DU01=31/27; DU02=18/18");
        assertThat(charts.get("hinh-thuc-ky-luat")).isEqualTo("REPRIMAND=30/25; WARNING=17/17; DISMISSAL=1/1; EXPULSION=1/1; DISSOLUTION=0/1");
        assertThat(charts.get("don-thu-theo-loai")).isEqualTo("DENUNCIATION=46/35; APPEAL=22/17; PETITION=24/19");
        assertThat(charts.get("don-thu-theo-tinh-trang")).isEqualTo("RESOLVED=46/35; IN_PROGRESS=22/17; FILED=22/17; =2/2");
    }

    @Test
    void everyChartOfAUnitsReportIsItsSubtreeWithItsOwnRecordsNamed() throws IOException {
        ReportContent du01 = collect(Catalogs.spec("half-year").withUnit("DU01"), Language.VI);
        Map<String, String> charts = charts(du01);
        assertThat(charts.get("kiem-tra")).isEqualTo("inspection.orgs=401/423; inspection.members=1193/1262");
        assertThat(charts.get("kiem-tra-2")).isEqualTo("inspection.signs.orgs=2/6; inspection.signs.members=0/0; inspection.violations=2/6");
        assertThat(charts.get("giam-sat")).isEqualTo("supervision.orgs=341/361");
        assertThat(charts.get("giam-sat-2")).isEqualTo("supervision.members=0/0; supervision.thematic=0/0");
        assertThat(charts.get("ky-luat")).isEqualTo("discipline.members=31/27; discipline.members.reprimand=29/25");
        assertThat(charts.get("ky-luat-2")).isEqualTo("discipline.orgs=0/0; discipline.members.warning=0/0; discipline.members.dismissal=1/1; "
                + "discipline.members.expulsion=1/1");
        assertThat(charts.get("don-thu")).isEqualTo("complaint.received=48/37; complaint.denunciations=46/35; complaint.anonymous=46/35; "
                + "complaint.resolved=46/35");
        assertThat(charts.get("don-thu-2")).isEqualTo("complaint.appeals=0/0");
        assertThat(charts.get("xu-huong-to-chuc")).isEqualTo("2013-Q1=201/170; 2013-Q2=200/171; 2013-Q3=226/175; 2013-Q4=226/176; "
                + "2014-Q1=212/180; 2014-Q2=211/181");
        // DU01's own records are most of its figures: they are a row of their own, not "no data"
        assertThat(charts.get("don-vi-kiem-tra")).isEqualTo("=DU01=1592/1679; CB0101=2/6");
        assertThat(charts.get("don-vi-ky-luat")).isEqualTo("=DU01=29/25; CB0101=2/2");
        assertThat(charts.get("hinh-thuc-ky-luat")).isEqualTo("REPRIMAND=29/25; WARNING=0/0; DISMISSAL=1/1; EXPULSION=1/1; DISSOLUTION=0/0");
        assertThat(charts.get("don-thu-theo-loai")).isEqualTo("DENUNCIATION=46/35; APPEAL=0/0; PETITION=2/2");
        assertThat(charts.get("don-thu-theo-tinh-trang")).isEqualTo("RESOLVED=46/35; IN_PROGRESS=0/0; FILED=0/0; =2/2");
        ChartData top = du01.charts().stream().filter(c -> c.spec().id().equals("don-vi-ky-luat")).findFirst().orElseThrow();
        assertThat(top.labels()).containsExactly("Đảng bộ Cơ quan Một (trực tiếp)", "Chi bộ Phòng Tổng hợp");
        assertThat(flat(ReportOutputsTest.text(pdf(du01)))).contains("Đảng bộ Cơ quan Một (trực tiếp)").doesNotContain("Không có số liệu")
                .as("a unit's report is issued under its name").contains("ĐẢNG BỘ CƠ QUAN MỘT ỦY BAN KIỂM TRA");
    }

    static final String LONG = "Đảng bộ Vụ Thi đua - Khen thưởng thuộc Văn phòng Ban Chấp hành Trung ương và các cơ quan tham mưu, giúp việc";

    @Test
    void aLongUnitNameWrapsWithinItsRoomAndNoTextLeavesThePage() throws IOException {
        FixtureEngine engine = new FixtureEngine().unit("K", "Đảng bộ Khối Thử nghiệm", null).unit("DU19", LONG, "K").unit("DU20", "Chi bộ Ngắn", "K");
        LocalDate day = LocalDate.of(2014, 3, 15);
        engine.add(4, "discipline", "DU19", "subject_type", "MEMBER", "form", "REPRIMAND", "decision_date", day)
                .add(2390, "inspection", "DU19", "subject_type", "MEMBER", "type", "FINANCE", "start_date", day)
                .add(1, "inspection", "DU20", "subject_type", "MEMBER", "type", "FINANCE", "start_date", day.minusYears(1));
        ReportContent content = ReportContent.collect(engine, Catalogs.SCHEMA, Catalogs.METRICS,
                new ReportRequest(Catalogs.spec("half-year"), Language.VI, MADE.toLocalDate(), MADE, UnitBasis.SUCCESSOR), FRESHNESS);
        // every line of the wrapped name fits the room the bar charts keep for their labels
        for (String line : Charts.wrapLabel(LONG).split("\n")) {
            assertThat(Charts.width(Charts.labelFont(), line)).as(line).isLessThanOrEqualTo(Charts.LABEL_WIDTH);
        }
        assertThat(Charts.wrapLabel(LONG).split("\n")).hasSizeGreaterThan(1);
        byte[] bytes = pdf(content);
        String text = ReportOutputsTest.text(bytes);
        assertThat(flat(text)).contains(LONG);
        // no glyph of any page lies outside the text area (a clipped label would start left of it)
        try (PDDocument document = Loader.loadPDF(bytes)) {
            List<TextPosition> outside = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String string, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        if (p.getXDirAdj() < PdfReport.LEFT - 1 || p.getXDirAdj() + p.getWidthDirAdj() > PdfReport.LEFT + PdfReport.WIDTH + 1) {
                            outside.add(p);
                        }
                    }
                }
            };
            stripper.getText(document);
            assertThat(outside).extracting(TextPosition::getUnicode).isEmpty();
        }
        // the unit's four disciplines are in its chart, the bars of 2.390 and of 1 on scales of their own
        Map<String, String> charts = charts(content);
        assertThat(charts.get("don-vi-ky-luat")).isEqualTo("DU19=0/4");
        assertThat(charts.get("kiem-tra")).isEqualTo("inspection.members=1/2390");
        assertThat(charts.get("kiem-tra-2")).startsWith("inspection.orgs=0/0; ");
    }

    @Test
    void aSecondCommissionsConfigurationRendersWithoutAChangeOfCode() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode spec = (ObjectNode) json.readTree(Catalogs.SCHEMAS.resolve("reports/half-year.json").toFile());
        ObjectNode document = json.createObjectNode();
        document.put("parent", "TỈNH ỦY LÂM VIÊN");
        document.put("body", "ỦY BAN KIỂM TRA");
        document.put("number", "27");
        document.put("symbol", "BC/UBKTTU");
        document.put("place", "Lâm Viên");
        ObjectNode signer = document.putObject("signer");
        signer.put("for", "T/M ỦY BAN KIỂM TRA");
        signer.put("title", "PHÓ CHỦ NHIỆM THƯỜNG TRỰC");
        signer.put("name", "Trần Thị Bình");
        document.putArray("recipients").add("Ủy ban Kiểm tra Trung ương").add("Ban Thường vụ Tỉnh ủy").add("Lưu VT, UBKT");
        spec.set("document", document);
        Path schemas = temp.resolve("schemas");
        Files.createDirectories(schemas.resolve("reports"));
        Files.copy(Catalogs.SCHEMAS.resolve("metrics.json"), schemas.resolve("metrics.json"));
        json.writeValue(schemas.resolve("reports/lam-vien.json").toFile(), spec);

        ReportSpec loaded = ReportSpec.named("lam-vien", schemas, Catalogs.SCHEMA, Catalogs.METRICS);
        String text = ReportOutputsTest.text(pdf(collect(loaded, Language.VI)));
        List<String> lines = text.lines().map(String::strip).toList();
        assertThat(lines).contains("TỈNH ỦY LÂM VIÊN", "ỦY BAN KIỂM TRA", "Số 27-BC/UBKTTU", "Lâm Viên, ngày 05 tháng 7 năm 2014",
                "PHÓ CHỦ NHIỆM THƯỜNG TRỰC", "Trần Thị Bình", "- Ủy ban Kiểm tra Trung ương,", "- Ban Thường vụ Tỉnh ủy,", "- Lưu VT, UBKT.");
        assertThat(lines).doesNotContain("ĐẢNG BỘ KHỐI THỬ NGHIỆM", "Hà Nội, ngày 05 tháng 7 năm 2014", "CHỦ NHIỆM");
        assertThat(Arrays.asList(text.split("\n"))).anySatisfy(l -> assertThat(l.strip()).isEqualTo("ĐẢNG CỘNG SẢN VIỆT NAM"));
    }
}
