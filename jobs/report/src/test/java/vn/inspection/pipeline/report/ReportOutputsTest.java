package vn.inspection.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import java.util.Optional;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.inspection.pipeline.metrics.Metric;
import vn.inspection.pipeline.metrics.UnitBasis;
import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.text.Language;
import vn.inspection.pipeline.text.VietnameseNumbers;

/**
 * The half-year report rendered from the fixture bloc's numbers: what a manager reads in the PDF (extracted with
 * PDFBox), that it prints (fonts embedded, pages not blank, charts as vectors), the PNGs and the workbook.
 */
class ReportOutputsTest {
    static final ZonedDateTime MADE = ZonedDateTime.of(2014, 7, 5, 9, 30, 0, 0, ZoneId.of("Asia/Ho_Chi_Minh"));
    static final Freshness FRESHNESS = new Freshness(19, 26_627, Optional.of(Instant.parse("2014-07-04T08:15:00Z")));
    static final FixtureEngine ENGINE = FixtureEngine.bloc();

    static ReportContent content;
    static byte[] pdf;
    static String text;

    static ReportContent collect(ReportSpec spec, Language language) {
        return ReportContent.collect(ENGINE, Catalogs.SCHEMA, Catalogs.METRICS,
                new ReportRequest(spec, language, MADE.toLocalDate(), MADE, UnitBasis.SUCCESSOR), FRESHNESS);
    }

