package vn.inspection.pipeline.ingest;

import java.nio.file.Path;
import java.util.List;

import vn.inspection.pipeline.lake.LakeReader;
import vn.inspection.pipeline.lake.RecordKeySet;

/**
 * The record keys a run deduplicates against: the lake's, loaded once when the run opens, then those of each source
 * file as it is written. One set holds them all (no copy per file): the keys a file added are taken back when it
 * fails. A record is new when its key is not there yet: the first copy of a record, in file and row order, is the one
 * kept.
 */
final class RunKeys {
    private final RecordKeySet keys = new RecordKeySet();
    /** How many keys the set held when the file being written started: the lake's, and the published files'. */
    private int published;

    /** Adds the keys of committed Parquet files. */
    void loadLake(List<Path> committedFiles) {
        LakeReader.readKeys(committedFiles, keys);
        published = keys.size();
    }

    /** Adds the keys of the staged parts of the file being written (a restart resumes it). */
    void loadStaged(List<Path> stagedParts) {
        LakeReader.readKeys(stagedParts, keys);
    }

    /** Whether a record is new (and from now on known). */
    boolean accept(String recordKey) {
        return keys.add(recordKey);
    }

    /** The file was published: its keys are the lake's now. */
    void filePublished() {
        published = keys.size();
    }

    /** The file failed (or was published before a crash, and its keys came from the lake): its keys are taken back. */
    void fileDropped() {
        keys.truncate(published);
    }

    int lakeSize() {
        return published;
    }
}
