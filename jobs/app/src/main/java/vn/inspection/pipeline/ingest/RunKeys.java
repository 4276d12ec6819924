package vn.inspection.pipeline.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.lake.LakeReader;
import vn.inspection.pipeline.lake.LakeSnapshot;
import vn.inspection.pipeline.lake.RecordVersions;
import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.schema.SchemaCatalog;

/**
 * What a run knows of the lake's records while it writes ({@link RecordVersions}): the lake's versions and
 * withdrawals, loaded once when the run opens in the order they became known, then each source file's rows as it
 * is written. A file is a unit of work: what it changed is taken back when it fails. Units references keep their
 * own history ({@code UnitVersions}): their rows are new or duplicates by key alone, as before versions.
 */
final class RunKeys {
    private final RecordVersions versions = new RecordVersions();
    /** When the staged rows of a file resumed after a restart became known, for ordering: after everything committed. */
    private static final Instant STAGED = Instant.parse("9999-12-31T00:00:00Z");
    private int lakeSize;
    private int currentFile = -1;
    /** Per record type index, the first and last date of the current file's records. */
    private final Map<Integer, int[]> spans = new HashMap<>();

    /** Loads every committed version and withdrawal of the snapshot ({@link RecordVersions#loadLake}). */
    void loadLake(Lake lake, LakeSnapshot snapshot, SchemaCatalog schemas) {
        versions.loadLake(lake, snapshot, schemas);
        lakeSize = versions.size();
    }

    /** Starts the file being written, unless it is the one already started (a restart resumes it). */
    void start(int file) {
        if (file != currentFile) {
            versions.fileStarted();
            spans.clear();
            currentFile = file;
        }
    }

    /**
     * The staged rows of the file being written (a restart resumes it): its parts' versions, then every key it
     * held (its committed chunks' held keys).
     */
    void loadStaged(int file, String checksum, SchemaCatalog schemas, Map<String, List<Path>> partsByType, List<RunStaging.Held> held) {
        start(file);
        int owner = versions.owner(checksum);
        for (Map.Entry<String, List<Path>> type : partsByType.entrySet()) {
            RecordSchema schema = schemas.schema(type.getKey());
            Map<Path, Instant> parts = new LinkedHashMap<>();
            type.getValue().forEach(p -> parts.put(p, STAGED));
            int typeIndex = versions.type(type.getKey());
            LakeReader.readVersions(schema, parts, row -> versions.offer(row.key(), schema.isUnits() ? 1 : row.version(), owner, typeIndex, row.date(),
                    row.mask()));
        }
        for (RunStaging.Held h : held) {
            versions.hold(h.key());
            span(h.type(), h.date());
        }
    }

    /** What a valid row of the file being written brings (and the record is known from now on). */
    RecordVersions.Outcome offer(int file, String checksum, RecordSchema schema, java.util.Map<String, Object> values, String key, LocalDate date) {
        start(file);
        int type = versions.type(schema.recordType());
        int day = date == null ? RecordVersions.NO_DATE : (int) date.toEpochDay();
        span(type, day);
        long version = schema.isUnits() ? 1 : RecordVersions.versionOf(schema, values);
        return versions.offer(key, version, versions.owner(checksum), type, day, RecordVersions.maskOf(schema, values));
    }

    /** The fields the current version of a record holds something in ({@link RecordVersions#maskOf}). */
    int currentMask(String key) {
        return versions.currentMask(key);
    }

    /** The current version of a record the run knows (0 when withdrawn), or empty for a record it does not. */
    java.util.OptionalLong current(String key) {
        return versions.current(key);
    }

    int typeIndex(String recordType) {
        return versions.type(recordType);
    }

    private void span(int type, int day) {
        if (day == RecordVersions.NO_DATE) {
            return;
        }
        int[] span = spans.computeIfAbsent(type, t -> new int[] {day, day});
        span[0] = Math.min(span[0], day);
        span[1] = Math.max(span[1], day);
    }

    /** The records the file being written withdraws as a resend of earlier files' registers ({@link RecordVersions#resent}). */
    List<RecordVersions.Withdrawn> resent(String checksum, double threshold, boolean apply) {
        return versions.resent(versions.owner(checksum), spans, threshold, apply);
    }

    /** The file was published: its changes are the lake's now, and the records it held its holdings. */
    void filePublished(String checksum) {
        versions.filePublished(versions.owner(checksum));
        currentFile = -1;
        spans.clear();
    }

    /** The file failed (or was published before a crash, and its records came from the lake): its changes are taken back. */
    void fileDropped() {
        versions.fileDropped();
        currentFile = -1;
        spans.clear();
    }

    int lakeSize() {
        return lakeSize;
    }

    RecordVersions versions() {
        return versions;
    }
}
