/**
 * Reporting periods: the spans of time a metric is counted over and compared between.
 *
 * <p>A {@link vn.inspection.pipeline.period.Period} is an immutable value with a canonical text form
 * ({@code 2014}, {@code 2014-H1}, {@code 2014-Q3}, {@code 2014-03}, {@code 2010..2015},
 * {@code 2014-01-15..2014-06-30}) that report specs, job parameters and the warehouse's metric table
 * all use; {@code Period.parse(p.id())} always gives {@code p} back. Every period is a closed range of
 * days in the years 1930 to 2100, carries its Vietnamese and English label ("6 tháng đầu năm 2014",
 * "First half of 2014"), and knows its "cùng kỳ": the same period a year earlier. Text that is not a
 * period is rejected with a {@link vn.inspection.pipeline.period.PeriodException} naming the text and
 * what was wrong with it, never read as something else.
 *
 * <p>Plain Java: no Spring, no engine; the date that places a record in a period is the metric
 * catalog's business, not this package's.
 */
package vn.inspection.pipeline.period;
