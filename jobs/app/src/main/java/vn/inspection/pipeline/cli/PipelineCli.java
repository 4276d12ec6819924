package vn.inspection.pipeline.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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
                VerifyCommand.class, RekeyCommand.class, GenerateCommand.class, NightlyCommand.class, HistoryCommand.class, ExplainCommand.class})
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
        commandLine.setParameterExceptionHandler((e, a) -> {
            err.println("pipeline: " + e.getMessage());
            e.getCommandLine().usage(err);
            return USAGE;
        });
        return commandLine.execute(args);
    }
}
