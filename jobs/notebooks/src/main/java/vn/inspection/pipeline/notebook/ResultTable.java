package vn.inspection.pipeline.notebook;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import vn.inspection.pipeline.text.Language;
import vn.inspection.pipeline.text.VietnameseNumbers;

/**
 * The rows of a query, held in memory, for a notebook to show (an HTML table, or aligned text) and to hand to
 * the report's charts ({@link #strings}, {@link #longs}). Whole numbers are written in the notebook's language
 * (2.528 in Vietnamese), text is escaped, and a long result shows its first {@value #SHOWN} rows with a note of the rest.
 *
 * <pre>{@code
 * ResultTable units = ResultTable.query(db, "SELECT code, name FROM units WHERE depth = ?", 1);
 * display("text/html", units.html());
 * }</pre>
 */
public final class ResultTable {
    /** Rows shown by {@link #html()} and {@link #text()}; every row stays available to {@link #rows()}. */
    public static final int SHOWN = 60;

    private final List<String> columns;
    private final List<List<Object>> rows;
    private final VietnameseNumbers numbers;

    public ResultTable(List<String> columns, List<List<Object>> rows, Language language) {
        this.columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " values in a table of " + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        this.rows = Collections.unmodifiableList(copy);
        this.numbers = new VietnameseNumbers(Objects.requireNonNull(language, "language"));
    }

    /** Runs a query with {@code ?} parameters and keeps its rows; numbers in Vietnamese format. */
    public static ResultTable query(Connection connection, String sql, Object... parameters) throws SQLException {
        return query(connection, Language.VI, sql, parameters);
    }

    public static ResultTable query(Connection connection, Language language, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    columns.add(meta.getColumnLabel(c));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int c = 1; c <= columns.size(); c++) {
                        row.add(rs.getObject(c));
                    }
                    rows.add(row);
                }
                return new ResultTable(columns, rows, language);
            }
        }
    }

    public List<String> columns() {
        return columns;
    }

    public List<List<Object>> rows() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The value in a row and column. */
    public Object get(int row, String column) {
        return rows.get(row).get(index(column));
    }

    /** A column's values as text (null stays null). */
    public List<String> strings(String column) {
        int c = index(column);
        return rows.stream().map(r -> r.get(c) == null ? null : String.valueOf(r.get(c))).toList();
    }

    /** A whole-number column's values (null counts as 0), for the report's charts. */
    public long[] longs(String column) {
        int c = index(column);
        long[] values = new long[rows.size()];
        for (int r = 0; r < values.length; r++) {
            Object value = rows.get(r).get(c);
            if (value != null && !(value instanceof Number)) {
                throw new IllegalArgumentException("column '" + column + "' holds " + value.getClass().getSimpleName() + ", not numbers");
            }
            values[r] = value == null ? 0 : ((Number) value).longValue();
        }
        return values;
    }

    /** An HTML table of the first {@value #SHOWN} rows, numbers right-aligned. */
    public String html() {
        StringBuilder html = new StringBuilder("<table>\n<thead><tr>");
        for (String column : columns) {
            html.append("<th>").append(escape(column)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : shown()) {
            html.append("<tr>");
            for (Object value : row) {
                html.append(value instanceof Number ? "<td style=\"text-align:right\">" : "<td style=\"text-align:left\">")
                        .append(escape(format(value))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n<p><small>").append(escape(caption())).append("</small></p>");
        return html.toString();
    }

    /** The first {@value #SHOWN} rows as aligned text, numbers right-aligned. */
    public String text() {
        List<List<String>> cells = new ArrayList<>();
        cells.add(columns);
        shown().forEach(row -> cells.add(row.stream().map(this::format).toList()));
        int[] widths = new int[columns.size()];
        for (List<String> line : cells) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], line.get(c).codePointCount(0, line.get(c).length()));
            }
        }
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            List<String> line = cells.get(r);
            for (int c = 0; c < widths.length; c++) {
                boolean right = r > 0 && rows.get(r - 1).get(c) instanceof Number;
                String cell = line.get(c);
                String pad = " ".repeat(widths[c] - cell.codePointCount(0, cell.length()));
                text.append(c == 0 ? "" : "  ").append(right ? pad + cell : cell + pad);
            }
            text.append('\n');
        }
        return text.append(caption()).append('\n').toString();
    }

    @Override
    public String toString() {
        return text();
    }

    private List<List<Object>> shown() {
        return rows.subList(0, Math.min(rows.size(), SHOWN));
    }

    private String caption() {
        boolean vi = numbers.language() == Language.VI;
        String count = numbers.count(rows.size()) + (vi ? " dòng" : rows.size() == 1 ? " row" : " rows");
        if (rows.size() > SHOWN) {
            return count + (vi ? " (hiện " + SHOWN + " dòng đầu)" : " (the first " + SHOWN + " shown)");
        }
        return count;
    }

    String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return numbers.count(((Number) value).longValue());
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return numbers.count(big.longValue());
        }
        if (value instanceof BigDecimal decimal && decimal.scale() <= 0 && decimal.precision() - decimal.scale() < 19) {
            return numbers.count(decimal.longValueExact());
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return numbers.decimal(((Number) value).doubleValue());
        }
        return String.valueOf(value);
    }

    private int index(String column) {
        int c = columns.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("no column '" + column + "' in " + columns);
        }
        return c;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
