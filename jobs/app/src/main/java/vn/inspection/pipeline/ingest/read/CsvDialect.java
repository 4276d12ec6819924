package vn.inspection.pipeline.ingest.read;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * How a delimited text file is written: its delimiter and its quote, found from the file's first records as
 * RFC 4180 parses them (a quoted field may hold delimiters and line breaks), never from its lines. Each
 * candidate (delimiter {@code , ; tab |}, quote {@code " '}) parses the sample; the one under which the most
 * records have the same number of fields (more than one) wins, then the one giving more fields. Two delimiters
 * that fit the records equally well are ambiguous: the file is refused naming both, never guessed.
 */
record CsvDialect(char delimiter, char quote) {
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final char[] QUOTES = {'"', '\''};
    /** How many records of the sample are looked at. */
    static final int RECORDS = 100;

    /** What one candidate made of the sample: how many records have the most common width, and that width. */
    private record Fit(CsvDialect dialect, int support, int width, int records) {
        boolean better(Fit other) {
            return other == null || support > other.support || (support == other.support && width > other.width);
        }

        String describe() {
            return "'" + name(dialect.delimiter) + "' (" + width + " fields in " + support + " of " + records + " records)";
        }
    }

    /**
     * The dialect of the sample: the start of a file ({@code whole} false: its last record may be cut short) or
     * the whole file.
     *
     * @throws UnreadableFileException when two delimiters fit the records equally well
     */
    static CsvDialect detect(String sample, boolean whole) throws UnreadableFileException {
        Fit best = null;
        Map<Character, Fit> byDelimiter = new HashMap<>();
        for (char delimiter : DELIMITERS) {
            for (char quote : QUOTES) {
                Fit fit = fit(new CsvDialect(delimiter, quote), sample, whole);
                if (fit.support() > 0 && fit.better(byDelimiter.get(delimiter))) {
                    byDelimiter.put(delimiter, fit);
                }
                if (fit.support() > 0 && fit.better(best)) {
                    best = fit;
                }
            }
        }
        if (best == null) {
            return new CsvDialect(',', '"'); // one column, or nothing: any delimiter reads it alike
        }
        for (Fit other : byDelimiter.values()) {
            if (other.dialect().delimiter() != best.dialect().delimiter() && other.support() == best.support()
                    && other.width() == best.width() && best.support() > 1) {
                throw new UnreadableFileException("cannot tell how the text file separates its columns: " + best.describe()
                        + " and " + other.describe() + " fit its records alike; save it again from Excel as \"CSV UTF-8\"");
            }
        }
        return best.dialect();
    }

    private static Fit fit(CsvDialect dialect, String sample, boolean whole) {
        List<Integer> widths = new ArrayList<>();
        try (CSVParser parser = dialect.format().setIgnoreEmptyLines(true).get().parse(new StringReader(sample))) {
            Iterator<CSVRecord> records = parser.iterator();
            while (widths.size() <= RECORDS && records.hasNext()) {
                widths.add(records.next().size());
            }
            if (!whole && !records.hasNext() && !widths.isEmpty()) {
                widths.remove(widths.size() - 1); // cut by the end of the sample
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // a quoted field the sample cuts (or a quote this dialect does not use): the records before it count
            if (!widths.isEmpty()) {
                widths.remove(widths.size() - 1);
            }
        }
        Map<Integer, Integer> counts = new HashMap<>();
        widths.stream().filter(w -> w > 1).forEach(w -> counts.merge(w, 1, Integer::sum));
        int support = 0;
        int width = 0;
        for (Map.Entry<Integer, Integer> count : counts.entrySet()) {
            if (count.getValue() > support || (count.getValue() == support && count.getKey() > width)) {
                support = count.getValue();
                width = count.getKey();
            }
        }
        return new Fit(dialect, support, width, widths.size());
    }

    CSVFormat.Builder format() {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setQuote(quote);
    }

    private static String name(char delimiter) {
        return delimiter == '\t' ? "tab" : String.valueOf(delimiter);
    }
}
