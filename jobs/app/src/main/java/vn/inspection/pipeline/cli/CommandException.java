package vn.inspection.pipeline.cli;

/**
 * A command that cannot go on, with the line to show the user (what, where, what to do) and the exit code;
 * the command prints it without a stack trace.
 */
final class CommandException extends RuntimeException {
    private final int exitCode;

    CommandException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
