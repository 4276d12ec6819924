package vn.inspection.pipeline.system;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The modes of the home's files that may hold what people typed: a summary or log (file names, reasons) is readable
 * by the home's group at most ({@link #SUMMARY}, rw-r-----); anything that may hold a member's name (quarantined
 * registers, rejected rows) is its owner's alone ({@link #OWNER_ONLY}, rw------- in an rwx------ folder). Set from the
 * file's creation on, whatever the umask; nothing on a file system without POSIX modes.
 */
public final class HomeFiles {
    public static final Set<PosixFilePermission> SUMMARY = PosixFilePermissions.fromString("rw-r-----");
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> SUMMARY_FOLDER = PosixFilePermissions.fromString("rwxr-x---");
    public static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private HomeFiles() {
    }

    /** Writes bytes to a file of this mode so that a reader sees the old content or the new, never a part. */
    public static void writeAtomically(Path target, byte[] content, Set<PosixFilePermission> mode) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        create(temp, mode);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            out.write(content);
            out.flush();
            channel.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** An empty new file of this mode (not widened by the umask in between). */
    public static void create(Path file, Set<PosixFilePermission> mode) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(mode));
            Files.setPosixFilePermissions(file, mode);
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    /** Creates the folder when missing and gives it this mode (an existing one too: an earlier version left it 0755). */
    public static Path folder(Path folder, Set<PosixFilePermission> mode) throws IOException {
        Files.createDirectories(folder);
        setMode(folder, mode);
        return folder;
    }

    /** Narrows an existing file or folder to this mode; nothing on a file system without POSIX modes. */
    public static void setMode(Path path, Set<PosixFilePermission> mode) throws IOException {
        try {
            Files.setPosixFilePermissions(path, mode);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }
}
