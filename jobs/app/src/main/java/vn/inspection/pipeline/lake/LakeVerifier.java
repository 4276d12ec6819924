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
                         List<String> unexpectedFiles) {
        public boolean ok() {
            return problems.isEmpty();
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

    /** Checks every committed file of the lake, and lists files under the record folders that no entry names. */
    public Report verify() throws IOException {
        return verify(lake.snapshot(), true);
    }

    /**
     * Checks the committed files of a snapshot; without {@code checksums} a file is checked for existence, size and
     * footer row count only (no byte is hashed: what the warehouse refresh does on every run).
     */
    public Report verify(LakeSnapshot snapshot, boolean checksums) throws IOException {
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
                check(entry, file, checksums).ifPresent(problems::add);
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
        try (Stream<Path> paths = Files.walk(lake.root())) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                String relative = lake.root().relativize(path).toString().replace('\\', '/');
                if (relative.startsWith(Lake.STAGING_DIR + "/") || relative.startsWith(Lake.MANIFEST_DIR + "/")
                        || relative.startsWith(Lake.REJECTS_DIR + "/") || path.getFileName().toString().startsWith(".")
                        || relative.equals(KeyFingerprint.FILE_NAME)) {
                    continue;
                }
                if (!named.contains(relative)) {
                    extra.add(relative);
                }
            }
        } catch (java.io.UncheckedIOException e) {
            // a file moved while we walked (a publish running beside us): what we have is still useful
        }
        return extra;
    }
}
