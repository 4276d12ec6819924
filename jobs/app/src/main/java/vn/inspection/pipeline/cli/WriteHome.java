package vn.inspection.pipeline.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import vn.inspection.pipeline.system.PipelineHome;

/**
 * The home of a command that writes it (ingest, refresh), checked before anything starts, so a home that cannot
 * be used is one line that says what to do, not a failure deep inside the job.
 */
final class WriteHome {
    private WriteHome() {
    }

    /**
     * The home, created when missing.
     *
     * @throws CommandException (exit 1) when the home is a file, or cannot be created or written
     */
    static PipelineHome resolve(Path homeOption, String command) {
        PipelineHome home = PipelineHome.resolve(homeOption);
        Path root = home.root();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new CommandException(PipelineCli.FAILED, "the pipeline home " + root + " is a file, not a folder: give --home a folder");
        }
        try {
            Files.createDirectories(root);
        } catch (AccessDeniedException e) {
            throw new CommandException(PipelineCli.FAILED, "cannot create the pipeline home " + root + " (permission denied): give --home a folder you can write");
        } catch (IOException e) {
            throw new CommandException(PipelineCli.FAILED, "cannot create the pipeline home " + root + " (" + vn.inspection.pipeline.system.Errors.describe(e)
                    + "): give --home a folder you can write");
        }
        if (!Files.isWritable(root)) {
            throw new CommandException(PipelineCli.FAILED, "cannot write the pipeline home " + root + " (permission denied): " + command
                    + " writes the lake and the warehouse there; run it as the user that owns the home (the service user), "
                    + "or give --home another folder. Read commands (compare, sql, metrics, verify) work on a read-only home.");
        }
        return home;
    }
}
