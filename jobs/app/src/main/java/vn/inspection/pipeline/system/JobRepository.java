package vn.inspection.pipeline.system;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The home's Spring Batch job repository ({@code <home>/batch/jobs.mv.db}, an H2 file): the run history, and what
 * lets an interrupted run resume. When the file is damaged (cut short by a full disk, a crash during a write, a copy
 * in progress) every command that opens it fails deep inside Spring or H2; this names the file and what to do.
 */
public final class JobRepository {
    private JobRepository() {
    }

    public static Path file(PipelineHome home) {
        return home.jobRepository().resolveSibling(home.jobRepository().getFileName() + ".mv.db");
    }

    /** The line to show when a failure to open the job repository comes from a damaged file; empty for any other failure. */
    public static Optional<Refusal> damaged(PipelineHome home, Throwable failure) {
        Optional<Refusal> found = Optional.empty(); // the deepest cause says it best
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            String message = t.getMessage() == null ? "" : t.getMessage();
            String lower = message.toLowerCase(Locale.ROOT);
            // H2's own exception, or Spring's that quotes it ("Failed to determine DatabaseDriver: File is corrupted - …")
            boolean h2 = name.startsWith("org.h2.") || message.contains("File is corrupted");
            if (h2 && (lower.contains("corrupt") || lower.contains("eofexception") || lower.contains("mvstoreexception")
                    || lower.contains("unsupported database file version") || lower.contains("file header"))) {
                found = Optional.of(refusal(home, firstLine(message)));
            }
        }
        return found;
    }

    /** The refusal carries no cause: its line is the whole story for the user, and the caller logs the failure. */
    static Refusal refusal(PipelineHome home, String why) {
        Path file = file(home);
        return new Refusal("the job repository " + file + " is damaged (" + why + "): move it aside (mv " + file + " " + file
                + ".damaged) and run again; the lake and the warehouse are not affected, only the run history is lost");
    }

    private static String firstLine(String message) {
        String line = message.strip().lines().findFirst().orElse("");
        line = line.replaceAll(" \\[[0-9./-]+\\]$", ""); // H2's version and error code
        return line.length() > 160 ? line.substring(0, 159) + "…" : line;
    }
}
