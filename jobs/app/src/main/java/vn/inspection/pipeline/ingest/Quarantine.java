package vn.inspection.pipeline.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * The quarantine folder of the home: a copy of every file that could not be read, beside a note of the
 * reason (a file over {@link #MAX_COPY_BYTES} is not copied: its note alone, with its size and checksum). The original is never modified; a file already quarantined with the same checksum is not
 * copied again.
 */
public final class Quarantine {
    private final Path folder;

    public Quarantine(Path folder) {
        this.folder = folder;
    }

    /**
     * Files larger than this are not copied (a hostile or runaway file, often sparse, would be copied dense): the
     * quarantine keeps a note of its path, size and checksum instead, and the original stays where it was.
     */
    public static final long MAX_COPY_BYTES = 100L * 1024 * 1024;

    /** Copies the file in (unless already there) and returns the copy; for a file past {@link #MAX_COPY_BYTES}, returns the note. */
    public Path quarantine(Path file, String checksum, String reason) throws IOException {
        Files.createDirectories(folder);
        String prefix = checksum.length() >= 16 ? checksum.substring(0, 16) : checksum;
        Path copy = folder.resolve(prefix + "-" + file.getFileName());
        long size = Files.size(file);
        if (size > MAX_COPY_BYTES) {
            Path note = folder.resolve(copy.getFileName() + ".reason.txt");
            if (!Files.exists(note)) {
                Files.writeString(note, "file: " + file.toAbsolutePath() + "\nchecksum: " + checksum + "\nsize: " + size + " bytes"
                        + "\nnot copied: larger than " + MAX_COPY_BYTES + " bytes; the original is the only copy"
                        + "\nquarantined at: " + Instant.now() + "\nreason: " + reason + "\n", StandardCharsets.UTF_8);
            }
            return note;
        }
        if (!Files.exists(copy)) {
            Path temp = folder.resolve("." + copy.getFileName() + ".tmp");
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(folder.resolve(copy.getFileName() + ".reason.txt"),
                    "file: " + file.toAbsolutePath() + "\nchecksum: " + checksum + "\nquarantined at: " + Instant.now()
                            + "\nreason: " + reason + "\n", StandardCharsets.UTF_8);
        }
        return copy;
    }

    public Path folder() {
        return folder;
    }
}
