package vn.inspection.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import vn.inspection.pipeline.ingest.IngestPlan.PlannedFile;
import vn.inspection.pipeline.ingest.read.ReadAheadRows;
import vn.inspection.pipeline.ingest.read.SheetRow;
import vn.inspection.pipeline.ingest.read.UnreadableFileException;
import vn.inspection.pipeline.ingest.read.WorkbookSource;
import vn.inspection.pipeline.ingest.read.WorkbookSources;
import vn.inspection.pipeline.record.GroupHeading;
import vn.inspection.pipeline.record.LayoutDetector;
import vn.inspection.pipeline.record.RowClassifier;
import vn.inspection.pipeline.record.RowKind;
import vn.inspection.pipeline.record.SheetLayout;

/**
 * Streams the rows of every pending file of the plan, sheet by sheet in the planned order, finding each
 * sheet's register layout and leaving out rows that hold no record (title, header, blank, subtotals and
 * totals, repeated headers, signature, notes: {@link RowClassifier}), which it counts by kind. A cell merged
 * down over several data rows gives its value to each of them. Nothing ends a sheet but its end: every row is
 * handed on or counted. Emits a {@link SourceItem.SheetSeen} when a sheet opens, a {@link SourceItem.SheetDone}
 * with its rows and noise when it ends, and a {@link SourceItem.FileDone} or {@link SourceItem.FileFailed} per file.
 *
 * <p>Restartable: its position (file, sheet, rows consumed) is saved with every chunk; on restart the
 * sheet is re-read up to that position (re-classifying rows so the footer state is right, and handing on
 * the group headings it passes as context rows, so what they set holds for the rows after the restart) and
 * reading resumes with the first row not yet committed.
 */
public class RegisterItemReader implements ItemStreamReader<SourceItem> {
    static final String FILE = "reader.file";
    static final String SHEET = "reader.sheet";
    static final String ROWS = "reader.rows";
    static final String ANNOUNCED = "reader.announced";

    private final IngestPlan plan;
    private final LayoutDetector detector;
    private final IngestProgress progress;

    private int file;
    private int sheetPosition;
    private long rowsConsumed;
    private boolean announced;

    private WorkbookSource source;
    private WorkbookSource.RowStream rows;
    private List<SheetRow> head;
    private SheetLayout layout;
    private RowClassifier classifier;
    private String sheetName;
    private long replayUntil;
    private int firstDataRowNumber;
    /** The noise of the open sheet by kind, and the number of its last row read (re-counted from the top on restart). */
    private final java.util.EnumMap<RowKind, Long> noise = new java.util.EnumMap<>(RowKind.class);
    private int lastRowNumber;
    private final List<Integer> readAfterFooter = new ArrayList<>();

    public RegisterItemReader(IngestPlan plan, LayoutDetector detector, IngestProgress progress) {
        this.plan = plan;
        this.detector = detector;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext context) {
        file = context.getInt(FILE, 0);
        sheetPosition = context.getInt(SHEET, 0);
        rowsConsumed = context.getLong(ROWS, 0L);
        announced = context.containsKey(ANNOUNCED) && (Boolean) context.get(ANNOUNCED);
        replayUntil = rowsConsumed;
        rowsConsumed = 0;
    }

    @Override
    public void update(ExecutionContext context) {
        position().saveIn(context);
    }

    /** Where the reader stands: the file, the sheet, the rows of it consumed, whether the sheet was announced. */
    public record Position(int file, int sheet, long rows, boolean announced) {
        void saveIn(ExecutionContext context) {
            context.putInt(FILE, file);
            context.putInt(SHEET, sheet);
            context.putLong(ROWS, rows);
            context.put(ANNOUNCED, announced);
        }
    }

    /** The position after the last item read: what a restart resumes from once everything read is written. */
    public Position position() {
        return new Position(file, sheetPosition, Math.max(rowsConsumed, replayUntil), announced);
    }

    @Override
    public SourceItem read() {
        while (file < plan.files().size()) {
            PlannedFile planned = plan.files().get(file);
            if (planned.status() != IngestPlan.Status.PENDING) {
                file++;
                continue;
            }
            try {
                SourceItem item = next(planned);
                if (item != null) {
                    return item;
                }
            } catch (UnreadableFileException | WorkbookSources.OversizedCellException e) {
                return fail(e.getMessage());
            } catch (IOException | RuntimeException e) {
                String where = sheetName == null ? "" : " (sheet '" + sheetName + "', after row " + rowsConsumed + ")";
                return fail("cannot read the file" + where + ": " + WorkbookSources.describe(e));
            }
        }
        return null;
    }

    /** The next item of the current file, or null after moving on to the next file. */
    private SourceItem next(PlannedFile planned) throws IOException, UnreadableFileException {
        if (source == null) {
            source = WorkbookSources.open(Path.of(planned.path()));
            progress.fileStarted(planned.fileName(), planned.size());
        }
        while (sheetPosition < planned.sheetOrder().size()) {
            int sheetIndex = planned.sheetOrder().get(sheetPosition);
            if (rows == null) {
                openSheet(sheetIndex);
            }
            if (!announced) {
                announced = true;
                return new SourceItem.SheetSeen(file, sheetName, layout == null ? null : layout.schema().recordType(),
                        layout == null ? "not a register: no known header in the first " + LayoutDetector.HEADER_SEARCH_ROWS + " rows" : null);
            }
            Optional<SourceItem> row = layout != null ? nextRow() : countOtherRows();
            if (row.isPresent()) {
                return row.get();
            }
            SourceItem.SheetDone done = sheetDone();
            closeSheet();
            sheetPosition++;
            rowsConsumed = 0;
            replayUntil = 0;
            announced = false;
            return done;
        }
        int done = file;
        closeFile();
        file++;
        sheetPosition = 0;
        return new SourceItem.FileDone(done);
    }

