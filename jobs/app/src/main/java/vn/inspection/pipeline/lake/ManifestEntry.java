package vn.inspection.pipeline.lake;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The manifest's record of one ingested source file: what it was, when and by which run it was ingested,
 * what each sheet gave, and the lake files that hold its records. A file is in the lake exactly when its
 * entry exists (the entry is the commit).
 */
public record ManifestEntry(
        @JsonProperty("checksum") String checksum,
        @JsonProperty("file_name") String fileName,
        @JsonProperty("source_path") String sourcePath,
        @JsonProperty("size") long size,
        @JsonProperty("ingested_at") Instant ingestedAt,
        @JsonProperty("run_id") long runId,
        @JsonProperty("sheets") List<SheetCounts> sheets,
        @JsonProperty("data_files") List<String> dataFiles,
        @JsonProperty("rejects_file") String rejectsFile) {

    public ManifestEntry {
        sheets = sheets == null ? List.of() : List.copyOf(sheets);
        dataFiles = dataFiles == null ? List.of() : List.copyOf(dataFiles);
    }

    /** What one sheet of the file gave; {@code recordType} is null for a sheet that is not a register. */
    public record SheetCounts(
            @JsonProperty("sheet") String sheet,
            @JsonProperty("record_type") String recordType,
            @JsonProperty("accepted") long accepted,
            @JsonProperty("duplicates") long duplicates,
            @JsonProperty("rejected") long rejected,
            @JsonProperty("note") String note) {
    }
}
