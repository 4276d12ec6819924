package vn.inspection.pipeline.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks the lake's Parquet files against what the manifest recorded when each was committed, like
 * {@code git fsck}: the file exists, has the same size and SHA-256, and its footer counts the same rows. Files of
 * entries written before sizes and checksums were recorded are checked for existence and a readable footer only.
 * Reads the lake; never writes it.
 */
public final class LakeVerifier {
    private final Lake lake;

    public LakeVerifier(Lake lake) {
        this.lake = lake;
    }

    /** What is wrong with one Parquet file of an entry. */
    public record Problem(ManifestEntry entry, ManifestEntry.DataFile file, Kind kind, String detail) {
        /** "missing", "damaged": what a person acts on. */
        public String what() {
            return kind == Kind.MISSING ? "missing" : "damaged";
        }
    }

    public enum Kind { MISSING, DAMAGED }

    /** The outcome of checking every committed file. */
    public record Report(int sources, int parts, int partsFullyChecked, int partsExistenceOnly, List<Problem> problems,
                         List<String> unexpectedFiles, List<LakeManifest.Damaged> damagedEntries, List<Unclaimed> unclaimed) {
        public Report(int sources, int parts, int partsFullyChecked, int partsExistenceOnly, List<Problem> problems, List<String> unexpectedFiles) {
            this(sources, parts, partsFullyChecked, partsExistenceOnly, problems, unexpectedFiles, List.of(), List.of());
        }

        /** Every committed file as committed, every manifest entry readable, and no Parquet file outside the manifest. */
        public boolean ok() {
            return problems.isEmpty() && damagedEntries.isEmpty() && unclaimed.isEmpty();
        }

        /** The source files whose entries have problems, once each, in manifest order. */
        public List<ManifestEntry> damagedSources() {
            List<ManifestEntry> sources = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Problem problem : problems) {
                if (seen.add(problem.entry().checksum())) {
                    sources.add(problem.entry());
                }
            }
            return sources;
        }
    }

    /**
     * A Parquet file under the lake's record folders that no manifest entry claims: no reader uses it, so its records
     * are out of every figure. Its own lineage columns say whose records it holds, when it is readable.
     */
    public record Unclaimed(String path, String sourceFile, String sourceChecksum, boolean ofDamagedEntry) {
        /** What to do: re-ingest the source file its records came from (which replaces it), or delete it. */
        public String restore() {
            if (ofDamagedEntry) {
                return "it belongs to the damaged manifest entry of " + (sourceFile == null ? "its source file" : sourceFile)
                        + ": restoring that entry (above) replaces it";
            }
            if (sourceFile == null) {
                return "it is not a readable lake file: delete it, or move it out of the lake";
            }
            return "its records are of " + sourceFile + " (SHA-256 " + sourceChecksum + "), whose manifest entry is gone: restore them with "
                    + "pipeline ingest --force <path of " + sourceFile + ">, which replaces this file; or delete it if they should not be in the lake";
        }
    }

    /**
     * Checks every committed file of the lake and every manifest entry; names the entries that cannot be read, the
     * Parquet files that no entry claims, and lists other files under the record folders that no entry names.
     */
    public Report verify() throws IOException {
        LakeManifest.Scan scan = lake.manifest().scan();
        Report committed = verify(new LakeSnapshot(scan.entries()), true);
        Set<String> damagedSums = new HashSet<>();
        scan.damaged().forEach(d -> {
            if (d.checksum() != null) {
                damagedSums.add(d.checksum().substring(0, 16));
            }
        });
        List<String> other = new ArrayList<>();
        List<Unclaimed> unclaimed = new ArrayList<>();
        for (String path : committed.unexpectedFiles()) {
            if (path.endsWith(".parquet")) {
                unclaimed.add(unclaimed(path, damagedSums));
            } else {
                other.add(path);
            }
        }
        return new Report(committed.sources() + scan.damaged().size(), committed.parts(), committed.partsFullyChecked(), committed.partsExistenceOnly(),
                committed.problems(), other, scan.damaged(), unclaimed);
    }

    /** The Parquet files under the lake that no entry of the snapshot claims and no publish under way will (relative paths). */
    public List<String> unclaimedParts(LakeSnapshot snapshot) throws IOException {
        Set<String> named = new HashSet<>();
        snapshot.entries().forEach(e -> e.dataFiles().forEach(f -> named.add(f.path())));
        return unexpected(named).stream().filter(p -> p.endsWith(".parquet")).toList();
    }

    private Unclaimed unclaimed(String path, Set<String> damagedSums) {
        String name = Path.of(path).getFileName().toString();
        boolean ofDamaged = name.length() > 21 && damagedSums.contains(name.substring(5, 21));
        try {
            String[] source = LakeReader.sourceOf(lake.resolve(path));
            return new Unclaimed(path, source == null ? null : source[0], source == null ? null : source[1], ofDamaged);
        } catch (RuntimeException e) {
            return new Unclaimed(path, null, null, ofDamaged);
        }
    }

    /**
     * Checks the committed files of a snapshot; without {@code checksums} a file is checked for existence, size and
     * footer row count only (no byte is hashed: what the warehouse refresh does on every run).
     */
    public Report verify(LakeSnapshot snapshot, boolean checksums) throws IOException {
        return verify(snapshot, checksums ? null : Set.of());
    }

    /**
     * Checks the committed files of a snapshot, hashing those named in {@code hashed} (paths relative to the lake; null
     * for all) and checking the others for existence, size and footer row count only.
     */
    public Report verify(LakeSnapshot snapshot, Set<String> hashed) throws IOException {
        List<Problem> problems = new ArrayList<>();
        int parts = 0;
        int full = 0;
        Set<String> named = new HashSet<>();
        for (ManifestEntry entry : snapshot.entries()) {
            for (ManifestEntry.DataFile file : entry.dataFiles()) {
                parts++;
                if (recorded(file)) {
                    full++;
                }
                named.add(file.path());
                check(entry, file, hashed == null || hashed.contains(file.path())).ifPresent(problems::add);
            }
        }
        return new Report(snapshot.entries().size(), parts, full, parts - full, problems, unexpected(named));
    }

    /** The problems of one entry's files (empty when all are as committed). */
    public List<Problem> check(ManifestEntry entry) {
        List<Problem> problems = new ArrayList<>();
        for (ManifestEntry.DataFile file : entry.dataFiles()) {
            check(entry, file, true).ifPresent(problems::add);
        }
        return problems;
    }

    private static boolean recorded(ManifestEntry.DataFile file) {
        return file.rows() != null && file.bytes() != null && file.sha256() != null;
    }

    private java.util.Optional<Problem> check(ManifestEntry entry, ManifestEntry.DataFile file, boolean checksums) {
        Path path = lake.resolve(file.path());
        if (!Files.isRegularFile(path)) {
            return java.util.Optional.of(new Problem(entry, file, Kind.MISSING, "the file is missing"));
        }
        try {
            long size = Files.size(path);
            if (file.bytes() != null && size != file.bytes()) {
                return damaged(entry, file, "size " + size + " bytes, committed " + file.bytes() + rowsNote(path, file));
            }
            if (checksums && file.sha256() != null) {
                String sha256 = Lake.sha256(path);
                if (!sha256.equals(file.sha256())) {
                    return damaged(entry, file, "SHA-256 " + sha256.substring(0, 12) + "…, committed " + file.sha256().substring(0, 12) + "…" + rowsNote(path, file));
                }
            }
            long rows = ParquetFiles.rowCount(path);
            if (file.rows() != null && rows != file.rows()) {
                return damaged(entry, file, rows + " rows, committed " + file.rows());
            }
            return java.util.Optional.empty();
        } catch (IOException | RuntimeException e) {
            return damaged(entry, file, "unreadable: " + vn.inspection.pipeline.system.Errors.describe(e));
        }
    }

    private static String rowsNote(Path path, ManifestEntry.DataFile file) {
        try {
            long rows = ParquetFiles.rowCount(path);
            return file.rows() == null ? "; " + rows + " rows now" : "; " + rows + " rows now, committed " + file.rows();
        } catch (IOException | RuntimeException e) {
            return "; no longer a readable Parquet file";
        }
    }

    private static java.util.Optional<Problem> damaged(ManifestEntry entry, ManifestEntry.DataFile file, String detail) {
        return java.util.Optional.of(new Problem(entry, file, Kind.DAMAGED, detail));
    }

    /** Files under the lake that no manifest entry names (staging, the manifest itself and temporary files left out). */
    private List<String> unexpected(Set<String> named) throws IOException {
        if (!Files.isDirectory(lake.root())) {
            return List.of();
        }
        List<String> extra = new ArrayList<>();
        Set<String> pending = pendingPublishes();
        try (Stream<Path> paths = Files.walk(lake.root())) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                String relative = lake.root().relativize(path).toString().replace('\\', '/');
                if (relative.startsWith(Lake.STAGING_DIR + "/") || relative.startsWith(Lake.MANIFEST_DIR + "/")
                        || relative.startsWith(Lake.REJECTS_DIR + "/") || path.getFileName().toString().startsWith(".")
                        || relative.equals(KeyFingerprint.FILE_NAME)) {
                    continue;
                }
                if (relative.startsWith(Withdrawal.DIR + "/")) {
                    continue; // the history of withdrawals: read by every reader, named by no entry
                }
                if (relative.startsWith(Lake.HOLDINGS_DIR + "/") || relative.startsWith(Lake.PARKED_DIR + "/")) {
                    String name = path.getFileName().toString();
                    String checksum = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                    if (checksum.matches("[0-9a-f]{64}") && Files.exists(lake.manifestDir().resolve(checksum + ".json"))) {
                        continue; // what a committed file held, or parked
                    }
                }
                if (!named.contains(relative) && !pending.contains(relative)) {
                    extra.add(relative);
                }
            }
        } catch (java.io.UncheckedIOException e) {
            // a file moved while we walked (a publish running beside us): what we have is still useful
        }
        return extra;
    }

    /** The files that publishes interrupted after their intents were written move into place ({@link Lake#recover()} completes them). */
    private Set<String> pendingPublishes() {
        Set<String> pending = new HashSet<>();
        Path staging = lake.root().resolve(Lake.STAGING_DIR);
        if (!Files.isDirectory(staging)) {
            return pending;
        }
        try (Stream<Path> intents = Files.find(staging, 3, (p, a) -> p.getFileName().toString().equals(Lake.INTENT))) {
            for (Path intent : intents.toList()) {
                try {
                    Lake.Intent read = LakeManifest.json().readValue(intent.toFile(), Lake.Intent.class);
                    read.moves().forEach(m -> {
                        Path to = Path.of(m.to());
                        if (to.startsWith(lake.root())) {
                            pending.add(lake.root().relativize(to).toString().replace('\\', '/'));
                        }
                    });
                } catch (IOException | RuntimeException e) {
                    // an unreadable intent protects nothing
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // the staging area changed while we looked
        }
        return pending;
    }
}
