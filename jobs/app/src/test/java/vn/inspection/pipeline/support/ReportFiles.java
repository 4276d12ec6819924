package vn.inspection.pipeline.support;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads the CSV files the pipeline writes into {@code <home>/reports/} for Excel (UTF-8 with a byte-order mark, a header). */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** The rows of a CSV report, by header; fails when the file lacks the byte-order mark Excel needs. */
    public static List<CSVRecord> csv(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 3 || (bytes[0] & 0xFF) != 0xEF || (bytes[1] & 0xFF) != 0xBB || (bytes[2] & 0xFF) != 0xBF) {
            throw new AssertionError(file + " does not start with a UTF-8 byte-order mark");
        }
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
    }
}
