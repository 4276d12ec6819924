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

    /** How much of the file the open row stream has read, from 0 to 1, or -1 when the reader cannot tell. */
    default double progress() {
        return -1;
    }

    /** The rows of one sheet. */
    interface RowStream extends Iterator<SheetRow>, Closeable {

        /** Rows made from the items of an iterator; closing the stream closes {@code resource}. */
        static <T> RowStream of(Iterator<T> items, java.util.function.Function<T, SheetRow> row, Closeable resource) {
            return new RowStream() {
                @Override
                public boolean hasNext() {
                    return items.hasNext();
                }

                @Override
                public SheetRow next() {
                    return row.apply(items.next());
                }

                @Override
                public void close() throws java.io.IOException {
                    resource.close();
                }
            };
        }
    }
}
