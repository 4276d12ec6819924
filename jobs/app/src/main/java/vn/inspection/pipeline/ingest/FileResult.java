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
        @JsonProperty("sheets") List<SheetCounts> sheets) {

    public enum Status { INGESTED, ALREADY_INGESTED, QUARANTINED }

    public FileResult {
        sheets = sheets == null ? List.of() : List.copyOf(sheets);
    }
}
