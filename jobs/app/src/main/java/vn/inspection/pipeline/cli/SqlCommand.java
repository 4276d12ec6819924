package vn.inspection.pipeline.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.system.Json;

/**
 * {@code pipeline sql ["SELECT …"] [--format table|csv|json]}: a query on the warehouse, or an interactive prompt
 * with history, or a script piped in. The connection is the warehouse's sandbox ({@link
 * vn.inspection.pipeline.warehouse.Warehouse#openReadOnly()}): it reads the warehouse's tables and nothing else, and
 * writes nothing; a statement that tries is refused with one line saying so.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run a read-only SQL query on the warehouse; with no query, open an interactive prompt "
                + "(statements end with ';', history kept in ~/" + SqlCommand.HISTORY_FILE + ", .tables lists the tables, .quit to leave), "
                + "or run the statements piped in. It reads the warehouse's tables only: no files, no settings, no writes.")
class SqlCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(SqlCommand.class);
    static final int TABLE_ROW_LIMIT = 1000;
    /** The prompt's history, in the user's own home folder: a read command writes nothing into the pipeline home. */
    static final String HISTORY_FILE = ".pipeline_sql_history";

    enum Format { table, csv, json }

    @ParentCommand
    PipelineCli parent;

    @Parameters(arity = "0..1", paramLabel = "QUERY")
    String query;

    @Option(names = "--format", defaultValue = "table", description = "table (default), csv or json")
    Format format;

    @Override
    public Integer call() {
        try {
            ReadContext context = ReadContext.withWarehouse(parent.home);
            try (Connection connection = context.warehouse().openReadOnly()) {
                if (query != null) {
                    return run(connection, query, parent.out) ? PipelineCli.OK : PipelineCli.FAILED;
                }
                return interactive(connection, Path.of(System.getProperty("user.home"), HISTORY_FILE));
            }
        } catch (CommandException e) {
            parent.err.println("pipeline sql: " + e.getMessage());
            return e.exitCode();
        } catch (Exception e) {
            log.error(vn.inspection.pipeline.system.Logging.TOLD, "sql failed", e);
            parent.err.println("pipeline sql: " + Errors.describe(e));
            return PipelineCli.FAILED;
        }
    }

    /** Lines typed at the prompt: JLine (editing, history) on a terminal, plain lines from a pipe or file. */
    interface Lines extends AutoCloseable {
        /** The next line, or null at the end of input. */
        String read(String prompt) throws Exception;
    }

    private Lines lines(Path history) throws Exception {
        if (System.console() == null) {
            // a script piped in or read from a file: its statements are not typed history
            java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
            return new Lines() {
                @Override
                public String read(String prompt) throws Exception {
                    return reader.readLine();
                }

                @Override
                public void close() {
                }
            };
        }
        Terminal terminal = TerminalBuilder.builder().system(true).build();
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).variable(LineReader.HISTORY_FILE, history).build();
        return new Lines() {
            @Override
            public String read(String prompt) {
                while (true) {
                    try {
                        return reader.readLine(prompt);
                    } catch (UserInterruptException e) {
                        // Ctrl-C abandons the line being typed, not the session
                    } catch (EndOfFileException e) {
                        return null;
                    }
                }
            }

            @Override
            public void close() throws Exception {
                try {
                    reader.getHistory().save();
                } catch (java.io.IOException e) {
                    log.info("history not kept ({}): {}", history, e.getMessage());
                }
                terminal.close();
            }
        };
    }

    /** Statements typed at the prompt or piped in; exit 1 when any of them failed (a script's caller must know). */
    private int interactive(Connection connection, Path history) throws Exception {
        boolean allOk = true;
        try (Lines lines = lines(history)) {
            if (System.console() != null) {
                parent.out.println("Warehouse (read-only). End statements with ';'. .tables lists tables, .quit leaves.");
            }
            StringBuilder statement = new StringBuilder();
            String line;
            while ((line = lines.read(statement.length() == 0 ? "sql> " : "...> ")) != null) {
                String trimmed = line.strip();
                if (statement.length() == 0 && (trimmed.equals(".quit") || trimmed.equals(".exit") || trimmed.equals("\\q"))) {
                    break;
                }
                if (statement.length() == 0 && trimmed.equals(".tables")) {
                    run(connection, "SELECT table_name, comment FROM duckdb_tables() WHERE NOT internal ORDER BY 1", parent.out);
                    continue;
                }
                statement.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    allOk &= run(connection, statement.toString().strip().replaceAll(";$", ""), parent.out);
                    statement.setLength(0);
                }
            }
            if (!statement.toString().isBlank()) {
                allOk &= run(connection, statement.toString().strip(), parent.out);
            }
        }
        return allOk ? PipelineCli.OK : PipelineCli.FAILED;
    }

    /** Runs one statement and prints its result; a failure is one line on standard error. */
    private boolean run(Connection connection, String sql, PrintStream out) {
        try (Statement statement = connection.createStatement()) {
            if (statement.execute(sql)) {
                try (ResultSet rs = statement.getResultSet()) {
                    print(rs, out);
                }
            } else if (format == Format.table) {
                out.println("(done)");
            }
            return true;
        } catch (SQLException e) {
            log.info("sql statement refused or failed: {}", e.getMessage());
            parent.err.println("pipeline sql: " + explain(e.getMessage()));
            return false;
        } catch (Exception e) {
            log.error(vn.inspection.pipeline.system.Logging.TOLD, "sql statement failed", e);
            parent.err.println("pipeline sql: " + Errors.describe(e));
            return false;
        }
    }

    private static final java.util.regex.Pattern FILE_ACCESS = java.util.regex.Pattern.compile(
            "(?s).*Cannot access (?:file|directory) \"([^\"]*)\" - file system operations are disabled by configuration.*");

    /** DuckDB's message as one line; the sandbox's refusals in words that say why and what is possible instead. */
    static String explain(String message) {
        String text = message == null ? "" : message.strip();
        java.util.regex.Matcher file = FILE_ACCESS.matcher(text);
        if (file.matches()) {
            return "refused: pipeline sql reads the warehouse's tables only, never a file (" + file.group(1)
                    + "); every record is in its tables (.tables lists them)";
        }
        if (text.contains("the configuration has been locked")) {
            return "refused: pipeline sql cannot change settings (SET, RESET, PRAGMA): the sandbox's settings are locked";
        }
        if (text.contains("read-only mode") || text.contains("read only mode")) {
            return "refused: the warehouse is read-only; pipeline sql writes nothing (CREATE, INSERT, UPDATE, DELETE, ATTACH are refused)";
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("extension") && lower.contains("disabled")) {
            return "refused: pipeline sql cannot install or load extensions";
        }
        return text.lines().findFirst().orElse(text);
    }

    private void print(ResultSet rs, PrintStream out) throws Exception {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        List<String> names = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
            names.add(meta.getColumnLabel(c));
        }
        switch (format) {
            case csv -> {
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
                // spreadsheet-safe cells (SpreadsheetCsv): text cannot become a formula, numbers stay numbers
                printer.printRecord(vn.inspection.pipeline.text.SpreadsheetCsv.row(names));
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rs.getObject(c));
                    }
                    printer.printRecord(vn.inspection.pipeline.text.SpreadsheetCsv.row(row));
                }
                printer.flush();
            }
            case json -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        Object value = rs.getObject(c);
                        row.put(names.get(c - 1), value instanceof java.sql.Date d ? d.toLocalDate().toString()
                                : value instanceof java.time.temporal.Temporal t ? t.toString() : value);
                    }
                    rows.add(row);
                }
                out.println(Json.write(rows));
            }
            default -> table(rs, names, out);
        }
    }

    private static void table(ResultSet rs, List<String> names, PrintStream out) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        while (rs.next()) {
            total++;
            if (rows.size() < TABLE_ROW_LIMIT) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= names.size(); c++) {
                    Object value = rs.getObject(c);
                    String text = value == null ? "NULL" : value.toString();
                    row.add(text.length() > 60 ? text.substring(0, 59) + "…" : text);
                }
                rows.add(row);
            }
        }
        int[] widths = new int[names.size()];
        for (int c = 0; c < names.size(); c++) {
            widths[c] = names.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < names.size(); c++) {
            line.append(c == 0 ? "" : " | ").append(pad(names.get(c), widths[c]));
        }
        out.println(line);
        out.println("-".repeat(line.length()));
        for (List<String> row : rows) {
            line.setLength(0);
            for (int c = 0; c < names.size(); c++) {
                line.append(c == 0 ? "" : " | ").append(pad(row.get(c), widths[c]));
            }
            out.println(line);
        }
        out.println("(" + total + (total == 1 ? " row" : " rows") + (total > rows.size() ? "; " + rows.size() + " shown, use --format csv for all" : "") + ")");
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
