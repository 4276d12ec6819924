package vn.inspection.pipeline.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import vn.inspection.pipeline.lake.LakeManifest;
import vn.inspection.pipeline.lake.ManifestEntry;
import vn.inspection.pipeline.schema.FieldSpec;
import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.schema.SchemaCatalog;

/**
 * Writes a lake as the ingest lays it out, with parquet-java alone (no engine, no DDL): per source file, one
 * Parquet file per record type and year under {@code <type>/year=YYYY/} (units unpartitioned), the columns
 * the record schemas declare plus {@code record_key} and the lineage columns, and one manifest entry that
 * commits them. {@link #strayFile} leaves a file in the data folders that no entry lists, as a crash between
 * the moves and the manifest entry would.
 */
public final class FixtureLake {
    private final Path root;
    private final SchemaCatalog schemas;
    private final List<LakeRecord> committed = new ArrayList<>();
    private int sources;

    public FixtureLake(Path root, SchemaCatalog schemas) {
        this.root = root;
        this.schemas = schemas;
    }

    public Path root() {
        return root;
    }

    /** Every record of every committed source file, in the order written. */
    public List<LakeRecord> committed() {
        return List.copyOf(committed);
    }

    /** The Parquet columns of a record type as the lake stores them (the ingest's layout). */
    public static MessageType messageType(RecordSchema schema) {
        List<Type> columns = new ArrayList<>();
        for (FieldSpec field : schema.fields()) {
            columns.add(switch (field.type()) {
                case DATE -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(field.column());
                case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(field.column());
                default -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(field.column());
            });
        }
        for (String lineage : List.of("record_key", "_source_file", "_source_checksum", "_sheet")) {
            columns.add(Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(lineage));
        }
        columns.add(Types.required(PrimitiveTypeName.INT32).named("_row"));
        return new MessageType(schema.recordType(), columns);
    }

    /** Commits one source file holding these records (any record types): data files, then its manifest entry. */
    public ManifestEntry commit(String fileName, Instant ingestedAt, List<LakeRecord> records) {
        int source = ++sources;
        String checksum = sha256Hex(fileName + "#" + source);
        Map<String, List<LakeRecord>> byFile = new TreeMap<>();
        for (LakeRecord record : records) {
            byFile.computeIfAbsent(relativePath(record, checksum, 0), f -> new ArrayList<>()).add(record);
        }
        List<ManifestEntry.DataFile> dataFiles = new ArrayList<>();
        Map<String, Long> perType = new LinkedHashMap<>();
        for (Map.Entry<String, List<LakeRecord>> file : byFile.entrySet()) {
            Path written = write(root.resolve(file.getKey()), file.getValue(), fileName, checksum);
            dataFiles.add(new ManifestEntry.DataFile(file.getKey(), (long) file.getValue().size(), size(written), fileSha256(written)));
            file.getValue().forEach(r -> perType.merge(r.recordType(), 1L, Long::sum));
        }
        List<ManifestEntry.SheetCounts> sheets = new ArrayList<>();
        perType.forEach((type, count) -> sheets.add(new ManifestEntry.SheetCounts(type, type, count, 0, 0, null)));
        ManifestEntry entry = new ManifestEntry(checksum, fileName, "/registers/" + fileName, 1000 + source, ingestedAt, source, sheets,
                dataFiles, null);
        try {
            Path manifest = root.resolve(LakeManifest.DIR).resolve(checksum + ".json");
            Files.createDirectories(manifest.getParent());
            Files.write(manifest, LakeManifest.toJson(entry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        committed.addAll(records);
        return entry;
    }

    /** The record key the fixture gives a record: its {@code record_key} value when it has one (a new version of a record), else a hash of its values. */
    public static String keyOf(LakeRecord record) {
        Object key = record.get("record_key");
        return key != null ? key.toString() : sha256Hex(record.values().toString()).substring(0, 32);
    }

    /** Withdraws records at an instant ({@code pipeline withdraw}'s history entry). */
    public void withdraw(Instant at, String fileName, List<LakeRecord> records) {
        vn.inspection.pipeline.lake.Withdrawal withdrawal = new vn.inspection.pipeline.lake.Withdrawal(at, vn.inspection.pipeline.lake.Withdrawal.WITHDRAWN,
                null, null, sha256Hex(fileName), fileName, null, records.stream().map(r -> new vn.inspection.pipeline.lake.Withdrawal.Record(
                r.recordType(), keyOf(r), null, null)).toList());
        try {
            Path file = root.resolve(vn.inspection.pipeline.lake.Withdrawal.DIR).resolve(withdrawal.storedName());
            Files.createDirectories(file.getParent());
            Files.write(file, LakeManifest.toJson(withdrawal));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes records into the data folders without a manifest entry: a reader that follows the manifest never sees them. */
    public Path strayFile(List<LakeRecord> records) {
        String checksum = sha256Hex("stray#" + (++sources));
        String relative = relativePath(records.get(0), checksum, 0);
        return write(root.resolve(relative), records, "stray.xlsx", checksum);
    }

    private String relativePath(LakeRecord record, String checksum, int part) {
        String name = "part-" + checksum.substring(0, 16) + "-" + part + ".parquet";
        if (RecordSchema.UNITS.equals(record.recordType())) {
            return "units/" + name;
        }
        return record.recordType() + "/year=" + year(record) + "/" + name;
    }

    /** The Hive partition: the year of the schema's period date, as the ingest partitions. */
    private int year(LakeRecord record) {
        String dateField = schemas.schema(record.recordType()).periodDate()
                .orElseThrow(() -> new IllegalArgumentException(record.recordType() + " has no period date"));
        if (!(record.get(dateField) instanceof LocalDate date)) {
            throw new IllegalArgumentException("a " + record.recordType() + " record without its " + dateField + ": " + record.values());
        }
        return date.getYear();
    }

    private Path write(Path file, List<LakeRecord> records, String sourceFile, String checksum) {
        RecordSchema schema = schemas.schema(records.get(0).recordType());
        MessageType type = messageType(schema);
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                    .withConf(new Configuration(false))
                    .withType(type)
                    .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                    .build()) {
                int row = 2;
                for (LakeRecord record : records) {
                    if (!record.recordType().equals(schema.recordType())) {
                        throw new IllegalArgumentException("one file holds one record type: " + record);
                    }
                    Group group = groups.newGroup();
                    for (FieldSpec field : schema.fields()) {
                        Object value = record.get(field.column());
                        if (value instanceof LocalDate date) {
                            group.add(field.column(), (int) date.toEpochDay());
                        } else if (value instanceof Boolean bool) {
                            group.add(field.column(), bool);
                        } else if (value != null) {
                            group.add(field.column(), value.toString());
                        }
                    }
                    group.add("record_key", keyOf(record));
                    group.add("_source_file", sourceFile);
                    group.add("_source_checksum", checksum);
                    group.add("_sheet", "Sheet1");
                    group.add("_row", row++);
                    writer.write(group);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileSha256(Path file) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
