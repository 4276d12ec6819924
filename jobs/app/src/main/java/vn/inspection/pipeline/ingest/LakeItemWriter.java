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
    /** Per planned file: whether this run published it already (a restart re-reads it), asked once. */
    private final Map<Integer, Boolean> committedFiles = new HashMap<>();
    /** The source file names, as lineage writes them on every record. */
    private final List<String> fileNames;

    private long sequence;
    private FileCounts current;
    private List<FileResult> results;

    /** @param codec the lake files' compression: {@code zstd}, {@code snappy}, {@code gzip} or {@code uncompressed} */
    public LakeItemWriter(IngestPlan plan, long runId, Lake lake, UnitRegistry units, Quarantine quarantine, String codec, Clock clock) {
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
        results = context.containsKey(RESULTS)
                ? new ArrayList<>(Json.read(context.getString(RESULTS), new TypeReference<List<FileResult>>() { }))
                : new ArrayList<>();
        try {
            staging.dropUncommitted(sequence);
            // the records of files this run replaces (--force, or a repair) are not in the lake for the run's dedup
            Set<String> replaced = plan.replaced();
            LakeSnapshot snapshot = lake.snapshot(replaced); // a damaged entry of a file read again is what the run restores
            Map<String, List<Path>> committed = lake.dataFiles(new LakeSnapshot(snapshot.entries().stream()
                    .filter(e -> !replaced.contains(e.checksum()) || e.runId() == runId).toList()));
            List<Path> recordFiles = new ArrayList<>();
            for (String type : SchemaCatalog.RECORD_TYPES) {
                recordFiles.addAll(committed.getOrDefault(type, List.of()));
            }
            keys.loadLake(recordFiles);
            LakeReader.readUnits(committed.getOrDefault(RecordSchema.UNITS, List.of())).forEach(units::addCommitted);
            if (current != null && !committed(current.file)) {
                keys.loadStaged(staging.parts(current.file, null));
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
    }

    @Override
    public void write(Chunk<? extends ProcessedRow> chunk) throws Exception {
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
                        if (keys.accept(accepted.recordKey())) {
                            parts.write(row.file(), row.layout().schema(), accepted.periodDate(), new LakeRow(accepted.values(),
                                    accepted.recordKey(), fileNames.get(row.file()), plan.files().get(row.file()).checksum(), row.sheet(),
                                    row.rowNumber()));
                            counts[FileCounts.ACCEPTED]++;
                        } else {
                            counts[FileCounts.DUPLICATES]++;
                        }
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
        ManifestEntry draft = new ManifestEntry(planned.checksum(), planned.fileName(), planned.path(), planned.size(),
                clock.instant(), runId, counts.sheets(), List.of(), null);
        lake.publish(runId, draft, dataFiles, staging.rejects(file));
        committedFiles.put(file, true);
        keys.filePublished();
        results.add(new FileResult(planned.path(), planned.checksum(), FileResult.Status.INGESTED, planned.replaces() ? planned.reason() : null,
                counts.sheets()));
        current = null;
        log.info("published {}: {}", vn.inspection.pipeline.system.Printable.text(planned.fileName()), counts.sheets());
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
