package vn.inspection.pipeline.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;

/**
 * The one logging set-up of every command, made before any work (Spring Boot is told to leave logging
 * alone): warnings to standard error as one line each, no stack trace (standard output is the command's
 * result); everything from INFO up, with stack traces, to {@code <home>/logs/pipeline.log}.
 *
 * <p>A command that writes the home creates the log folder; a read command never creates anything and
 * logs to the file only when the folder exists and can be written. When the home cannot be written, the log
 * goes to standard error alone and the command goes on.
 */
public final class Logging {
    /** Tells Spring Boot not to replace this set-up with its own. */
    public static final String SPRING_LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    /**
     * Marks a failure the command has already told the user in its own line: the log file keeps it with its stack
     * trace, standard error does not repeat it.
     */
    public static final org.slf4j.Marker TOLD = new org.slf4j.helpers.BasicMarkerFactory().getMarker("TOLD"); // not MarkerFactory:
    // this class also serves Logback's own initialisation (LoggingDefaults), when SLF4J's factories are not ready

    /** Where warnings go: the command line's error stream (System.err unless the CLI is run with others, as tests do). */
    private static volatile java.io.PrintStream console = System.err;

    private Logging() {
    }

    /** Sends the warnings of the commands that follow to this stream; the CLI calls it with its error stream. */
    public static void useConsole(java.io.PrintStream err) {
        console = err;
    }

    /** Before any command's set-up ({@link LoggingDefaults}): warnings to standard error, one line each. */
    static void defaults(LoggerContext context) {
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr(context));
    }

    /**
     * Warnings to standard error and no log file, for a command whose input must be written to no file ({@code sql}):
     * the set-up of {@link #configure} without its file.
     */
    public static void consoleOnly() {
        console();
    }

    /** Where the log went: the file, or null when only standard error receives it. */
    public static Path configure(PipelineHome home, boolean createFolder) {
        ch.qos.logback.classic.Logger root = console();
        LoggerContext context = root.getLoggerContext();
        Path folder = home.root().resolve("logs");
        if (writableFolder(folder, createFolder)) {
            root.addAppender(file(context, folder));
            return folder.resolve("pipeline.log");
        }
        return null;
    }

    /** A fresh set-up: INFO and up, warnings to standard error; returns the root logger. */
    private static ch.qos.logback.classic.Logger console() {
        System.setProperty(SPRING_LOGGING_SYSTEM, "none");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        context.getLogger("org.apache.parquet").setLevel(Level.WARN);
        context.getLogger("org.apache.hadoop").setLevel(Level.ERROR);
        context.getLogger("org.springframework").setLevel(Level.WARN);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        root.addAppender(stderr(context));
        return root;
    }

    private static boolean writableFolder(Path folder, boolean create) {
        try {
            if (create && !Files.isDirectory(folder)) {
                Files.createDirectories(folder);
            }
        } catch (IOException | SecurityException e) {
            return false;
        }
        return Files.isDirectory(folder) && Files.isWritable(folder)
                && (!Files.exists(folder.resolve("pipeline.log")) || Files.isWritable(folder.resolve("pipeline.log")));
    }

    private static OutputStreamAppender<ILoggingEvent> stderr(LoggerContext context) {
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        java.io.PrintStream target = console;
        appender.setOutputStream(new java.io.FilterOutputStream(target) {
            @Override
            public void write(byte[] b, int off, int len) {
                target.write(b, off, len);
            }

            @Override
            public void close() {
                target.flush(); // the stream belongs to the command line, not to the log
            }
        });
        ThresholdFilter warn = new ThresholdFilter();
        warn.setLevel("WARN");
        warn.start();
        appender.addFilter(warn);
        appender.addFilter(new ch.qos.logback.core.filter.Filter<>() {
            @Override
            public ch.qos.logback.core.spi.FilterReply decide(ILoggingEvent event) {
                // Spring Batch logs a failed step with its exception; the command says why in its own words
                boolean batchFailure = event.getLoggerName().startsWith("org.springframework.batch.");
                // nor does Spring Boot's report of an application that did not start (pages of it): the command says why
                boolean startFailure = event.getLoggerName().equals("org.springframework.boot.SpringApplication")
                        || event.getLoggerName().startsWith("org.springframework.boot.diagnostics.")
                        || event.getLoggerName().startsWith("org.springframework.context.")
                        && String.valueOf(event.getMessage()).startsWith("Exception encountered during context initialization");
                return batchFailure || startFailure || event.getMarkerList() != null && event.getMarkerList().contains(TOLD)
                        ? ch.qos.logback.core.spi.FilterReply.DENY : ch.qos.logback.core.spi.FilterReply.NEUTRAL;
            }
        });
        appender.setEncoder(encoder(context, "%level %logger{0}: %msg%n%nopex"));
        appender.start();
        return appender;
    }

    private static RollingFileAppender<ILoggingEvent> file(LoggerContext context, Path folder) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(folder.resolve("pipeline.log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(folder.resolve("pipeline.%d{yyyy-MM-dd}.%i.log").toString());
        policy.setMaxFileSize(FileSize.valueOf("20MB"));
        policy.setMaxHistory(30);
        policy.start();
        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder(context, "%d{ISO8601} %-5level [%thread] %logger{36}: %msg%n"));
        appender.start();
        return appender;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.setCharset(java.nio.charset.StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }
}
