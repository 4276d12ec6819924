package vn.inspection.pipeline.report;

import java.util.List;
import java.util.Objects;

import org.jfree.chart.JFreeChart;

import vn.inspection.pipeline.report.chart.Charts;

/**
 * The numbers of one chart of a report, as the engine gave them, ready to draw: its columns (periods of a trend,
 * metrics, units or codes of a bar chart) by key and label, its series, and {@code values[series][column]}.
 *
 * @param spec   the chart in the report spec
 * @param title  its title, in the report's language
 * @param note   a line under the title (what is counted, how units are ranked), or empty
 * @param keys   what each column is: period ids (trend), metric ids (bars), unit codes (top units), codes (breakdown; '' for blank)
 * @param labels each column's label
 * @param series each series' label: the metrics of a trend; the two periods of a bar chart
 * @param values {@code values[series][column]}
 * @param bands  the columns of a trend that fall in the compared periods (A, then B)
 * @param part   0 for a chart drawn whole; 1 and 2 for the large and the small values of a bar chart split by magnitude
 */
public record ChartData(ChartSpec spec, String title, String note, List<String> keys, List<String> labels, List<String> series, long[][] values,
                        List<Charts.Band> bands, int part) {
    /** The width charts are drawn at in the PDF (the text width of an A4 page with print margins), in points. */
    public static final int WIDTH = 453;

    public ChartData(ChartSpec spec, String title, String note, List<String> keys, List<String> labels, List<String> series, long[][] values,
                     List<Charts.Band> bands) {
        this(spec, title, note, keys, labels, series, values, bands, 0);
    }

    /** The name of its PNG file without the number: the spec's chart id, "-2" after it for the small values' part. */
    public String fileId() {
        return part <= 1 ? spec.id() : spec.id() + "-" + part;
    }

    public ChartData {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(note, "note");
        keys = List.copyOf(keys);
        labels = List.copyOf(labels);
        series = List.copyOf(series);
        bands = List.copyOf(bands);
        long[][] copy = new long[values.length][];
        for (int s = 0; s < values.length; s++) {
            copy[s] = values[s].clone();
        }
        values = copy;
        if (keys.size() != labels.size()) {
            throw new IllegalArgumentException("a chart needs one label per key");
        }
    }

    /** The value of one series in one column. */
    public long value(int series, int column) {
        return values[series][column];
    }

    /** The chart drawn with the report's look. */
    public JFreeChart chart(Charts charts) {
        JFreeChart chart = spec instanceof ChartSpec.Trend
                ? charts.trendLines(title, labels, series, values, bands)
                : charts.groupedBars(title, labels, series, values);
        if (!note.isEmpty()) {
            charts.note(chart, note);
        }
        if (keys.isEmpty()) {
            chart.getCategoryPlot().setNoDataMessage(new ReportText(charts.language()).noData());
        }
        return chart;
    }

    /** The height the chart needs at {@link #WIDTH}, in points: bar charts grow with their rows. */
    public int height() {
        int header = 46 + (note.isEmpty() ? 0 : 12);
        if (spec instanceof ChartSpec.Trend) {
            // a second legend line when the lines and the bands do not fit on one
            return header + 14 + (labels.size() > 12 ? 190 : 140);
        }
        // a wrapped name takes the height of its lines
        return Charts.barsHeight(labels, series.size(), header);
    }
}
