package vn.inspection.pipeline.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV cells safe to open in a spreadsheet (OWASP, "CSV Injection"): a text cell that begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return would be read by Excel or LibreOffice as a formula (which can run
 * a command or send data away), so it is written with a single quote before it: {@code '=HYPERLINK(…)} shows as the
 * text typed. A plain number ({@code -3}, {@code +1.5}, {@code -2.5E3}) is left as it is, so that it stays a number:
 * a spreadsheet reads it as a number, never as a formula. Everything else is written unchanged. Used for every CSV
 * the product writes for people: the rejects reports, the list of unit changes, {@code compare --format csv} and
 * {@code sql --format csv}.
 */
public final class SpreadsheetCsv {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private SpreadsheetCsv() {
    }

    /** The cell as written: quoted with {@code '} when a spreadsheet would take it for a formula. */
    public static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        if (!formula || NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    /** A value of a row: text (and anything printed as text) made safe; numbers, dates and nulls as they are. */
    public static Object value(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof java.time.temporal.TemporalAccessor
                || value instanceof java.util.Date) {
            return value;
        }
        return cell(value.toString());
    }

    /** A row of values, each made safe. */
    public static List<Object> row(Iterable<?> values) {
        List<Object> row = new ArrayList<>();
        for (Object value : values) {
            row.add(value(value));
        }
        return row;
    }
}
