package vn.inspection.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.inspection.pipeline.samples.SampleData;
import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.text.Language;
import vn.inspection.pipeline.text.VietnameseNumbers;

/**
 * {@code pipeline report} on the committed samples, through the command line and the DuckDB warehouse, as a user
 * runs it: what the PDF says (every metric with the values the sample builder planted), that it prints, the PNGs and
 * the workbook, the spec rules, and the paths and units a hostile or careless user gives it.
 */
class ReportCommandTest {
    static final Path SAMPLES = Path.of("../../data-samples");

    @TempDir
    static Path temp;
    static Path home;
    static SampleData.Plan plan;
    static Cli.Result run;
    static Path pdf;
    static String text;

    @BeforeAll
    static void ingestTheSamplesAndRenderTheHalfYearReport() throws IOException {
        home = temp.resolve("home");
        Cli.Result ingest = Cli.run("--home", home.toString(), "ingest", SAMPLES.toString(), "--format", "json");
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        plan = SampleData.plan(UnaryOperator.identity());
        pdf = temp.resolve("r.pdf");
        run = Cli.run("--home", home.toString(), "report", "--periods", "2013-H1,2014-H1", "--out", pdf.toString(),
                "--png", temp.resolve("charts").toString(), "--xlsx", temp.resolve("kpi.xlsx").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        text = text(pdf);
    }

    static String text(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Nested
    class TheSampleReport {

        @Test
        void saysWhatItWrote() {
            assertThat(run.out()).contains("Report: " + pdf + " (").contains(" pages) — Báo cáo kết quả công tác kiểm tra, giám sát, thi hành kỷ luật đảng"
                    + " — 6 tháng đầu năm 2014 so với cùng kỳ năm 2013");
            assertThat(run.out()).contains("Workbook: " + temp.resolve("kpi.xlsx")).contains("Charts: 15 PNG files in " + temp.resolve("charts"));
            assertThat(run.err()).isEmpty();
        }

        @Test
        void showsTheTitleBothPeriodsAndEveryMetricWithThePlantedValues() {
            assertThat(flat(text)).contains("BÁO CÁO Kết quả công tác kiểm tra, giám sát, thi hành kỷ luật đảng",
                    "6 tháng đầu năm 2014 so với cùng kỳ năm 2013", "6 tháng đầu năm 2013 (01/01/2013 – 30/06/2013)",
                    "6 tháng đầu năm 2014 (01/01/2014 – 30/06/2014)", "ĐẢNG BỘ KHỐI CÁC CƠ QUAN VẠN XUÂN", "ĐẢNG CỘNG SẢN VIỆT NAM",
                    "PHỤ LỤC: GIẢI THÍCH CHỈ TIÊU").doesNotContain("DuckDB");
            VietnameseNumbers numbers = new VietnameseNumbers(Language.VI);
            List<String> lines = text.lines().map(String::strip).toList();
            for (JsonNode metric : SampleData.Plan.metrics()) {
                long a = plan.count(metric, LocalDate.of(2013, 1, 1), LocalDate.of(2013, 6, 30));
                long b = plan.count(metric, LocalDate.of(2014, 1, 1), LocalDate.of(2014, 6, 30));
                String row = metric.get("label").get("vi").asText() + " " + numbers.count(a) + " " + numbers.count(b) + " " + numbers.signed(b - a);
                assertThat(lines).as(metric.get("id").asText()).anyMatch(line -> line.startsWith(row + " "));
            }
            // seed 004
            assertThat(lines).anyMatch(line -> line.startsWith("Tổ chức đảng được kiểm tra 401 423 +22 +5,5%"));
            assertThat(lines).anyMatch(line -> line.startsWith("Đảng viên được kiểm tra 2.390 2.528 +138 +5,8%"));
        }

        @Test
        void trendsRunFromTheLakesFirstQuarterToTheEndOfThePeriodReportedOn() {
            for (String quarter : List.of("I/2013", "II/2013", "III/2013", "IV/2013", "I/2014", "II/2014")) {
                assertThat(text).contains("Quý " + quarter);
            }
            // the lake holds the second half of 2014 too, but a report on 2014-H1 ends there
            assertThat(text).doesNotContain("Quý IV/2012").doesNotContain("Quý III/2014").doesNotContain("Quý IV/2014");
        }

        @Test
        void embedsItsFontsAndHasNoBlankPage() throws IOException {
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                List<PDFont> fonts = new ArrayList<>();
                for (PDPage page : document.getPages()) {
                    fonts(page.getResources(), fonts);
                }
                assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
                PDFRenderer renderer = new PDFRenderer(document);
                for (int i = 0; i < document.getNumberOfPages(); i++) {
                    BufferedImage image = renderer.renderImageWithDPI(i, 40);
                    long ink = 0;
                    for (int y = 0; y < image.getHeight(); y++) {
                        for (int x = 0; x < image.getWidth(); x++) {
                            int rgb = image.getRGB(x, y);
                            ink += (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3 < 200 ? 1 : 0;
                        }
                    }
                    assertThat(ink).as("dark pixels on page %d", i + 1).isGreaterThan(image.getWidth() * image.getHeight() / 100);
                }
            }
        }

        @Test
        void writesEveryChartAsAPngAndTheKpiWorkbook() throws IOException {
            try (Stream<Path> files = Files.list(temp.resolve("charts"))) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).as("a bar chart split by magnitude is two files")
                        .containsExactly("01-kiem-tra.png", "02-kiem-tra-2.png", "03-giam-sat.png", "04-giam-sat-2.png", "05-ky-luat.png",
                                "06-ky-luat-2.png", "07-don-thu.png", "08-xu-huong-to-chuc.png", "09-xu-huong-dang-vien.png",
                                "10-xu-huong-ky-luat-don-thu.png", "11-don-vi-kiem-tra.png", "12-don-vi-ky-luat.png", "13-hinh-thuc-ky-luat.png",
                                "14-don-thu-theo-loai.png", "15-don-thu-theo-tinh-trang.png");
            }
            try (var in = Files.newInputStream(temp.resolve("kpi.xlsx")); var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(in);
                 var rows = workbook.getFirstSheet().openStream()) {
                var members = rows.filter(r -> "inspection.members".equals(r.getCellText(1))).findFirst().orElseThrow();
                assertThat(members.getCell(3).asNumber()).isEqualByComparingTo("2390");
                assertThat(members.getCell(4).asNumber()).isEqualByComparingTo("2528");
            }
        }
    }

