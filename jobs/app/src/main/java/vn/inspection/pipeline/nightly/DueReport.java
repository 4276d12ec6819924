package vn.inspection.pipeline.nightly;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import vn.inspection.pipeline.metrics.DateSpan;
import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.report.Due;
import vn.inspection.pipeline.report.PeriodChoice;
import vn.inspection.pipeline.report.ReportSpec;

/**
 * A report due on a night: its spec, the latest due date on or before the night ({@link Due#latest}) and the two
 * periods the spec compares as of that date. A night that missed a due date (the machine was off) renders the report
 * on the next night; only the latest occurrence of each spec is due, never a backlog.
 *
 * @param spec   the report spec
 * @param dueOn  the date it became due
 * @param a      the period compared with
 * @param b      the period reported on
 */
public record DueReport(ReportSpec spec, LocalDate dueOn, Period a, Period b) {
    public DueReport {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
    }

    /** The report a spec makes due as of a night, if the spec says when it is due. */
    public static Optional<DueReport> of(ReportSpec spec, LocalDate night) {
        if (spec.due().isEmpty()) {
            return Optional.empty();
        }
        Due.Occurrence occurrence = spec.due().get().latest(night);
        PeriodChoice.Pair pair = spec.periods().resolve(occurrence.date());
        return Optional.of(new DueReport(spec, occurrence.date(), pair.a(), pair.b()));
    }

    /** What "once per period" means: {@code <spec>/<B>-vs-<A>}, with the unit when the spec names one. */
    public String key() {
        return spec.id() + "/" + b.id() + "-vs-" + a.id() + (spec.unit() == null ? "" : "/" + spec.unit());
    }

    /** The PDF's name in the outbox: {@code half-year_2014-H1_vs_2013-H1.pdf}. */
    public String fileName() {
        String unit = spec.unit() == null ? "" : "_" + spec.unit().replaceAll("[^\\p{L}\\p{N}-]+", "-");
        return (spec.id() + "_" + b.id() + "_vs_" + a.id() + unit).replaceAll("[^\\p{L}\\p{N}._-]+", "-") + ".pdf";
    }

    /** Whether the records reach both periods (false when the lake holds none, or none on a period's side of the span). */
    public boolean covered(Optional<DateSpan> span) {
        return span.isPresent() && reaches(a, span.get()) && reaches(b, span.get());
    }

    static boolean reaches(Period period, DateSpan span) {
        return !period.to().isBefore(span.first()) && !period.from().isAfter(span.last());
    }
}
