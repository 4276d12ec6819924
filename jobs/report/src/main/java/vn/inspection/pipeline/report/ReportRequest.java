package vn.inspection.pipeline.report;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;

import vn.inspection.pipeline.metrics.UnitBasis;
import vn.inspection.pipeline.text.Language;

/**
 * What to render: the spec (with the periods and unit the caller settled on), the language, the day a period rule
 * is resolved on ({@code asOf}: "the latest complete half-year" as of that day), when the report is made (printed
 * on it), and which unit merged units' records count under.
 */
public record ReportRequest(ReportSpec spec, Language language, LocalDate asOf, ZonedDateTime madeAt, UnitBasis basis) {
    public ReportRequest {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(madeAt, "madeAt");
        Objects.requireNonNull(basis, "basis");
    }

    /** A report made now, resolved as of today, merged units counted under their successors. */
    public static ReportRequest of(ReportSpec spec, Language language) {
        ZonedDateTime now = ZonedDateTime.now();
        return new ReportRequest(spec, language, now.toLocalDate(), now, UnitBasis.SUCCESSOR);
    }
}
