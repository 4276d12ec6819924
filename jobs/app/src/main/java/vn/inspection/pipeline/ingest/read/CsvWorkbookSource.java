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
 * first 64 KiB decode as UTF-8, else Windows-1258 (Excel's CSV on Vietnamese Windows). The delimiter is
 * the one of {@code ,} {@code ;} tab that splits the first lines most consistently. Quoted fields may hold
 * delimiters and line breaks.
 */
final class CsvWorkbookSource implements WorkbookSource {
    static final Charset WINDOWS_1258 = Charset.forName("windows-1258");
    private static final int SNIFF_BYTES = 64 * 1024;

    private final Path file;
    private final Charset charset;
    private final int bomLength;
    private final char delimiter;
    private final long size;
    private volatile java.util.concurrent.atomic.AtomicLong consumed = new java.util.concurrent.atomic.AtomicLong();

    CsvWorkbookSource(Path file) throws IOException {
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
            charset = decodesAsUtf8(head) ? StandardCharsets.UTF_8 : WINDOWS_1258;
            bomLength = 0;
        }
        String sample = new String(head, bomLength, head.length - bomLength, charset);
        this.delimiter = detectDelimiter(sample);
        this.size = Files.size(file);
    }

    @Override
    public double progress() {
        return size == 0 ? 1 : Math.min(1, consumed.get() / (double) size);
    }

    Charset charset() {
        return charset;
    }

    char delimiter() {
        return delimiter;
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

    static char detectDelimiter(String sample) {
        String[] lines = sample.split("\r\n|\n|\r", 30);
        char best = ',';
        double bestScore = -1;
        for (char candidate : new char[] {',', ';', '\t'}) {
            int rows = 0;
            int total = 0;
            int consistent = 0;
            int previous = -1;
            for (int i = 0; i < Math.min(lines.length, 25); i++) {
                int count = countOutsideQuotes(lines[i], candidate);
                if (count == 0) {
                    continue;
                }
                rows++;
                total += count;
                if (count == previous) {
                    consistent++;
                }
                previous = count;
            }
            double score = rows == 0 ? 0 : consistent * 1000.0 + total;
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == delimiter && !quoted) {
                count++;
            }
        }
        return count;
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
        Reader reader = new InputStreamReader(in, charset);
        CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setTrim(false).get().parse(reader);
        return RowStream.of(parser.iterator(), (CSVRecord record) -> {
            List<String> cells = new ArrayList<>(record.size());
            record.forEach(cells::add);
            return new SheetRow((int) record.getRecordNumber(), cells);
        }, parser);
    }

    @Override
    public void close() {
    }
}
