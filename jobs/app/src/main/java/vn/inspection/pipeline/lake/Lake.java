package vn.inspection.pipeline.lake;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Parquet lake: one folder per record type, Hive-partitioned by year, and a manifest with one entry
 * per ingested source file.
 *
 * <p>Publishing is atomic per source file. Its records are first written under {@code _staging/}
 * (which readers never look at); publishing writes an intent listing every move, moves the files into
 * place, then writes the manifest entry, which is the commit; a reader that follows the manifest (the
 * warehouse does) never sees part of a file. After a crash, {@link #recover()} completes any publish whose
 * intent was written, so a file is in the lake whole or not at all.
 *
 * <p>Publishing a file the lake already holds (a re-ingest with {@code --force}, or a repair of damaged parts)
 * replaces its entry: the new parts never take the names of the old ones, the new entry replaces the old in one
 * atomic rename, and only then are the old parts deleted (the intent lists them, so a crash in between is
 * completed too).
 *
 * <p>Rejected rows carry the clerk's original values, member names included, so they never enter the lake: a
 * file's rejects are moved to the rejects folder given at construction ({@code <home>/reports/rejects}), readable
 * by their owner only.
 */
public final class Lake {
    public static final String MANIFEST_DIR = LakeManifest.DIR;
    public static final String STAGING_DIR = "_staging";
    /** The keys each published file held: {@code _holdings/<checksum>.keys} (16 bytes a key, 1 of record type, 4 of date). */
    public static final String HOLDINGS_DIR = "_holdings";
    /** Rows waiting for the units reference, per source file: {@code _parked/<checksum>.jsonl}. */
    public static final String PARKED_DIR = "_parked";
    /** Where rejects were kept inside the lake before they moved to the reports folder; moved out by the ingest. */
    public static final String REJECTS_DIR = "_rejects";
    static final String INTENT = "_PUBLISH.json";
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");

    private final Path root;
    private final Path rejectsDir;
    private final LakeManifest manifest;
    private final ObjectMapper json = LakeManifest.json();

    /** A lake to read (publishing a file with rejected rows needs {@link #Lake(Path, Path)}). */
    public Lake(Path root) {
        this(root, null);
    }

    /** A lake that publishes each file's rejected rows into {@code rejectsDir}, outside the lake. */
    public Lake(Path root, Path rejectsDir) {
        this.root = root;
        this.rejectsDir = rejectsDir;
        this.manifest = new LakeManifest(root);
    }

    /**
     * Where a run stages the rejected rows of one source file: beside the rejects, outside the lake (they hold
     * names), and dropped like the lake's staging.
     */
    public Path rejectsStagingDir(long runId, String checksum) {
        if (rejectsDir == null) {
            throw new IllegalStateException("this lake has no rejects folder");
        }
        return rejectsRunStaging(runId).resolve(checksum);
    }

    /** Where a run stages the rejected rows of all its files. */
    public Path rejectsRunStaging(long runId) {
        return rejectsDir.resolve(".staging").resolve("run-" + runId);
    }

    /** Where a published file's rejected rows are: {@code <rejects folder>/<checksum>.csv}; null for a read-only lake. */
    public Path rejectsFile(String checksum) {
        return rejectsDir == null ? null : rejectsDir.resolve(checksum + ".csv");
    }

    public Path root() {
        return root;
    }

    public Path manifestDir() {
        return manifest.dir();
    }

    /** Where a run stages the records of one source file before publishing them. */
    public Path stagingDir(long runId, String checksum) {
        return root.resolve(STAGING_DIR).resolve("run-" + runId).resolve(checksum);
    }

    /** The manifest's read side (shared with every engine). */
    public LakeManifest manifest() {
        return manifest;
    }

    public Optional<ManifestEntry> manifestEntry(String checksum) {
        return manifest.entry(checksum);
    }

    /** Every committed entry, read once. */
    public LakeSnapshot snapshot() {
        return manifest.snapshot();
    }

    /** Every committed entry, leaving out the damaged entries of source files being ingested again ({@link LakeManifest#snapshot(java.util.Set)}). */
    public LakeSnapshot snapshot(java.util.Set<String> replacing) {
        return manifest.snapshot(replacing);
    }

    /** When the last file was committed (its manifest entry written); empty when nothing is. */
    public Optional<java.time.Instant> lastCommit() {
        return manifest.lastCommit();
    }

    /** The absolute path of a file named relative to the lake root (as the manifest names them). */
    public Path resolve(String relativePath) {
        return root.resolve(relativePath);
    }

    /** The committed data files of one record type (absolute paths), in manifest order. */
    public List<Path> dataFiles(String recordType) {
        return dataFiles(snapshot()).getOrDefault(recordType, List.of());
    }

    /** The committed data files of every record type in a snapshot, as absolute paths in manifest order. */
    public java.util.Map<String, List<Path>> dataFiles(LakeSnapshot snapshot) {
        java.util.Map<String, List<Path>> byType = new java.util.LinkedHashMap<>();
        snapshot.dataFiles().forEach((type, files) -> byType.put(type, files.stream().map(root::resolve).toList()));
        return byType;
    }

    /**
     * Publishes a staged source file: {@code dataFiles} are staged paths relative to the staging dir
     * ({@code data/<type>/[year=Y/]part-N.parquet}); {@code stagedRejects} is the file's rejects CSV or null.
     * When the lake already holds the file, its entry and parts are replaced.
     */
    public ManifestEntry publish(long runId, ManifestEntry draft, List<String> stagedDataFiles, Path stagedRejects) throws IOException {
        return publish(runId, draft, stagedDataFiles, stagedRejects, null, null, null);
    }

    /**
     * Publishes a staged source file with what it withdrew ({@code withdrawal}, committed with the entry; may be
     * null) and the keys it held ({@code heldKeys}, kept as {@code _holdings/<checksum>.keys}; may be null).
     *
     * <p>A file the lake holds whose records were withdrawn since ({@code pipeline withdraw}) is <em>readmitted</em>:
     * its earlier parts stay (they are history), the new ones join its entry with their own commit instant, and the
     * entry keeps its first {@code ingested_at}. A file the lake holds otherwise (a repair, {@code --force}) has its
     * parts replaced and also keeps its first {@code ingested_at}: its records became known then.
     */
    public ManifestEntry publish(long runId, ManifestEntry draft, List<String> stagedDataFiles, Path stagedRejects,
                                 Withdrawal withdrawal, Path heldKeys, Path parkedRows) throws IOException {
        Path staging = stagingDir(runId, draft.checksum());
        String shortSum = draft.checksum().substring(0, 16);
        Optional<ManifestEntry> committed;
        try {
            committed = manifestEntry(draft.checksum());
        } catch (ManifestDamagedException e) {
            committed = Optional.empty(); // its damaged entry is what this publish restores
        }
        boolean readmitted = committed.isPresent() && new LakeSnapshot(List.of(committed.get()), manifest.withdrawals()).withdrawn(draft.checksum());
        java.util.Set<String> previous = new java.util.HashSet<>(committed
                .map(e -> e.dataFiles().stream().map(ManifestEntry.DataFile::path).collect(java.util.stream.Collectors.toSet()))
                .orElse(java.util.Set.of()));
        if (committed.isEmpty()) {
            // parts of this file left without an entry (its entry damaged or deleted): replaced like a committed file's
            previous.addAll(unclaimedParts(shortSum));
        }
        List<ManifestEntry.DataFile> finals = new ArrayList<>();
        List<Move> moves = new ArrayList<>();
        for (String staged : stagedDataFiles) {
            Path relative = Path.of(staged);
            // data/<type>/[year=Y/]part-N.parquet  ->  <type>/[year=Y/]part-<checksum16>-N.parquet
            Path inLake = relative.subpath(1, relative.getNameCount());
            String name = inLake.getFileName().toString().replace("part-", "part-" + shortSum + "-");
            String target = inLake.getParent().resolve(name).toString().replace('\\', '/');
            if (previous.contains(target)) {
                // replacing the file's parts: never over the committed ones, which stay until the new entry commits
                target = inLake.getParent().resolve(name.replace("part-" + shortSum + "-", "part-" + shortSum + "-run" + runId + "-")).toString().replace('\\', '/');
            }
            Path stagedFile = staging.resolve(relative);
            ManifestEntry.DataFile data = new ManifestEntry.DataFile(target, ParquetFiles.rowCount(stagedFile), Files.size(stagedFile), sha256(stagedFile));
            finals.add(readmitted ? data.committed(draft.ingestedAt()) : data);
            moves.add(new Move(stagedFile.toString(), root.resolve(target).toString()));
        }
        if (withdrawal != null) {
            Path staged = staging.resolve("withdrawal.json");
            writeAtomically(staged, json.writeValueAsBytes(withdrawal));
            moves.add(new Move(staged.toString(), manifest.withdrawalsDir().resolve(withdrawal.storedName()).toString()));
        }
        if (heldKeys != null && Files.exists(heldKeys)) {
            moves.add(new Move(heldKeys.toString(), holdings(draft.checksum()).toString()));
        }
        List<String> extraDeletes = new ArrayList<>();
        if (parkedRows != null && Files.exists(parkedRows) && Files.size(parkedRows) > 0) {
            moves.add(new Move(parkedRows.toString(), parked(draft.checksum()).toString()));
        } else if (!readmitted) {
            extraDeletes.add(parked(draft.checksum()).toString()); // read again (repair, --force): what it parked is what this reading parked
        }
        if (stagedRejects != null) {
            if (rejectsDir == null) {
                throw new IllegalStateException("this lake has no rejects folder to publish " + draft.fileName() + "'s rejected rows into");
            }
            ownerOnly(stagedRejects);
            moves.add(new Move(stagedRejects.toString(), rejectsFile(draft.checksum()).toString()));
        }
        List<String> deletes;
        java.time.Instant ingestedAt = committed.map(ManifestEntry::ingestedAt).orElse(draft.ingestedAt());
        java.time.Instant updatedAt = null;
        if (readmitted) {
            List<ManifestEntry.DataFile> kept = new ArrayList<>(committed.get().dataFiles());
            kept.addAll(finals);
            finals = kept;
            deletes = List.of();
            updatedAt = draft.ingestedAt();
        } else {
            List<String> finalPaths = finals.stream().map(ManifestEntry.DataFile::path).toList();
            deletes = new ArrayList<>(previous.stream().filter(p -> !finalPaths.contains(p)).sorted().map(p -> root.resolve(p).toString()).toList());
            deletes.addAll(extraDeletes);
        }
        ManifestEntry entry = new ManifestEntry(draft.checksum(), draft.fileName(), draft.sourcePath(), draft.size(),
                ingestedAt, runId, draft.sheets(), finals, null, updatedAt);
        Intent intent = new Intent(entry, moves, deletes);
        writeAtomically(staging.resolve(INTENT), json.writeValueAsBytes(intent));
        complete(staging, intent);
        return entry;
    }

    /**
     * Replaces data files of a committed source file, as atomically as {@link #publish}: the new files
     * ({@code replacements}, committed path → staged file under {@code staging}) move in under new names, the
     * manifest entry is rewritten with their rows, sizes and checksums (and {@code sheets}, when counts
     * changed), and only then are the old files deleted. An intent written first lets {@link #recover()}
     * finish the job after a crash; before the intent, the lake is as it was.
     *
     * @param generation a tag that makes the new names differ from the old ({@code part-<sum16>-<generation>-N.parquet})
     */
    public ManifestEntry replaceDataFiles(Path staging, ManifestEntry committed, java.util.Map<String, Path> replacements,
                                          List<ManifestEntry.SheetCounts> sheets, String generation) throws IOException {
        String shortSum = committed.checksum().substring(0, 16);
        List<ManifestEntry.DataFile> finals = new ArrayList<>();
        List<Move> moves = new ArrayList<>();
        List<String> obsolete = new ArrayList<>();
        for (ManifestEntry.DataFile file : committed.dataFiles()) {
            Path staged = replacements.get(file.path());
            if (staged == null) {
                finals.add(file);
                continue;
            }
            obsolete.add(root.resolve(file.path()).toString());
            if (ParquetFiles.rowCount(staged) == 0) {
                continue; // every row of the file was a duplicate under the new key
            }
            Path relative = Path.of(file.path());
            String name = relative.getFileName().toString().replaceFirst("^part-" + shortSum + "-(?:k\\d+-)?", "part-" + shortSum + "-" + generation + "-");
            if (name.equals(relative.getFileName().toString())) {
                name = "part-" + shortSum + "-" + generation + "-" + relative.getFileName();
            }
            String target = (relative.getParent() == null ? Path.of(name) : relative.getParent().resolve(name)).toString().replace('\\', '/');
            // a part added after the entry's first commit keeps its own commit instant: the history of its versions
            finals.add(new ManifestEntry.DataFile(target, ParquetFiles.rowCount(staged), Files.size(staged), sha256(staged), file.committedAt()));
            moves.add(new Move(staged.toString(), root.resolve(target).toString()));
        }
        ManifestEntry entry = new ManifestEntry(committed.checksum(), committed.fileName(), committed.sourcePath(), committed.size(),
                committed.ingestedAt(), committed.runId(), sheets, finals, committed.rejectsFile(), committed.updatedAt());
        Intent intent = new Intent(entry, moves, obsolete);
        writeAtomically(staging.resolve(INTENT), json.writeValueAsBytes(intent));
        complete(staging, intent);
        return entry;
    }

    /** Readable and writable by the owner alone (rejected rows hold members' names); no-op where POSIX modes do not exist. */
    public static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions protect it
        }
    }

    /** Parquet files under the record folders whose names say they hold the records of the source file {@code shortSum}. */
    private List<String> unclaimedParts(String shortSum) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        String prefix = "part-" + shortSum + "-";
        try (Stream<Path> paths = Files.find(root, 3, (p, a) -> a.isRegularFile() && p.getFileName().toString().startsWith(prefix)
                && p.getFileName().toString().endsWith(".parquet"))) {
            return paths.map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(STAGING_DIR + "/") && !p.startsWith(MANIFEST_DIR + "/")).sorted().toList();
        }
    }

    /** Where the rows a published source file parked wait for the units reference ({@code _parked/<checksum>.jsonl}). */
    public Path parked(String checksum) {
        return root.resolve(PARKED_DIR).resolve(checksum + ".jsonl");
    }

    /**
     * Lets parked rows of a committed file in, as atomically as {@link #publish}: the new parts ({@code stagedParts},
     * relative to {@code staging}: {@code <type>/[year=Y/]part-N.parquet}) join the file's entry with their commit
     * instant {@code at}, its sheets' counts become {@code sheets}, the rows still parked replace its parked rows
     * ({@code stillParked}; null when none remain), and the entry names this run.
     */
    public ManifestEntry adopt(long runId, ManifestEntry entry, Path staging, List<String> stagedParts, Path stillParked,
                               List<ManifestEntry.SheetCounts> sheets, java.time.Instant at) throws IOException {
        String shortSum = entry.checksum().substring(0, 16);
        List<ManifestEntry.DataFile> finals = new ArrayList<>(entry.dataFiles());
        List<Move> moves = new ArrayList<>();
        for (String staged : stagedParts) {
            Path relative = Path.of(staged);
            String name = "part-" + shortSum + "-late" + runId + "-" + at.toEpochMilli() + "-" + relative.getFileName();
            String target = (relative.getParent() == null ? Path.of(name) : relative.getParent().resolve(name)).toString().replace('\\', '/');
            Path stagedFile = staging.resolve(relative);
            finals.add(new ManifestEntry.DataFile(target, ParquetFiles.rowCount(stagedFile), Files.size(stagedFile), sha256(stagedFile), at));
            moves.add(new Move(stagedFile.toString(), root.resolve(target).toString()));
        }
        List<String> deletes = new ArrayList<>();
        if (stillParked != null) {
            moves.add(new Move(stillParked.toString(), parked(entry.checksum()).toString()));
        } else {
            deletes.add(parked(entry.checksum()).toString());
        }
        ManifestEntry adopted = new ManifestEntry(entry.checksum(), entry.fileName(), entry.sourcePath(), entry.size(), entry.ingestedAt(), runId,
                sheets, finals, entry.rejectsFile(), at);
        Intent intent = new Intent(adopted, moves, deletes);
        writeAtomically(staging.resolve(INTENT), json.writeValueAsBytes(intent));
        complete(staging, intent);
        return adopted;
    }

    /** Where the keys a published source file held (every valid record it had, whatever became of it). */
    public Path holdings(String checksum) {
        return root.resolve(HOLDINGS_DIR).resolve(checksum + ".keys");
    }

    /**
     * An instant for the next commit: {@code now}, or just after the lake's latest commit or withdrawal when the
     * clock says otherwise (versions are ordered by these instants, so they never tie or go back).
     */
    public java.time.Instant nextCommitInstant(java.time.Instant now) {
        // read tolerantly: a publish that restores a damaged entry must not be refused by that entry
        java.time.Instant last = new LakeSnapshot(manifest.scan().entries(), manifest.withdrawals()).lastChange().orElse(java.time.Instant.EPOCH);
        java.time.Instant next = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return next.isAfter(last) ? next : last.plus(1, java.time.temporal.ChronoUnit.MICROS);
    }

    /** Writes a withdrawal into the lake's history (the commit of {@code pipeline withdraw}). */
    public void commitWithdrawal(Withdrawal withdrawal) throws IOException {
        writeAtomically(manifest.withdrawalsDir().resolve(withdrawal.storedName()), json.writeValueAsBytes(withdrawal));
    }

    /** Completes every publish interrupted after its intent was written. Returns how many. */
    public int recover() throws IOException {
        Path stagingRoot = root.resolve(STAGING_DIR);
        if (!Files.isDirectory(stagingRoot)) {
            return 0;
        }
        List<Path> intents;
        try (Stream<Path> files = Files.find(stagingRoot, 3, (p, a) -> p.getFileName().toString().equals(INTENT))) {
            intents = files.toList();
        }
        for (Path intent : intents) {
            complete(intent.getParent(), json.readValue(intent.toFile(), Intent.class));
        }
        return intents.size();
    }

    private void complete(Path staging, Intent intent) throws IOException {
        for (Move move : intent.moves()) {
            Path from = Path.of(move.from());
            Path to = Path.of(move.to());
            if (Files.exists(from)) {
                Files.createDirectories(to.getParent());
                move(from, to);
            } else if (!Files.exists(to)) {
                throw new IOException("cannot complete publish of " + intent.entry().fileName() + ": " + from + " and " + to + " are both missing");
            }
        }
        writeAtomically(manifestDir().resolve(intent.entry().checksum() + ".json"), json.writeValueAsBytes(intent.entry()));
        for (String replaced : intent.deletes()) {
            Files.deleteIfExists(Path.of(replaced));
        }
        deleteTree(staging);
        if (rejectsDir != null) {
            deleteTree(rejectsStagingDir(intent.entry().runId(), intent.entry().checksum()));
        }
    }

    /** Drops what a run staged for a source file (a file that failed, or a run being restarted). */
    public void discardStaging(long runId, String checksum) throws IOException {
        deleteTree(stagingDir(runId, checksum));
        if (rejectsDir != null) {
            deleteTree(rejectsStagingDir(runId, checksum));
        }
    }

    /** Drops everything a run staged; called when the run has completed, so nothing in it is wanted. */
    public void discardRun(long runId) throws IOException {
        deleteTree(root.resolve(STAGING_DIR).resolve("run-" + runId));
        if (rejectsDir != null) {
            deleteTree(rejectsRunStaging(runId));
        }
    }

    /** The SHA-256 of a file's content, hex. */
    public static String sha256(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes bytes to a file so that a reader sees the old content or the new, never a part. */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            out.write(content);
            out.flush();
            channel.force(true);
        }
        move(temp, target);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    record Move(@com.fasterxml.jackson.annotation.JsonProperty("from") String from,
                @com.fasterxml.jackson.annotation.JsonProperty("to") String to) {
    }

    /** A publish to complete: moves into place, then the entry (the commit), then the replaced parts' deletion. */
    record Intent(@com.fasterxml.jackson.annotation.JsonProperty("entry") ManifestEntry entry,
                  @com.fasterxml.jackson.annotation.JsonProperty("moves") List<Move> moves,
                  @com.fasterxml.jackson.annotation.JsonProperty("deletes") @com.fasterxml.jackson.annotation.JsonAlias("obsolete") List<String> deletes) {
        Intent {
            deletes = deletes == null ? List.of() : List.copyOf(deletes); // intents written before replacing existed
        }
    }
}
