package vn.inspection.pipeline.ingest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import vn.inspection.pipeline.ingest.IngestPlan.PlannedFile;
import vn.inspection.pipeline.ingest.IngestSummary.FileSummary;
import vn.inspection.pipeline.ingest.IngestSummary.SheetSummary;
import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.lake.LakeReader;
import vn.inspection.pipeline.lake.LakeSnapshot;
import vn.inspection.pipeline.schema.Enumeration;
import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.system.Printable;
import vn.inspection.pipeline.text.SpreadsheetCsv;
import vn.inspection.pipeline.unit.UnitVersions;

/**
 * Closes a run: joins the plan with what the rows step made of each file into the run's summary, and
 * writes the rejects report a user opens in Excel (CSV, UTF-8 with a byte-order mark): one line per
 * rejected row with file, sheet, row, record type, field, reason and the row's original values, and one
 * line per quarantined file. The original values hold members' names (unless {@code pipeline.rejects.redact}),
 * so the report, like each file's rejects in {@code reports/rejects/}, is readable by its owner only. What the
 * run's units references changed is counted in the summary and listed whole in {@code reports/unit-changes-run-N.csv}.
 */
public final class IngestReport {
    /** Columns of {@code reports/unit-changes-run-N.csv}, every change a run's units references made. */
    static final List<String> UNIT_CHANGE_COLUMNS = List.of("file", "code", "changes", "description", "name", "previous_name", "parent_code",
            "previous_parent_code", "successor_code", "level", "level_recognised", "effective_from");
    /** The list of unit changes holds no member's name: readable by the home's group, like the other summaries (rw-r-----). */
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> UNIT_CHANGES_MODE =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");

    private final Lake lake;
    private final Path reports;
    private final Enumeration levels;
    private final SchemaCatalog catalog;

    /** {@code catalog} gives the unit levels the summary warns are not listed. */
    public IngestReport(Lake lake, Path reports, SchemaCatalog catalog) {
        this.lake = lake;
        this.reports = reports;
        this.levels = catalog.schema(RecordSchema.UNITS).field("level").enumeration();
        this.catalog = catalog;
    }