    static byte[] pdf(ReportContent content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reports.pdf(content, out);
        return out.toByteArray();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @BeforeAll
    static void renderTheHalfYearReport() throws IOException {
        // as of 5 July 2014 the half-year spec's rule picks 2014-H1 against 2013-H1
        content = collect(Catalogs.spec("half-year"), Language.VI);
        pdf = pdf(content);
        text = text(pdf);
    }

    @Nested
    class WhatAManagerReads {

        @Test
        void theTitleWithBothPeriodsTheUnitAndTheDatasFreshness() {
            assertThat(content.a()).isEqualTo(Period.parse("2013-H1"));
            assertThat(content.b()).isEqualTo(Period.parse("2014-H1"));
            String flat = flat(text);
            assertThat(flat).contains("BÁO CÁO Kết quả công tác kiểm tra, giám sát, thi hành kỷ luật đảng")
                    .contains("6 tháng đầu năm 2014 so với cùng kỳ năm 2013")
                    .contains("6 tháng đầu năm 2013 (01/01/2013 – 30/06/2013)")
                    .contains("6 tháng đầu năm 2014 (01/01/2014 – 30/06/2014)")
                    .contains("ĐẢNG BỘ KHỐI THỬ NGHIỆM")
                    .contains("Lập lúc: 09:30 ngày 05/07/2014")
                    .contains("19 tệp sổ theo dõi đã nhập (26.627 bản ghi), lần nhập gần nhất lúc 15:15 ngày 04/07/2014");
        }

        @Test
        void everyMetricsLabelWithBothValuesInVietnameseFormatOnOneLine() {
            VietnameseNumbers numbers = new VietnameseNumbers(Language.VI);
            List<String> lines = text.lines().toList();
            for (Metric metric : Catalogs.METRICS.metrics()) {
                var row = content.row(metric);
                String expected = metric.label().vi() + " " + numbers.count(row.a()) + " " + numbers.count(row.b()) + " "
                        + numbers.signed(row.delta()) + " " + numbers.percent(row.changePercent());
                assertThat(lines).as(metric.id()).anySatisfy(line -> assertThat(line.strip()).isEqualTo(expected));
            }
            // seed 004's figures, by hand: 2,390 → 2,528 members inspected is +138, +5.8%
            assertThat(lines).contains("Đảng viên được kiểm tra 2.390 2.528 +138 +5,8%");
            assertThat(text).contains("−").doesNotContain("-1 ");
        }

        @Test
        void chartTextIsTextWithItsDiacritics() {
            String flat = flat(text);
            assertThat(flat).contains("Hình thức kỷ luật (tổ chức đảng và đảng viên)", "Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ", "Giải tán",
                    "Đơn thư theo loại", "Tố cáo", "Khiếu nại kỷ luật", "Phản ánh, kiến nghị", "Đã giải quyết", "Đang giải quyết", "Lưu đơn",
                    "Không ghi", "Đảng bộ Cơ quan Một", "Đảng bộ Cơ quan Hai");
        }

        @Test
        void theTrendChartsCoverEveryQuarterFromTheFirstRecordToTheEndOfTheComparedPeriod() {
            List<String> quarters = List.of("2013-Q1", "2013-Q2", "2013-Q3", "2013-Q4", "2014-Q1", "2014-Q2");
            List<ChartData> trends = content.charts().stream().filter(c -> c.spec() instanceof ChartSpec.Trend).toList();
            assertThat(trends).hasSize(3).allSatisfy(trend -> {
                assertThat(trend.keys()).containsExactlyElementsOf(quarters);
                assertThat(trend.bands()).extracting(b -> b.first() + ".." + b.last()).containsExactly("0..1", "4..5");
            });
            // every quarter is labelled on the page, and the first chart's lines hold the engine's numbers
            for (String label : List.of("Quý I/2013", "Quý II/2013", "Quý III/2013", "Quý IV/2013", "Quý I/2014", "Quý II/2014")) {
                assertThat(text).contains(label);
            }
            // a half-year report's trend ends with the half-year reported on, not with the end of its year
            assertThat(text).doesNotContain("Quý III/2014").doesNotContain("Quý IV/2014");
            ChartData first = trends.get(0);
            assertThat(first.series()).containsExactly("Tổ chức đảng được kiểm tra", "Tổ chức đảng được giám sát");
            assertThat(first.value(0, 0) + first.value(0, 1)).isEqualTo(401);
            assertThat(first.value(0, 4) + first.value(0, 5)).isEqualTo(423);
        }

        @Test
        void theTopUnitsAreTheSubordinatesWithMostInspectionsInTheLaterPeriod() {
            ChartData top = content.charts().stream().filter(c -> c.spec().id().equals("don-vi-kiem-tra")).findFirst().orElseThrow();
            assertThat(top.keys()).containsExactly("DU01", "DU02");
            // DU01 holds its branch CB0101: every organization inspected, and the members of the second quarter
            long du01 = top.value(1, 0);
            long du02 = top.value(1, 1);
            assertThat(du01 + du02).isEqualTo(423 + 2528);
        }

        @Test
        void inEnglishWithEnglishNumbers() throws IOException {
            String english = flat(text(pdf(collect(Catalogs.spec("half-year"), Language.EN))));
            assertThat(english).contains("Report on party inspection, supervision and discipline work", "First half of 2014 compared with the same period of 2013",
                    "Party members inspected 2,390 2,528 +138 +5.8%", "Page 1/");
        }

        @Test
        void aUnitsReportCountsThatUnitAndTheUnitsBelowIt() throws IOException {
            ReportContent du01 = collect(Catalogs.spec("half-year").withUnit("du01"), Language.VI);
            assertThat(du01.unit()).isEqualTo(new ReportContent.ReportUnit("DU01", "Đảng bộ Cơ quan Một"));
            Metric orgs = Catalogs.METRICS.metric("inspection.orgs").orElseThrow();
            assertThat(du01.row(orgs).b()).isEqualTo(423);
            Metric supervised = Catalogs.METRICS.metric("supervision.members").orElseThrow();
            assertThat(du01.row(supervised).b()).isZero();
            assertThat(flat(text(pdf(du01)))).contains("Đảng bộ Cơ quan Một (DU01), gồm các đơn vị cấp dưới");
        }

        @Test
        void refusesAnUnknownUnitAndTheSamePeriodTwice() {
            assertThatThrownBy(() -> collect(Catalogs.spec("half-year").withUnit("DU99'; DROP TABLE units; --"), Language.VI))
                    .isInstanceOf(ReportException.class).hasMessageStartingWith("unknown unit 'DU99'; DROP TABLE units; --'");
            Period h1 = Period.parse("2014-H1");
            assertThatThrownBy(() -> collect(Catalogs.spec("half-year").withPeriods(new PeriodChoice.Fixed(h1, h1)), Language.VI))
                    .isInstanceOf(ReportException.class).hasMessageContaining("not 2014-H1 with itself");
        }

        @Test
        void saysSoWhenAPeriodHasNoRecord() throws IOException {
            ReportSpec spec = Catalogs.spec("half-year").withPeriods(new PeriodChoice.Fixed(Period.parse("2019-H1"), Period.parse("2020-H1")));
            String flat = flat(text(pdf(collect(spec, Language.VI))));
            assertThat(flat).contains("Lưu ý: Kho dữ liệu không có bản ghi nào trong 6 tháng đầu năm 2020");
        }
    }

    @Nested
    class WhatPrints {

        @Test
        void everyFontIsEmbeddedAsASubset() throws IOException {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                List<PDFont> fonts = new ArrayList<>();
                for (PDPage page : document.getPages()) {
                    collect(page.getResources(), fonts, new ArrayList<>());
                }
                assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).matches("[A-Z]{6}\\+DejaVuSansCondensed(-Bold)?");
                });
            }
        }

        @Test
        void chartsAreVectorDrawingsNotPictures() throws IOException {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                List<PDXObject> objects = new ArrayList<>();
                for (PDPage page : document.getPages()) {
                    collect(page.getResources(), new ArrayList<>(), objects);
                }
                assertThat(objects).hasSizeGreaterThanOrEqualTo(content.charts().size()).noneMatch(o -> o instanceof PDImageXObject);
            }
        }

        @Test
        void noPageIsBlankAndEveryPageIsNumbered() throws IOException {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                int pages = document.getNumberOfPages();
                assertThat(pages).isBetween(3, 10);
                assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(0.5f));
                PDFRenderer renderer = new PDFRenderer(document);
                for (int i = 0; i < pages; i++) {
                    BufferedImage image = renderer.renderImageWithDPI(i, 40);
                    assertThat(inkShare(image)).as("page %d", i + 1).isGreaterThan(0.01);
                    assertThat(text).contains("Trang " + (i + 1) + "/" + pages);
                }
                assertThat(document.getDocumentInformation().getTitle()).isEqualTo(content.fullTitle());
                assertThat(document.getDocumentInformation().getCustomMetadataValue("Engine")).isEqualTo("fixture");
            }
        }
    }

    @Nested
    class OtherOutputs {
        @TempDir
        Path temp;

        @Test
        void writesEveryChartAsAPngNamedAfterItsId() throws IOException {
            List<Path> files = Reports.pngs(content, temp.resolve("charts"));
            assertThat(files).hasSize(content.charts().size());
            assertThat(files.get(0).getFileName()).hasToString("01-kiem-tra.png");
            assertThat(files.get(1).getFileName()).as("the small counts' part of a split chart").hasToString("02-kiem-tra-2.png");
            for (Path file : files) {
                BufferedImage image = ImageIO.read(file.toFile());
                assertThat(image.getWidth()).isEqualTo(2 * ChartData.WIDTH);
                assertThat(inkShare(image)).as(file.toString()).isGreaterThan(0.01);
            }
            try (Stream<Path> listed = Files.list(temp.resolve("charts"))) {
                assertThat(listed.count()).isEqualTo(files.size());
            }
        }

        @Test
        void thePdfAndTheWorkbookGetTheModeOfThePngs() throws IOException {
            List<Path> pngs = Reports.pngs(content, temp.resolve("charts"));
            Path pdfFile = temp.resolve("r.pdf");
            Path xlsx = temp.resolve("r.xlsx");
            ReportOptions.writeAtomically(pdfFile, out -> Reports.pdf(content, out));
            ReportOptions.writeAtomically(xlsx, out -> Reports.xlsx(content, out));
            var mode = Files.getPosixFilePermissions(pngs.get(0));
            assertThat(Files.getPosixFilePermissions(pdfFile)).isEqualTo(mode);
            assertThat(Files.getPosixFilePermissions(xlsx)).isEqualTo(mode);
            try (Stream<Path> left = Files.list(temp)) {
                assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left").containsExactlyInAnyOrder("charts", "r.pdf", "r.xlsx");
            }
        }

        @Test
        void writesTheWorkbookAsValuesWithFormatsAndNativeCharts() throws IOException {
            Path file = temp.resolve("kpi.xlsx");
            try (var out = Files.newOutputStream(file)) {
                Reports.xlsx(content, out);
            }
            // read as a previewer or a library reads it: cell values, no formula engine
            try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
                assertThat(sheetNames(workbook)).containsExactly("Số liệu tổng hợp", "Kết quả chủ yếu", "So sánh với cùng kỳ", "Xu hướng theo quý",
                        "Các đơn vị trực thuộc", "Kỷ luật và đơn thư", "Giải thích chỉ tiêu");
                for (Sheet sheet : workbook) {
                    for (org.apache.poi.ss.usermodel.Row row : sheet) {
                        for (org.apache.poi.ss.usermodel.Cell cell : row) {
                            assertThat(cell.getCellType()).as("%s!%s", sheet.getSheetName(), cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                        }
                    }
                }
                Sheet kpi = workbook.getSheet("Số liệu tổng hợp");
                assertThat(workbook.getActiveSheetIndex()).isZero();
                assertThat(kpi.getRow(0).getCell(0).getStringCellValue()).isEqualTo(content.fullTitle());
                org.apache.poi.ss.usermodel.Row header = rowWith(kpi, 1, "Mã chỉ tiêu");
                assertThat(header.getCell(3).getStringCellValue()).isEqualTo("6 tháng đầu năm 2013");
                assertThat(header.getCell(4).getStringCellValue()).isEqualTo("6 tháng đầu năm 2014");
                org.apache.poi.ss.usermodel.Row members = rowWith(kpi, 1, "inspection.members");
                assertThat(members.getCell(2).getStringCellValue()).isEqualTo("Đảng viên được kiểm tra");
                assertThat(members.getCell(3).getNumericCellValue()).isEqualTo(2390);
                assertThat(members.getCell(4).getNumericCellValue()).isEqualTo(2528);
                assertThat(members.getCell(5).getNumericCellValue()).isEqualTo(138);
                assertThat(members.getCell(6).getNumericCellValue()).isCloseTo(0.058, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(members.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("+0.0%;-0.0%;0.0%");
                assertThat(members.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("+#,##0;-#,##0;0");
                assertThat(members.getCell(7).getStringCellValue()).isEqualTo("tăng là tốt");
                assertThat(rowWith(kpi, 1, "discipline.members").getCell(7).getStringCellValue()).isEqualTo("không đánh giá");
                long metricRows = 0;
                for (org.apache.poi.ss.usermodel.Row row : kpi) {
                    if (row.getCell(1) != null && row.getCell(1).getCellType() == CellType.STRING
                            && row.getCell(1).getStringCellValue().matches("[a-z]+(\\.[a-z]+)+")) {
                        metricRows++;
                    }
                }
                assertThat(metricRows).isEqualTo(Catalogs.METRICS.metrics().size());

                // the assessment's sentences, the numbers behind every chart and a native chart over each
                assertThat(workbook.getSheet("Kết quả chủ yếu").getRow(5).getCell(0).getStringCellValue()).isEqualTo(content.assessment().get(0));
                int charts = 0;
                for (String name : List.of("So sánh với cùng kỳ", "Xu hướng theo quý", "Các đơn vị trực thuộc", "Kỷ luật và đơn thư")) {
                    XSSFSheet sheet = (XSSFSheet) workbook.getSheet(name);
                    charts += sheet.getDrawingPatriarch().getCharts().size();
                }
                assertThat(charts).isEqualTo(content.charts().size());
                XSSFSheet comparison = (XSSFSheet) workbook.getSheet("So sánh với cùng kỳ");
                org.apache.poi.ss.usermodel.Row orgs = rowWith(comparison, 0, "Tổ chức đảng được kiểm tra");
                assertThat(orgs.getCell(1).getNumericCellValue()).isEqualTo(401);
                assertThat(orgs.getCell(2).getNumericCellValue()).isEqualTo(423);
                var first = comparison.getDrawingPatriarch().getCharts().get(0);
                assertThat(first.getTitleText().getString()).isEqualTo("Kiểm tra");
                assertThat(first.getChartSeries()).hasSize(1);
                assertThat(first.getChartSeries().get(0).getSeriesCount()).isEqualTo(2);
                assertThat(first.getChartSeries().get(0).getSeries(0).getValuesData().getDataRangeReference())
                        .isEqualTo("'So sánh với cùng kỳ'!$B$8:$B$9");
                XSSFSheet trends = (XSSFSheet) workbook.getSheet("Xu hướng theo quý");
                assertThat(trends.getDrawingPatriarch().getCharts().get(0).getChartSeries().get(0))
                        .isInstanceOf(org.apache.poi.xddf.usermodel.chart.XDDFLineChartData.class);
                Sheet definitions = workbook.getSheet("Giải thích chỉ tiêu");
                assertThat(rowWith(definitions, 0, "complaint.resolved").getCell(2).getStringCellValue()).startsWith("Số đơn thư đã giải quyết xong trong kỳ");
            }
        }
    }

    static List<String> sheetNames(Workbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    static org.apache.poi.ss.usermodel.Row rowWith(Sheet sheet, int column, String text) {
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
            var cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                return row;
            }
        }
        throw new AssertionError("no row with '" + text + "' in column " + column + " of " + sheet.getSheetName());
    }

    /** The text with every run of white space as one space (lines wrap where the layout wants). */
    static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /** The share of pixels that are not near-white. */
    static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
                if (grey < 200) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }

    private static void collect(PDResources resources, List<PDFont> fonts, List<PDXObject> objects) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            objects.add(object);
            if (object instanceof PDFormXObject form) {
                collect(form.getResources(), fonts, objects);
            }
        }
    }

}
