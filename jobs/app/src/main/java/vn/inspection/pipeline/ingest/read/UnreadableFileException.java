package vn.inspection.pipeline.ingest.read;

/** A file that cannot be read at all; its message is the reason shown to the user and kept with the quarantined copy. */
public class UnreadableFileException extends Exception {
    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
