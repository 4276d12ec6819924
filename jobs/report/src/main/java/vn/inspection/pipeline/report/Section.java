package vn.inspection.pipeline.report;

import java.util.List;
import java.util.Objects;

import vn.inspection.pipeline.metrics.Metric;
import vn.inspection.pipeline.schema.Label;

/** One numbered part of a report, under its heading: the written assessment, the KPI table, or a group of charts. */
public sealed interface Section {
    Label title();

    /** Every listed metric: value in A and in B, the difference, the change in percent and a rise/fall mark. */
    record KpiTable(Label title, List<Metric> metrics) implements Section {
        public KpiTable {
            Objects.requireNonNull(title, "title");
            metrics = List.copyOf(metrics);
        }
    }

    /** Charts, in order. */
    record Charts(Label title, List<ChartSpec> charts) implements Section {
        public Charts {
            Objects.requireNonNull(title, "title");
            charts = List.copyOf(charts);
        }
    }

    /**
     * The written assessment: paragraphs of sentences filled from the figures by {@link Assessment}'s templates.
     *
     * @param change how a change is said ("tăng 5,5% so với cùng kỳ", "giảm …", "bằng cùng kỳ", "cùng kỳ không có")
     */
    record Assessment(Label title, List<vn.inspection.pipeline.report.Assessment.Paragraph> paragraphs,
                      vn.inspection.pipeline.report.Assessment.Change change) implements Section {
        public Assessment {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(change, "change");
            paragraphs = List.copyOf(paragraphs);
        }
    }
}
