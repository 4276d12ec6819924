package vn.inspection.pipeline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.inspection.pipeline.lake.LakeVerifier;
import vn.inspection.pipeline.lake.ManifestEntry;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.system.Json;

/**
 * {@code pipeline verify [--format table|json]}: checks every committed Parquet file of the lake against the
 * manifest (exists, size, SHA-256, row count from its footer), like {@code git fsck}. A read command: no Spring, no
 * lock, writes nothing. Exit 0 when every file is as committed, 1 when one is missing or damaged, naming the file,
 * the source file its records came from, and the command that restores it.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check every lake file against the manifest (exists, size, SHA-256, row count), like git fsck. "
                + "Exit 1 names each damaged file, its source file and how to restore it.")
class VerifyCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(VerifyCommand.class);

    enum Format { table, json }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(java.time.ZoneId.systemDefault());

    @ParentCommand
    PipelineCli parent;

    @Option(names = "--format", defaultValue = "table", description = "table (default) or json")
    Format format;

    @Override
    public Integer call() {
        LakeVerifier.Report report;
        Path lakeRoot;
        java.util.Optional<String> keyProblem;
        try {
            ReadContext context = ReadContext.withHome(parent.home);
            lakeRoot = context.lake().root();
            report = new LakeVerifier(context.lake()).verify();
            // the key the next ingest would use must be the one the lake's pseudonyms were made with
            keyProblem = vn.inspection.pipeline.system.PseudonymKey.problem(context.settings(), context.home());
        } catch (CommandException e) {
            parent.err.println("pipeline verify: " + e.getMessage());
            return e.exitCode();
        } catch (Exception e) {
            log.error(vn.inspection.pipeline.system.Logging.TOLD, "verify failed", e);
            parent.err.println("pipeline verify: " + Errors.describe(e));
            return PipelineCli.FAILED;
        }
        if (format == Format.json) {
            parent.out.println(Json.write(json(lakeRoot, report)));
        } else {
            table(lakeRoot, report);
        }
        if (!report.ok()) {
            log.info("verify: {} lake file(s) missing or damaged in {}", report.problems().size(), lakeRoot);
        }
        keyProblem.ifPresent(problem -> parent.err.println("pipeline verify: " + problem));
        return report.ok() && keyProblem.isEmpty() ? PipelineCli.OK : PipelineCli.FAILED;
    }

    /** The command that restores a damaged entry: re-ingest its source file. */
    static String restore(ManifestEntry entry) {
        String path = entry.sourcePath() != null && Files.exists(Path.of(entry.sourcePath())) ? entry.sourcePath() : null;
        return path != null ? "pipeline ingest --force '" + path.replace("'", "'\\''") + "'"
                : "pipeline ingest --force <path of " + entry.fileName() + ">  (it is no longer at " + entry.sourcePath() + ")";
    }

    private void table(Path lakeRoot, LakeVerifier.Report report) {
        var out = parent.out;
        out.println("Lake " + lakeRoot + ": " + report.sources() + " source files, " + report.parts() + " Parquet files");
        for (LakeVerifier.Problem problem : report.problems()) {
            out.println((problem.kind() == LakeVerifier.Kind.MISSING ? "MISSING  " : "DAMAGED  ") + problem.file().path() + ": " + problem.detail());
            out.println("         records of " + problem.entry().fileName() + " (ingested " + WHEN.format(problem.entry().ingestedAt()) + ", run " + problem.entry().runId() + ")");
        }
        for (vn.inspection.pipeline.lake.LakeManifest.Damaged entry : report.damagedEntries()) {
            out.println("DAMAGED  " + lakeRoot.relativize(entry.file()) + ": a manifest entry that cannot be read: " + entry.problem()
                    + (entry.fileName() != null ? " (the entry of " + entry.fileName() + ")" : ""));
            out.println("         restore it with " + entry.restore());
        }
        for (LakeVerifier.Unclaimed part : report.unclaimed()) {
            out.println("UNCLAIMED " + part.path() + ": no manifest entry claims it, so its records are in no figure");
            out.println("         " + part.restore());
        }
        for (String extra : report.unexpectedFiles()) {
            out.println("EXTRA    " + extra + ": not in the manifest, so no reader uses it (left by an interrupted publish, or put there by hand)");
        }
        if (report.ok()) {
            out.println("OK: every file is as committed (" + report.partsFullyChecked() + " checked for size, SHA-256 and rows"
                    + (report.partsExistenceOnly() > 0 ? "; " + report.partsExistenceOnly()
                    + " committed before sizes and checksums were recorded, checked for existence and a readable footer only" : "") + ")");
            return;
        }
        if (!report.damagedEntries().isEmpty() || !report.unclaimed().isEmpty()) {
            out.println("The manifest does not account for the lake: " + report.damagedEntries().size() + " damaged manifest "
                    + (report.damagedEntries().size() == 1 ? "entry" : "entries") + ", " + report.unclaimed().size() + " Parquet "
                    + (report.unclaimed().size() == 1 ? "file" : "files") + " no entry claims; 'pipeline refresh' refuses to build from it until each is restored as said above.");
        }
        if (report.problems().isEmpty()) {
            return;
        }
        List<ManifestEntry> damaged = report.damagedSources();
        out.println(report.problems().size() + (report.problems().size() == 1 ? " file is" : " files are") + " missing or damaged, from "
                + damaged.size() + (damaged.size() == 1 ? " source file" : " source files") + ". Restore each by re-ingesting its source file:");
        damaged.forEach(entry -> out.println("  " + restore(entry)));
        if (report.partsExistenceOnly() > 0) {
            out.println(report.partsExistenceOnly() + " files committed before sizes and checksums were recorded were checked for existence "
                    + "and a readable footer only.");
        }
    }

    private static Map<String, Object> json(Path lakeRoot, LakeVerifier.Report report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("lake", lakeRoot.toString());
        json.put("ok", report.ok());
        json.put("sources", report.sources());
        json.put("parts", report.parts());
        json.put("checked_fully", report.partsFullyChecked());
        json.put("checked_for_existence_only", report.partsExistenceOnly());
        List<Map<String, Object>> problems = new ArrayList<>();
        for (LakeVerifier.Problem problem : report.problems()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("part", problem.file().path());
            item.put("problem", problem.what());
            item.put("detail", problem.detail());
            item.put("source_file", problem.entry().fileName());
            item.put("source_path", problem.entry().sourcePath());
            item.put("source_checksum", problem.entry().checksum());
            item.put("restore", restore(problem.entry()));
            problems.add(item);
        }
        json.put("problems", problems);
        json.put("unexpected_files", report.unexpectedFiles());
        json.put("damaged_manifest_entries", report.damagedEntries().stream().map(d -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("file", lakeRoot.relativize(d.file()).toString());
            item.put("problem", d.problem());
            item.put("source_file", d.fileName());
            item.put("source_path", d.sourcePath());
            item.put("source_checksum", d.checksum());
            item.put("restore", d.restore());
            return item;
        }).toList());
        json.put("unclaimed_parts", report.unclaimed().stream().map(u -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("part", u.path());
            item.put("source_file", u.sourceFile());
            item.put("source_checksum", u.sourceChecksum());
            item.put("restore", u.restore());
            return item;
        }).toList());
        return json;
    }
}
