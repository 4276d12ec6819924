package vn.inspection.pipeline.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
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
import vn.inspection.pipeline.lake.ManifestEntry;
import vn.inspection.pipeline.lake.ManifestEntry.SheetCounts;
import vn.inspection.pipeline.lake.ParquetPartWriter;
import vn.inspection.pipeline.lake.RecordKeySet;
import vn.inspection.pipeline.record.RowOutcome;
import vn.inspection.pipeline.record.SheetLayout;
import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.system.Json;

/**
 * Writes each chunk into the lake's staging area and publishes a source file when its last row is
 * written: deduplicates by natural key against the lake and within the run, writes accepted records as
 * Parquet parts (one per record type and year per chunk), rejected rows as CSV parts, counts everything
 * per sheet, and on a {@link SourceItem.FileDone} publishes the file atomically; on a
 * {@link SourceItem.FileFailed} discards it and quarantines the source.
 *
 * <p>Restart-safe: every part is named by the chunk's sequence number, which is committed with the chunk.
 * On open, parts of chunks that never committed are deleted and the keys and units staged by committed
 * chunks are read back, so a restarted run continues exactly where the last commit left it.
 */
public class LakeItemWriter implements ItemStreamWriter<ProcessedRow> {
    private static final Logger log = LoggerFactory.getLogger(LakeItemWriter.class);
    static final String SEQUENCE = "writer.sequence";
    static final String CURRENT = "writer.current";
    public static final String RESULTS = "ingest.results";
    static final String DATA = "data";
    static final String REJECT_PARTS = "rejects";
    private static final Pattern PART = Pattern.compile("part-(\\d+)\\.(parquet|csv)");
    public static final List<String> REJECT_COLUMNS = List.of("file", "sheet", "row", "record_type", "field", "reason", "original_values");

    private final IngestPlan plan;
    private final long runId;
    private final Lake lake;
    private final SchemaCatalog catalog;
    private final UnitRegistry units;
    private final Quarantine quarantine;
    private final CompressionCodecName codec;
    private final Clock clock;

    private long sequence;
    private FileStats current;
    private List<FileResult> results;
    private final RecordKeySet lakeKeys = new RecordKeySet();
    private RecordKeySet pendingKeys = new RecordKeySet();
    private final Map<Integer, Boolean> committedFiles = new HashMap<>();

    public LakeItemWriter(IngestPlan plan, long runId, Lake lake, SchemaCatalog catalog, UnitRegistry units,
                          Quarantine quarantine, CompressionCodecName codec, Clock clock) {
        this.plan = plan;
        this.runId = runId;
        this.lake = lake;
        this.catalog = catalog;
        this.units = units;
        this.quarantine = quarantine;
        this.codec = codec;
        this.clock = clock;
    }

    /** Counts of the file being written, kept with every chunk. */
    static final class FileStats {
        public int file;
        public LinkedHashMap<String, long[]> counts = new LinkedHashMap<>();
        public LinkedHashMap<String, String> types = new LinkedHashMap<>();
        public LinkedHashMap<String, String> notes = new LinkedHashMap<>();

        FileStats() {
        }

        FileStats(int file) {
            this.file = file;
        }

        List<SheetCounts> sheets() {
            List<SheetCounts> sheets = new ArrayList<>();
            counts.forEach((sheet, c) -> sheets.add(new SheetCounts(sheet, types.get(sheet), c[0], c[1], c[2], notes.get(sheet))));
            return sheets;
        }
    }

