package vn.inspection.pipeline.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonProperty;

import vn.inspection.pipeline.record.RecordNormaliser;
import vn.inspection.pipeline.schema.FieldSpec;
import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.schema.SchemaCatalog;

/**
 * Brings the {@code record_key} of every committed record in line with the natural keys the schemas
 * declare now (after a change such as the year joining the key of inspections and disciplines), and says
 * what the change means for the lake's counts:
 * <ul>
 *   <li>every record's key is recomputed from its stored values, as the ingest computes it; a Parquet file
 *       with a key that changed is written anew and swapped in per source file as atomically as a publish
 *       (new parts, the manifest entry rewritten with their rows, sizes and checksums, then the old parts
 *       deleted; a crash is completed by the next run);</li>
 *   <li>records the new keys make the same (duplicates they reveal) keep their first copy in ingest order, as
 *       the ingest would have; the later copies are dropped and counted as duplicates of their sheet;</li>
 *   <li>rows the old keys may have hidden cannot be restored from the lake: the ingest skipped them as
 *       duplicates, so they were never written. The sheets of record types whose keys changed that had
 *       duplicates are listed, to be ingested again from their source files.</li>
 * </ul>
 */
public final class LakeRekey {
    private static final Logger log = LoggerFactory.getLogger(LakeRekey.class);

    private final Lake lake;
    private final SchemaCatalog schemas;
    private final CompressionCodecName codec;
    private final Clock clock;

    public LakeRekey(Lake lake, SchemaCatalog schemas, CompressionCodecName codec, Clock clock) {
        this.lake = lake;
        this.schemas = schemas;
        this.codec = codec;
        this.clock = clock;
    }

    /** One lake file written anew. */
    public record Rewritten(@JsonProperty("source_file") String sourceFile, @JsonProperty("record_type") String recordType,
                            @JsonProperty("data_file") String dataFile, @JsonProperty("rows") long rows,
                            @JsonProperty("keys_changed") long keysChanged, @JsonProperty("duplicates_dropped") long duplicatesDropped) {
    }

    /** A record the new key makes the same as one ingested before it (dropped from the lake). */
    public record Revealed(@JsonProperty("record_type") String recordType, @JsonProperty("source_file") String sourceFile,
                           @JsonProperty("sheet") String sheet, @JsonProperty("row") int row,
                           @JsonProperty("same_as_file") String sameAsFile, @JsonProperty("same_as_sheet") String sameAsSheet,
                           @JsonProperty("same_as_row") int sameAsRow) {
    }

    /** A sheet whose rows the ingest skipped as duplicates under a key that has changed since: some may be records. */
    public record MaybeHidden(@JsonProperty("source_file") String sourceFile, @JsonProperty("source_path") String sourcePath,
                              @JsonProperty("sheet") String sheet, @JsonProperty("record_type") String recordType,
                              @JsonProperty("skipped_as_duplicates") long skipped) {
    }

    /** What a rekey did and found. */
    public record Result(@JsonProperty("records") long records, @JsonProperty("keys_changed") Map<String, Long> keysChanged,
                         @JsonProperty("rewritten") List<Rewritten> rewritten, @JsonProperty("revealed_duplicates") List<Revealed> revealed,
                         @JsonProperty("maybe_hidden") List<MaybeHidden> maybeHidden) {
        public boolean changed() {
            return !rewritten.isEmpty();
        }
    }

    private record Location(String file, String sheet, int row) {
    }

