package vn.inspection.pipeline.system;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.ReadOnlyFileSystemException;

/**
 * Exceptions as a person reads them: one line, what went wrong and where, never a Java class name. The full
 * chain, with its stack trace, belongs in the log.
 */
public final class Errors {
    private Errors() {
    }

    /** The most telling message of the exception and its causes, in words a user understands. */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = words(root);
        if (root != e && e.getMessage() != null && !e.getMessage().isBlank() && !e.getMessage().contains(message)
                && !looksTechnical(e.getMessage())) {
            return e.getMessage().strip() + ": " + message;
        }
        return message;
    }

    private static String words(Throwable e) {
        if (e instanceof NoSuchFileException f) {
            return "no such file or folder: " + f.getFile();
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (e instanceof NotDirectoryException f) {
            return "not a folder: " + f.getFile();
        }
        if (e instanceof FileAlreadyExistsException f) {
            return "already exists: " + f.getFile();
        }
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() == null ? "cannot be used" : f.getReason();
            return (f.getFile() == null ? "" : f.getFile() + ": ") + reason.toLowerCase(java.util.Locale.ROOT);
        }
        if (e instanceof ReadOnlyFileSystemException) {
            return "the file system is read-only";
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory: give the JVM more (-Xmx in PIPELINE_JAVA_OPTS) or ingest fewer files at once";
        }
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            return "unexpected internal error (" + e.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT)
                    + "); the log has the details";
        }
        return firstLine(e.getMessage());
    }

    private static boolean looksTechnical(String message) {
        return message.matches("(?s)^[a-z]+(\\.[a-zA-Z_$0-9]+)+(:.*)?$");
    }

    private static String firstLine(String message) {
        String stripped = message.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline).strip();
    }
}
