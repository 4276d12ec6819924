package vn.inspection.pipeline.ingest;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The rows of the plan, read ({@link RegisterItemReader}) and normalised ({@link RowProcessor}) on a thread of its
 * own, ahead of the step's thread that deduplicates and writes them: the two halves of the ingest on the two cores
 * of a small machine. Order is kept: items come out as the reader gave them, each processed after the one before
 * (a units reference's rows are known to the rows after them, group rows set the records below them).
 *
 * <p>Restart-safe: the position saved with a chunk is the reader's position after the last item handed to the step,
 * not after the items read ahead, so a restart resumes with the first item not yet written.
 */
public class ProcessedRows implements ItemStreamReader<ProcessedRow> {
    private final RegisterItemReader reader;
    private final RowProcessor processor;
    private final BlockingQueue<Object> queue;
    private Thread worker;
    private volatile boolean closed;
    private RegisterItemReader.Position position;
    private boolean ended;

    /** @param ahead how many items may be processed ahead of the writer, at most */
    public ProcessedRows(RegisterItemReader reader, RowProcessor processor, int ahead) {
        this.reader = reader;
        this.processor = processor;
        this.queue = new ArrayBlockingQueue<>(ahead);
    }

    /** An item with the reader's position after it. */
    private record Next(ProcessedRow row, RegisterItemReader.Position position) {
    }

    /** The end of the rows, with the reader's final position. */
    private record End(RegisterItemReader.Position position) {
    }

    /** A failure of the reading thread, handed to the step in the items' place. */
    private record Failure(Throwable error) {
    }

    @Override
    public void open(ExecutionContext context) {
        reader.open(context);
        position = reader.position();
    }

    @Override
    public ProcessedRow read() throws Exception {
        if (ended) {
            return null;
        }
        if (worker == null) {
            start();
        }
        Object next = queue.take();
        if (next instanceof Next item) {
            position = item.position();
            return item.row();
        }
        ended = true;
        if (next instanceof End end) {
            position = end.position();
            return null;
        }
        Throwable error = ((Failure) next).error();
        if (error instanceof Exception exception) {
            throw exception;
        }
        throw (Error) error;
    }

    /** Starts the worker on the first read, after every stream of the step (the writer loads the units) is open. */
    private void start() {
        StepExecution step = StepSynchronizationManager.getContext() == null ? null : StepSynchronizationManager.getContext().getStepExecution();
        worker = new Thread(() -> work(step), "ingest-read-process");
        worker.setDaemon(true);
        worker.start();
    }

    private void work(StepExecution step) {
        if (step != null) {
            StepSynchronizationManager.register(step); // the step-scoped reader and processor live in the step's scope
        }
        try {
            while (!closed) {
                SourceItem item = reader.read();
                if (item == null) {
                    queue.put(new End(reader.position()));
                    return;
                }
                ProcessedRow row = processor.process(item);
                queue.put(new Next(row, reader.position()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed while the step took no more
        } catch (Throwable e) {
            try {
                queue.put(new Failure(e));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        } finally {
            if (step != null) {
                StepSynchronizationManager.close();
            }
        }
    }

    @Override
    public void update(ExecutionContext context) {
        position.saveIn(context);
    }

    @Override
    public void close() throws ItemStreamException {
        closed = true;
        if (worker != null) {
            worker.interrupt();
            queue.clear(); // room for a worker blocked on put
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
        reader.close();
    }

}
