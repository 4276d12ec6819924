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
import vn.inspection.pipeline.warehouse.SqlLimits;

/**
 * {@code pipeline sql ["SELECT …"] [--format table|csv|json]}: a query on the warehouse, or an interactive prompt
 * with history, or a script piped in. The connection is the warehouse's sandbox ({@link
 * vn.inspection.pipeline.warehouse.Warehouse#openReadOnly()}): it reads the warehouse's tables and nothing else, and
 * writes nothing; a statement that tries is refused with one line saying so.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run a read-only SQL query on the warehouse; with no query, open an interactive prompt "
                + "(statements end with ';', history kept in ~/" + SqlCommand.HISTORY_FILE + ", .tables lists the tables, .quit to leave), "
                + "or run the statements piped in. It reads the warehouse's tables only: no files, no settings, no writes. "
                + "Each statement is stopped past pipeline.sql.timeout (60s) or pipeline.sql.memory-limit (1GB).")
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

    /** What each statement may use (pipeline.sql.*). */
    private SqlLimits limits = SqlLimits.defaults();

    @Override
    public Integer call() {
        try {
            // no log file: statements, and DuckDB's messages that quote them, are written to no file
            ReadContext context = ReadContext.withWarehouse(parent.home, false);
            try {
                limits = SqlLimits.from(context.settings());
            } catch (IllegalArgumentException e) {
                throw new CommandException(PipelineCli.FAILED, e.getMessage());
            }
            try (Connection connection = context.warehouse().openReadOnly(limits)) {
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
        keepPrivate(history);
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

    /**
     * The prompt's history holds what the analyst typed (names, unit codes, record keys): readable by its owner alone
     * (0600), created so before the first statement is kept; an existing history others could read is closed up.
     */
    static void keepPrivate(Path history) {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> ownerOnly = java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
        try {
            if (!java.nio.file.Files.exists(history, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                java.nio.file.Files.createFile(history, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(ownerOnly));
            }
            java.nio.file.Files.setPosixFilePermissions(history, ownerOnly); // whatever the umask, or an older history
        } catch (UnsupportedOperationException | java.io.IOException e) {
            log.info("cannot make the history {} private: {}", history, e.getMessage());
        }
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
            statement.setQueryTimeout(limits.timeoutSeconds());
            if (statement.execute(sql)) {
                try (ResultSet rs = statement.getResultSet()) {
                    print(rs, out);
                }
            } else if (format == Format.table) {
                out.println("(done)");
            }
            return true;
        } catch (java.sql.SQLTimeoutException e) {
            parent.err.println("pipeline sql: the query ran past " + limits.timeoutText() + " and was stopped; narrow it or raise " + SqlLimits.TIMEOUT);
            return false;
        } catch (SQLException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("Out of Memory Error")) {
                parent.err.println("pipeline sql: the query needed more than " + limits.memoryLimit() + " of memory and was stopped; narrow it or raise "
                        + SqlLimits.MEMORY_LIMIT);
            } else {
                parent.err.println("pipeline sql: " + explain(message, sql));
            }
            return false;
        } catch (Exception e) {
            // the message alone: a statement is written to no file
            parent.err.println("pipeline sql: " + Errors.describe(e));
            return false;
        }
    }

    private static final java.util.regex.Pattern FILE_ACCESS = java.util.regex.Pattern.compile(
            "(?s).*Cannot access (?:file|directory) \"([^\"]*)\" - file system operations are disabled by configuration.*");

    /** A quoted path in a statement: what a statement refused for its file access was after. */
    private static final java.util.regex.Pattern QUOTED_PATH = java.util.regex.Pattern.compile("'([^']*[/\\\\][^']*)'");

    static String explain(String message) {
        return explain(message, "");
    }

    /** DuckDB's message as one line; the sandbox's refusals in words that say why and what is possible instead. */
    static String explain(String message, String statement) {
        String text = message == null ? "" : message.strip();
        java.util.regex.Matcher file = FILE_ACCESS.matcher(text);
        if (file.matches()) {
            return fileRefused(file.group(1));
        }
        if (text.contains("File system LocalFileSystem has been disabled")) {
            // the file system is off: DuckDB does not say which path, the statement does
            java.util.regex.Matcher path = QUOTED_PATH.matcher(statement == null ? "" : statement);
            return fileRefused(path.find() ? path.group(1) : null);
        }
        if (text.contains("the configuration has been locked") || text.contains("when enable_external_access is disabled")) {
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

    private static String fileRefused(String path) {
        return "refused: pipeline sql reads the warehouse's tables only, never a file" + (path == null ? "" : " (" + path + ")")
                + "; every record is in its tables (.tables lists them)";
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
                printer.printRecord(names);
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rs.getObject(c));
                    }
                    printer.printRecord(row);
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
