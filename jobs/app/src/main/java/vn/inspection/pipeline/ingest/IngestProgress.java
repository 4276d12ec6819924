package vn.inspection.pipeline.ingest;

import java.io.PrintStream;

/**
 * A progress bar on the terminal while large files are read: file name, a bar and percentage where the
 * reader knows how much of the file it has read (text files), rows read and rows a second (all files).
 * Printed to standard error, at most four times a second, only when standard error is a terminal
 * (never in cron mail or in {@code --format json} output, which goes to standard output).
 */
public final class IngestProgress {
    private static final long LARGE_FILE_BYTES = 2L * 1024 * 1024;
    private static final long INTERVAL_NANOS = 250_000_000L;
    private static final int BAR_WIDTH = 30;

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
        file = vn.inspection.pipeline.system.Printable.text(name);
        show = enabled && bytes >= LARGE_FILE_BYTES;
        rows = 0;
        started = System.nanoTime();
        lastPrint = started;
    }

    /** A row was read; {@code fraction} is how much of the file is read (0–1), or -1 when unknown. */
    void rowRead(double fraction) {
        rows++;
        if (show && (rows & 1023) == 0) {
            long now = System.nanoTime();
            if (now - lastPrint >= INTERVAL_NANOS) {
                lastPrint = now;
                double seconds = Math.max(1e-9, (now - started) / 1e9);
                out.print("\r" + line(fraction, rows, rows / seconds));
                out.flush();
            }
        }
    }

    /** "name [#####-----]  42%  120,000 rows  35,000 rows/s", or a counter without the bar when the size is unknown. */
    String line(double fraction, long rowsRead, double rate) {
        String counts = String.format("%,12d rows %,9.0f rows/s", rowsRead, rate);
        if (fraction < 0) {
            return String.format("%-32.32s %s", file, counts);
        }
        int filled = (int) Math.round(Math.min(1, fraction) * BAR_WIDTH);
        return String.format("%-32.32s [%s%s] %3d%% %s", file, "#".repeat(filled), "-".repeat(BAR_WIDTH - filled),
                Math.round(Math.min(1, fraction) * 100), counts);
    }

    void fileFinished() {
        if (show && file != null) {
            out.printf("\r%-32.32s %,12d rows%50s%n", file, rows, "");
            out.flush();
        }
        show = false;
        file = null;
    }
}
