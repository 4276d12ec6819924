package vn.inspection.pipeline.ingest;

import java.nio.file.Path;
import java.util.List;

import vn.inspection.pipeline.lake.LakeReader;
import vn.inspection.pipeline.lake.RecordKeySet;

/**
 * The record keys a run deduplicates against: the lake's, loaded once when the run opens, and those of the source
 * file being written, which join the lake's when the file is published and are dropped when it fails. A record is
 * new when its key is in neither: the first copy of a record, in file and row order, is the one kept.
 */
final class RunKeys {
    private final RecordKeySet lake = new RecordKeySet();
    private RecordKeySet file = new RecordKeySet();

    /** Adds the keys of committed Parquet files to the lake's. */
    void loadLake(List<Path> committedFiles) {
        LakeReader.readKeys(committedFiles, lake);
    }

    /** Adds the keys of the staged parts of the file being written (a restart resumes it). */
    void loadStaged(List<Path> stagedParts) {
        LakeReader.readKeys(stagedParts, file);
    }

    /** Whether a record is new (and from now on known to the file being written). */
    boolean accept(String recordKey) {
        return !lake.contains(recordKey) && file.add(recordKey);
    }

    /** The file was published: its keys are the lake's now. */
    void filePublished() {
        lake.addAll(file);
        file = new RecordKeySet();
    }

    /** The file failed or was published before a crash (its keys are in the lake files then): start afresh. */
    void fileDropped() {
        file = new RecordKeySet();
    }

    int lakeSize() {
        return lake.size();
    }
}
