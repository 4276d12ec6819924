package vn.inspection.pipeline.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * The quarantine folder of the home: a copy of every file that could not be read, beside a note of the
 * reason. The original is never modified; a file already quarantined with the same checksum is not
 * copied again.
 */
public final class Quarantine {
    private final Path folder;

    public Quarantine(Path folder) {
        this.folder = folder;
    }

    /** Copies the file in (unless already there) and returns the copy. */
    public Path quarantine(Path file, String checksum, String reason) throws IOException {
        Files.createDirectories(folder);
        String prefix = checksum.length() >= 16 ? checksum.substring(0, 16) : checksum;
        Path copy = folder.resolve(prefix + "-" + file.getFileName());
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
