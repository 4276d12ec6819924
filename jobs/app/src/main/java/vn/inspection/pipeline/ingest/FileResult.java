package vn.inspection.pipeline.ingest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import vn.inspection.pipeline.lake.ManifestEntry.SheetCounts;

/** What became of one input file in a run. */
public record FileResult(
        @JsonProperty("path") String path,
        @JsonProperty("checksum") String checksum,
        @JsonProperty("status") Status status,
        @JsonProperty("reason") String reason,
        @JsonProperty("sheets") List<SheetCounts> sheets,
        @JsonProperty("withdrawn") long withdrawn,
        @JsonProperty("not_withdrawn") long notWithdrawn) {

    /** A file that withdrew nothing. */
    public FileResult(String path, String checksum, Status status, String reason, List<SheetCounts> sheets) {
        this(path, checksum, status, reason, sheets, 0, 0);
    }

    /**
     * INGESTED (in the lake), ALREADY_INGESTED (its content was), QUARANTINED (unreadable), NOT_RECOGNISED (no
     * sheet is a register the schemas know: left out of the lake, so a later run reads it again).
     */
    public enum Status { INGESTED, ALREADY_INGESTED, QUARANTINED, NOT_RECOGNISED }

    public FileResult {
        sheets = sheets == null ? List.of() : List.copyOf(sheets);
    }
}
