package vn.inspection.pipeline.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Opens a spreadsheet file with the reader its content (not only its name) calls for. */
public final class WorkbookSources {
    /** File name extensions the ingest reads. */
    public static final Set<String> EXTENSIONS = Set.of("xlsx", "xlsm", "csv", "txt", "tsv");

    private WorkbookSources() {
    }

    public static boolean isSupported(Path file) {
        return EXTENSIONS.contains(extension(file));
    }

    public static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Opens the file, or throws {@link UnreadableFileException} with a reason a user understands when it
     * cannot be read at all (wrong format, corrupt, encrypted).
     */
    public static WorkbookSource open(Path file) throws UnreadableFileException {
        String extension = extension(file);
        if (!EXTENSIONS.contains(extension)) {
            throw new UnreadableFileException("unsupported file type '." + extension + "' (expected one of " + EXTENSIONS + ")");
        }
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(8);
            }
            if (extension.startsWith("xls")) {
                if (head.length >= 8 && isOle2(head)) {
                    throw new UnreadableFileException("the workbook is encrypted (password-protected) or is a legacy OLE2 file named ." + extension);
                }
                if (head.length < 4 || head[0] != 'P' || head[1] != 'K') {
                    throw new UnreadableFileException("not an .xlsx workbook (no zip signature): the file is corrupt or of another type");
                }
                return new XlsxWorkbookSource(file.toFile());
            }
            return new CsvWorkbookSource(file);
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("cannot open the file: " + describe(e), e);
        }
    }

    private static boolean isOle2(byte[] head) {
        return (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11 && (head[3] & 0xFF) == 0xE0;
    }

    /** A short description of an exception and its root cause. */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return root == e ? message : e.getClass().getSimpleName() + ": " + message;
    }
}
