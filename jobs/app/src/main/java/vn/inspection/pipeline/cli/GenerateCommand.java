package vn.inspection.pipeline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.inspection.pipeline.generate.RegisterFileWriter;
import vn.inspection.pipeline.generate.RegisterGenerator;
import vn.inspection.pipeline.system.Errors;

/** {@code pipeline generate --rows N --format xlsx|csv --out DIR [--seed S]}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write large, realistic, deterministic registers (a units reference and one file per record type) "
                + "for tests and benchmarks. Generated files are not sample data: never commit them.")
class GenerateCommand implements Callable<Integer> {

    @ParentCommand
    PipelineCli parent;

    @Option(names = "--rows", required = true, description = "Register rows in all (split across the record types)")
    long rows;

    @Option(names = "--format", defaultValue = "csv", description = "csv (default) or xlsx")
    RegisterFileWriter.Format format;

    @Option(names = "--out", required = true, description = "Folder to write into")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Seed: the same seed gives the same rows (default 1)")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (rows < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rows must be a positive number of register rows (got " + rows + ")");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out must be a folder; " + out + " is a file");
        }
        try {
            List<Path> files = new RegisterFileWriter(new RegisterGenerator(seed)).write(out, rows, format);
            files.forEach(f -> parent.out.println(f));
            return PipelineCli.OK;
        } catch (IOException e) {
            parent.err.println("pipeline generate: cannot write the registers into " + out + ": " + Errors.describe(e));
            return PipelineCli.FAILED;
        }
    }
}
