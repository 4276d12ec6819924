package vn.inspection.pipeline.lake;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Records leaving the figures at an instant, kept in the lake's history ({@code <lake>/_withdrawals/}, one JSON
 * file per withdrawal, never changed once written): the current version of each record named ends at
 * {@code withdrawnAt}. A later version of the same record (a file that holds it ingested again) is current again.
 *
 * <p>{@code reason} is {@value #RESENT} (a file that resends an earlier file's register lacks the records, within
 * the dates it covers; {@code byFile} is that file, and the withdrawal commits with its manifest entry) or
 * {@value #WITHDRAWN} ({@code pipeline withdraw}: {@code file} is the source file taken back).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Withdrawal(
        @JsonProperty("withdrawn_at") Instant withdrawnAt,
        @JsonProperty("reason") String reason,
        @JsonProperty("by_file") String byFile,
        @JsonProperty("by_file_name") String byFileName,
        @JsonProperty("file") String file,
        @JsonProperty("file_name") String fileName,
        @JsonProperty("run_id") Long runId,
        @JsonProperty("records") List<Record> records) {

    public static final String RESENT = "resent";
    public static final String WITHDRAWN = "withdrawn";
    /** A resend lacked the records but withdrawing on resend is off: they stay, and the history says so. */
    public static final String REPORTED = "reported";
    /** The folder of withdrawals under the lake root. */
    public static final String DIR = "_withdrawals";

    public Withdrawal {
        records = records == null ? List.of() : List.copyOf(records);
    }

    /** Whether the records' versions end (a resend or {@code pipeline withdraw}; not a withdrawal only reported). */
    public boolean ends() {
        return RESENT.equals(reason) || WITHDRAWN.equals(reason);
    }

    /** The file name a withdrawal is stored under: its instant (sortable) and the file it concerns. */
    public String storedName() {
        String instant = withdrawnAt.toString().replace(":", "").replace("-", "");
        String about = byFile != null ? byFile : file != null ? file : "none";
        return instant + "-" + reason + "-" + about.substring(0, Math.min(16, about.length())) + ".json";
    }

    /**
     * One record withdrawn: its type and key, and the source file whose version it ended (its lineage), with
     * the record's date that placed it in its period (null when it has none).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Record(
            @JsonProperty("record_type") String recordType,
            @JsonProperty("record_key") String recordKey,
            @JsonProperty("source_checksum") String sourceChecksum,
            @JsonProperty("date") java.time.LocalDate date) {
    }
}