    @Nested
    class SpecsAndOptions {

        @Test
        void theYearEndSpecInEnglishForAYearAgainstTheYearBefore() throws IOException {
            Path out = temp.resolve("year-end.pdf");
            Cli.Result result = Cli.run("--home", home.toString(), "report", "--spec", "../../schemas/reports/year-end.json", "--previous-year", "2014",
                    "--lang", "en", "--out", out.toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
            String english = flat(text(out));
            long a = plan.count(metric("inspection.members"), LocalDate.of(2013, 1, 1), LocalDate.of(2013, 12, 31));
            long b = plan.count(metric("inspection.members"), LocalDate.of(2014, 1, 1), LocalDate.of(2014, 12, 31));
            VietnameseNumbers numbers = new VietnameseNumbers(Language.EN);
            assertThat(english).contains("Year-end report on party inspection, supervision and discipline work", "Year 2014 compared with 2013",
                    "Party members inspected " + numbers.count(a) + " " + numbers.count(b), "First half of 2013", "Second half of 2014", "Page 1/");
        }

        @Test
        void aSpecsRuleIsResolvedOnTheAsOfDay() throws IOException {
            Path out = temp.resolve("as-of.pdf");
            Cli.Result result = Cli.run("--home", home.toString(), "report", "--as-of", "2014-07-01", "--unit", "DU05", "--out", out.toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
            String flat = flat(text(out));
            assertThat(flat).contains("6 tháng đầu năm 2014 so với cùng kỳ năm 2013", "(DU05), gồm các đơn vị cấp dưới");
        }

        @Test
        void saysWhenAPeriodLiesOutsideTheData() throws IOException {
            Path out = temp.resolve("empty.pdf");
            Cli.Result result = Cli.run("--home", home.toString(), "report", "--periods", "2020-H1,2021-H1", "--out", out.toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("Lưu ý: Kho dữ liệu không có bản ghi nào trong 6 tháng đầu năm 2021");
            assertThat(flat(text(out))).contains("Lưu ý: Kho dữ liệu không có bản ghi nào trong 6 tháng đầu năm 2021");
        }

        @Test
        void answersSparkWithHowToBuildItsModule() {
            Cli.Result result = Cli.run("--home", home.toString(), "report", "--engine", "spark", "--periods", "2013-H1,2014-H1", "--out",
                    temp.resolve("spark.pdf").toString());
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err().lines().toList()).hasSize(1).first().asString().contains("Spark module").contains("mvn");
            assertThat(temp.resolve("spark.pdf")).doesNotExist();
        }

        @Test
        void explainsBadUsageInOneLine() {
            Path out = temp.resolve("bad.pdf");
            assertThat(Cli.run("--home", home.toString(), "report", "--periods", "2013-H1,2014-H1"))
                    .satisfies(r -> assertThat(r.exitCode()).isEqualTo(2)).satisfies(r -> assertThat(r.err()).contains("give --out FILE.pdf"));
            assertThat(Cli.run("--home", home.toString(), "report", "--periods", "2013-H3,2014-H1", "--out", out.toString()))
                    .satisfies(r -> assertThat(r.exitCode()).isEqualTo(2)).satisfies(r -> assertThat(r.err()).contains("Cannot parse period '2013-H3'"));
            assertThat(Cli.run("--home", home.toString(), "report", "--periods", "2014-H1", "--out", out.toString()))
                    .satisfies(r -> assertThat(r.exitCode()).isEqualTo(2)).satisfies(r -> assertThat(r.err()).contains("two periods separated by a comma"));
            assertThat(Cli.run("--home", home.toString(), "report", "--periods", "2014-H1,2014-H1", "--out", out.toString()))
                    .satisfies(r -> assertThat(r.exitCode()).isEqualTo(2)).satisfies(r -> assertThat(r.err()).contains("names 2014-H1 twice"));
            assertThat(Cli.run("--home", home.toString(), "report", "--as-of", "1/7/2014", "--out", out.toString()))
                    .satisfies(r -> assertThat(r.exitCode()).isEqualTo(2)).satisfies(r -> assertThat(r.err()).contains("write it as yyyy-MM-dd"));
            assertThat(out).doesNotExist();
        }

        @Test
        void namesTheFileAndTheChartOfABrokenSpec() throws IOException {
            Path spec = temp.resolve("hong.json");
            Files.writeString(spec, Files.readString(Path.of("../../schemas/reports/half-year.json"), StandardCharsets.UTF_8)
                    .replace("\"supervision.thematic\"]", "\"supervision.themes\"]"), StandardCharsets.UTF_8);
            Cli.Result result = Cli.run("--home", home.toString(), "report", "--spec", spec.toString(), "--periods", "2013-H1,2014-H1", "--out",
                    temp.resolve("hong.pdf").toString());
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err().strip()).isEqualTo("pipeline report: " + spec + ", section 3, chart 'giam-sat': unknown metric 'supervision.themes'"
                    + " (list them with: pipeline metrics)");
        }
    }

