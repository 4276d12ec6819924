package vn.inspection.pipeline.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.inspection.pipeline.lake.ManifestEntry.SheetCounts;
import vn.inspection.pipeline.record.RowKind;

/**
 * What the sheets of the source file being written gave so far: per sheet, its record type (null: not a register),
 * a note, the rows accepted, skipped as duplicates and rejected, and once the sheet is read to its end, its rows and
 * its noise by kind. Kept in the step's execution context with every chunk (as JSON: public fields), so a restart
 * resumes the counts where the last commit left them.
 */
final class FileCounts {
    static final int ACCEPTED = 0;
    static final int DUPLICATES = 1;
    static final int REJECTED = 2;
    static final int CORRECTED = 3;
    static final int OUTDATED = 4;
    static final int PARKED = 5;
    private static final int COUNTERS = 6;

    public int file;
    public LinkedHashMap<String, long[]> counts = new LinkedHashMap<>();
    public LinkedHashMap<String, String> types = new LinkedHashMap<>();
    public LinkedHashMap<String, String> notes = new LinkedHashMap<>();
    public LinkedHashMap<String, Long> rows = new LinkedHashMap<>();
    public LinkedHashMap<String, LinkedHashMap<String, Long>> noise = new LinkedHashMap<>();

    FileCounts() {
    }

    FileCounts(int file) {
        this.file = file;
    }

    void sheetSeen(SourceItem.SheetSeen seen) {
        counts.putIfAbsent(seen.sheet(), new long[COUNTERS]);
        types.put(seen.sheet(), seen.recordType());
        if (seen.note() != null) {
            notes.put(seen.sheet(), seen.note());
        }
    }

    /** A row of noise the reader handed on (a group heading the processor recognised). */
    void noise(String sheet, RowKind kind) {
        noise.computeIfAbsent(sheet, s -> new LinkedHashMap<>()).merge(kind.key(), 1L, Long::sum);
    }

    /**
     * The sheet read to its end: its rows and the noise the reader counted. Returns the sheet's counts, which
     * the caller checks add up.
     */
    SheetCounts sheetDone(SourceItem.SheetDone done) {
        rows.put(done.sheet(), done.rows());
        LinkedHashMap<String, Long> kinds = noise.computeIfAbsent(done.sheet(), s -> new LinkedHashMap<>());
        done.noise().forEach((kind, n) -> kinds.merge(kind, n, Long::sum));
        if (!done.readAfterFooter().isEmpty()) {
            List<Integer> at = done.readAfterFooter();
            String note = at.size() + " row" + (at.size() == 1 ? "" : "s") + " below the signature block read as record"
                    + (at.size() == 1 ? "" : "s") + " (row" + (at.size() == 1 ? " " : "s ")
                    + at.stream().limit(10).map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                    + (at.size() > 10 ? ", …" : "") + "): check that " + (at.size() == 1 ? "it belongs" : "they belong") + " to the register";
            notes.merge(done.sheet(), note, (a, b) -> a + "; " + b);
        }
        return counts(done.sheet());
    }

    /** The counters of a sheet (accepted, duplicates, rejected, corrected, outdated), to add to. */
    long[] sheet(String sheet) {
        long[] c = counts.computeIfAbsent(sheet, s -> new long[COUNTERS]);
        if (c.length < COUNTERS) {
            c = java.util.Arrays.copyOf(c, COUNTERS); // counts a run of an earlier version kept in its context
            counts.put(sheet, c);
        }
        return c;
    }

    List<SheetCounts> sheets() {
        List<SheetCounts> sheets = new ArrayList<>();
        counts.keySet().forEach(sheet -> sheets.add(counts(sheet)));
        return sheets;
    }

    private SheetCounts counts(String sheet) {
        long[] c = sheet(sheet);
        Map<String, Long> kinds = noise.get(sheet);
        return new SheetCounts(sheet, types.get(sheet), rows.get(sheet), c[ACCEPTED], c[CORRECTED], c[DUPLICATES], c[OUTDATED], c[REJECTED], c[PARKED],
                kinds == null ? (rows.containsKey(sheet) ? Map.of() : null) : ordered(kinds), notes.get(sheet));
    }

    /** The kinds in the order of {@link RowKind}, so every summary lists them alike. */
    private static Map<String, Long> ordered(Map<String, Long> kinds) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (RowKind kind : RowKind.values()) {
            Long n = kinds.get(kind.key());
            if (n != null && n > 0) {
                ordered.put(kind.key(), n);
            }
        }
        return ordered;
    }
}
