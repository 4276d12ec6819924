package vn.inspection.pipeline.nightly;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What became of one office's rejected rows in a nightly run ({@link ReturnRejects}): the office's unit (null when its
 * address came from its inbox folder, then {@code unitName} is the folder), the files, how many rows, and the status.
 * No row and no member's name: the summary is the operator's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RejectsOutcome(@JsonProperty("unit") String unit, @JsonProperty("unit_name") String unitName,
                             @JsonProperty("files") List<String> files, @JsonProperty("rows") long rows,
                             @JsonProperty("status") Status status, @JsonProperty("recipients") String recipients,
                             @JsonProperty("reason") String reason) {

    public enum Status {
        /** Mailed this night. */
        SENT,
        /** Mailed on an earlier night. */
        ALREADY_SENT,
        /** No configured folder address and no unit with an address at or above its records: forward the rejects report by hand. */
        NO_ADDRESS,
        /** No mail server or sender configured. */
        MAIL_OFF,
        /** The mail failed; the next run tries again. */
        FAILED
    }

    /** One line of the summary's text. */
    String line() {
        String who = unit == null ? (unitName == null ? "?" : "folder " + unitName) : unit + " " + unitName;
        return String.format("  %-40s %,6d rows  %s%s%s", who, rows, status, recipients == null ? "" : "  to " + recipients,
                reason == null ? "" : "\n      " + reason + " (" + String.join(", ", files) + ")");
    }
}
