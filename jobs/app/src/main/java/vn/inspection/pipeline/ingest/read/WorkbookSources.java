package vn.inspection.pipeline.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import vn.inspection.pipeline.text.LegacyVietnamese;

/**
 * Opens a spreadsheet file with the reader its content calls for (an .xls renamed .xlsx, or the reverse,
 * is still read), after the checks that keep a hostile file from hurting the run: zip-bomb limits on
 * .xlsx, encrypted workbooks refused with a clear reason, and cells longer than Excel allows. Every cell
 * typed with a legacy TCVN3 or VNI font is converted to Unicode ({@link LegacyVietnamese}), with the
 * encoding most of the sheet's first rows use settling cells too short to judge alone.
 */
public final class WorkbookSources {
    /** File name extensions the ingest reads. */
    public static final Set<String> EXTENSIONS = Set.of("xlsx", "xlsm", "xls", "csv", "txt", "tsv");
    /** Rows from the top of a sheet whose cells decide the sheet's legacy encoding hint. */
    static final int HINT_ROWS = 40;
    /** Excel's own limit on the length of a cell's text. */
    public static final int MAX_CELL_CHARS = 32_767;

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
     * cannot be read at all (unsupported type, corrupt, encrypted, a zip bomb).
     */
    public static WorkbookSource open(Path file) throws UnreadableFileException {
        if (Files.isSymbolicLink(file)) {
            // the planner never plans a link; one put in a file's place since is not followed
            throw new UnreadableFileException("a symbolic link: not read; copy the file itself into the inbox");
        }
        String extension = extension(file);
        if (!EXTENSIONS.contains(extension)) {
            throw new UnreadableFileException("unsupported file type '" + (extension.isEmpty() ? "(none)" : "." + extension)
                    + "' (expected one of .xlsx, .xlsm, .xls, .csv, .txt, .tsv)");
        }
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(8);
            }
            WorkbookSource source;
            if (isZip(head)) {
                ZipGuard.check(file);
                source = new XlsxWorkbookSource(file.toFile());
            } else if (isOle2(head)) {
                source = openOle2(file);
            } else if (extension.startsWith("xls")) {
                throw new UnreadableFileException(head.length == 0 ? "the file is empty"
                        : "not an Excel workbook (neither an .xlsx archive nor an .xls file): the file is corrupt or of another type");
            } else {
                source = new CsvWorkbookSource(file);
            }
            return new CheckedSource(source);
        } catch (UnreadableFileException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new UnreadableFileException("the workbook is password-protected (encrypted): save it without a password and send it again", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("cannot open the file: " + describe(e), e);
        }
    }

    /** An OLE2 file: a legacy .xls, or an encrypted .xlsx (Office wraps encrypted packages in OLE2). */
    private static WorkbookSource openOle2(Path file) throws IOException, UnreadableFileException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                throw new UnreadableFileException("the workbook is password-protected (encrypted): save it without a password and send it again");
            }
            if (!root.hasEntry("Workbook") && !root.hasEntry("WORKBOOK") && !root.hasEntry("Book")) {
                throw new UnreadableFileException("an OLE2 document that is not an Excel workbook (a Word or other Office file?)");
            }
        }
        return new XlsWorkbookSource(file);
    }

    private static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    private static boolean isOle2(byte[] head) {
        return head.length >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11 && (head[3] & 0xFF) == 0xE0;
    }

    /** A short description of an exception and its root cause. */
    public static String describe(Throwable e) {
        return vn.inspection.pipeline.system.Errors.describe(e);
    }

    /** A cell of a row that no office register can hold: the file is refused, naming the cell. */
    public static final class OversizedCellException extends RuntimeException {
        public OversizedCellException(String message) {
            super(message);
        }
    }

    /** Applies the per-cell checks every reader shares. */
    private static final class CheckedSource implements WorkbookSource {
        private final WorkbookSource source;

        CheckedSource(WorkbookSource source) {
            this.source = source;
        }

        @Override
        public List<String> sheetNames() {
            return source.sheetNames();
        }

        @Override
        public RowStream rows(int sheetIndex) throws IOException {
            RowStream rows = source.rows(sheetIndex);
            String sheet = source.sheetNames().get(sheetIndex);
            // the sheet's first rows decide the legacy encoding a cell too short to judge alone is read in
            List<SheetRow> head = new ArrayList<>();
            while (head.size() < HINT_ROWS && rows.hasNext()) {
                head.add(checked(rows.next(), sheet));
            }
            LegacyVietnamese.Encoding hint = LegacyVietnamese.dominant(() -> head.stream().flatMap(r -> r.cells().stream())
                    .filter(java.util.Objects::nonNull).iterator());
            java.util.Iterator<SheetRow> all = java.util.stream.Stream.concat(head.stream(),
                    java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(rows, 0), false)
                            .map(row -> checked(row, sheet))).iterator();
            return RowStream.of(all, row -> unicode(row, hint), rows);
        }

        private static SheetRow checked(SheetRow row, String sheet) {
            for (int c = 0; c < row.cells().size(); c++) {
                String text = row.cells().get(c);
                if (text != null && text.length() > MAX_CELL_CHARS) {
                    throw new OversizedCellException("cell " + columnName(c) + row.rowNumber() + " of sheet '" + sheet + "' holds "
                            + String.format(Locale.ROOT, "%,d", text.length()) + " characters (Excel allows " + String.format(Locale.ROOT, "%,d", MAX_CELL_CHARS) + ")");
                }
            }
            return row;
        }

        private static SheetRow unicode(SheetRow row, LegacyVietnamese.Encoding hint) {
            List<String> cells = new ArrayList<>(row.cells().size());
            for (String text : row.cells()) {
                cells.add(text == null || text.isEmpty() ? text : LegacyVietnamese.toUnicode(text, hint));
            }
            java.util.Map<Integer, SheetRow.Merged> merged = new java.util.HashMap<>();
            row.mergedAbove().forEach((column, m) -> merged.put(column,
                    new SheetRow.Merged(m.fromRow(), m.value() == null || m.value().isEmpty() ? m.value() : LegacyVietnamese.toUnicode(m.value(), hint))));
            return new SheetRow(row.rowNumber(), cells, merged);
        }

        @Override
        public double progress() {
            return source.progress();
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }

    /** Excel's name of a column: 0 → A, 26 → AA. */
    public static String columnName(int index) {
        StringBuilder name = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }
}