    /** Recomputes every key; rewrites what changed unless {@code dryRun}. */
    public Result run(boolean dryRun) throws IOException, SQLException {
        int recovered = lake.recover();
        if (recovered > 0) {
            log.warn("completed {} publish(es) interrupted by a crash", recovered);
        }
        LakeSnapshot snapshot = lake.snapshot();
        String generation = "k" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(clock.instant().atOffset(ZoneOffset.UTC));
        Path stagingRoot = lake.root().resolve(Lake.STAGING_DIR).resolve("rekey-" + generation);
        Map<String, Map<String, Location>> seen = new HashMap<>();
        Set<String> withdrawnKeys = new HashSet<>();
        snapshot.withdrawals().stream().filter(Withdrawal::ends).forEach(w -> w.records().forEach(r -> withdrawnKeys.add(r.recordKey())));
        Map<String, Long> keysChanged = new LinkedHashMap<>();
        Set<String> typesChanged = new HashSet<>();
        List<Rewritten> rewritten = new ArrayList<>();
        List<Revealed> revealed = new ArrayList<>();
        record Plan(ManifestEntry entry, Map<String, List<LakeRow>> files, Map<String, long[]> sheetShift) {
        }
        List<Plan> plans = new ArrayList<>();
        long records = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            for (ManifestEntry entry : snapshot.entries()) {
                Map<String, Location> keysOfEntry = new HashMap<>();
                Map<String, List<LakeRow>> files = new LinkedHashMap<>();
                Map<String, long[]> sheetShift = new HashMap<>();
                for (ManifestEntry.DataFile file : entry.dataFiles()) {
                    RecordSchema schema = schemas.schema(file.recordType());
                    List<LakeRow> rows = read(connection, lake.resolve(file.path()), schema);
                    records += rows.size();
                    List<LakeRow> kept = new ArrayList<>(rows.size());
                    long changed = 0;
                    long dropped = 0;
                    Map<String, Location> typeSeen = seen.computeIfAbsent(schema.recordType(), t -> new HashMap<>());
                    for (LakeRow row : rows) {
                        String key = RecordNormaliser.naturalKey(schema, row.values());
                        if (!key.equals(row.recordKey())) {
                            changed++;
                            typesChanged.add(schema.recordType());
                        }
                        // a later row of the same key with other content is a later version of the record, kept; one
                        // with the same content is the same record twice, and only its first copy is kept
                        Location here = new Location(row.sourceFile(), row.sheet(), row.row());
                        String version = key + "/" + RecordVersions.versionOf(schema, row.values());
                        // a row that brought a withdrawn record back (a file ingested again, a resend, a late row) is
                        // history too: never dropped
                        boolean revival = file.committedAt() != null || withdrawnKeys.contains(row.recordKey());
                        // within one source file the first row of a record is kept, as the ingest keeps it
                        Location inFile = revival ? null : keysOfEntry.putIfAbsent(schema.recordType() + "/" + key, here);
                        Location first = inFile != null ? inFile : revival ? null : typeSeen.putIfAbsent(version, here);
                        if (first != null) {
                            dropped++;
                            revealed.add(new Revealed(schema.recordType(), row.sourceFile(), row.sheet(), row.row(), first.file(), first.sheet(), first.row()));
                            sheetShift.computeIfAbsent(row.sheet(), s -> new long[1])[0]++;
                            continue;
                        }
                        kept.add(new LakeRow(row.values(), key, row.sourceFile(), row.sourceChecksum(), row.sheet(), row.row()));
                    }
                    if (changed > 0 || dropped > 0) {
                        keysChanged.merge(schema.recordType(), changed, Long::sum);
                        files.put(file.path(), kept);
                        rewritten.add(new Rewritten(entry.fileName(), schema.recordType(), file.path(), kept.size(), changed, dropped));
                    }
                }
                if (!files.isEmpty()) {
                    plans.add(new Plan(entry, files, sheetShift));
                }
            }
        }
        List<MaybeHidden> maybeHidden = new ArrayList<>();
        for (ManifestEntry entry : snapshot.entries()) {
            for (ManifestEntry.SheetCounts sheet : entry.sheets()) {
                if (sheet.recordType() != null && typesChanged.contains(sheet.recordType()) && sheet.duplicates() > 0) {
                    maybeHidden.add(new MaybeHidden(entry.fileName(), entry.sourcePath(), sheet.sheet(), sheet.recordType(), sheet.duplicates()));
                }
            }
        }
        if (!dryRun) {
            for (Plan plan : plans) {
                Path staging = stagingRoot.resolve(plan.entry().checksum());
                Map<String, Path> replacements = new LinkedHashMap<>();
                int n = 0;
                for (Map.Entry<String, List<LakeRow>> file : plan.files().entrySet()) {
                    RecordSchema schema = schemas.schema(ManifestEntry.recordType(file.getKey()));
                    Path staged = staging.resolve("data").resolve(String.format("part-%06d.parquet", n++));
                    Files.createDirectories(staged.getParent());
                    try (ParquetPartWriter writer = new ParquetPartWriter(staged, schema, codec)) {
                        for (LakeRow row : file.getValue()) {
                            writer.write(row);
                        }
                    }
                    replacements.put(file.getKey(), staged);
                }
                List<ManifestEntry.SheetCounts> sheets = plan.entry().sheets().stream().map(s -> {
                    long[] shift = plan.sheetShift().get(s.sheet());
                    if (shift == null) {
                        return s;
                    }
                    long fromAccepted = Math.min(shift[0], s.accepted());
                    long fromCorrected = shift[0] - fromAccepted;
                    return new ManifestEntry.SheetCounts(s.sheet(), s.recordType(), s.rows(), s.accepted() - fromAccepted,
                            s.corrected() == null ? null : s.corrected() - fromCorrected, s.duplicates() + shift[0], s.outdated(), s.rejected(),
                            s.parked(), s.noise(), s.note());
                }).toList();
                lake.replaceDataFiles(staging, plan.entry(), replacements, sheets, generation);
                log.info("rekeyed {}: {}", plan.entry().fileName(), plan.files().keySet());
            }
            Lake.deleteTree(stagingRoot);
        }
        return new Result(records, keysChanged, rewritten, revealed, maybeHidden);
    }

    /** Every record of one lake file, with its stored key and lineage. */
    private static List<LakeRow> read(Connection connection, Path file, RecordSchema schema) throws SQLException {
        List<LakeRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM read_parquet('" + file.toAbsolutePath().toString().replace("'", "''") + "')")) {
            while (rs.next()) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (FieldSpec field : schema.fields()) {
                    Object value = switch (field.type()) {
                        case DATE -> rs.getObject(field.column(), LocalDate.class);
                        case BOOLEAN -> {
                            boolean b = rs.getBoolean(field.column());
                            yield rs.wasNull() ? null : b;
                        }
                        default -> rs.getString(field.column());
                    };
                    if (value != null) {
                        values.put(field.name(), value);
                    }
                }
                rows.add(new LakeRow(values, rs.getString(LakeColumns.RECORD_KEY), rs.getString(LakeColumns.SOURCE_FILE),
                        rs.getString(LakeColumns.SOURCE_CHECKSUM), rs.getString(LakeColumns.SHEET), rs.getInt(LakeColumns.ROW)));
            }
        }
        return rows;
    }
}
