package vn.inspection.pipeline.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import vn.inspection.pipeline.lake.ManifestEntry.SheetCounts;

/**
 * What the sheets of the source file being written gave so far: per sheet, its record type (null: not a register),
 * a note, and the rows accepted, skipped as duplicates and rejected. Kept in the step's execution context with every
 * chunk (as JSON: public fields), so a restart resumes the counts where the last commit left them.
 */
final class FileCounts {
    static final int ACCEPTED = 0;
    static final int DUPLICATES = 1;
    static final int REJECTED = 2;

    public int file;
    public LinkedHashMap<String, long[]> counts = new LinkedHashMap<>();
    public LinkedHashMap<String, String> types = new LinkedHashMap<>();
    public LinkedHashMap<String, String> notes = new LinkedHashMap<>();

    FileCounts() {
    }

    FileCounts(int file) {
        this.file = file;
    }

    void sheetSeen(SourceItem.SheetSeen seen) {
        counts.putIfAbsent(seen.sheet(), new long[3]);
        types.put(seen.sheet(), seen.recordType());
        if (seen.note() != null) {
            notes.put(seen.sheet(), seen.note());
        }
    }

    /** The counters of a sheet (accepted, duplicates, rejected), to add to. */
    long[] sheet(String sheet) {
        return counts.computeIfAbsent(sheet, s -> new long[3]);
    }

    List<SheetCounts> sheets() {
        List<SheetCounts> sheets = new ArrayList<>();
        counts.forEach((sheet, c) -> sheets.add(new SheetCounts(sheet, types.get(sheet), c[ACCEPTED], c[DUPLICATES], c[REJECTED], notes.get(sheet))));
        return sheets;
    }
}
