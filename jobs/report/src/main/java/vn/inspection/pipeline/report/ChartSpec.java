package vn.inspection.pipeline.report;

import java.util.List;
import java.util.Objects;

import vn.inspection.pipeline.metrics.Breakdown;
import vn.inspection.pipeline.metrics.Metric;
import vn.inspection.pipeline.period.PeriodKind;
import vn.inspection.pipeline.schema.Label;

/**
 * One chart of a report spec. Its {@code id} names its PNG file ({@code --png}); its title is shown above it.
 */
public sealed interface ChartSpec {
    String id();

    Label title();

    /** The metrics' values in A and in B side by side (grouped bars). */
    record Bars(String id, Label title, List<Metric> metrics) implements ChartSpec {
        public Bars {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            metrics = List.copyOf(metrics);
        }
    }

    /**
     * The metrics by quarter, half-year or year across every year the data spans (and the compared periods'
     * years), the compared periods shaded.
     */
    record Trend(String id, Label title, PeriodKind by, List<Metric> metrics) implements ChartSpec {
        public Trend {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(by, "by");
            metrics = List.copyOf(metrics);
        }
    }

    /**
     * The direct subordinate units of the report's unit with the highest sum of the metrics in period B (at most
     * {@code limit}), with their values in A and B.
     */
    record TopUnits(String id, Label title, List<Metric> metrics, int limit) implements ChartSpec {
        public TopUnits {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            metrics = List.copyOf(metrics);
        }
    }

    /** Records counted by the codes of one field (discipline forms, letters by kind), A and B side by side. */
    record Codes(String id, Label title, Breakdown breakdown) implements ChartSpec {
        public Codes {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(breakdown, "breakdown");
        }
    }
}
