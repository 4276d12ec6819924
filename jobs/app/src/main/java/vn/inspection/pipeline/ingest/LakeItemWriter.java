package vn.inspection.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.inspection.pipeline.ingest.IngestPlan.PlannedFile;
import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.lake.LakeReader;
import vn.inspection.pipeline.lake.LakeRow;
import vn.inspection.pipeline.lake.LakeSnapshot;
import vn.inspection.pipeline.lake.ManifestEntry;
import vn.inspection.pipeline.lake.ParquetCompactor;
import vn.inspection.pipeline.lake.RecordVersions;
import vn.inspection.pipeline.lake.Withdrawal;
import java.nio.file.Files;
import vn.inspection.pipeline.record.RowKind;
import vn.inspection.pipeline.record.RowOutcome;
import vn.inspection.pipeline.record.SheetLayout;
import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.system.Json;

/**
 * Writes each chunk into the run's staging ({@link RunStaging}) and publishes a source file when its last row is
 * written: deduplicates by natural key against the lake and within the run ({@link RunKeys}), stages accepted
 * records as Parquet parts and rejected rows as CSV parts, counts everything per sheet ({@link FileCounts}), and on a
 * {@link SourceItem.FileDone} compacts the file's parts and publishes it atomically; on a {@link SourceItem.FileFailed}
 * discards it and quarantines the source.
 *
 * <p>Restart-safe: every part is named by the chunk's sequence number, which is committed with the chunk. On open,
 * parts of chunks that never committed are deleted and the keys and units staged by committed chunks are read back,
 * so a restarted run continues exactly where the last commit left it.
 */
public class LakeItemWriter implements ItemStreamWriter<ProcessedRow> {
    private static final Logger log = LoggerFactory.getLogger(LakeItemWriter.class);
    static final String SEQUENCE = "writer.sequence";
    static final String CURRENT = "writer.current";
    public static final String RESULTS = "ingest.results";
    public static final List<String> REJECT_COLUMNS = List.of("file", "sheet", "row", "record_type", "field", "reason", "original_values");

    private final IngestPlan plan;
    private final long runId;
    private final Lake lake;
    private final UnitRegistry units;
    private final Quarantine quarantine;
    private final String codec;
    private final Clock clock;
    private final RunStaging staging;
    private final RunKeys keys = new RunKeys();
    private final SchemaCatalog schemas;
    private final IngestProperties.Resends resends;
    /** Per planned file: whether this run published it already (a restart re-reads it), asked once. */
    private final Map<Integer, Boolean> committedFiles = new HashMap<>();
    /** The source file names, as lineage writes them on every record. */
    private final List<String> fileNames;

    private long sequence;
    private FileCounts current;
    private List<FileResult> results;

    /** @param codec the lake files' compression: {@code zstd}, {@code snappy}, {@code gzip} or {@code uncompressed} */
    public LakeItemWriter(IngestPlan plan, long runId, Lake lake, UnitRegistry units, Quarantine quarantine, String codec, Clock clock,
                          SchemaCatalog schemas, IngestProperties.Resends resends) {
        this.schemas = schemas;
        this.resends = resends;
        this.plan = plan;
        this.runId = runId;
        this.lake = lake;
        this.units = units;
        this.quarantine = quarantine;
        this.codec = codec;
        this.clock = clock;
        this.staging = new RunStaging(lake, runId, plan);
        this.fileNames = plan.files().stream().map(PlannedFile::fileName).toList();
    }

