package vn.inspection.pipeline.period;

/** What kind of span a {@link Period} is; the first four are the standard reporting periods. */
public enum PeriodKind {
    /** A calendar year: {@code 2014}, "Năm 2014". */
    YEAR,
    /** A half year, January–June or July–December: {@code 2014-H1}, "6 tháng đầu năm 2014". */
    HALF,
    /** A calendar quarter: {@code 2014-Q3}, "Quý III/2014". */
    QUARTER,
    /** A calendar month: {@code 2014-03}, "Tháng 3/2014". */
    MONTH,
    /** A term of office, whole years inclusive: {@code 2010..2015}, "Nhiệm kỳ 2010–2015". */
    TERM,
    /** Any range of days, both ends inclusive: {@code 2014-01-15..2014-06-30}. */
    RANGE
}
