/**
 * Chart PDFs for managers: report specs kept as data ({@link vn.inspection.pipeline.report.ReportSpec}, with their
 * period rules and due dates), the numbers a report shows asked of any
 * {@link vn.inspection.pipeline.metrics.MetricEngine} ({@link vn.inspection.pipeline.report.ReportContent}), and the
 * outputs drawn from them ({@link vn.inspection.pipeline.report.Reports}: PDF, PNGs, KPI workbook). Nothing here
 * knows DuckDB, Spark or Spring: the engine and the lake's manifest reading are handed in.
 */
package vn.inspection.pipeline.report;
