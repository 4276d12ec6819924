package vn.inspection.pipeline.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code pipeline} command line. Exit codes: 0 every file was read (rejected rows are normal),
 * 3 some file was quarantined or not recognised but the others were processed (for {@code rekey}: some
 * source files must be ingested again), 1 failure, 2 bad usage, 4 another run holds the home.
 * Every failure is one or two lines on standard error (what, where, what to do); stack traces go to the log only.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true, version = "pipeline 0.1.0",
        description = "Inspection analytics pipeline: ingest registers into a Parquet lake, compare periods on the DuckDB warehouse, render chart PDFs.",
        subcommands = {IngestCommand.class, CompareCommand.class, ReportCommand.class, SqlCommand.class, MetricsCommand.class, RefreshCommand.class,
                VerifyCommand.class, RekeyCommand.class, GenerateCommand.class, NightlyCommand.class, HistoryCommand.class,
                WithdrawCommand.class, ExplainCommand.class})
public class PipelineCli implements java.util.concurrent.Callable<Integer> {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int PARTIAL = 3;
    /** Another run (an ingest, a refresh, the nightly) holds the home: try again when it has finished. */
    public static final int BUSY = 4;

    @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Pipeline home (lake, reports, job repository). Default: $PIPELINE_HOME or ./var")
    Path home;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PrintStream out = System.out;
    PrintStream err = System.err;

    /** No command given: the usage, and the usage exit code. */
    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return USAGE;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, System.err));
    }

    /** Runs a command line with the given output streams; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        vn.inspection.pipeline.system.Logging.useConsole(err);
        PipelineCli cli = new PipelineCli();
        cli.out = out;
        cli.err = err;
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.registerConverter(vn.inspection.pipeline.text.Language.class, text -> {
            try {
                return vn.inspection.pipeline.text.Language.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage()); // the reason, without a class name
            }
        });
        commandLine.setExitCodeExceptionMapper(e -> FAILED);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            // a command that did not turn its failure into a line of its own: still one line, the trace to the log
            org.slf4j.LoggerFactory.getLogger(PipelineCli.class).error(vn.inspection.pipeline.system.Logging.TOLD, "{} failed", line.getCommandName(), e);
            err.println((line.getParent() == null ? "pipeline" : "pipeline " + line.getCommandName()) + ": "
                    + vn.inspection.pipeline.system.Errors.describe(e));
            return e instanceof vn.inspection.pipeline.system.HomeLock.Busy ? BUSY : FAILED;
        });
        // a query may begin with a "-- comment" line: the sql command's words are its query, not options
        commandLine.getSubcommands().get("sql").setUnmatchedOptionsArePositionalParams(true);
        commandLine.setParameterExceptionHandler((e, a) -> {
            badUsage(e, a, err);
            return USAGE;
        });
        return commandLine.execute(args);
    }

    /**
     * Bad usage in two or three lines, not the whole help: what was wrong, the closest command or option to a mistyped one
     * ("Did you mean: nightly?"), and where the help is.
     */
    static void badUsage(CommandLine.ParameterException e, String[] args, PrintStream err) {
        CommandLine.Model.CommandSpec command = e.getCommandLine().getCommandSpec();
        if (e instanceof CommandLine.UnmatchedArgumentException && command.parser().unmatchedOptionsArePositionalParams()) {
            // sql takes words starting with '-' as its text: a word that is only an unknown option is the real mistake
            for (String arg : args) {
                if (arg.matches("--?[A-Za-z][\\w-]*(=.*)?") && command.findOption(arg.replaceAll("=.*", "")) == null) {
                    e = new CommandLine.UnmatchedArgumentException(e.getCommandLine(), List.of(arg));
                    break;
                }
            }
        }
        String message = e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !command.subcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            message = "unknown command '" + unmatched.getUnmatched().get(0) + "'"; // picocli says "Unmatched argument at index 2"
        }
        err.println("pipeline: " + message);
        List<String> suggestions = e instanceof CommandLine.UnmatchedArgumentException unmatched ? suggestions(unmatched, command) : List.of();
        if (!suggestions.isEmpty()) {
            err.println("Did you mean: " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?");
        }
        CommandLine line = e.getCommandLine();
        StringBuilder name = new StringBuilder();
        for (CommandLine c = line; c != null; c = c.getParent()) {
            name.insert(0, c.getParent() == null ? "pipeline" : " " + c.getCommandName());
        }
        err.println("Run '" + name + " --help' for " + (line.getParent() == null ? "the commands and options." : "its options."));
    }

    /**
     * The options a mistyped one may have meant (letters swapped, dropped or doubled: at most two edits, "--fromat" is
     * "--format"), else picocli's suggestions (the closest commands to a mistyped command).
     */
    static List<String> suggestions(CommandLine.UnmatchedArgumentException unmatched, CommandLine.Model.CommandSpec command) {
        List<String> words = unmatched.getUnmatched();
        String word = words.isEmpty() ? "" : words.get(0).replaceAll("=.*", "");
        if (word.startsWith("-")) {
            List<String> close = new java.util.ArrayList<>();
            for (int limit = 1; limit <= 2 && close.isEmpty(); limit++) {
                for (CommandLine.Model.OptionSpec option : command.options()) {
                    for (String name : option.names()) {
                        if (!option.hidden() && name.length() > 2 && edits(word, name) <= limit) {
                            close.add(name);
                        }
                    }
                }
            }
            if (!close.isEmpty()) {
                return close;
            }
        }
        return unmatched.getSuggestions();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbours. */
    static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
