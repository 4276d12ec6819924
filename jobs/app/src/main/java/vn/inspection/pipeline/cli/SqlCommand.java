package vn.inspection.pipeline.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.system.Json;
import vn.inspection.pipeline.warehouse.SqlLimits;

/**
 * {@code pipeline sql ["SELECT …"] [--format table|csv|json|markdown] [--wide]}: SQL text on the warehouse (one
 * statement or several, comments allowed, dot-commands too), or an interactive prompt with history, or a script piped
 * in. The connection is the warehouse's sandbox ({@link vn.inspection.pipeline.warehouse.Warehouse#openReadOnly()}): it
 * reads the warehouse's tables and nothing else, and writes nothing; a statement that tries is refused with one line
 * saying so. The only file it writes is the one {@code .output FILE} names, never inside the pipeline home.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run read-only SQL on the warehouse: the text given (any SQL, comments included), else an interactive prompt "
                + "(statements end with ';', history kept in ~/" + SqlCommand.HISTORY_FILE + "), else the statements piped in. "
                + "Dot-commands: .help, .tables, .schema [TABLE], .mode table|csv|json|markdown, .output [FILE], .quit. "
                + "It reads the warehouse's tables only: no files, no settings, no writes. "
                + "Each statement is stopped past pipeline.sql.timeout (60s) or pipeline.sql.memory-limit (1GB).")
class SqlCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(SqlCommand.class);
    static final int TABLE_ROW_LIMIT = 1000;
    /** Text longer than this is cut in a table, unless {@code --wide}. */
    static final int CELL_LIMIT = 60;
    /** The prompt's history, in the user's own home folder: a read command writes nothing into the pipeline home. */
    static final String HISTORY_FILE = ".pipeline_sql_history";

    static final String HELP = String.join("\n",
            ".help                 this list",
            ".tables               the warehouse's tables, with what each holds",
            ".schema [TABLE]       the columns of a table (of every table without one), with their types and meaning",
            ".mode [MODE]          how results are printed: table (numbers right-aligned), csv, json or markdown",
            ".output [FILE]        write the results that follow to FILE (outside the pipeline home); .output alone: back to the screen",
            ".quit                 leave (also .exit, \\q, Ctrl-D); always leaves, even in the middle of a statement",
            "SQL statements end with ';'. Comments (-- …, /* … */) are allowed. Every table and column explains itself:",
            "  SELECT * FROM duckdb_columns();  codes have labels: SELECT * FROM labels WHERE field = 'form';");

    enum Format { table, csv, json, markdown }

    @ParentCommand
    PipelineCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SQL", description = "SQL text: one or more statements, comments and dot-commands allowed")
    String query;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table (default), csv, json or markdown")
    Format format;

    @Option(names = "--wide", description = "Show text whole in a table (by default a cell is cut at " + CELL_LIMIT + " characters)")
    boolean wide;

    /** What each statement may use (pipeline.sql.*). */
    private SqlLimits limits = SqlLimits.defaults();
    /** Where results go: the screen, or the file {@code .output} named. */
    private PrintStream results;
    private Path outputFile;
    private ReadContext context;

    @Override
    public Integer call() {
        if (query != null && query.startsWith("-") && query.strip().chars().noneMatch(Character::isWhitespace)) {
            // a single word that looks like an option is a mistyped one, not SQL
            PipelineCli.badUsage(new CommandLine.UnmatchedArgumentException(spec.commandLine(), List.of(query)), new String[0], parent.err);
            return PipelineCli.USAGE;
        }
        results = parent.out;
        try {
            // no log file: statements, and DuckDB's messages that quote them, are written to no file
            context = ReadContext.withWarehouse(parent.home, false);
            try {
                limits = SqlLimits.from(context.settings());
            } catch (IllegalArgumentException e) {
                throw new CommandException(PipelineCli.FAILED, e.getMessage());
            }
            try (Connection connection = context.warehouse().openReadOnly(limits)) {
                if (query != null) {
                    Iterator<String> given = query.lines().iterator();
                    return script(connection, prompt -> given.hasNext() ? given.next() : null, false);
                }
                try (Lines lines = lines(Path.of(System.getProperty("user.home"), HISTORY_FILE))) {
                    return script(connection, lines, System.console() != null);
                }
            }
        } catch (CommandException e) {
            parent.err.println("pipeline sql: " + e.getMessage());
            return e.exitCode();
        } catch (Exception e) {
            log.error(vn.inspection.pipeline.system.Logging.TOLD, "sql failed", e);
            parent.err.println("pipeline sql: " + Errors.describe(e));
            return PipelineCli.FAILED;
        } finally {
            closeOutput();
        }
    }

    /** Lines typed at the prompt: JLine (editing, history) on a terminal, plain lines from a pipe or file. */
    interface Lines extends AutoCloseable {
        /** The next line, or null at the end of input. */
        String read(String prompt) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    private Lines lines(Path history) throws Exception {
        if (System.console() == null) {
            // a script piped in or read from a file: its statements are not typed history
            java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
            return prompt -> reader.readLine();
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

    /**
     * Statements and dot-commands, typed at the prompt, piped in or given as the command's text; exit 1 when any of them
     * failed (a script's caller must know). A dot-command is read at the start of a statement; {@code .quit} anywhere.
     */
    private int script(Connection connection, Lines lines, boolean interactive) throws Exception {
        boolean allOk = true;
        if (interactive) {
            parent.out.println("Warehouse (read-only). End statements with ';'. .help lists the commands, .quit leaves.");
        }
        StringBuilder statement = new StringBuilder();
        String line;
        while ((line = lines.read(statement.length() == 0 ? "sql> " : "...> ")) != null) {
            String trimmed = line.strip();
            if (trimmed.equals(".quit") || trimmed.equals(".exit") || trimmed.equals("\\q")) {
                return allOk ? PipelineCli.OK : PipelineCli.FAILED; // a statement being typed is abandoned
            }
            if (statement.length() == 0 && trimmed.startsWith(".")) {
                allOk &= dotCommand(connection, trimmed);
                continue;
            }
            if (statement.length() == 0 && trimmed.isEmpty()) {
                continue;
            }
            statement.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                allOk &= runText(connection, statement.toString());
                statement.setLength(0);
            }
        }
        allOk &= runText(connection, statement.toString());
        return allOk ? PipelineCli.OK : PipelineCli.FAILED;
    }

    /** Runs a statement unless it holds nothing but comments (a script's closing "-- end;" is not an error). */
    private boolean runText(Connection connection, String text) {
        if (withoutComments(text).replace(";", "").isBlank()) {
            return true;
        }
        return run(connection, text.strip().replaceAll(";$", ""));
    }

    /** The SQL text without its comments (for telling an empty statement); quoted text is kept as it is. */
    static String withoutComments(String sql) {
        StringBuilder kept = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                end = end < 0 ? sql.length() : end + 1;
                kept.append(sql, i, end);
                i = end;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else {
                kept.append(c);
                i++;
            }
        }
        return kept.toString();
    }

    /** One dot-command; a mistake is one line on standard error. */
    private boolean dotCommand(Connection connection, String line) {
        String[] words = line.split("\\s+", 2);
        String argument = words.length > 1 ? words[1].strip().replaceAll(";$", "").strip() : "";
        switch (words[0]) {
            case ".help" -> {
                parent.out.println(HELP);
                return true;
            }
            case ".tables" -> {
                return run(connection, "SELECT table_name, comment FROM duckdb_tables() WHERE NOT internal ORDER BY 1");
            }
            case ".schema" -> {
                return schema(connection, argument);
            }
            case ".mode" -> {
                if (argument.isEmpty()) {
                    parent.out.println("current mode: " + format + " (.mode table|csv|json|markdown)");
                    return true;
                }
                try {
                    format = Format.valueOf(argument.toLowerCase(Locale.ROOT));
                    return true;
                } catch (IllegalArgumentException e) {
                    parent.err.println("pipeline sql: .mode " + argument + ": unknown mode; give table, csv, json or markdown");
                    return false;
                }
            }
            case ".output", ".once" -> {
                return output(argument);
            }
            default -> {
                parent.err.println("pipeline sql: unknown command " + words[0] + "; .help lists the commands");
                return false;
            }
        }
    }

    private boolean schema(Connection connection, String table) {
        String sql = "SELECT table_name, column_name, data_type, comment FROM duckdb_columns() WHERE NOT internal AND schema_name = 'main'"
                + (table.isEmpty() ? "" : " AND lower(table_name) = lower(?)") + " ORDER BY table_name, column_index";
        if (!table.isEmpty()) {
            try (PreparedStatement known = connection.prepareStatement(
                    "SELECT count(*) FROM duckdb_columns() WHERE NOT internal AND schema_name = 'main' AND lower(table_name) = lower(?)")) {
                known.setString(1, table);
                try (ResultSet rs = known.executeQuery()) {
                    if (rs.next() && rs.getLong(1) == 0) {
                        parent.err.println("pipeline sql: no table " + table + " in the warehouse; .tables lists them");
                        return false;
                    }
                }
            } catch (SQLException e) {
                parent.err.println("pipeline sql: " + explain(e.getMessage()));
                return false;
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (!table.isEmpty()) {
                statement.setString(1, table);
            }
            try (ResultSet rs = statement.executeQuery()) {
                print(rs, results);
            }
            return true;
        } catch (Exception e) {
            parent.err.println("pipeline sql: " + Errors.describe(e));
            return false;
        }
    }

    /** {@code .output FILE}: the results that follow go to the file (created or emptied), never inside the home. */
    private boolean output(String argument) {
        closeOutput();
        if (argument.isEmpty()) {
            return true;
        }
        Path file = Path.of(argument.startsWith("~/") ? System.getProperty("user.home") + argument.substring(1) : argument);
        if (Files.isDirectory(file)) {
            parent.err.println("pipeline sql: .output " + file + " is a folder: give the file to write");
            return false;
        }
        if (ReportCommand.real(file).startsWith(ReportCommand.real(context.home().root()))) {
            parent.err.println("pipeline sql: will not write " + file + " inside the pipeline home " + context.home().root()
                    + " (it holds the lake and the warehouse): give a path outside it");
            return false;
        }
        try {
            OutputStream stream = Files.newOutputStream(file);
            results = new PrintStream(stream, true, StandardCharsets.UTF_8);
            outputFile = file;
            return true;
        } catch (IOException e) {
            parent.err.println("pipeline sql: cannot write " + file + ": " + Errors.describe(e));
            return false;
        }
    }

    private void closeOutput() {
        if (outputFile != null) {
            results.close();
            if (results.checkError()) {
                parent.err.println("pipeline sql: writing " + outputFile + " failed (disk full?): the file is incomplete");
            }
            outputFile = null;
        }
        results = parent.out;
    }

    /** Runs one statement and prints its result; a failure is one line on standard error. */
    private boolean run(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(limits.timeoutSeconds());
            if (statement.execute(sql)) {
                try (ResultSet rs = statement.getResultSet()) {
                    print(rs, results);
                }
            } else if (format == Format.table) {
                results.println("(done)");
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
        String lower = text.toLowerCase(Locale.ROOT);
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
            default -> table(rs, names, out, format == Format.markdown, wide);
        }
    }

    /**
     * A table as a person reads it: numbers right-aligned, text left-aligned and cut at {@link #CELL_LIMIT} characters
     * unless {@code wide}, line breaks inside a cell shown as spaces; at most {@link #TABLE_ROW_LIMIT} rows. In Markdown,
     * a pipe inside a cell is escaped and number columns are marked right-aligned.
     */
    static void table(ResultSet rs, List<String> names, PrintStream out, boolean markdown, boolean wide) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        boolean[] numeric = new boolean[names.size()];
        java.util.Arrays.fill(numeric, true);
        boolean[] seen = new boolean[names.size()];
        boolean cut = false;
        long total = 0;
        while (rs.next()) {
            total++;
            if (rows.size() < TABLE_ROW_LIMIT) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= names.size(); c++) {
                    Object value = rs.getObject(c);
                    if (value != null) {
                        seen[c - 1] = true;
                        numeric[c - 1] &= value instanceof Number;
                    }
                    String text = value == null ? "NULL" : value.toString().replaceAll("\\R", " ");
                    if (!wide && length(text) > CELL_LIMIT) {
                        text = text.substring(0, text.offsetByCodePoints(0, CELL_LIMIT - 1)) + "…";
                        cut = true;
                    }
                    row.add(markdown ? text.replace("|", "\\|") : text);
                }
                rows.add(row);
            }
        }
        for (int c = 0; c < names.size(); c++) {
            numeric[c] &= seen[c];
        }
        int[] widths = new int[names.size()];
        for (int c = 0; c < names.size(); c++) {
            widths[c] = Math.max(markdown ? 3 : 1, length(names.get(c)));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], length(row.get(c)));
            }
        }
        String separator = markdown ? " | " : " | ";
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < names.size(); c++) {
            line.append(c == 0 ? (markdown ? "| " : "") : separator).append(align(names.get(c), widths[c], numeric[c]));
        }
        if (markdown) {
            line.append(" |");
        }
        out.println(markdown ? line : line.toString().stripTrailing());
        if (markdown) {
            StringBuilder rule = new StringBuilder("|");
            for (int c = 0; c < names.size(); c++) {
                rule.append(numeric[c] ? " " + "-".repeat(widths[c] - 1) + ": |" : " " + "-".repeat(widths[c]) + " |");
            }
            out.println(rule);
        } else {
            out.println("-".repeat(length(line.toString())));
        }
        for (List<String> row : rows) {
            line.setLength(0);
            for (int c = 0; c < names.size(); c++) {
                line.append(c == 0 ? (markdown ? "| " : "") : separator).append(align(row.get(c), widths[c], numeric[c]));
            }
            if (markdown) {
                line.append(" |");
            }
            out.println(markdown ? line : line.toString().stripTrailing());
        }
        if (!markdown || total > rows.size()) {
            out.println("(" + total + (total == 1 ? " row" : " rows") + (total > rows.size() ? "; " + rows.size() + " shown, use --format csv for all" : "")
                    + (cut ? "; long text cut, --wide shows it whole" : "") + ")");
        }
    }

    /** Characters as a terminal shows them: code points, combining marks (a decomposed tone) taking no column. */
    private static int length(String text) {
        return (int) text.codePoints().filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK).count();
    }

    private static String align(String text, int width, boolean right) {
        String padding = " ".repeat(Math.max(0, width - length(text)));
        return right ? padding + text : text + padding;
    }
}
