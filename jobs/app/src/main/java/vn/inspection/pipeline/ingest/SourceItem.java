package vn.inspection.pipeline.ingest;

import java.util.List;

import vn.inspection.pipeline.record.SheetLayout;

/**
 * What the register reader gives the step: data rows, and markers for a sheet seen, a file finished and a
 * file that failed part-way (so the writer publishes or discards each file whole).
 */
public sealed interface SourceItem {
    /** Index of the file in the plan. */
    int file();

    /**
     * A row that may hold a record (or head a group of records). {@code cells} carry the values of cells
     * merged down over it. A {@code context} row is a group heading re-read on restart from a chunk already
     * committed: it only restores what the headings set, and is neither counted nor written again.
     */
    record Row(int file, String sheet, SheetLayout layout, int rowNumber, List<String> cells, boolean context) implements SourceItem {
    }

    /** A sheet opened: a register of {@code recordType}, or not a register ({@code recordType} null, {@code note} why). */
    record SheetSeen(int file, String sheet, String recordType, String note) implements SourceItem {
    }

    /**
     * A sheet read to its end: how many rows it has ({@code rows}, the number of its last row: rows a sheet
     * skips are blank), how many of them are noise, by kind ({@link vn.inspection.pipeline.record.RowKind#key()}),
     * and the rows below a signature block that were shaped like records and so read as records.
     */
    record SheetDone(int file, String sheet, long rows, java.util.Map<String, Long> noise, List<Integer> readAfterFooter) implements SourceItem {
        public SheetDone {
            noise = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(noise));
            readAfterFooter = List.copyOf(readAfterFooter);
        }
    }

    record FileDone(int file) implements SourceItem {
    }

    record FileFailed(int file, String reason) implements SourceItem {
    }
}