    @Override
    public void open(ExecutionContext context) {
        sequence = context.getLong(SEQUENCE, 0L);
        current = context.containsKey(CURRENT) ? Json.read(context.getString(CURRENT), FileCounts.class) : null;
        late = context.getLong(LATE, 0L);
        results = context.containsKey(RESULTS)
                ? new ArrayList<>(Json.read(context.getString(RESULTS), new TypeReference<List<FileResult>>() { }))
                : new ArrayList<>();
        try {
            staging.dropUncommitted(sequence);
            // the records of files this run replaces (--force, or a repair) are not in the lake for the run's dedup
            Set<String> replaced = plan.replaced();
            LakeSnapshot snapshot = lake.snapshot(replaced); // a damaged entry of a file read again is what the run restores
            LakeSnapshot kept = new LakeSnapshot(snapshot.entries().stream()
                    .filter(e -> !replaced.contains(e.checksum()) || e.runId() == runId).toList(), snapshot.withdrawals());
            Map<String, List<Path>> committed = lake.dataFiles(kept);
            keys.loadLake(lake, kept, schemas);
            LakeReader.readUnits(committed.getOrDefault(RecordSchema.UNITS, List.of())).forEach(units::addCommitted);
            if (current != null && !committed(current.file)) {
                Map<String, List<Path>> staged = new java.util.LinkedHashMap<>();
                for (String type : SchemaCatalog.RECORD_TYPES) {
                    List<Path> parts = staging.parts(current.file, type);
                    if (!parts.isEmpty()) {
                        staged.put(type, parts);
                    }
                }
                keys.loadStaged(current.file, plan.files().get(current.file).checksum(), schemas, staged, staging.held(current.file));
                LakeReader.readUnits(staging.parts(current.file, RecordSchema.UNITS)).forEach(units::addPending);
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot prepare the lake staging area: " + e.getMessage(), e);
        }
        log.info("lake holds {} record keys and {} units; resuming at chunk {}", keys.lakeSize(), units.size(), sequence);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(SEQUENCE, sequence);
        if (current != null) {
            context.putString(CURRENT, Json.write(current));
        } else {
            context.remove(CURRENT);
        }
        context.putString(RESULTS, Json.write(results));
        context.putLong(LATE, late);
    }

    /**
     * The fields of a record type a sheet's rows do not give: no column for them, and no group row or implied value
     * set them. A row of such a sheet that corrects a record keeps the current version's values of those fields:
     * a register with fewer columns says nothing of the others.
     */
    private static List<vn.inspection.pipeline.schema.FieldSpec> unmapped(SheetLayout layout, Map<String, Object> values) {
        List<vn.inspection.pipeline.schema.FieldSpec> unmapped = new ArrayList<>();
        for (vn.inspection.pipeline.schema.FieldSpec field : layout.schema().fields()) {
            if (!layout.maps(field.name()) && (values.get(field.name()) == null || field.type() == vn.inspection.pipeline.schema.FieldType.BOOLEAN)) {
                unmapped.add(field);
            }
        }
        return unmapped;
    }

    /** Current values of records looked up for the rows of sheets with fewer columns (by key), for this chunk. */
    private final Map<String, Map<String, Object>> currentValues = new HashMap<>();
    private final Set<String> lookedUp = new java.util.HashSet<>();

    /**
     * A row's values with the fields its sheet does not give taken from the record's current version, when the row is
     * of such a sheet and the lake holds the record with other content; the row's own values otherwise.
     */
    private Map<String, Object> completed(SourceItem.Row row, RowOutcome.Accepted accepted, Map<String, List<String>> wanted) throws IOException {
        RecordSchema schema = row.layout().schema();
        if (schema.isUnits()) {
            return accepted.values();
        }
        List<vn.inspection.pipeline.schema.FieldSpec> unmapped = unmapped(row.layout(), accepted.values());
        if (unmapped.isEmpty()) {
            return accepted.values();
        }
        if (!needsCurrent(schema, unmapped, accepted)) {
            return accepted.values();
        }
        Map<String, Object> found = currentValues.get(accepted.recordKey());
        if (found == null && lookedUp.add(accepted.recordKey())) {
            List<String> batch = new ArrayList<>(wanted.getOrDefault(schema.recordType(), List.of()));
            batch.add(accepted.recordKey());
            lookedUp.addAll(batch);
            lookUp(schema, batch);
            found = currentValues.get(accepted.recordKey());
        }
        if (found == null) {
            return accepted.values();
        }
        Map<String, Object> merged = new java.util.LinkedHashMap<>(accepted.values());
        for (vn.inspection.pipeline.schema.FieldSpec field : unmapped) {
            Object value = found.get(field.name());
            if (value == null) {
                merged.remove(field.name());
            } else {
                merged.put(field.name(), value);
            }
        }
        return merged;
    }

    /**
     * Whether a row of a sheet lacking the fields {@code unmapped} needs the current version's values of them: only when
     * the lake holds the record with other content, and its current version holds something in one of those fields.
     */
    private boolean needsCurrent(RecordSchema schema, List<vn.inspection.pipeline.schema.FieldSpec> unmapped, RowOutcome.Accepted accepted) {
        java.util.OptionalLong current = keys.current(accepted.recordKey());
        if (current.isEmpty() || current.getAsLong() == 0 || current.getAsLong() == RecordVersions.versionOf(schema, accepted.values())) {
            return false;
        }
        int mask = keys.currentMask(accepted.recordKey());
        int lacking = 0;
        for (vn.inspection.pipeline.schema.FieldSpec field : unmapped) {
            lacking |= 1 << Math.min(schema.fields().indexOf(field), 31);
        }
        return (mask & lacking) != 0;
    }

    /** Reads the current versions' values of some records from the committed lake into {@link #currentValues}. */
    private void lookUp(RecordSchema schema, List<String> recordKeys) throws IOException {
        Set<String> replaced = plan.replaced();
        LakeSnapshot snapshot = lake.snapshot(replaced);
        Map<Path, java.time.Instant> parts = new java.util.LinkedHashMap<>();
        for (ManifestEntry entry : snapshot.entries()) {
            if (replaced.contains(entry.checksum()) && entry.runId() != runId) {
                continue;
            }
            for (ManifestEntry.DataFile data : entry.dataFiles()) {
                if (data.recordType().equals(schema.recordType())) {
                    parts.put(lake.resolve(data.path()), entry.committedAt(data));
                }
            }
        }
        for (Map<String, Object> values : LakeReader.readValues(schema, parts, recordKeys)) {
            String key = (String) values.remove("record_key");
            java.util.OptionalLong current = keys.current(key);
            if (current.isPresent() && current.getAsLong() == RecordVersions.versionOf(schema, values)) {
                currentValues.put(key, values);
            }
        }
    }

    /** The keys of a chunk's rows that may need their current values ({@link #completed}), per record type, to look up at once. */
    private Map<String, List<String>> wanted(Chunk<? extends ProcessedRow> chunk) {
        Map<String, List<String>> wanted = new HashMap<>();
        for (ProcessedRow item : chunk) {
            if (item.source() instanceof SourceItem.Row row && item.outcome() instanceof RowOutcome.Accepted accepted
                    && !row.layout().schema().isUnits()) {
                List<vn.inspection.pipeline.schema.FieldSpec> unmapped = unmapped(row.layout(), accepted.values());
                if (!unmapped.isEmpty() && needsCurrent(row.layout().schema(), unmapped, accepted)) {
                    wanted.computeIfAbsent(row.layout().schema().recordType(), t -> new ArrayList<>()).add(accepted.recordKey());
                }
            }
        }
        return wanted;
    }

    @Override
    public void write(Chunk<? extends ProcessedRow> chunk) throws Exception {
        currentValues.clear();
        lookedUp.clear();
        Map<String, List<String>> wanted = wanted(chunk);
        try (RunStaging.Chunk parts = staging.chunk(sequence++)) {
            for (ProcessedRow item : chunk) {
                SourceItem source = item.source();
                if (committed(source.file())) {
                    // published before a crash, then re-read on restart: nothing more to write
                    if (source instanceof SourceItem.FileDone || source instanceof SourceItem.FileFailed) {
                        alreadyPublished(source.file());
                    }
                    continue;
                }
                if (source instanceof SourceItem.SheetSeen seen) {
                    counts(seen.file()).sheetSeen(seen);
                } else if (source instanceof SourceItem.Row row) {
                    long[] counts = counts(row.file()).sheet(row.sheet());
                    if (item.outcome() instanceof RowOutcome.Accepted accepted) {
                        String checksum = plan.files().get(row.file()).checksum();
                        RecordSchema schema = row.layout().schema();
                        Map<String, Object> values = completed(row, accepted, wanted);
                        RecordVersions.Outcome outcome = keys.offer(row.file(), checksum, schema, values, accepted.recordKey(),
                                accepted.periodDate());
                        parts.hold(row.file(), accepted.recordKey(), keys.typeIndex(schema.recordType()),
                                accepted.periodDate() == null ? RecordVersions.NO_DATE : (int) accepted.periodDate().toEpochDay());
                        switch (outcome) {
                            case NEW, RESTORED, CORRECTED -> {
                                parts.write(row.file(), schema, accepted.periodDate(), new LakeRow(values,
                                        accepted.recordKey(), fileNames.get(row.file()), checksum, row.sheet(), row.rowNumber()));
                                counts[outcome == RecordVersions.Outcome.CORRECTED ? FileCounts.CORRECTED : FileCounts.ACCEPTED]++;
                            }
                            case DUPLICATE, REPEATED -> counts[FileCounts.DUPLICATES]++;
                            case OUTDATED -> counts[FileCounts.OUTDATED]++;
                        }
                    } else if (item.outcome() instanceof RowOutcome.Parked parked) {
                        parts.reject(row.file(), rejectRecord(row, parked.asRejected()));
                        parts.park(row.file(), ParkedRows.Row.of(row.sheet(), row.rowNumber(), row.layout().schema().recordType(), parked));
                        counts[FileCounts.PARKED]++;
                    } else if (item.outcome() instanceof RowOutcome.Rejected rejected) {
                        parts.reject(row.file(), rejectRecord(row, rejected));
                        counts[FileCounts.REJECTED]++;
                    } else if (item.outcome() instanceof RowOutcome.Grouped) {
                        counts(row.file()).noise(row.sheet(), RowKind.GROUP_HEADING);
                    }
                } else if (source instanceof SourceItem.SheetDone done) {
                    checkAccounting(fileNames.get(done.file()), counts(done.file()).sheetDone(done));
                } else if (source instanceof SourceItem.FileDone done) {
                    parts.closeFile(done.file());
                    publish(done.file());
                } else if (source instanceof SourceItem.FileFailed failed) {
                    parts.closeFile(failed.file());
                    quarantine(failed);
                }
            }
        }
    }

    /**
     * Every row of a sheet is a record (accepted, duplicate, rejected) or noise of a kind: a sheet whose rows do
     * not add up lost rows somewhere in the reader, a defect. It is logged, and said in the sheet's note; with
     * the system property {@value #STRICT_ACCOUNTING} (the test suite sets it) it fails the run.
     */
    private static void checkAccounting(String file, ManifestEntry.SheetCounts sheet) {
        if (sheet.addsUp()) {
            return;
        }
        String message = "rows of " + file + ", sheet '" + sheet.sheet() + "' do not add up: " + sheet.rows() + " rows, "
                + sheet.accepted() + " accepted + " + sheet.duplicates() + " duplicates + " + sheet.rejected() + " rejected + "
                + sheet.noiseRows() + " other rows " + sheet.noise();
        if (Boolean.getBoolean(STRICT_ACCOUNTING)) {
            throw new IllegalStateException(message);
        }
        log.error("{} (a defect of the reader: please report it with the file)", message);
    }

    /** The system property that makes rows that do not add up fail the run instead of being logged. */
    public static final String STRICT_ACCOUNTING = "pipeline.accounting.strict";

    private boolean committed(int file) {
        Boolean known = committedFiles.get(file);
        if (known == null) {
            try {
                known = lake.manifestEntry(plan.files().get(file).checksum()).filter(e -> e.runId() == runId).isPresent();
            } catch (vn.inspection.pipeline.lake.ManifestDamagedException e) {
                known = false; // a damaged entry is not this run's commit: the run writes it anew
            }
            committedFiles.put(file, known);
        }
        return known;
    }

    private FileCounts counts(int file) {
        if (current == null || current.file != file) {
            current = new FileCounts(file);
        }
        return current;
    }

    private List<String> rejectRecord(SourceItem.Row row, RowOutcome.Rejected rejected) {
        return List.of(fileNames.get(row.file()), row.sheet(), Integer.toString(row.rowNumber()), row.layout().schema().recordType(),
                rejected.field(), rejected.reason(), originalValues(row.layout(), row.cells()));
    }

    static String originalValues(SheetLayout layout, List<String> cells) {
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            String value = cells.get(c) == null ? "" : cells.get(c).strip();
            if (value.isEmpty()) {
                continue;
            }
            String header = c < layout.headers().size() && !layout.headers().get(c).isBlank() ? layout.headers().get(c).strip() : "Cột " + (c + 1);
            parts.add(header + ": " + value);
        }
        return String.join(" | ", parts);
    }

