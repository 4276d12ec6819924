package vn.inspection.pipeline.spark;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.system.Catalogs;
import vn.inspection.pipeline.system.PipelineHome;
import vn.inspection.pipeline.system.Settings;
import vn.inspection.pipeline.text.Language;

/**
 * The pipeline's read commands on Spark: what {@code ./pipeline … --engine spark} runs, and the main class
 * {@code spark-submit --class vn.inspection.pipeline.spark.SparkCli} runs on an existing cluster. Its commands
 * print exactly what the DuckDB commands print, with {@code "engine":"spark"}. Exit codes as the pipeline's:
 * 0 ok, 1 failed, 2 bad usage.
 *
 * <p>A command ({@link CompareCommand}, {@link ReportCommand}) gets its engine from {@link #open()}.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true, version = "pipeline 0.1.0 (spark)",
        description = "The metric catalog on Apache Spark, over the Parquet lake: locally, or on a cluster.",
        subcommands = {CompareCommand.class, ReportCommand.class})
public final class SparkCli implements java.util.concurrent.Callable<Integer> {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    enum Engine { spark }

    @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Pipeline home whose lake/ is read. Default: $PIPELINE_HOME or ./var")
    Path home;

    @Option(names = "--lake", scope = ScopeType.INHERIT, paramLabel = "URI",
            description = "The lake's root on any Hadoop file system (hdfs://…, s3a://…, file:/…); instead of --home")
    String lake;

    @Option(names = "--spark-master", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Where Spark runs: local[*] (default), spark://HOST:7077, yarn, k8s://…; spark-submit's --master when submitted")
    String master;

    @Option(names = "--engine", scope = ScopeType.INHERIT, paramLabel = "spark", description = "spark (this program runs no other engine)")
    Engine engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PrintStream out = System.out;
    PrintStream err = System.err;

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
        SparkCli cli = new SparkCli();
        cli.out = out;
        cli.err = err;
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.registerConverter(Language.class, Language::parse);
        commandLine.setExitCodeExceptionMapper(e -> FAILED);
        commandLine.setParameterExceptionHandler((e, a) -> {
            err.println("pipeline: " + e.getMessage());
            e.getCommandLine().usage(err);
            return USAGE;
        });
        return commandLine.execute(args);
    }

    /** The instant of {@code --known-at}: a date (its end, local time) or an ISO date-time; null when not given. */
    static java.time.Instant knownAt(String text) {
        return text == null ? null : vn.inspection.pipeline.lake.KnownAt.parse(text, java.time.ZoneId.systemDefault());
    }

    /** The catalogs, the Spark application and an engine over the lake, for one command; close it after. */
    EngineContext open() {
        return open(null);
    }

    /** {@link #open()} as the lake knew its records at an instant (null: now). */
    EngineContext open(java.time.Instant knownAt) {
        String lakeUri = lakeUri();
        Settings settings = Settings.fromProcess();
        Path schemasDir = settings.path(Catalogs.SCHEMAS_DIR).orElse(null);
        SchemaCatalog schemas = Catalogs.schemas(schemasDir);
        MetricCatalog metrics = Catalogs.metrics(schemasDir, schemas);
        SparkSessions sessions = SparkSessions.obtain(master, "pipeline");
        try {
            return new EngineContext(sessions, metrics, SparkMetricEngine.open(sessions.session(), lakeUri, schemas, knownAt));
        } catch (RuntimeException e) {
            sessions.close();
            throw e;
        }
    }

    /** {@code --lake}, else the home's {@code lake/} folder, which must exist. */
    String lakeUri() {
        if (lake != null) {
            if (home != null) {
                throw new CommandFailure(USAGE, "give --lake or --home, not both");
            }
            return lake;
        }
        PipelineHome pipelineHome = PipelineHome.resolve(home);
        if (Files.isRegularFile(pipelineHome.root())) {
            throw new CommandFailure(FAILED, "the pipeline home " + pipelineHome.root() + " is a file, not a folder: give --home a folder");
        }
        if (!Files.isDirectory(pipelineHome.root())) {
            throw new CommandFailure(FAILED, "no pipeline home at " + pipelineHome.root()
                    + ": ingest some registers first (pipeline ingest PATH), or give --home the folder that holds them (or --lake a lake URI)");
        }
        return pipelineHome.lake().toUri().toString();
    }

    /** What a command works with; closing it drops the engine's views and stops Spark if the command started it. */
    record EngineContext(SparkSessions sessions, MetricCatalog metrics, SparkMetricEngine engine) implements AutoCloseable {
        @Override
        public void close() {
            try {
                engine.close();
            } finally {
                sessions.close();
            }
        }
    }

    /** A one-line error for the user, with its exit code. */
    static final class CommandFailure extends RuntimeException {
        private final int exitCode;

        CommandFailure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }
}
