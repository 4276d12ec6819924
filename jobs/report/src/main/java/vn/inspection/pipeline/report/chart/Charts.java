package vn.inspection.pipeline.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPosition;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.CategoryLabelWidthType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.text.TextBlockAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import vn.inspection.pipeline.text.Language;

/**
 * The report's charts built from plain numbers, so that the PDF, the {@code --png} files and an analyst's
 * notebook draw the same pictures. Every chart uses the report font ({@link ReportFonts}), the greyscale-safe
 * {@link Palette} and the number format of the language (2.528 in Vietnamese). Sizes are meant in points: a
 * chart drawn 453 × 260 fills the text width of an A4 page with print margins.
 *
 * <pre>{@code
 * Charts charts = new Charts(Language.VI);
 * JFreeChart chart = charts.groupedBars("Kiểm tra", List.of("Tổ chức đảng", "Đảng viên"),
 *         List.of("6 tháng đầu năm 2013", "6 tháng đầu năm 2014"), new long[][] {{401, 2390}, {423, 2528}});
 * byte[] png = ChartImages.png(chart, 900, 420);
 * }</pre>
 */
public final class Charts {
    /** How strongly a band is shaded: the earlier period light, the period reported on darker. */
    public enum Shade { LIGHT, DARK }

    /** A range of columns of a trend chart drawn as a shaded band (a compared period), with its legend label. */
    public record Band(String label, int first, int last, Shade shade) {
        public Band {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(shade, "shade");
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("a band covers columns first..last with 0 <= first <= last, not " + first + ".." + last);
            }
        }
    }

    private static final float TITLE_SIZE = 10.5f;
    private static final float TEXT_SIZE = 8f;
    private static final float SMALL_SIZE = 7.5f;
    private static final int MANY_COLUMNS = 12;
    /** Points left of a bar chart's bars for its category labels (about 40% of a page's text width). */
    private static final double LABEL_SPACE = 185;

    private final Language language;
    private final CountFormat counts;

    public Charts(Language language) {
        this.language = Objects.requireNonNull(language, "language");
        this.counts = new CountFormat(language);
    }

    public Language language() {
        return language;
    }

    /**
     * Horizontal bars of each series per category, with the value written at the end of every bar; two series
     * are drawn as the earlier period (light, outlined) and the later one (dark).
     *
     * @param title      the chart's title
     * @param categories the rows (metric labels, unit names…), top to bottom; distinct
     * @param series     the bars in each row (period labels…), in order; distinct
     * @param values     {@code values[series][category]}
     */
    public JFreeChart groupedBars(String title, List<String> categories, List<String> series, long[][] values) {
        requireDistinct(categories, "categories");
        // the names are broken into lines that fit the room kept for them: a long unit name wraps, never clipped
        List<String> wrapped = categories.stream().map(Charts::wrapLabel).toList();
        int lines = wrapped.stream().mapToInt(l -> l.split("\n", -1).length).max().orElse(1);
        DefaultCategoryDataset dataset = dataset(unique(wrapped), series, values);
        CategoryAxis categoryAxis = new CategoryAxis(null);
        NumberAxis valueAxis = countAxis();
        BarRenderer renderer = new BarRenderer();
        CategoryPlot plot = new CategoryPlot(dataset, categoryAxis, valueAxis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = chart(title, plot, series.size() > 1);

        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setItemMargin(0.08);
        renderer.setMaximumBarWidth(0.22);
        for (int s = 0; s < series.size(); s++) {
            renderer.setSeriesPaint(s, barPaint(s, series.size()));
            renderer.setSeriesOutlinePaint(s, Palette.OUTLINE);
            renderer.setSeriesOutlineStroke(s, new BasicStroke(0.5f));
        }
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", counts));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ReportFonts.regular(SMALL_SIZE));
        renderer.setDefaultItemLabelPaint(Palette.TEXT);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setItemLabelAnchorOffset(3.0);

        categoryAxis.setCategoryMargin(categories.size() > 1 ? 0.28 : 0.0);
        categoryAxis.setLowerMargin(0.02);
        categoryAxis.setUpperMargin(0.02);
        // the labels come wrapped: JFreeChart is given room enough not to break them again
        categoryAxis.setCategoryLabelPositions(new CategoryLabelPositions(CategoryLabelPositions.STANDARD.getLabelPosition(RectangleEdge.TOP),
                CategoryLabelPositions.STANDARD.getLabelPosition(RectangleEdge.BOTTOM),
                new CategoryLabelPosition(RectangleAnchor.RIGHT, TextBlockAnchor.CENTER_RIGHT, CategoryLabelWidthType.RANGE, 50f),
                CategoryLabelPositions.STANDARD.getLabelPosition(RectangleEdge.RIGHT)));
        categoryAxis.setMaximumCategoryLabelLines(lines);
        categoryAxis.setTickMarksVisible(false);
        categoryAxis.setAxisLineVisible(false);
        // every bar chart keeps the same room for its labels, so the charts of a page line up
        AxisSpace labels = new AxisSpace();
        labels.setLeft(LABEL_SPACE);
        plot.setFixedDomainAxisSpace(labels);
        // the values are written on the bars: the grid stays, its numbers go
        valueAxis.setTickLabelsVisible(false);
        // room for the value written after the longest bar
        valueAxis.setUpperMargin(0.12);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        return chart;
    }

    /**
     * Lines of each series across a sequence of periods (quarters, half-years…), with shaded bands marking the
     * compared periods (light grey for the earlier period, blue-grey for the later one).
     *
     * @param title   the chart's title
     * @param columns the periods, in time order; distinct
     * @param series  the lines; distinct
     * @param values  {@code values[series][column]}
     * @param bands   the column ranges to shade, each named in the legend
     */
    public JFreeChart trendLines(String title, List<String> columns, List<String> series, long[][] values, List<Band> bands) {
        DefaultCategoryDataset dataset = dataset(columns, series, values);
        CategoryAxis categoryAxis = new CategoryAxis(null);
        NumberAxis valueAxis = countAxis();
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        CategoryPlot plot = new CategoryPlot(dataset, categoryAxis, valueAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = chart(title, plot, true);

        for (int s = 0; s < series.size(); s++) {
            renderer.setSeriesPaint(s, Palette.line(s));
            renderer.setSeriesStroke(s, Palette.lineStroke(s));
            renderer.setSeriesShape(s, Palette.lineShape(s));
            renderer.setSeriesShapesFilled(s, true);
        }
        LegendItemCollection legend = new LegendItemCollection();
        for (int s = 0; s < series.size(); s++) {
            legend.add(renderer.getLegendItem(0, s));
        }
        for (int b = 0; b < bands.size(); b++) {
            Band band = bands.get(b);
            if (band.last() >= columns.size()) {
                throw new IllegalArgumentException("band '" + band.label() + "' ends at column " + band.last() + " of " + columns.size());
            }
            Color paint = band.shade() == Shade.LIGHT ? Palette.BAND_A : Palette.BAND_B;
            for (int c = band.first(); c <= band.last(); c++) {
                CategoryMarker marker = new CategoryMarker(columns.get(c), paint, new BasicStroke(0f));
                marker.setDrawAsLine(false);
                marker.setAlpha(1f);
                plot.addDomainMarker(marker, Layer.BACKGROUND);
            }
            legend.add(new LegendItem(band.label(), null, null, null, new Rectangle2D.Double(-6, -4, 12, 8), paint,
                    new BasicStroke(0.5f), Palette.OUTLINE));
        }
        plot.setFixedLegendItems(legend);

        categoryAxis.setCategoryMargin(0.0);
        categoryAxis.setLowerMargin(0.0);
        categoryAxis.setUpperMargin(0.0);
        if (columns.size() > MANY_COLUMNS) {
            categoryAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        } else {
            categoryAxis.setMaximumCategoryLabelLines(2);
        }
        valueAxis.setUpperMargin(0.1);
        plot.setDomainGridlinesVisible(false);
        return chart;
    }

    /**
     * The height grouped bars need, in points: the title and legend ({@code header}), then each row as tall as its
     * bars or its wrapped label, at least two rows' worth.
     */
    public static int barsHeight(List<String> categories, int series, int header) {
        int perRow = series * 9 + 10;
        int body = 0;
        for (String label : categories) {
            int lines = wrapLabel(label).split("\n", -1).length;
            body += Math.max(perRow, lines * 10 + 8);
        }
        return header + Math.max(2 * perRow, body);
    }

    /** Grouped bars as a PNG ({@link #groupedBars}), {@code width} points wide and as tall as its rows need, drawn at 2×. */
    public byte[] groupedBarsPng(String title, List<String> categories, List<String> series, long[][] values, int width) {
        return ChartImages.png(groupedBars(title, categories, series, values), width, barsHeight(categories, series.size(), 46),
                ChartImages.DEFAULT_SCALE);
    }

    /**
     * A bar under 1/SCALE_SPLIT of a chart's largest cannot be seen beside it: such rows get a chart of their own
     * (the report's bar charts) or are left to the table (the mail's chart).
     */
    public static final long SCALE_SPLIT = 25;

    /** The room for a bar chart's category label, in points: its fixed axis space less the gap to the bars. */
    public static final double LABEL_WIDTH = LABEL_SPACE - 10;

    /** A category label broken at spaces into lines of at most {@link #LABEL_WIDTH} points ('\n' between them). */
    public static String wrapLabel(String label) {
        Font metrics = ReportFonts.regular(TEXT_SIZE);
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : label.strip().split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && width(metrics, candidate) > LABEL_WIDTH) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
            // a single word wider than the room (a code without spaces) is cut at the room, the rest on the next line
            while (width(metrics, line.toString()) > LABEL_WIDTH && line.length() > 1) {
                int cut = line.length() - 1;
                while (cut > 1 && width(metrics, line.substring(0, cut)) > LABEL_WIDTH) {
                    cut--;
                }
                out.append(line, 0, cut).append('\n');
                line.delete(0, cut);
            }
        }
        return out.append(line).toString();
    }

    /** The width of a text in a font, in points (fonts are sized in points, drawn at 1:1). */
    public static double width(Font font, String text) {
        return font.getStringBounds(text, new java.awt.font.FontRenderContext(null, true, true)).getWidth();
    }

    /** The font of a bar chart's category labels. */
    public static Font labelFont() {
        return ReportFonts.regular(TEXT_SIZE);
    }

    /** Labels made distinct again after wrapping (two names that differ only in their spacing). */
    private static List<String> unique(List<String> labels) {
        Set<String> seen = new HashSet<>();
        List<String> out = new java.util.ArrayList<>();
        for (String label : labels) {
            String l = label;
            while (!seen.add(l)) {
                l = l + " ";
            }
            out.add(l);
        }
        return out;
    }

    /** Adds a line of small text under the title of a chart (the unit counted, what the shading means…). */
    public void note(JFreeChart chart, String text) {
        TextTitle note = new TextTitle(text, ReportFonts.regular(SMALL_SIZE));
        note.setPaint(Palette.MUTED);
        note.setHorizontalAlignment(HorizontalAlignment.LEFT);
        note.setTextAlignment(HorizontalAlignment.LEFT);
        note.setPadding(new RectangleInsets(0, 2, 4, 2));
        chart.addSubtitle(note);
    }

    private static DefaultCategoryDataset dataset(List<String> columns, List<String> series, long[][] values) {
        requireDistinct(columns, "categories");
        requireDistinct(series, "series");
        if (values.length != series.size()) {
            throw new IllegalArgumentException("values has " + values.length + " rows for " + series.size() + " series");
        }
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (int s = 0; s < series.size(); s++) {
            if (values[s].length != columns.size()) {
                throw new IllegalArgumentException("values of series '" + series.get(s) + "' has " + values[s].length
                        + " numbers for " + columns.size() + " categories");
            }
            for (int c = 0; c < columns.size(); c++) {
                dataset.addValue(values[s][c], series.get(s), columns.get(c));
            }
        }
        return dataset;
    }

    private static void requireDistinct(List<String> labels, String what) {
        Set<String> seen = new HashSet<>();
        for (String label : labels) {
            if (!seen.add(Objects.requireNonNull(label, what))) {
                throw new IllegalArgumentException("the " + what + " of a chart must be distinct: '" + label + "' is there twice");
            }
        }
    }

    private NumberAxis countAxis() {
        NumberAxis axis = new NumberAxis(null);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setNumberFormatOverride(counts);
        axis.setAutoRangeIncludesZero(true);
        axis.setTickMarksVisible(false);
        axis.setAxisLineVisible(false);
        return axis;
    }

    private static Paint barPaint(int index, int count) {
        if (count == 1) {
            return Palette.PERIOD_B;
        }
        if (count == 2) {
            return index == 0 ? Palette.PERIOD_A : Palette.PERIOD_B;
        }
        return Palette.line(index);
    }

    private JFreeChart chart(String title, CategoryPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, ReportFonts.bold(TITLE_SIZE), plot, legend);
        theme().apply(chart);
        chart.setPadding(new RectangleInsets(2, 2, 2, 2));
        chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.getTitle().setPadding(new RectangleInsets(2, 2, 4, 2));
        plot.setOutlineVisible(false);
        plot.setAxisOffset(new RectangleInsets(2, 2, 2, 2));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setPosition(RectangleEdge.TOP);
            legendTitle.setHorizontalAlignment(HorizontalAlignment.LEFT);
            legendTitle.setFrame(BlockBorder.NONE);
            legendTitle.setItemFont(ReportFonts.regular(TEXT_SIZE));
            legendTitle.setItemLabelPadding(new RectangleInsets(2, 3, 2, 10));
            legendTitle.setPadding(new RectangleInsets(0, 0, 4, 0));
        }
        return chart;
    }

    private StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("report-" + language.code(), false);
        Font regular = ReportFonts.regular(TEXT_SIZE);
        theme.setExtraLargeFont(ReportFonts.bold(TITLE_SIZE));
        theme.setLargeFont(ReportFonts.bold(TEXT_SIZE + 0.5f));
        theme.setRegularFont(regular);
        theme.setSmallFont(ReportFonts.regular(SMALL_SIZE));
        theme.setTitlePaint(Palette.TEXT);
        theme.setSubtitlePaint(Palette.MUTED);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setLegendItemPaint(Palette.TEXT);
        theme.setPlotOutlinePaint(Palette.GRID);
        theme.setDomainGridlinePaint(Palette.GRID);
        theme.setRangeGridlinePaint(Palette.GRID);
        theme.setAxisLabelPaint(Palette.MUTED);
        theme.setTickLabelPaint(Palette.TEXT);
        theme.setItemLabelPaint(Palette.TEXT);
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        return theme;
    }
}
