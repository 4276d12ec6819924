package vn.inspection.pipeline.ingest.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a delimited text file as a one-sheet workbook (the sheet is named after the file). The
 * encoding is detected: a UTF-8 or UTF-16 byte-order mark wins; otherwise the file is UTF-8 when its
 * first 64 KiB with a byte above ASCII decode as UTF-8, else Windows-1258 (Excel's CSV on Vietnamese Windows).
 * The delimiter and quote are found from the first records as parsed ({@link CsvDialect}), so quoted fields
 * holding delimiters and line breaks never decide them.
 */
final class CsvWorkbookSource implements WorkbookSource {
    static final Charset WINDOWS_1258 = Charset.forName("windows-1258");
    private static final int SNIFF_BYTES = 64 * 1024;
    /** How far an ASCII start is scanned for the first byte above ASCII: a hostile file's endless ASCII is not read to its end. */
    private static final long MAX_SNIFF_SCAN = 64L * 1024 * 1024;

    private final Path file;
    private final Charset charset;
    private final int bomLength;
    private final CsvDialect dialect;
    private final long size;
    private volatile java.util.concurrent.atomic.AtomicLong consumed = new java.util.concurrent.atomic.AtomicLong();

    CsvWorkbookSource(Path file) throws IOException, UnreadableFileException {
        this.file = file;
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            bomLength = 3;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bomLength = 2;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bomLength = 2;
        } else {
            charset = decodesAsUtf8(firstNonAscii(file, head)) ? StandardCharsets.UTF_8 : WINDOWS_1258;
            bomLength = 0;
        }
        this.size = Files.size(file);
        String sample = new String(head, bomLength, head.length - bomLength, charset);
        this.dialect = CsvDialect.detect(sample, head.length == size);
    }

    @Override
    public double progress() {
        return size == 0 ? 1 : Math.min(1, consumed.get() / (double) size);
    }

    Charset charset() {
        return charset;
    }

    char delimiter() {
        return dialect.delimiter();
    }

    /**
     * The first 64 KiB of the file that hold a byte above ASCII (the start of the file when it has one): a
     * register whose first rows are plain ASCII (codes, numbers, headers typed without marks) is judged by
     * its first Vietnamese text, not by its ASCII start. Empty when the file is ASCII throughout.
     */
    private static byte[] firstNonAscii(Path file, byte[] head) throws IOException {
        if (nonAscii(head, head.length) >= 0 || head.length < SNIFF_BYTES) {
            return head;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), SNIFF_BYTES)) {
            in.skipNBytes(head.length);
            byte[] block = new byte[SNIFF_BYTES];
            long scanned = head.length;
            for (int n; scanned < MAX_SNIFF_SCAN && (n = in.readNBytes(block, 0, block.length)) > 0; scanned += n) {
                int at = nonAscii(block, n);
                if (at >= 0) {
                    byte[] window = new byte[SNIFF_BYTES];
                    int kept = n - at;
                    System.arraycopy(block, at, window, 0, kept);
                    int more = in.readNBytes(window, kept, SNIFF_BYTES - kept);
                    return java.util.Arrays.copyOf(window, kept + more);
                }
            }
        }
        return new byte[0];
    }

    private static int nonAscii(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean decodesAsUtf8(byte[] head) {
        int end = head.length;
        // do not fail on a multi-byte sequence cut by the sniff window
        while (end > 0 && end > head.length - 4 && (head[end - 1] & 0xC0) == 0x80) {
            end--;
        }
        if (end > 0 && (head[end - 1] & 0xC0) == 0xC0) {
            end--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Override
    public List<String> sheetNames() {
        return List.of(file.getFileName().toString());
    }

    @Override
    public RowStream rows(int sheetIndex) throws IOException {
        java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();
        consumed = counter;
        InputStream in = new BufferedInputStream(new java.io.FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    counter.addAndGet(n);
                }
                return n;
            }
        }, 1 << 16);
        in.skipNBytes(bomLength);
        RecordLimit reader = new RecordLimit(new InputStreamReader(in, charset), file.getFileName().toString());
        CSVParser parser = dialect.format().setIgnoreEmptyLines(false)
                .setTrim(false).get().parse(reader);
        return RowStream.of(parser.iterator(), (CSVRecord record) -> {
            reader.recordEnded(record.getRecordNumber());
            List<String> cells = new ArrayList<>(record.size());
            record.forEach(cells::add);
            return new SheetRow((int) record.getRecordNumber(), cells);
        }, parser);
    }

    /**
     * The characters one record may span: a register row of many full cells is far shorter; a line (or a quoted field)
     * that never ends is cut here, while it is read, so it is never held whole.
     */
    static final int MAX_RECORD_CHARS = 4 * 1024 * 1024;

    /**
     * Counts the characters read since the last record was handed out and stops the file past {@link #MAX_RECORD_CHARS}
     * (the parser reads ahead a little, so the count is a bound, not an exact length).
     */
    static final class RecordLimit extends java.io.FilterReader {
        private final String name;
        private long sinceRecord;
        private long lastRecord;

        RecordLimit(Reader in, String name) {
            super(in);
            this.name = name;
        }

        void recordEnded(long recordNumber) {
            sinceRecord = 0;
            lastRecord = recordNumber;
        }

        private void count(int n) {
            if (n > 0 && (sinceRecord += n) > MAX_RECORD_CHARS) {
                throw new WorkbookSources.OversizedCellException("record " + (lastRecord + 1) + " of " + name + " runs past "
                        + String.format(java.util.Locale.ROOT, "%,d", MAX_RECORD_CHARS) + " characters without ending (a line or quoted cell that never ends; "
                        + "Excel allows " + String.format(java.util.Locale.ROOT, "%,d", WorkbookSources.MAX_CELL_CHARS) + " characters in a cell)");
            }
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(n);
            return n;
        }
    }

    @Override
    public void close() {
    }
}