    private void openSheet(int sheetIndex) throws IOException {
        sheetName = source.sheetNames().get(sheetIndex);
        rows = ReadAheadRows.of(source.rows(sheetIndex), sheetName);
        head = new ArrayList<>();
        while (rows.hasNext() && head.size() < LayoutDetector.HEADER_SEARCH_ROWS) {
            head.add(rows.next());
        }
        layout = detector.detect(head.stream().map(SheetRow::cells).toList()).orElse(null);
        classifier = layout == null ? null : new RowClassifier(layout,
                head.subList(0, layout.headerRow()).stream().map(SheetRow::cells).toList(),
                head.subList(layout.headerRow(), Math.min(layout.firstDataRow(), head.size())).stream().map(SheetRow::cells).toList());
        firstDataRowNumber = Integer.MAX_VALUE;
        noise.clear();
        lastRowNumber = 0;
        readAfterFooter.clear();
    }

    /** The rows of a sheet holding no register, counted (blank, or not a register). */
    private Optional<SourceItem> countOtherRows() {
        for (SheetRow row; (row = nextSheetRow()) != null; ) {
            count(row, blank(row) ? RowKind.BLANK : RowKind.NOT_A_REGISTER);
        }
        return Optional.empty();
    }

    /** The next row of the open sheet (from the rows read ahead for its layout, then the stream), or null at its end. */
    private SheetRow nextSheetRow() {
        int index = (int) rowsConsumed;
        SheetRow row;
        if (index < head.size()) {
            row = head.get(index);
        } else if (rows.hasNext()) {
            row = rows.next();
        } else {
            return null;
        }
        rowsConsumed++;
        return row;
    }

    /** Counts a row of the open sheet: its kind (null for a row handed on), and the rows skipped before it as blank. */
    private void count(SheetRow row, RowKind kind) {
        if (row.rowNumber() > lastRowNumber + 1) {
            noise.merge(RowKind.BLANK, (long) (row.rowNumber() - lastRowNumber - 1), Long::sum);
        }
        lastRowNumber = Math.max(lastRowNumber, row.rowNumber());
        if (kind != null) {
            noise.merge(kind, 1L, Long::sum);
        }
    }

    private static boolean blank(SheetRow row) {
        return row.cells().stream().allMatch(c -> vn.inspection.pipeline.text.VietnameseText.matchKey(c).isEmpty());
    }

    /** Above the first data row: the title block, the header (and its column numbers), or blank. */
    private RowKind aboveData(int index, SheetRow row) {
        if (blank(row)) {
            return RowKind.BLANK;
        }
        if (index < layout.headerRow()) {
            return RowKind.TITLE;
        }
        return LayoutDetector.isColumnNumberRow(row.cells()) ? RowKind.COLUMN_NUMBERS : RowKind.HEADER;
    }

    private SourceItem.SheetDone sheetDone() {
        java.util.Map<String, Long> byKind = new java.util.LinkedHashMap<>();
        noise.forEach((kind, n) -> byKind.put(kind.key(), n));
        return new SourceItem.SheetDone(file, sheetName, lastRowNumber, byKind, readAfterFooter);
    }

    private Optional<SourceItem> nextRow() {
        while (true) {
            int index = (int) rowsConsumed;
            SheetRow row = nextSheetRow();
            if (row == null) {
                return Optional.empty();
            }
            if (index < layout.firstDataRow()) {
                count(row, aboveData(index, row));
                continue;
            }
            if (index == layout.firstDataRow()) {
                firstDataRowNumber = row.rowNumber();
            }
            int afterFooter = classifier.recordsAfterFooter();
            RowKind kind = classifier.classify(row.cells());
            count(row, kind);
            if (kind != null) {
                continue;
            }
            if (classifier.recordsAfterFooter() > afterFooter) {
                readAfterFooter.add(row.rowNumber());
            }
            // a cell merged down from the header is not a value of the records
            List<String> cells = row.cellsWithMerged(firstDataRowNumber);
            if (rowsConsumed <= replayUntil) {
                if (GroupHeading.parse(cells).isPresent()) {
                    return Optional.of(new SourceItem.Row(file, sheetName, layout, row.rowNumber(), cells, true));
                }
                continue;
            }
            progress.rowRead(source.progress());
            return Optional.of(new SourceItem.Row(file, sheetName, layout, row.rowNumber(), cells, false));
        }
    }

    private SourceItem fail(String reason) {
        int failed = file;
        closeFile();
        file++;
        sheetPosition = 0;
        rowsConsumed = 0;
        replayUntil = 0;
        announced = false;
        return new SourceItem.FileFailed(failed, reason);
    }

    private void closeSheet() {
        if (rows != null) {
            try {
                rows.close();
            } catch (IOException ignored) {
                // a read-only stream: nothing is lost by failing to close it
            }
        }
        rows = null;
        head = null;
        layout = null;
        classifier = null;
        sheetName = null;
    }

    private void closeFile() {
        closeSheet();
        if (source != null) {
            try {
                source.close();
            } catch (IOException ignored) {
                // read-only
            }
        }
        source = null;
        progress.fileFinished();
    }

    @Override
    public void close() throws ItemStreamException {
        closeFile();
    }
}
