package vn.inspection.pipeline.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.inspection.pipeline.cli.PipelineCli;

/** Runs the pipeline command line in this JVM, capturing its output, as a user would run it. */
public final class Cli {
    /** The pseudonym key every test uses (configuration, as in production, not code). */
    public static final String TEST_KEY = "test-pseudonym-key-0123456789abcdef";

    static {
        System.setProperty("pipeline.pseudonym-key", TEST_KEY);
    }

    private Cli() {
    }

    public record Result(int exitCode, String out, String err) {
        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (Exception e) {
                throw new AssertionError("stdout is not one JSON document: " + out + "\nstderr: " + err, e);
            }
        }
    }

    public static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PipelineCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
