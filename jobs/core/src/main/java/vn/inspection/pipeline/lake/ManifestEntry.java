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
        @JsonProperty("rejects_file") String rejectsFile,
        @JsonProperty("updated_at") @JsonInclude(JsonInclude.Include.NON_NULL) Instant updatedAt) {

    public ManifestEntry {
        sheets = sheets == null ? List.of() : List.copyOf(sheets);
        dataFiles = dataFiles == null ? List.of() : List.copyOf(dataFiles);
    }

    /** An entry never updated since its first commit. */
    public ManifestEntry(String checksum, String fileName, String sourcePath, long size, Instant ingestedAt, long runId,
                         List<SheetCounts> sheets, List<DataFile> dataFiles, String rejectsFile) {
        this(checksum, fileName, sourcePath, size, ingestedAt, runId, sheets, dataFiles, rejectsFile, null);
    }

    /**
     * When the file's content last entered the lake: its first commit, or a later one that added records to the
     * entry (the file ingested again after it was withdrawn).
     */
    public Instant lastCommitted() {
        return updatedAt != null && updatedAt.isAfter(ingestedAt) ? updatedAt : ingestedAt;
    }

    /** When the records of one of the entry's data files became known: the part's own commit, or the entry's. */
    public Instant committedAt(DataFile file) {
        return file.committedAt() != null ? file.committedAt() : ingestedAt;
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

    /** New versions of records the lake held (corrections), all sheets together. */
    public long corrected() {
        return sheets.stream().mapToLong(SheetCounts::correctedRows).sum();
    }

    /** Rows that wait for the units reference, all sheets together. */
    public long parked() {
        return sheets.stream().mapToLong(SheetCounts::parkedRows).sum();
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
     * accepted (new), corrected (a new version of a record the lake held), duplicates (equal to the current
     * version), outdated (equal to a version a correction already superseded), rejected, parked (valid but for a unit
     * the units reference lacks: let in when one names it) and the rows of noise by
     * kind ({@link vn.inspection.pipeline.record.RowKind}). Entries written before rows were accounted for have
     * {@code rows} null and no noise; before versions, {@code corrected} and {@code outdated} are null.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SheetCounts(
            @JsonProperty("sheet") String sheet,
            @JsonProperty("record_type") String recordType,
            @JsonProperty("rows") Long rows,
            @JsonProperty("accepted") long accepted,
            @JsonProperty("corrected") Long corrected,
            @JsonProperty("duplicates") long duplicates,
            @JsonProperty("outdated") Long outdated,
            @JsonProperty("rejected") long rejected,
            @JsonProperty("parked") Long parked,
            @JsonProperty("noise") java.util.Map<String, Long> noise,
            @JsonProperty("note") String note) {

        public SheetCounts {
            noise = noise == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(noise));
        }

        /** Counts without the accounting of rows (a sheet counted before it existed, or for tests). */
        public SheetCounts(String sheet, String recordType, long accepted, long duplicates, long rejected, String note) {
            this(sheet, recordType, null, accepted, null, duplicates, null, rejected, null, null, note);
        }

        /** Counts of a sheet without versions (no correction, nothing outdated). */
        public SheetCounts(String sheet, String recordType, Long rows, long accepted, long duplicates, long rejected,
                           java.util.Map<String, Long> noise, String note) {
            this(sheet, recordType, rows, accepted, null, duplicates, null, rejected, null, noise, note);
        }

        public long correctedRows() {
            return corrected == null ? 0 : corrected;
        }

        public long outdatedRows() {
            return outdated == null ? 0 : outdated;
        }

        /** Rows that wait for the units reference (their unit is not in it yet). */
        public long parkedRows() {
            return parked == null ? 0 : parked;
        }

        /** The same sheet after parked rows were let in: {@code n} fewer parked, the outcomes added. */
        public SheetCounts adopted(long n, long accepted, long corrected, long duplicates) {
            return new SheetCounts(sheet, recordType, rows, this.accepted + accepted, correctedRows() + corrected, this.duplicates + duplicates,
                    outdated, rejected, parkedRows() - n, noise, note);
        }

        /** The rows of noise, all kinds together. */
        public long noiseRows() {
            return noise == null ? 0 : noise.values().stream().mapToLong(Long::longValue).sum();
        }

        /**
         * Whether every row is accounted for: rows = accepted + corrected + duplicates + outdated + rejected + noise
         * (true when rows were not counted).
         */
        public boolean addsUp() {
            return rows == null || rows == accepted + correctedRows() + duplicates + outdatedRows() + rejected + parkedRows() + noiseRows();
        }
    }

    /**
     * One Parquet file of the lake: its path relative to the lake root, and what it held when committed
     * (rows, bytes, SHA-256), so that {@code verify} can tell a damaged file. Entries written before these were
     * recorded hold the path alone (the fields are null). {@code committedAt} is set on a part added to an entry
     * after its first commit (the file ingested again after it was withdrawn); null means the entry's
     * {@code ingested_at}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataFile(
            @JsonProperty("path") String path,
            @JsonProperty("rows") Long rows,
            @JsonProperty("bytes") Long bytes,
            @JsonProperty("sha256") String sha256,
            @JsonProperty("committed_at") Instant committedAt) {

        public DataFile(String path, Long rows, Long bytes, String sha256) {
            this(path, rows, bytes, sha256, null);
        }

        /** The same file, committed at {@code instant}. */
        public DataFile committed(Instant instant) {
            return new DataFile(path, rows, bytes, sha256, instant);
        }

        /** An entry of an older manifest: the path alone. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static DataFile ofPath(String path) {
            return new DataFile(path, null, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public static DataFile of(@JsonProperty("path") String path, @JsonProperty("rows") Long rows,
                                  @JsonProperty("bytes") Long bytes, @JsonProperty("sha256") String sha256,
                                  @JsonProperty("committed_at") Instant committedAt) {
            return new DataFile(path, rows, bytes, sha256, committedAt);
        }

        public String recordType() {
            return ManifestEntry.recordType(path);
        }
    }
}
