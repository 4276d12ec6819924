package vn.inspection.pipeline.lake;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
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
        @JsonProperty("data_files") List<DataFile> dataFiles,
        @JsonProperty("rejects_file") String rejectsFile) {

    public ManifestEntry {
        sheets = sheets == null ? List.of() : List.copyOf(sheets);
        dataFiles = dataFiles == null ? List.of() : List.copyOf(dataFiles);
    }

    /** The record types of a path relative to the lake: its first folder ({@code inspection/year=2014/…}). */
    public static String recordType(String relativePath) {
        int slash = relativePath.indexOf('/');
        return slash < 0 ? relativePath : relativePath.substring(0, slash);
    }

    /** Records accepted from the file, all sheets together. */
    public long accepted() {
        return sheets.stream().mapToLong(SheetCounts::accepted).sum();
    }

    public long duplicates() {
        return sheets.stream().mapToLong(SheetCounts::duplicates).sum();
    }

    public long rejected() {
        return sheets.stream().mapToLong(SheetCounts::rejected).sum();
    }

    /**
     * What one sheet of the file gave; {@code recordType} is null for a sheet that is not a register. Every row
     * of the sheet is accounted for: {@code rows} (the number of its last row) is the sum of the records
     * accepted, duplicates, rejected and the rows of noise by kind ({@link vn.inspection.pipeline.record.RowKind}).
     * Entries written before rows were accounted for have {@code rows} null and no noise.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SheetCounts(
            @JsonProperty("sheet") String sheet,
            @JsonProperty("record_type") String recordType,
            @JsonProperty("rows") Long rows,
            @JsonProperty("accepted") long accepted,
            @JsonProperty("duplicates") long duplicates,
            @JsonProperty("rejected") long rejected,
            @JsonProperty("noise") java.util.Map<String, Long> noise,
            @JsonProperty("note") String note) {

        public SheetCounts {
            noise = noise == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(noise));
        }

        /** Counts without the accounting of rows (a sheet counted before it existed, or for tests). */
        public SheetCounts(String sheet, String recordType, long accepted, long duplicates, long rejected, String note) {
            this(sheet, recordType, null, accepted, duplicates, rejected, null, note);
        }

        /** The rows of noise, all kinds together. */
        public long noiseRows() {
            return noise == null ? 0 : noise.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Whether every row is accounted for: rows = accepted + duplicates + rejected + noise (true when rows were not counted). */
        public boolean addsUp() {
            return rows == null || rows == accepted + duplicates + rejected + noiseRows();
        }
    }

    /**
     * One Parquet file of the lake: its path relative to the lake root, and what it held when committed
     * (rows, bytes, SHA-256), so that {@code verify} can tell a damaged file. Entries written before these were
     * recorded hold the path alone (the fields are null).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataFile(
            @JsonProperty("path") String path,
            @JsonProperty("rows") Long rows,
            @JsonProperty("bytes") Long bytes,
            @JsonProperty("sha256") String sha256) {

        /** An entry of an older manifest: the path alone. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static DataFile ofPath(String path) {
            return new DataFile(path, null, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public static DataFile of(@JsonProperty("path") String path, @JsonProperty("rows") Long rows,
                                  @JsonProperty("bytes") Long bytes, @JsonProperty("sha256") String sha256) {
            return new DataFile(path, rows, bytes, sha256);
        }

        public String recordType() {
            return ManifestEntry.recordType(path);
        }
    }
}
