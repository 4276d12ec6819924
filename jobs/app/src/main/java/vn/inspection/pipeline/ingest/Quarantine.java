package vn.inspection.pipeline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;

import vn.inspection.pipeline.system.Printable;

/**
 * The quarantine folder of the home: a copy of every file that could not be read, beside a note of the
 * reason (a file over {@link #MAX_COPY_BYTES} is not copied: its note alone, with its size and checksum). The original
 * is never modified; a file already quarantined with the same checksum is not copied again. A quarantined register holds members' names: the folder is its owner's alone (rwx------) and
 * so is every file in it (rw-------), whatever the umask. A symbolic link is never copied (the planner does not
 * read links); the copy's name is the original's, printable (control characters escaped, no byte outside the
 * file system's encoding).
 */
public final class Quarantine {
    static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

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
        if (Files.isSymbolicLink(file)) {
            throw new IOException(Printable.path(file) + " is a symbolic link: not copied into the quarantine");
        }
        Files.createDirectories(folder);
        ownerOnly(folder, FOLDER_MODE);
        String prefix = checksum.length() >= 16 ? checksum.substring(0, 16) : checksum;
        String name = Printable.name(file).replace('/', '_').replace('\uFFFD', '_');
        Path copy = folder.resolve(prefix + "-" + name);
        long size = Files.size(file);
        if (size > MAX_COPY_BYTES) {
            Path note = folder.resolve(copy.getFileName() + ".reason.txt");
            if (!Files.exists(note)) {
                Path noteTemp = folder.resolve("." + note.getFileName() + ".tmp");
                Files.deleteIfExists(noteTemp);
                create(noteTemp);
                Files.writeString(noteTemp, "file: " + Printable.path(file.toAbsolutePath()) + "\nchecksum: " + checksum + "\nsize: " + size
                        + " bytes\nnot copied: larger than " + MAX_COPY_BYTES + " bytes; the original is the only copy"
                        + "\nquarantined at: " + Instant.now() + "\nreason: " + Printable.text(reason) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.TRUNCATE_EXISTING);
                Files.move(noteTemp, note, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return note;
        }
        if (!Files.exists(copy)) {
            Path temp = folder.resolve("." + copy.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            create(temp);
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
                 OutputStream out = Files.newOutputStream(temp, StandardOpenOption.TRUNCATE_EXISTING)) {
                in.transferTo(out);
            }
            Files.move(temp, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Path note = folder.resolve(copy.getFileName() + ".reason.txt");
            Path noteTemp = folder.resolve("." + note.getFileName() + ".tmp");
            Files.deleteIfExists(noteTemp);
            create(noteTemp);
            Files.writeString(noteTemp, "file: " + Printable.path(file.toAbsolutePath()) + "\nchecksum: " + checksum + "\nquarantined at: " + Instant.now()
                    + "\nreason: " + Printable.text(reason) + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(noteTemp, note, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            ownerOnly(copy, FILE_MODE); // quarantined by an earlier version with the umask's mode
        }
        return copy;
    }

    /** An empty file readable by its owner alone, from its creation on. */
    private static void create(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE_MODE));
            Files.setPosixFilePermissions(file, FILE_MODE); // whatever the umask
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system
        }
    }

    private static void ownerOnly(Path path, Set<PosixFilePermission> mode) throws IOException {
        try {
            Files.setPosixFilePermissions(path, mode);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }

    public Path folder() {
        return folder;
    }
}
