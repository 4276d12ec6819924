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
import vn.inspection.pipeline.record.SheetLayout;

/**
 * Streams the rows of every pending file of the plan, sheet by sheet in the planned order, finding each
 * sheet's register layout and leaving out rows that hold no record (title, header, blank, totals,
 * signature). A cell merged down over several data rows gives its value to each of them. Emits a
 * {@link SourceItem.SheetSeen} per sheet and a {@link SourceItem.FileDone} or {@link SourceItem.FileFailed}
 * per file.
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
            if (layout != null) {
                Optional<SourceItem> row = nextRow();
                if (row.isPresent()) {
                    return row.get();
                }
            }
            closeSheet();
            sheetPosition++;
            rowsConsumed = 0;
            replayUntil = 0;
            announced = false;
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
        classifier = new RowClassifier();
        firstDataRowNumber = Integer.MAX_VALUE;
    }

    private Optional<SourceItem> nextRow() {
        while (true) {
            SheetRow row;
            int index = (int) rowsConsumed;
            if (index < head.size()) {
                row = head.get(index);
            } else if (rows.hasNext()) {
                row = rows.next();
            } else {
                return Optional.empty();
            }
            rowsConsumed++;
            if (index < layout.firstDataRow()) {
                continue;
            }
            if (index == layout.firstDataRow()) {
                firstDataRowNumber = row.rowNumber();
            }
            String notARecord = classifier.classify(row.cells());
            if (notARecord != null && !RowClassifier.GROUP_HEADING.equals(notARecord)) {
                continue;
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
