package vn.inspection.pipeline.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.junit.jupiter.api.Test;

import vn.inspection.pipeline.text.Language;

/** The charts a notebook draws from plain numbers, without an engine or a PDF. */
class ChartsTest {
    final Charts charts = new Charts(Language.VI);

    @Test
    void groupedBarsHoldTheNumbersGivenInTheReportsFontAndPeriodColours() {
        JFreeChart chart = charts.groupedBars("Kiểm tra", List.of("Tổ chức đảng", "Đảng viên"), List.of("6 tháng đầu năm 2013", "6 tháng đầu năm 2014"),
                new long[][] {{401, 2390}, {423, 2528}});
        CategoryPlot plot = chart.getCategoryPlot();
        assertThat(plot.getOrientation()).isEqualTo(PlotOrientation.HORIZONTAL);
        assertThat(plot.getDataset().getValue("6 tháng đầu năm 2014", "Đảng viên").longValue()).isEqualTo(2528L);
        assertThat(plot.getDataset().getValue("6 tháng đầu năm 2013", "Tổ chức đảng").longValue()).isEqualTo(401L);
        assertThat(chart.getTitle().getText()).isEqualTo("Kiểm tra");
        assertThat(chart.getTitle().getFont().getFamily()).isEqualTo(ReportFonts.FAMILY);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        assertThat(renderer.getSeriesPaint(0)).isEqualTo(Palette.PERIOD_A);
        assertThat(renderer.getSeriesPaint(1)).isEqualTo(Palette.PERIOD_B);
        assertThat(renderer.getDefaultItemLabelGenerator().generateLabel(plot.getDataset(), 1, 1)).isEqualTo("2.528");
    }

    @Test
    void trendLinesShadeTheComparedPeriodsAndNameThemInTheLegend() {
        JFreeChart chart = charts.trendLines("Xu hướng", List.of("Quý I/2013", "Quý II/2013", "Quý I/2014", "Quý II/2014"), List.of("Kiểm tra"),
                new long[][] {{200, 201, 210, 213}},
                List.of(new Charts.Band("6 tháng đầu năm 2013", 0, 1, Charts.Shade.LIGHT), new Charts.Band("6 tháng đầu năm 2014", 2, 3, Charts.Shade.DARK)));
        CategoryPlot plot = chart.getCategoryPlot();
        assertThat(plot.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND)).hasSize(4);
        List<String> legend = new java.util.ArrayList<>();
        for (int i = 0; i < plot.getFixedLegendItems().getItemCount(); i++) {
            legend.add(plot.getFixedLegendItems().get(i).getLabel());
        }
        assertThat(legend).containsExactly("Kiểm tra", "6 tháng đầu năm 2013", "6 tháng đầu năm 2014");
    }

    @Test
    void refusesNumbersThatDoNotMatchTheirLabels() {
        assertThatThrownBy(() -> charts.groupedBars("x", List.of("a", "b"), List.of("A"), new long[][] {{1}}))
                .hasMessageContaining("values of series 'A' has 1 numbers for 2 categories");
        assertThatThrownBy(() -> charts.groupedBars("x", List.of("a", "a"), List.of("A"), new long[][] {{1, 2}}))
                .hasMessageContaining("'a' is there twice");
        assertThatThrownBy(() -> charts.trendLines("x", List.of("a"), List.of("A"), new long[][] {{1}}, List.of(new Charts.Band("b", 0, 3, Charts.Shade.DARK))))
                .hasMessageContaining("band 'b' ends at column 3 of 1");
    }

    @Test
    void drawsAPngOfTheSizeAskedAtTwiceTheResolution() throws IOException {
        JFreeChart chart = charts.groupedBars("Đơn thư", List.of("Tố cáo", "Khiếu nại kỷ luật"), List.of("2013", "2014"), new long[][] {{42, 10}, {30, 11}});
        byte[] png = ChartImages.png(chart, 453, 200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(906);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(image.getRGB(0, 0) & 0xffffff).isEqualTo(0xffffff);
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == (Palette.PERIOD_B.getRGB() & 0xffffff)) {
                    dark++;
                }
            }
        }
        assertThat(dark).as("pixels of the later period's bars").isGreaterThan(500);
    }

    @Test
    void thePeriodsAndTheTrendLinesStayApartInGreyscale() {
        assertThat(grey(Palette.PERIOD_A) - grey(Palette.PERIOD_B)).isGreaterThan(100);
        assertThat(grey(Palette.BAND_A) - grey(Palette.BAND_B)).isGreaterThan(15);
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                // lines differ by dash pattern always, and by lightness too
                assertThat(Palette.lineStroke(i)).isNotEqualTo(Palette.lineStroke(j));
                assertThat(Math.abs(grey(Palette.line(i)) - grey(Palette.line(j)))).as("lines %d and %d", i, j).isGreaterThan(25);
            }
        }
    }

    @Test
    void countsAreWrittenInTheLanguagesNumberFormat() {
        assertThat(new CountFormat(Language.VI).format(2528)).isEqualTo("2.528");
        assertThat(new CountFormat(Language.VI).format(-8)).isEqualTo("\u22128");
        assertThat(new CountFormat(Language.EN).format(2528.4)).isEqualTo("2,528");
        assertThat(ReportFonts.canDisplay("Đảng viên bị khiển trách −8,5% 2013–2014")).isTrue();
    }

    static double grey(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }
}
