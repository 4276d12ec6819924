package vn.inspection.pipeline.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.function.Consumer;

import vn.inspection.pipeline.period.Period;

/**
 * What the {@code report} commands of every engine (the application's on DuckDB, the Spark module's) read from their
 * command line alike, and how they write their files.
 */
public final class ReportOptions {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private ReportOptions() {
    }

    /**
     * The periods of the command line, if any: {@code --periods A,B} or {@code --previous-year A}; null for the spec's.
     *
     * @throws IllegalArgumentException saying what is wrong (a usage error)
     */
    public static PeriodChoice periods(String periods, String previousYear) {
        if (periods != null && previousYear != null) {
            throw new IllegalArgumentException("give --periods A,B or --previous-year A, not both");
        }
        if (previousYear != null) {
            Period b = Period.parse(previousYear);
            return new PeriodChoice.Fixed(b.previousYear(), b);
        }
        if (periods == null) {
            return null;
        }
        String[] parts = periods.split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("--periods takes two periods separated by a comma, e.g. 2013-H1,2014-H1");
        }
        Period a = Period.parse(parts[0]);
        Period b = Period.parse(parts[1]);
        if (a.equals(b)) {
            throw new IllegalArgumentException("--periods names " + a.id() + " twice: give two different periods");
        }
        return new PeriodChoice.Fixed(a, b);
    }

    /**
     * {@code --as-of}, the day a spec's period rule is resolved on; null when not given.
     *
     * @throws IllegalArgumentException for text that is not a date
     */
    public static LocalDate asOf(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--as-of '" + text + "' is not a date: write it as yyyy-MM-dd, e.g. 2014-07-01");
        }
    }

    /**
     * Writes a file through a temporary file beside it, moved over it only when complete: never half a report. The
     * file gets the mode any new file gets (the umask's, as the chart PNGs and the nightly's outbox PDF), not the
     * owner-only mode of a temporary file.
     */
    public static void writeAtomically(Path target, Consumer<OutputStream> body) {
        Path absolute = target.toAbsolutePath();
        Path temp = null;
        try {
            temp = absolute.resolveSibling("." + absolute.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".part");
            try (OutputStream stream = Files.newOutputStream(temp, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE)) {
                body.accept(stream);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // moved already, or gone with its folder
                }
            }
        }
    }
}
