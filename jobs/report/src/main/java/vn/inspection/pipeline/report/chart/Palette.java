package vn.inspection.pipeline.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * The colours, strokes and marker shapes of every report, chosen to survive a greyscale office printer:
 * the earlier period is always light with a dark outline and the later one dark, and trend lines differ by
 * lightness, dash pattern and marker shape, never by hue alone.
 */
public final class Palette {
    /** The earlier period (A): a light blue-grey, about 75% lightness in greyscale. */
    public static final Color PERIOD_A = new Color(0xA9, 0xC1, 0xDC);
    /** The later period (B), the one reported on: a dark navy, about 28% lightness in greyscale. */
    public static final Color PERIOD_B = new Color(0x1F, 0x4E, 0x79);
    /** Outlines of light bars, so they stay visible on paper. */
    public static final Color OUTLINE = new Color(0x4A, 0x5A, 0x6A);
    /** Body text. */
    public static final Color TEXT = new Color(0x1A, 0x1A, 0x1A);
    /** Secondary text: notes, footers, axis labels. */
    public static final Color MUTED = new Color(0x55, 0x55, 0x55);
    /** Grid lines and table rules. */
    public static final Color GRID = new Color(0xD4, 0xD4, 0xD4);
    /** Background of table headers and group rows. */
    public static final Color SHADE = new Color(0xED, 0xF1, 0xF6);
    /** The band that marks period A on a trend chart. */
    public static final Color BAND_A = new Color(0xEB, 0xEB, 0xEB);
    /** The band that marks period B on a trend chart. */
    public static final Color BAND_B = new Color(0xCF, 0xD9, 0xE6);
    /**
     * The KPI table's marks: a change for the better (by the metric's direction), one to watch, and no judgement (a
     * neutral metric, or no change); the mark's shape tells a rise from a fall.
     */
    public static final Color UP = new Color(0x1F, 0x4E, 0x79);
    public static final Color DOWN = new Color(0x9E, 0x3A, 0x26);
    public static final Color NEUTRAL = new Color(0x8A, 0x8A, 0x8A);

    private static final List<Color> LINE_COLOURS = List.of(
            new Color(0x1F, 0x4E, 0x79), // dark navy, ~28% grey
            new Color(0xB0, 0x5A, 0x1E), // brown-orange, ~42% grey
            new Color(0x6F, 0x93, 0xBD), // mid blue, ~56% grey
            new Color(0x2B, 0x2B, 0x2B), // near black
            new Color(0x8C, 0x8C, 0x3C));
    private static final List<float[]> DASHES = List.of(
            new float[0], new float[] {6f, 3f}, new float[] {1.5f, 2.5f}, new float[] {7f, 2.5f, 1.5f, 2.5f}, new float[] {3f, 3f});

    private Palette() {
    }

    /** The colour of trend line {@code index} (0-based; repeats after five). */
    public static Color line(int index) {
        return LINE_COLOURS.get(index % LINE_COLOURS.size());
    }

    /** The stroke of trend line {@code index}: solid, dashed, dotted, dash-dot, short dashes. */
    public static Stroke lineStroke(int index) {
        float[] dash = DASHES.get(index % DASHES.size());
        return dash.length == 0 ? new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** The marker of trend line {@code index}: circle, square, triangle, diamond, cross-bar. */
    public static Shape lineShape(int index) {
        double s = 5.5;
        double h = s / 2;
        return switch (index % 5) {
            case 0 -> new Ellipse2D.Double(-h, -h, s, s);
            case 1 -> new Rectangle2D.Double(-h * 0.9, -h * 0.9, s * 0.9, s * 0.9);
            case 2 -> polygon(0, -h - 0.6, h + 0.6, h, -h - 0.6, h);
            case 3 -> polygon(0, -h - 0.8, h + 0.8, 0, 0, h + 0.8, -h - 0.8, 0);
            default -> new Rectangle2D.Double(-h, -1, s, 2);
        };
    }

    private static Shape polygon(double... xy) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        path.closePath();
        return path;
    }
}