    private void publish(int file) throws IOException {
        PlannedFile planned = plan.files().get(file);
        FileCounts counts = current != null && current.file == file ? current : new FileCounts(file);
        List<String> dataFiles;
        try (ParquetCompactor compactor = new ParquetCompactor(codec)) {
            dataFiles = staging.compact(file, compactor);
        }
        java.time.Instant at = lake.nextCommitInstant(clock.instant());
        List<RecordVersions.Withdrawn> lacking = keys.resent(planned.checksum(), resends.threshold(), resends.withdraw());
        Withdrawal withdrawal = lacking.isEmpty() ? null : new Withdrawal(at, resends.withdraw() ? Withdrawal.RESENT : Withdrawal.REPORTED,
                planned.checksum(), planned.fileName(), null, null, runId, lacking.stream().map(w -> new Withdrawal.Record(w.recordType(),
                w.recordKey(), w.ownerChecksum(), w.date() == RecordVersions.NO_DATE ? null : java.time.LocalDate.ofEpochDay(w.date()))).toList());
        ManifestEntry draft = new ManifestEntry(planned.checksum(), planned.fileName(), planned.path(), planned.size(),
                at, runId, counts.sheets(), List.of(), null);
        lake.publish(runId, draft, dataFiles, staging.rejects(file), withdrawal, staging.heldFile(file), staging.parkedFile(file));
        committedFiles.put(file, true);
        keys.filePublished(planned.checksum());
        results.add(new FileResult(planned.path(), planned.checksum(), FileResult.Status.INGESTED, planned.reason(),
                counts.sheets(), resends.withdraw() ? lacking.size() : 0, resends.withdraw() ? 0 : lacking.size()));
        current = null;
        log.info("published {}: {}", vn.inspection.pipeline.system.Printable.text(planned.fileName()), counts.sheets());
        if (counts.sheets().stream().anyMatch(s -> RecordSchema.UNITS.equals(s.recordType()) && s.accepted() > 0)) {
            adoptParked();
        }
    }