    @Override
    public void open(ExecutionContext context) {
        sequence = context.getLong(SEQUENCE, 0L);
        current = context.containsKey(CURRENT) ? Json.read(context.getString(CURRENT), FileStats.class) : null;
        results = context.containsKey(RESULTS)
                ? new ArrayList<>(Json.read(context.getString(RESULTS), new TypeReference<List<FileResult>>() { }))
                : new ArrayList<>();
        try {
            dropUncommittedParts();
            // the records of files this run replaces (--force, or a repair) are not in the lake for the run's dedup
            java.util.Set<String> replaced = plan.replaced();
            vn.inspection.pipeline.lake.LakeSnapshot snapshot = lake.snapshot();
            Map<String, List<Path>> committedFiles = lake.dataFiles(new vn.inspection.pipeline.lake.LakeSnapshot(snapshot.entries().stream()
                    .filter(e -> !replaced.contains(e.checksum()) || e.runId() == runId).toList()));
            for (String type : SchemaCatalog.RECORD_TYPES) {
                LakeReader.readKeys(committedFiles.getOrDefault(type, List.of()), lakeKeys);
            }
            LakeReader.readUnits(committedFiles.getOrDefault(RecordSchema.UNITS, List.of())).forEach(units::addCommitted);
            if (current != null && !committed(current.file)) {
                Path staging = staging(current.file);
                LakeReader.readKeys(stagedParts(staging, null), pendingKeys);
                LakeReader.readUnits(stagedParts(staging, RecordSchema.UNITS)).forEach(units::addPending);
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot prepare the lake staging area: " + e.getMessage(), e);
        }
        log.info("lake holds {} record keys and {} units; resuming at chunk {}", lakeKeys.size(), units.size(), sequence);
    }

    private void dropUncommittedParts() throws IOException {
        for (Path runStaging : List.of(lake.root().resolve(Lake.STAGING_DIR).resolve("run-" + runId), lake.rejectsRunStaging(runId))) {
            if (!Files.isDirectory(runStaging)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(runStaging)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = PART.matcher(file.getFileName().toString());
                    if (m.matches() && Long.parseLong(m.group(1)) >= sequence) {
                        Files.delete(file);
                    }
                }
            }
        }
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
        long part = sequence++;
        Map<String, ParquetPartWriter> parts = new LinkedHashMap<>();
        Map<Integer, CSVPrinter> rejects = new HashMap<>();
        try {
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
                    FileStats stats = stats(seen.file());
                    stats.counts.putIfAbsent(seen.sheet(), new long[3]);
                    stats.types.put(seen.sheet(), seen.recordType());
                    if (seen.note() != null) {
                        stats.notes.put(seen.sheet(), seen.note());
                    }
                } else if (source instanceof SourceItem.Row row) {
                    long[] counts = stats(row.file()).counts.computeIfAbsent(row.sheet(), s -> new long[3]);
                    if (item.outcome() instanceof RowOutcome.Accepted accepted) {
                        if (lakeKeys.contains(accepted.recordKey()) || !pendingKeys.add(accepted.recordKey())) {
                            counts[1]++;
                        } else {
                            partWriter(parts, row, accepted, part).write(lakeRow(row, accepted));
                            counts[0]++;
                        }
                    } else if (item.outcome() instanceof RowOutcome.Rejected rejected) {
                        rejectPrinter(rejects, row.file(), part).printRecord(rejectRecord(row, rejected));
                        counts[2]++;
                    }
                } else if (source instanceof SourceItem.FileDone done) {
                    closeFile(parts, rejects, done.file());
                    publish(done.file());
                } else if (source instanceof SourceItem.FileFailed failed) {
                    closeFile(parts, rejects, failed.file());
                    quarantine(failed);
                }
            }
        } finally {
            for (ParquetPartWriter writer : parts.values()) {
                writer.close();
            }
            for (CSVPrinter printer : rejects.values()) {
                printer.close();
            }
        }
    }

    private boolean committed(int file) {
        return committedFiles.computeIfAbsent(file, f -> {
            PlannedFile planned = plan.files().get(f);
            return lake.manifestEntry(planned.checksum()).filter(e -> e.runId() == runId).isPresent();
        });
    }

    private FileStats stats(int file) {
        if (current == null || current.file != file) {
            current = new FileStats(file);
        }
        return current;
    }

    private Path staging(int file) {
        return lake.stagingDir(runId, plan.files().get(file).checksum());
    }

    /** Rejected rows hold the clerk's original values, names included: staged outside the lake. */
    private Path rejectsStaging(int file) {
        return lake.rejectsStagingDir(runId, plan.files().get(file).checksum());
    }

    private ParquetPartWriter partWriter(Map<String, ParquetPartWriter> parts, SourceItem.Row row,
                                         RowOutcome.Accepted accepted, long part) {
        RecordSchema schema = row.layout().schema();
        String folder = schema.recordType() + (accepted.periodDate() == null ? "" : "/year=" + accepted.periodDate().getYear());
        String key = row.file() + "/" + folder;
        return parts.computeIfAbsent(key, k -> {
            try {
                Path file = staging(row.file()).resolve(DATA).resolve(folder).resolve(String.format("part-%06d.parquet", part));
                Files.createDirectories(file.getParent());
                return new ParquetPartWriter(file, schema, codec);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private LakeRow lakeRow(SourceItem.Row row, RowOutcome.Accepted accepted) {
        PlannedFile planned = plan.files().get(row.file());
        return new LakeRow(accepted.values(), accepted.recordKey(), planned.fileName(), planned.checksum(), row.sheet(), row.rowNumber());
    }

    private CSVPrinter rejectPrinter(Map<Integer, CSVPrinter> rejects, int file, long part) throws IOException {
        CSVPrinter printer = rejects.get(file);
        if (printer == null) {
            Path path = rejectsStaging(file).resolve(REJECT_PARTS).resolve(String.format("part-%06d.csv", part));
            Files.createDirectories(path.getParent());
            Writer writer = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
            printer = new CSVPrinter(writer, CSVFormat.RFC4180);
            rejects.put(file, printer);
        }
        return printer;
    }

    private List<String> rejectRecord(SourceItem.Row row, RowOutcome.Rejected rejected) {
        PlannedFile planned = plan.files().get(row.file());
        return List.of(planned.fileName(), row.sheet(), Integer.toString(row.rowNumber()), row.layout().schema().recordType(),
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

    private void closeFile(Map<String, ParquetPartWriter> parts, Map<Integer, CSVPrinter> rejects, int file) throws IOException {
        String prefix = file + "/";
        for (var it = parts.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (entry.getKey().startsWith(prefix)) {
                entry.getValue().close();
                it.remove();
            }
        }
        CSVPrinter printer = rejects.remove(file);
        if (printer != null) {
            printer.close();
        }
    }

    private void publish(int file) throws IOException {
        PlannedFile planned = plan.files().get(file);
        FileStats stats = current != null && current.file == file ? current : new FileStats(file);
        Path staging = staging(file);
        List<String> dataFiles = new ArrayList<>();
        for (Path part : stagedParts(staging, null)) {
            dataFiles.add(staging.relativize(part).toString().replace('\\', '/'));
        }
        Path rejectsFile = concatenateRejects(rejectsStaging(file));
        ManifestEntry draft = new ManifestEntry(planned.checksum(), planned.fileName(), planned.path(), planned.size(),
                clock.instant(), runId, stats.sheets(), List.of(), null);
        lake.publish(runId, draft, dataFiles, rejectsFile);
        committedFiles.put(file, true);
        lakeKeys.addAll(pendingKeys);
        pendingKeys = new RecordKeySet();
        results.add(new FileResult(planned.path(), planned.checksum(), FileResult.Status.INGESTED, planned.replaces() ? planned.reason() : null, stats.sheets()));
        current = null;
        log.info("published {}: {}", planned.fileName(), stats.sheets());
    }

    /** A file published by this run just before a crash: its result comes from the manifest. */
    private void alreadyPublished(int file) throws IOException {
        PlannedFile planned = plan.files().get(file);
        if (results.stream().anyMatch(r -> r.checksum().equals(planned.checksum()))) {
            return;
        }
        ManifestEntry entry = lake.manifestEntry(planned.checksum()).orElseThrow();
        lake.discardStaging(runId, planned.checksum());
        results.add(new FileResult(planned.path(), planned.checksum(), FileResult.Status.INGESTED, null, entry.sheets()));
        if (current != null && current.file == file) {
            current = null;
        }
        pendingKeys = new RecordKeySet();
    }

    private void quarantine(SourceItem.FileFailed failed) throws IOException {
        PlannedFile planned = plan.files().get(failed.file());
        lake.discardStaging(runId, planned.checksum());
        pendingKeys = new RecordKeySet();
        quarantine.quarantine(Path.of(planned.path()), planned.checksum(), failed.reason());
        results.add(new FileResult(planned.path(), planned.checksum(), FileResult.Status.QUARANTINED, failed.reason(), List.of()));
        current = null;
        log.warn("quarantined {}: {}", planned.fileName(), failed.reason());
    }

    private static Path concatenateRejects(Path staging) throws IOException {
        Path folder = staging.resolve(REJECT_PARTS);
        if (!Files.isDirectory(folder)) {
            return null;
        }
        List<Path> parts;
        try (Stream<Path> files = Files.list(folder)) {
            parts = files.filter(p -> PART.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        if (parts.isEmpty()) {
            return null;
        }
        Path all = staging.resolve("rejects.csv");
        try (var out = Files.newOutputStream(all)) {
            for (Path part : parts) {
                Files.copy(part, out);
            }
        }
        return all;
    }

    /** Committed Parquet parts staged for a file (of one record type, or all when null), in order. */
    private static List<Path> stagedParts(Path staging, String recordType) throws IOException {
        Path data = staging.resolve(DATA);
        Path root = recordType == null ? data : data.resolve(recordType);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
    }

    @Override
    public void close() {
    }
}