    /**
     * Moves the rejects an older version kept inside the lake ({@code lake/_rejects/*.csv}, with members' names)
     * into {@code reports/rejects/}, readable by their owner only; creates that folder (owner only) when missing.
     */
    public static void moveRejectsOutOfTheLake(Lake lake, Path reports) throws IOException {
        Path folder = reports.resolve("rejects");
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            try {
                Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
        }
        Path old = lake.root().resolve(Lake.REJECTS_DIR);
        if (!Files.isDirectory(old)) {
            return;
        }
        int moved = 0;
        try (var files = Files.list(old)) {
            for (Path file : files.toList()) {
                Lake.ownerOnly(file);
                Files.move(file, folder.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                moved++;
            }
        }
        Files.delete(old);
        org.slf4j.LoggerFactory.getLogger(IngestReport.class).warn("moved {} rejects file(s) out of the lake into {}: rejected rows hold members' names", moved, folder);
    }

    public IngestSummary summarise(long runId, IngestPlan plan, List<FileResult> results) throws IOException {
        return summarise(runId, plan, results, 0);
    }

    /** @param late rows of earlier files the run let in after the units reference changed */
    public IngestSummary summarise(long runId, IngestPlan plan, List<FileResult> results, long late) throws IOException {
        Map<String, FileResult> byChecksum = new HashMap<>();
        results.forEach(r -> byChecksum.put(r.checksum(), r));
        List<FileSummary> files = new ArrayList<>();
        List<FileResult> inOrder = new ArrayList<>();
        for (PlannedFile planned : plan.files()) {
            FileResult result = switch (planned.status()) {
                case ALREADY_INGESTED -> new FileResult(planned.path(), planned.checksum(), FileResult.Status.ALREADY_INGESTED, planned.reason(), List.of());
                case QUARANTINED -> new FileResult(planned.path(), planned.checksum(), FileResult.Status.QUARANTINED, planned.reason(), List.of());
                case NOT_RECOGNISED -> new FileResult(planned.path(), planned.checksum(), FileResult.Status.NOT_RECOGNISED, planned.reason(), List.of());
                case PENDING -> {
                    FileResult done = byChecksum.get(planned.checksum());
                    if (done == null) {
                        throw new IllegalStateException("the run finished without a result for " + planned.path());
                    }
                    yield done;
                }
            };
            inOrder.add(result);
            files.add(new FileSummary(result.path(), result.status(), result.reason(), result.sheets().stream()
                    .map(s -> new SheetSummary(s.sheet(), s.recordType(), s.rows(), s.accepted(), s.correctedRows(), s.duplicates(), s.outdatedRows(),
                            s.rejected(), s.parkedRows(), s.noise(), s.note()))
                    .toList(), result.withdrawn(), result.notWithdrawn()));
        }
        Path report = writeRejects(runId, inOrder);
        Path corrections = new CorrectionsReport(lake, catalog).write(reports, runId, inOrder);
        long parked = stillParked();
        return new IngestSummary(files, IngestSummary.totalsOf(files), report.toString(), corrections == null ? null : corrections.toString(),
                late == 0 && parked == 0 ? null : new IngestSummary.LateRows(late, parked), unitChanges(runId, inOrder), null);
    }

    /**
     * What the units references the run ingested changed in the units the lake held: counted, with the first codes, in
     * the summary; every change in {@code reports/unit-changes-run-N.csv}. Null when the run brought no unit definition.
     */
    private UnitChanges unitChanges(long runId, List<FileResult> results) throws IOException {
        List<UnitVersions.Version> versions = unitVersions(results);
        if (versions.isEmpty()) {
            return null;
        }
        Path list = writeUnitChanges(runId, versions);
        return UnitChanges.of(versions.stream().map(v -> new UnitChanges.Changed(v.unit().code(), changes(v), v.unit().level(),
                v.source().file())).toList(), level -> !recognisedLevel(level), list.toString());
    }

    /** Rows of every file that still wait for the units reference. */
    private long stillParked() throws IOException {
        Path folder = lake.root().resolve(Lake.PARKED_DIR);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        long n = 0;
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
                try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    n += lines.filter(l -> !l.isBlank()).count();
                }
            }
        }
        return n;
    }

    private boolean recognisedLevel(String level) {
        return level == null || levels.labels().containsKey(level);
    }

    private static List<String> changes(UnitVersions.Version v) {
        return v.changes().stream().sorted().map(Enum::name).toList();
    }

    /** Every change, one line a unit (UTF-8 with a byte-order mark, for Excel), written beside its name and moved into place. */
    private Path writeUnitChanges(long runId, List<UnitVersions.Version> versions) throws IOException {
        Files.createDirectories(reports);
        Path file = reports.resolve("unit-changes-run-" + runId + ".csv");
        Path temp = reports.resolve(".unit-changes-run-" + runId + ".csv.tmp");
        Files.deleteIfExists(temp);
        try {
            Files.createFile(temp, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(UNIT_CHANGES_MODE));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temp); // not a POSIX file system
        }
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                    .setHeader(UNIT_CHANGE_COLUMNS.toArray(String[]::new)).get())) {
                for (UnitVersions.Version v : versions) {
                    IngestSummary.UnitChange change = unitChange(v);
                    printer.printRecord(SpreadsheetCsv.row(java.util.Arrays.asList(change.file(), change.code(), String.join(",", change.changes()),
                            change.describe(), change.name(), change.previousName(), change.parentCode(), change.previousParentCode(),
                            change.successorCode(), v.unit().level(), recognisedLevel(v.unit().level()), change.effectiveFrom())));
                }
            }
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private static IngestSummary.UnitChange unitChange(UnitVersions.Version v) {
        return new IngestSummary.UnitChange(v.source().file(), v.unit().code(), changes(v), v.unit().name(),
                v.previous() == null ? null : v.previous().name(), v.unit().parentCode(), v.previous() == null ? null : v.previous().parentCode(),
                v.unit().successorCode(), v.from());
    }

    /** The unit definitions the units references the run ingested brought to the lake, in the order they were read. */
    private List<UnitVersions.Version> unitVersions(List<FileResult> results) {
        java.util.Set<String> checksums = new java.util.HashSet<>();
        for (FileResult result : results) {
            if (result.status() == FileResult.Status.INGESTED && result.sheets().stream().anyMatch(s -> RecordSchema.UNITS.equals(s.recordType()))) {
                checksums.add(result.checksum());
            }
        }
        if (checksums.isEmpty()) {
            return List.of();
        }
        LakeSnapshot snapshot = lake.snapshot();
        UnitVersions versions = LakeReader.readUnitVersions(lake.dataFiles(snapshot).getOrDefault(RecordSchema.UNITS, List.of()), snapshot);
        return versions.broughtBy(checksums);
    }

    private Path writeRejects(long runId, List<FileResult> results) throws IOException {
        Files.createDirectories(reports);
        Path report = reports.resolve("rejects-run-" + runId + ".csv");
        Path temp = reports.resolve(".rejects-run-" + runId + ".csv.tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp);
        Lake.ownerOnly(temp);
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                    .setHeader(LakeItemWriter.REJECT_COLUMNS.toArray(String[]::new)).get())) {
                for (FileResult result : results) {
                    if (result.status() == FileResult.Status.INGESTED) {
                        Path rejects = lake.rejectsFile(result.checksum());
                        if (rejects != null && Files.exists(rejects)) {
                            try (var lines = Files.newBufferedReader(rejects, StandardCharsets.UTF_8)) {
                                printer.flush();
                                lines.transferTo(writer);
                            }
                        }
                        long rejected = result.sheets().stream().mapToLong(s -> s.rejected()).sum();
                        if (rejected > RunStaging.MAX_REJECTS_KEPT) {
                            printer.printRecord(Path.of(result.path()).getFileName(), "", "", "", "", String.format(java.util.Locale.ROOT,
                                    "and %,d more rejected rows, not kept: the first %,d of the file's %,d are above", rejected - RunStaging.MAX_REJECTS_KEPT,
                                    RunStaging.MAX_REJECTS_KEPT, rejected), "");
                        }
                    } else if (result.status() == FileResult.Status.QUARANTINED) {
                        printer.printRecord(SpreadsheetCsv.row(List.of(Printable.name(result.path()), "", "", "", "", "file quarantined: " + result.reason(), "")));
                    } else if (result.status() == FileResult.Status.NOT_RECOGNISED) {
                        printer.printRecord(SpreadsheetCsv.row(List.of(Printable.name(result.path()), "", "", "", "", "file not recognised: " + result.reason(), "")));
                    }
                }
            }
        }
        Files.move(temp, report, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return report;
    }
}
