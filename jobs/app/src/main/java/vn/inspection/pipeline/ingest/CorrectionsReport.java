package vn.inspection.pipeline.ingest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.lake.LakeReader;
import vn.inspection.pipeline.lake.LakeSnapshot;
import vn.inspection.pipeline.lake.ManifestEntry;
import vn.inspection.pipeline.lake.Withdrawal;
import vn.inspection.pipeline.schema.FieldSpec;
import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.text.SpreadsheetCsv;

/**
 * The corrections report of a run ({@code reports/corrections-run-N.csv}, beside the rejects): every record a file of
 * the run corrected, one line per field that changed (before → after, as the lake holds them: members' names are
 * pseudonyms), and every record a resend withdrew (or would have, with withdrawing off), with the file its version
 * came from. Written only when the run corrected or withdrew something.
 */
final class CorrectionsReport {
    static final List<String> COLUMNS = List.of("change", "record_type", "record_key", "file", "sheet", "row", "earlier_file", "field",
            "before", "after");
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> MODE =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");

    private final Lake lake;
    private final SchemaCatalog schemas;

    CorrectionsReport(Lake lake, SchemaCatalog schemas) {
        this.lake = lake;
        this.schemas = schemas;
    }

    /** Writes the report of a run's results; returns its path, or null when the run corrected and withdrew nothing. */
    Path write(Path reports, long runId, List<FileResult> results) throws IOException {
        List<FileResult> changing = results.stream().filter(r -> r.status() == FileResult.Status.INGESTED
                && (r.withdrawn() > 0 || r.notWithdrawn() > 0 || r.sheets().stream().anyMatch(s -> s.correctedRows() > 0))).toList();
        if (changing.isEmpty()) {
            return null;
        }
        LakeSnapshot snapshot = lake.snapshot();
        Map<String, String> names = new HashMap<>();
        snapshot.entries().forEach(e -> names.put(e.checksum(), e.fileName()));
        List<List<String>> lines = new ArrayList<>();
        for (FileResult result : changing) {
            ManifestEntry entry = snapshot.entries().stream().filter(e -> e.checksum().equals(result.checksum())).findFirst().orElse(null);
            if (entry == null) {
                continue;
            }
            if (result.sheets().stream().anyMatch(s -> s.correctedRows() > 0)) {
                corrections(snapshot, entry, names, lines);
            }
            for (Withdrawal withdrawal : snapshot.withdrawals()) {
                if (result.checksum().equals(withdrawal.byFile()) && Objects.equals(withdrawal.runId(), runId)) {
                    for (Withdrawal.Record record : withdrawal.records()) {
                        lines.add(List.of(withdrawal.ends() ? "withdrawn" : "not_withdrawn", record.recordType(), record.recordKey(), entry.fileName(),
                                "", "", names.getOrDefault(record.sourceChecksum(), String.valueOf(record.sourceChecksum())), "",
                                record.date() == null ? "" : record.date().toString(), ""));
                    }
                }
            }
        }
        Files.createDirectories(reports);
        Path file = reports.resolve("corrections-run-" + runId + ".csv");
        Path temp = reports.resolve(".corrections-run-" + runId + ".csv.tmp");
        Files.deleteIfExists(temp);
        try {
            Files.createFile(temp, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(MODE));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temp);
        }
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
                for (List<String> line : lines) {
                    printer.printRecord(SpreadsheetCsv.row(line));
                }
            }
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** The file's records that have an earlier version: each field that differs from the version just before. */
    private void corrections(LakeSnapshot snapshot, ManifestEntry entry, Map<String, String> names, List<List<String>> lines) {
        Instant at = entry.lastCommitted();
        for (RecordSchema schema : schemas.schemas()) {
            if (schema.isUnits()) {
                continue;
            }
            Map<Path, Instant> mine = new LinkedHashMap<>();
            Map<Path, Instant> earlier = new LinkedHashMap<>();
            for (ManifestEntry e : snapshot.entries()) {
                for (ManifestEntry.DataFile data : e.dataFiles()) {
                    if (!data.recordType().equals(schema.recordType())) {
                        continue;
                    }
                    Instant committed = e.committedAt(data);
                    if (e.checksum().equals(entry.checksum()) && committed.equals(at)) {
                        mine.put(lake.resolve(data.path()), committed);
                    } else if (committed.isBefore(at)) {
                        earlier.put(lake.resolve(data.path()), committed);
                    }
                }
            }
            if (mine.isEmpty() || earlier.isEmpty()) {
                continue;
            }
            List<Map<String, Object>> now = LakeReader.readRows(schema, mine);
            Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
            now.forEach(r -> byKey.put((String) r.get("record_key"), r));
            Map<String, Map<String, Object>> before = new HashMap<>();
            for (Map<String, Object> old : LakeReader.readValuesWithLineage(schema, earlier, byKey.keySet())) {
                before.put((String) old.get("record_key"), old); // oldest first: the last one is the version just before
            }
            for (Map.Entry<String, Map<String, Object>> record : byKey.entrySet()) {
                Map<String, Object> old = before.get(record.getKey());
                if (old == null) {
                    continue;
                }
                Map<String, Object> row = record.getValue();
                for (FieldSpec field : schema.fields()) {
                    Object a = old.get(field.name());
                    Object b = row.get(field.name());
                    if (!Objects.equals(a, b)) {
                        lines.add(List.of("corrected", schema.recordType(), record.getKey(), entry.fileName(), String.valueOf(row.get("_sheet")),
                                String.valueOf(row.get("_row")), names.getOrDefault((String) old.get("_source_checksum"), ""), field.column(),
                                a == null ? "" : a.toString(), b == null ? "" : b.toString()));
                    }
                }
            }
        }
    }
}
