package vn.inspection.pipeline.nightly;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the nightly job ({@code pipeline.nightly.*}).
 *
 * @param reports     the report specs it renders when due (ids in {@code schemas/reports/}, comma-separated); default:
 *                    every spec there that says when it is due
 * @param language    the reports' language, {@code vi} (default) or {@code en}
 * @param waitForData whether a due report waits until the records reach both its periods (default true: a half-year
 *                    compared with a year before the first record is not sent; it goes out once that year's registers
 *                    are ingested); false renders it at once, with the report's note that a period has no records
 * @param updatedEditions whether a report already mailed whose figures later corrections, withdrawals or late rows
 *                    changed is rendered and mailed again as an updated edition ("Bản cập nhật"), once per change
 *                    (default true)
 */
@ConfigurationProperties("pipeline.nightly")
public record NightlyProperties(List<String> reports, @DefaultValue("vi") String language, @DefaultValue("true") boolean waitForData,
                                @DefaultValue("true") boolean updatedEditions) {
    public NightlyProperties {
        reports = reports == null ? List.of() : reports.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
