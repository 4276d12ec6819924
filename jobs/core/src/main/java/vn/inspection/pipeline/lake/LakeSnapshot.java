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
public record LakeSnapshot(List<ManifestEntry> entries, List<Withdrawal> withdrawals) {

    public LakeSnapshot {
        List<ManifestEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(ManifestEntry::ingestedAt).thenComparing(ManifestEntry::checksum));
        entries = List.copyOf(sorted);
        List<Withdrawal> inOrder = new ArrayList<>(withdrawals == null ? List.of() : withdrawals);
        inOrder.sort(Comparator.comparing(Withdrawal::withdrawnAt).thenComparing(Withdrawal::storedName));
        withdrawals = List.copyOf(inOrder);
    }

    /** Committed entries and no withdrawal. */
    public LakeSnapshot(List<ManifestEntry> entries) {
        this(entries, List.of());
    }

    public static LakeSnapshot empty() {
        return new LakeSnapshot(List.of());
    }

    /**
     * When each committed data file's records became known (path relative to the lake root → instant): the
     * version history's valid-from.
     */
    public Map<String, Instant> commitInstants() {
        Map<String, Instant> instants = new LinkedHashMap<>();
        for (ManifestEntry entry : entries) {
            for (ManifestEntry.DataFile file : entry.dataFiles()) {
                instants.put(file.path(), entry.committedAt(file));
            }
        }
        return instants;
    }

    /**
     * Whether a source file's records were withdrawn ({@code pipeline withdraw}) after it last entered the
     * lake, so ingesting it again brings them back.
     */
    public boolean withdrawn(String checksum) {
        Optional<ManifestEntry> entry = entries.stream().filter(e -> e.checksum().equals(checksum)).findFirst();
        return entry.isPresent() && withdrawals.stream().anyMatch(w -> Withdrawal.WITHDRAWN.equals(w.reason())
                && checksum.equals(w.file()) && w.withdrawnAt().isAfter(entry.get().lastCommitted()));
    }

    /** The last instant the lake changed: a file committed, or records withdrawn. */
    public Optional<Instant> lastChange() {
        Optional<Instant> commit = entries.stream().map(ManifestEntry::lastCommitted).max(Comparator.naturalOrder());
        Optional<Instant> withdrawn = withdrawals.stream().map(Withdrawal::withdrawnAt).max(Comparator.naturalOrder());
        if (commit.isEmpty()) {
            return withdrawn;
        }
        return withdrawn.filter(w -> w.isAfter(commit.get())).or(() -> commit);
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