    @Nested
    class HostileInput {

        @Test
        void neverWritesInsideTheHomeWhateverPathItIsGiven() throws IOException {
            Map<String, Long> before = files(home);
            Path warehouse = home.resolve("warehouse/warehouse.duckdb");
            Path link = temp.resolve("link-to-home");
            Files.createSymbolicLink(link, home.toAbsolutePath());
            for (String[] args : List.of(
                    new String[] {"--out", warehouse.toString()},
                    new String[] {"--out", home.resolve("lake/_manifest/x.pdf").toString()},
                    new String[] {"--out", link.resolve("warehouse/warehouse.duckdb").toString()},
                    new String[] {"--out", temp.resolve("ok.pdf").toString(), "--xlsx", home.resolve("lake/kpi.xlsx").toString()},
                    new String[] {"--png", home.resolve("lake").toString()},
                    new String[] {"--png", link.resolve("reports/charts").toString()})) {
                List<String> line = new ArrayList<>(List.of("--home", home.toString(), "report", "--periods", "2013-H1,2014-H1"));
                line.addAll(List.of(args));
                Cli.Result result = Cli.run(line.toArray(String[]::new));
                assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
                assertThat(result.err()).as(String.join(" ", args)).contains("inside the pipeline home");
            }
            assertThat(files(home)).isEqualTo(before);
            assertThat(temp.resolve("ok.pdf")).doesNotExist();
        }

