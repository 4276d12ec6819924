package vn.inspection.pipeline.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vn.inspection.pipeline.lake.LakeSnapshot;
import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.metrics.MetricEngine;
import vn.inspection.pipeline.report.chart.ChartImages;
import vn.inspection.pipeline.report.chart.Charts;
import vn.inspection.pipeline.schema.SchemaCatalog;

/**
 * Renders reports from any {@link MetricEngine}: the {@code report} command (DuckDB), the Spark module's main and
 * the nightly job call these. First {@link #collect} asks the engine for every number, then {@link #pdf},
 * {@link #pngs} and {@link #xlsx} draw the same numbers.
 *
 * <pre>{@code
 * ReportSpec spec = ReportSpec.named(ReportSpec.DEFAULT, null, schemas, metrics)
 *         .withPeriods(new PeriodChoice.Fixed(Period.parse("2013-H1"), Period.parse("2014-H1")));
 * ReportContent content = Reports.collect(engine, schemas, metrics, ReportRequest.of(spec, Language.VI), lake.snapshot());
 * try (OutputStream out = Files.newOutputStream(Path.of("r.pdf"))) {
 *     Reports.pdf(content, out);
 * }
 * }</pre>
 */
public final class Reports {
    private Reports() {
    }

    /**
     * Every number the report shows, asked of the engine.
     *
     * @param lake the manifest reading the figures come from (files ingested, last ingest), printed under the title
     * @throws ReportException when the report cannot be made as asked (unknown unit, the same period twice)
     */
    public static ReportContent collect(MetricEngine engine, SchemaCatalog schemas, MetricCatalog metrics, ReportRequest request, LakeSnapshot lake) {
        return ReportContent.collect(engine, schemas, metrics, request, Freshness.of(lake));
    }

    /** The report as a PDF, written to {@code out} (left open); returns its number of pages. */
    public static int pdf(ReportContent content, OutputStream out) {
        try {
            return PdfReport.write(content, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF: " + e.getMessage(), e);
        }
    }

    /** Collects and writes the PDF in one call. */
    public static ReportContent pdf(MetricEngine engine, SchemaCatalog schemas, MetricCatalog metrics, ReportRequest request, LakeSnapshot lake,
                                    OutputStream out) {
        ReportContent content = collect(engine, schemas, metrics, request, lake);
        pdf(content, out);
        return content;
    }

    /** The KPI table (and every chart's numbers) as an .xlsx workbook, written to {@code out} (left open). */
    public static void xlsx(ReportContent content, OutputStream out) {
        try {
            KpiWorkbook.write(content, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook: " + e.getMessage(), e);
        }
    }

    /**
     * Every chart as a PNG in {@code folder} (created if missing), named {@code NN-<chart id>.png} in the report's
     * order, drawn as in the PDF at twice the size.
     *
     * @return the files written
     */
    public static List<Path> pngs(ReportContent content, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + folder + ": " + e.getMessage(), e);
        }
        Charts charts = new Charts(content.language());
        List<Path> files = new ArrayList<>();
        int number = 0;
        for (ChartData chart : content.charts()) {
            Path file = folder.resolve(String.format(java.util.Locale.ROOT, "%02d-%s.png", ++number, chart.fileId()));
            ChartImages.writePng(chart.chart(charts), ChartData.WIDTH, chart.height(), ChartImages.DEFAULT_SCALE, file);
            files.add(file);
        }
        return files;
    }
}
