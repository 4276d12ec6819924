package vn.inspection.pipeline.metrics;

import java.time.LocalDate;
import java.util.Objects;

/** The first and the last date the records hold (by the catalog's date fields). */
public record DateSpan(LocalDate first, LocalDate last) {
    public DateSpan {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("a date span ends (" + last + ") before it starts (" + first + ")");
        }
    }
}