    /** Rows of earlier files let in after the units reference changed, this run (the summary says how many). */
    public static final String LATE = "ingest.late";
    private long late;

    /**
     * Lets in the rows that waited for the units reference and whose units it now names, each with its original file,
     * sheet and row, as new parts of its file's entry (committed now); the others keep waiting. Runs after every
     * published units reference (and again when a restart finds one published just before a crash: the rows it let
     * in are no longer parked, so nothing is let in twice).
     */
    private void adoptParked() throws IOException {
        LakeSnapshot snapshot = lake.snapshot();
        for (ManifestEntry entry : snapshot.entries()) {
            Path parkedFile = lake.parked(entry.checksum());
            if (!Files.exists(parkedFile)) {
                continue;
            }
            List<ParkedRows.Row> rows = ParkedRows.read(parkedFile);
            List<ParkedRows.Row> still = new ArrayList<>();
            Path adoptStaging = lake.root().resolve(Lake.STAGING_DIR).resolve("run-" + runId).resolve("adopt-" + entry.checksum());
            Lake.deleteTree(adoptStaging);
            Map<String, vn.inspection.pipeline.lake.ParquetPartWriter> writers = new java.util.TreeMap<>();
            Map<String, long[]> bySheet = new java.util.LinkedHashMap<>(); // sheet -> {let in, accepted, corrected, duplicates}
            keys.start(-2);
            try {
                for (ParkedRows.Row parked : rows) {
                    RecordSchema schema = schemas.schema(parked.recordType());
                    java.util.Optional<RowOutcome.Accepted> accepted = vn.inspection.pipeline.record.RecordNormaliser.adopt(schema,
                            parked.outcome(schemas), units);
                    if (accepted.isEmpty()) {
                        still.add(parked);
                        continue;
                    }
                    RowOutcome.Accepted record = accepted.get();
                    long[] c = bySheet.computeIfAbsent(parked.sheet(), x -> new long[4]);
                    c[0]++;
                    RecordVersions.Outcome outcome = keys.offer(-2, entry.checksum(), schema, record.values(), record.recordKey(), record.periodDate());
                    switch (outcome) {
                        case NEW, RESTORED, CORRECTED -> {
                            String folder = schema.recordType() + (record.periodDate() == null ? "" : "/year=" + record.periodDate().getYear());
                            vn.inspection.pipeline.lake.ParquetPartWriter writer = writers.get(folder);
                            if (writer == null) {
                                Path part = adoptStaging.resolve(folder).resolve("part-0.parquet");
                                Files.createDirectories(part.getParent());
                                writer = new vn.inspection.pipeline.lake.ParquetPartWriter(part, schema,
                                        org.apache.parquet.hadoop.metadata.CompressionCodecName.valueOf(codec));
                                writers.put(folder, writer);
                            }
                            writer.write(new LakeRow(record.values(), record.recordKey(), entry.fileName(), entry.checksum(), parked.sheet(), parked.row()));
                            c[outcome == RecordVersions.Outcome.CORRECTED ? 2 : 1]++;
                        }
                        default -> c[3]++;
                    }
                }
            } finally {
                for (vn.inspection.pipeline.lake.ParquetPartWriter writer : writers.values()) {
                    writer.close();
                }
            }
            long letIn = rows.size() - still.size();
            if (letIn == 0) {
                keys.fileDropped();
                continue;
            }
            Path stillFile = null;
            if (!still.isEmpty()) {
                stillFile = adoptStaging.resolve("parked.jsonl");
                ParkedRows.write(stillFile, still);
            }
            List<ManifestEntry.SheetCounts> sheets = entry.sheets().stream().map(sheet -> {
                long[] c = bySheet.get(sheet.sheet());
                return c == null ? sheet : sheet.adopted(c[0], c[1], c[2], c[3]);
            }).toList();
            List<String> staged = writers.keySet().stream().map(folder -> folder + "/part-0.parquet").toList();
            lake.adopt(runId, entry, adoptStaging, staged, stillFile, sheets, lake.nextCommitInstant(clock.instant()));
            keys.filePublished(entry.checksum());
            late += letIn;
            log.info("let in {} rows of {} parked for the units reference ({} still wait)", letIn,
                    vn.inspection.pipeline.system.Printable.text(entry.fileName()), still.size());
        }
    }

