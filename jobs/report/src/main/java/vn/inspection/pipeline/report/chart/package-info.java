/**
 * The report's charts from plain numbers: {@link vn.inspection.pipeline.report.chart.Charts} builds JFreeChart
 * charts (grouped bars, trend lines with the compared periods shaded) in the report font and greyscale-safe
 * palette, {@link vn.inspection.pipeline.report.chart.ChartImages} turns them into PNGs. Nothing here needs an
 * engine, a catalog or a PDF, so a notebook with this module's jar on its classpath draws the same charts as the
 * PDF reports.
 */
package vn.inspection.pipeline.report.chart;
