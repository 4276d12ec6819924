package vn.inspection.pipeline.report.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;

/**
 * Charts as PNG images, for e-mail bodies, the {@code --png} option and notebooks. A chart is laid out at a size
 * in points (as on the page) and drawn at a scale: {@code png(chart, 453, 260, 2)} is the chart of the PDF as a
 * 906 × 520 image with sharp text.
 */
public final class ChartImages {
    /** The scale {@link #png(JFreeChart, int, int)} uses: sharp on high-density screens and in print. */
    public static final double DEFAULT_SCALE = 2.0;

    private ChartImages() {
    }

    /** The chart laid out at {@code width} × {@code height} and drawn at {@code scale}, as an image. */
    public static BufferedImage image(JFreeChart chart, int width, int height, double scale) {
        if (width <= 0 || height <= 0 || scale <= 0) {
            throw new IllegalArgumentException("a chart image needs a positive size and scale, not " + width + " × " + height + " at " + scale);
        }
        BufferedImage image = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The chart as PNG bytes, laid out at {@code width} × {@code height} and drawn at {@code scale}. */
    public static byte[] png(JFreeChart chart, int width, int height, double scale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writePng(chart, width, height, scale, out);
        return out.toByteArray();
    }

    /** The chart as PNG bytes at the {@link #DEFAULT_SCALE}. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        return png(chart, width, height, DEFAULT_SCALE);
    }

    /** Writes the chart as PNG to a stream (left open). */
    public static void writePng(JFreeChart chart, int width, int height, double scale, OutputStream out) {
        try {
            if (!ImageIO.write(image(chart, width, height, scale), "png", out)) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the chart as a PNG file. */
    public static void writePng(JFreeChart chart, int width, int height, double scale, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            writePng(chart, width, height, scale, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
