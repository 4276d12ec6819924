package vn.inspection.pipeline.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.lake.LakeRekey;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.system.HomeLock;
import vn.inspection.pipeline.system.Json;
import vn.inspection.pipeline.system.Logging;
import vn.inspection.pipeline.system.PipelineHome;

/**
 * {@code pipeline rekey [--dry-run] [--format table|json]}: recomputes the natural-key hash of every record
 * in the lake with the keys the schemas declare now ({@link LakeRekey}), rewrites the files whose keys
 * changed, refreshes the warehouse, and says which duplicates the new keys reveal and which source files
 * may hold records the old keys hid. Takes the home's lock like every write command. Exit codes: 0 done,
 * 3 done but some source files must be ingested again to count every record, 1 failed.
 */
@Command(name = "rekey", mixinStandardHelpOptions = true,
        description = "Recompute every record's natural key in the lake after the keys in schemas/ changed "
                + "(e.g. the year joined the key of inspections and disciplines); rewrite what changed, refresh the warehouse.")
class RekeyCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RekeyCommand.class);

    enum Format { table, json }

    @ParentCommand
    PipelineCli parent;

    @Option(names = "--dry-run", description = "Say what would change; write nothing")
    boolean dryRun;

    @Option(names = "--format", defaultValue = "table", description = "table (default) or json: exactly one JSON document")
    Format format;

    @Override
    public Integer call() {
        PipelineHome home = PipelineHome.resolve(parent.home);
        if (!Files.isDirectory(home.lake())) {
            parent.err.println("pipeline rekey: no lake at " + home.lake() + ": nothing to rekey (give --home the folder that holds it)");
            return PipelineCli.FAILED;
        }
        Logging.configure(home, true);
        try (HomeLock lock = lock(home)) {
            ReadContext context = ReadContext.catalogsOnly(parent.home);
            String codec = context.settings().get("lake.compression-codec").orElse("zstd");
            Clock clock = Clock.systemUTC();
            LakeRekey.Result result = new LakeRekey(context.lake(), context.schemas(),
                    CompressionCodecName.valueOf(codec.toUpperCase(Locale.ROOT)), clock).run(dryRun);
            if (result.changed() && !dryRun) {
                context.warehouse().rebuild(); // in full: rekey rewrites files in place, under the same entry and run
            }
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("dry_run", dryRun);
            document.put("records", result.records());
            document.put("keys_changed", result.keysChanged());
            document.put("rewritten", result.rewritten());
            document.put("revealed_duplicates", result.revealed());
            document.put("maybe_hidden", result.maybeHidden());
            document.put("note", note(result));
            if (!dryRun && result.changed()) {
                Path report = home.reports().resolve("rekey-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .format(clock.instant().atOffset(ZoneOffset.UTC)) + ".json");
                Lake.writeAtomically(report, Json.write(document).getBytes(StandardCharsets.UTF_8));
                document.put("report", report.toString());
            }
            if (format == Format.json) {
                parent.out.println(Json.write(document));
            } else {
                print(result);
                if (document.containsKey("report")) {
                    parent.out.println("Report: " + document.get("report"));
                }
            }
            return result.maybeHidden().isEmpty() ? PipelineCli.OK : PipelineCli.PARTIAL;
        } catch (HomeLock.Busy e) {
            parent.err.println("pipeline rekey: " + e.getMessage());
            return PipelineCli.BUSY;
        } catch (Exception e) {
            log.error(Logging.TOLD, "rekey failed", e);
            parent.err.println("pipeline rekey: " + Errors.describe(e));
            return PipelineCli.FAILED;
        }
    }

    /**
     * The home's lock; for a dry run on a home this user cannot write, none: a dry run writes nothing, and no run of this
     * user can write the home either (as {@code history} reads it).
     */
    private HomeLock lock(PipelineHome home) throws java.io.IOException {
        try {
            return HomeLock.acquire(home);
        } catch (java.nio.file.AccessDeniedException | java.nio.file.ReadOnlyFileSystemException e) {
            if (!dryRun) {
                throw e;
            }
            log.debug("dry run without the home's lock: {}", e.getMessage());
            return null;
        } catch (java.nio.file.FileSystemException e) {
            if (!dryRun || !String.valueOf(e.getReason()).toLowerCase(Locale.ROOT).contains("read-only")) {
                throw e;
            }
            log.debug("dry run without the home's lock: {}", e.getMessage());
            return null;
        }
    }

    private String note(LakeRekey.Result result) {
        if (!result.changed()) {
            return "every key in the lake is the one the schemas declare: nothing to rewrite";
        }
        if (result.maybeHidden().isEmpty()) {
            return null;
        }
        return "the ingest skipped rows of these sheets as duplicates under the old keys; those rows were never written to the lake, "
                + "and some may be records the new keys tell apart (next year's decision under the same number): ingest their source files "
                + "again to count them";
    }

    private void print(LakeRekey.Result result) {
        String verb = dryRun ? "would rewrite" : "rewrote";
        if (!result.changed()) {
            parent.out.printf("Checked %,d records: every key is current; nothing to rewrite.%n", result.records());
            return;
        }
        parent.out.printf("Checked %,d records: %s %d lake file%s; keys changed: %s.%n", result.records(), verb, result.rewritten().size(),
                result.rewritten().size() == 1 ? "" : "s", result.keysChanged().entrySet().stream()
                        .map(e -> e.getKey() + " " + String.format("%,d", e.getValue())).collect(Collectors.joining(", ")));
        if (result.revealed().isEmpty()) {
            parent.out.println("Duplicates the new keys reveal: none.");
        } else {
            parent.out.printf("Duplicates the new keys reveal (%d; the first copy is kept, the later ones %s): %n", result.revealed().size(),
                    dryRun ? "would be dropped" : "were dropped and counted as duplicates");
            result.revealed().stream().limit(20).forEach(r -> parent.out.printf("  %-11s %s, sheet '%s', row %d = %s, sheet '%s', row %d%n",
                    r.recordType(), r.sourceFile(), r.sheet(), r.row(), r.sameAsFile(), r.sameAsSheet(), r.sameAsRow()));
        }
        List<LakeRekey.MaybeHidden> hidden = result.maybeHidden();
        if (hidden.isEmpty()) {
            parent.out.println("Rows the old keys may have hidden: none (no sheet of a re-keyed type had duplicates).");
        } else {
            parent.out.println("Rows the old keys may have hidden: the ingest skipped these as duplicates, so they are not in the lake;");
            parent.out.println("some may be records the new keys tell apart. Ingest these source files again to count them:");
            hidden.forEach(h -> parent.out.printf("  %-11s %s, sheet '%s': %,d row%s skipped (%s)%n", h.recordType(), h.sourceFile(), h.sheet(),
                    h.skipped(), h.skipped() == 1 ? "" : "s", h.sourcePath()));
        }
    }
}
