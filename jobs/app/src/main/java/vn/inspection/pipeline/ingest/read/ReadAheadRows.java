package vn.inspection.pipeline.ingest.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The rows of a sheet read on a thread of their own, a few batches ahead of the one taking them: parsing the file
 * and turning legacy-encoded text into Unicode (the row stream's work) then run on one core while the ingest
 * normalises, deduplicates and writes on the other. The order of the rows is the sheet's; an error of the reader
 * reaches the taker at the row where it happened; closing stops the reader before the file is closed.
 */
public final class ReadAheadRows implements WorkbookSource.RowStream {
    private static final int BATCH = 512;
    private static final int BATCHES_AHEAD = 8;
    private static final Object END = new Object();

    private final WorkbookSource.RowStream source;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread reader;
    private volatile boolean closed;
    private Iterator<SheetRow> batch = List.<SheetRow>of().iterator();
    private boolean ended;

    private ReadAheadRows(WorkbookSource.RowStream source, String name) {
        this.source = source;
        this.reader = new Thread(this::readAll, "read-ahead " + name);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Reads {@code source} ahead on a new thread named after the sheet. */
    public static ReadAheadRows of(WorkbookSource.RowStream source, String sheet) {
        return new ReadAheadRows(source, sheet);
    }

    /** A failure of the reading thread, handed to the taker in the rows' place. */
    private record Failure(Throwable error) {
    }

    private void readAll() {
        try {
            List<SheetRow> rows = new ArrayList<>(BATCH);
            while (!closed && source.hasNext()) {
                rows.add(source.next());
                if (rows.size() == BATCH) {
                    queue.put(rows);
                    rows = new ArrayList<>(BATCH);
                }
            }
            if (!rows.isEmpty()) {
                queue.put(rows);
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed while waiting for room: nobody takes more
        } catch (RuntimeException | Error e) {
            // the taker must hear of it, or it would wait for rows forever
            try {
                queue.put(new Failure(e));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean hasNext() {
        while (!batch.hasNext() && !ended) {
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the sheet", e);
            }
            if (next == END) {
                ended = true;
            } else if (next instanceof Failure failure) {
                ended = true;
                if (failure.error() instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) failure.error();
            } else {
                batch = ((List<SheetRow>) next).iterator();
            }
        }
        return batch.hasNext();
    }

    @Override
    public SheetRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.next();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        reader.interrupt();
        queue.clear(); // room for a reader blocked on put
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
