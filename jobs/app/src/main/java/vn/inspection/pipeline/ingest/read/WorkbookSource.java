package vn.inspection.pipeline.ingest.read;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * A spreadsheet file opened for streaming: its sheets, and the rows of each as text (dates as
 * {@code yyyy-MM-dd}, numbers without a trailing ".0", formulas by their cached value). Rows are read
 * one at a time; nothing holds a whole sheet in memory.
 */
public interface WorkbookSource extends Closeable {

    List<String> sheetNames();

    /** Opens a stream over the rows of a sheet; close it before opening another. */
    RowStream rows(int sheetIndex) throws IOException;

    /** The rows of one sheet. */
    interface RowStream extends Iterator<SheetRow>, Closeable {
    }
}