        @Test
        void aNormalReportLeavesTheHomeAsItWas() throws IOException {
            Map<String, Long> before = files(home);
            Cli.Result result = Cli.run("--home", home.toString(), "report", "--previous-year", "2014-Q2", "--out", temp.resolve("q2.pdf").toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(files(home)).isEqualTo(before);
            try (Stream<Path> left = Files.list(temp)) {
                assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
            }
        }

        @Test
        void refusesFoldersMissingFoldersAndOneFileForTwoOutputs() throws IOException {
            Path folder = Files.createDirectories(temp.resolve("a-folder"));
            assertThat(Cli.run("--home", home.toString(), "report", "--periods", "2013-H1,2014-H1", "--out", folder.toString()))
                    .satisfies(r -> assertThat(r.exitCode()).isEqualTo(2)).satisfies(r -> assertThat(r.err()).contains("is a folder"));
            assertThat(Cli.run("--home", home.toString(), "report", "--periods", "2013-H1,2014-H1", "--out", temp.resolve("no/such/r.pdf").toString()))
                    .satisfies(r -> assertThat(r.exitCode()).isEqualTo(1)).satisfies(r -> assertThat(r.err()).contains("does not exist"));
            Path same = temp.resolve("same.out");
            assertThat(Cli.run("--home", home.toString(), "report", "--periods", "2013-H1,2014-H1", "--out", same.toString(), "--xlsx", same.toString()))
                    .satisfies(r -> assertThat(r.exitCode()).isEqualTo(2)).satisfies(r -> assertThat(r.err()).contains("name the same file"));
            Path file = Files.writeString(temp.resolve("a-file"), "x");
            assertThat(Cli.run("--home", home.toString(), "report", "--periods", "2013-H1,2014-H1", "--png", file.toString()))
                    .satisfies(r -> assertThat(r.exitCode()).isEqualTo(2)).satisfies(r -> assertThat(r.err()).contains("is a file"));
        }

        @Test
        void aUnitThatLooksLikeSqlIsJustAnUnknownUnit() {
            Cli.Result result = Cli.run("--home", home.toString(), "report", "--periods", "2013-H1,2014-H1", "--unit", "DU01'; DROP TABLE units; --",
                    "--out", temp.resolve("sql.pdf").toString());
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("pipeline report: unknown unit 'DU01'; DROP TABLE units; --'");
            assertThat(temp.resolve("sql.pdf")).doesNotExist();
            assertThat(Cli.run("--home", home.toString(), "compare", "2013", "2014", "--unit", "DU01").exitCode()).isZero();
        }

        @Test
        void aSpecThatIsNotJsonIsRefused() throws IOException {
            Path passwd = Files.writeString(temp.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
            Cli.Result result = Cli.run("--home", home.toString(), "report", "--spec", passwd.toString(), "--out", temp.resolve("p.pdf").toString());
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("a report spec is a .json file").doesNotContain("root:x");
        }
    }

    static JsonNode metric(String id) {
        for (JsonNode metric : SampleData.Plan.metrics()) {
            if (metric.get("id").asText().equals(id)) {
                return metric;
            }
        }
        throw new AssertionError("no metric " + id);
    }

    /** Every file of the home but the log, with its size and modification time. */
    static Map<String, Long> files(Path root) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                if (!root.relativize(p).startsWith("logs")) {
                    files.put(root.relativize(p).toString(), Files.size(p) * 31 + Files.getLastModifiedTime(p).toMillis());
                }
            }
        }
        return files;
    }

    private static void fonts(PDResources resources, List<PDFont> fonts) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form) {
                fonts(form.getResources(), fonts);
            }
        }
    }
}