    /** A file published by this run just before a crash: its result comes from the manifest. */
    private void alreadyPublished(int file) throws IOException {
        PlannedFile planned = plan.files().get(file);
        if (results.stream().anyMatch(r -> r.checksum().equals(planned.checksum()))) {
            return;
        }
        ManifestEntry entry = lake.manifestEntry(planned.checksum()).orElseThrow();
        staging.discard(file);
        results.add(new FileResult(planned.path(), planned.checksum(), FileResult.Status.INGESTED, null, entry.sheets()));
        if (current != null && current.file == file) {
            current = null;
        }
        keys.fileDropped();
        if (entry.sheets().stream().anyMatch(s -> RecordSchema.UNITS.equals(s.recordType()) && s.accepted() > 0)) {
            adoptParked(); // a crash may have come between the units reference's commit and letting the parked rows in
        }
    }

    private void quarantine(SourceItem.FileFailed failed) throws IOException {
        PlannedFile planned = plan.files().get(failed.file());
        staging.discard(failed.file());
        keys.fileDropped();
        quarantine.quarantine(Path.of(planned.path()), planned.checksum(), failed.reason());
        results.add(new FileResult(planned.path(), planned.checksum(), FileResult.Status.QUARANTINED, failed.reason(), List.of()));
        current = null;
        log.warn("quarantined {}: {}", vn.inspection.pipeline.system.Printable.text(planned.fileName()), failed.reason());
    }

    @Override
    public void close() {
    }
}
