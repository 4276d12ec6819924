package vn.inspection.pipeline.lake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lake as one reading of its manifest saw it: the committed source files, oldest first, and the Parquet
 * files that hold their records per record type. Every reader of the lake (the DuckDB warehouse, the Spark
 * engine, {@code verify}) works from one snapshot, so all its tables describe the same committed files.
 */
public record LakeSnapshot(List<ManifestEntry> entries) {

    public LakeSnapshot {
        List<ManifestEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(ManifestEntry::ingestedAt).thenComparing(ManifestEntry::checksum));
        entries = List.copyOf(sorted);
    }

    public static LakeSnapshot empty() {
        return new LakeSnapshot(List.of());
    }

    /** The committed data files of every record type (paths relative to the lake root), in manifest order. */
    public Map<String, List<String>> dataFiles() {
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (ManifestEntry entry : entries) {
            for (ManifestEntry.DataFile file : entry.dataFiles()) {
                byType.computeIfAbsent(file.recordType(), type -> new ArrayList<>()).add(file.path());
            }
        }
        return byType;
    }

    /** The committed data files of one record type (paths relative to the lake root). */
    public List<String> dataFiles(String recordType) {
        return dataFiles().getOrDefault(recordType, List.of());
    }

    /** When the newest source file was ingested; empty for an empty lake. */
    public Optional<Instant> lastIngest() {
        return entries.stream().map(ManifestEntry::ingestedAt).max(Comparator.naturalOrder());
    }

    /** Records accepted, over every committed file. */
    public long records() {
        return entries.stream().mapToLong(ManifestEntry::accepted).sum();
    }
}
