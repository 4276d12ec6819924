package vn.inspection.pipeline.ingest;

import java.io.PrintStream;

/**
 * A progress line on the terminal while large files are read: file name, rows read, rows a second.
 * Printed to standard error, at most four times a second, only when standard error is a terminal
 * (never in cron mail or in {@code --format json} output, which goes to standard output).
 */
public final class IngestProgress {
    private static final long LARGE_FILE_BYTES = 2L * 1024 * 1024;
    private static final long INTERVAL_NANOS = 250_000_000L;

    private final PrintStream out;
    private final boolean enabled;
    private String file;
    private boolean show;
    private long rows;
    private long started;
    private long lastPrint;

    public IngestProgress(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /** Progress on standard error when the process has a terminal. */
    public static IngestProgress forConsole() {
        return new IngestProgress(System.err, System.console() != null && System.getenv("CI") == null);
    }

    public static IngestProgress none() {
        return new IngestProgress(System.err, false);
    }

    void fileStarted(String name, long bytes) {
        file = name;
        show = enabled && bytes >= LARGE_FILE_BYTES;
        rows = 0;
        started = System.nanoTime();
        lastPrint = started;
    }

    void rowRead() {
        rows++;
        if (show && (rows & 1023) == 0) {
            long now = System.nanoTime();
            if (now - lastPrint >= INTERVAL_NANOS) {
                lastPrint = now;
                double seconds = Math.max(1e-9, (now - started) / 1e9);
                out.printf("\r%-40.40s %,12d rows %,10.0f rows/s", file, rows, rows / seconds);
                out.flush();
            }
        }
    }

    void fileFinished() {
        if (show && file != null) {
            out.printf("\r%-40.40s %,12d rows%20s%n", file, rows, "");
            out.flush();
        }
        show = false;
        file = null;
    }
}
