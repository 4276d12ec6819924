package vn.inspection.pipeline.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.schema.SchemaCatalog;

/**
 * {@code pipeline withdraw}: takes back what one ingested source file contributed. Every record whose current
 * version came from the file leaves the figures (a withdrawal in the lake's history, {@link Withdrawal#WITHDRAWN}),
 * unless another file the lake holds (and has not withdrawn) also holds it: that record stays. Nothing is deleted:
 * the file's versions stay in the lake as history, {@code --known-at} still sees them, and ingesting the file again
 * brings its records back. Works on lakes written by earlier versions (a file without kept holdings counts by the
 * records its parts hold).
 */
public final class LakeWithdraw {
    private final Lake lake;
    private final SchemaCatalog schemas;

    public LakeWithdraw(Lake lake, SchemaCatalog schemas) {
        this.lake = lake;
        this.schemas = schemas;
    }

    /** What a withdrawal did: the file, the records withdrawn, and those that stay because another file holds them. */
    public record Result(ManifestEntry file, Withdrawal withdrawal, long stayed) {
    }

    /** Thrown when the file cannot be withdrawn: not in the lake, or withdrawn already; the message says what to do. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** The entry of a source file named by its SHA-256, its path, or (when unique) its file name. */
    public ManifestEntry find(String fileOrChecksum) throws Refused, IOException {
        LakeSnapshot snapshot = lake.snapshot();
        String wanted = fileOrChecksum.strip();
        if (wanted.matches("(?i)[0-9a-f]{64}")) {
            return snapshot.entries().stream().filter(e -> e.checksum().equalsIgnoreCase(wanted)).findFirst()
                    .orElseThrow(() -> new Refused("the lake holds no file with SHA-256 " + wanted + ": 'pipeline sql \"SELECT checksum, file_name "
                            + "FROM lake_files\"' lists the files it holds"));
        }
        Path path = Path.of(wanted);
        if (Files.isRegularFile(path)) {
            String checksum = Lake.sha256(path);
            return snapshot.entries().stream().filter(e -> e.checksum().equals(checksum)).findFirst()
                    .orElseThrow(() -> new Refused("the lake holds nothing of " + wanted + " (its content, SHA-256 " + checksum
                            + ", was never ingested)"));
        }
        String name = path.getFileName() == null ? wanted : path.getFileName().toString();
        List<ManifestEntry> named = snapshot.entries().stream().filter(e -> e.fileName().equals(name)).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.isEmpty()) {
            throw new Refused("no file named " + name + " is in the lake, and there is no such file to read: give its path or its SHA-256");
        }
        throw new Refused(named.size() + " files named " + name + " are in the lake (different contents): give the one you mean by its SHA-256 ("
                + String.join(", ", named.stream().map(e -> e.checksum().substring(0, 16) + "…").toList()) + ")");
    }

    /** Withdraws the records a file contributed, at {@code now} (or just after the lake's last change). */
    public Result withdraw(ManifestEntry file, Instant now) throws Refused, IOException {
        LakeSnapshot snapshot = lake.snapshot();
        if (snapshot.withdrawn(file.checksum())) {
            throw new Refused(file.fileName() + " is withdrawn already; ingest it again to bring its records back");
        }
        RecordVersions versions = new RecordVersions();
        versions.loadLake(lake, snapshot, schemas);
        RecordKeySet heldElsewhere = new RecordKeySet();
        for (ManifestEntry other : snapshot.entries()) {
            if (other.checksum().equals(file.checksum()) || snapshot.withdrawn(other.checksum())) {
                continue;
            }
            Path holdings = lake.holdings(other.checksum());
            if (Files.exists(holdings)) {
                readHoldings(holdings, heldElsewhere);
            } else {
                List<Path> parts = other.dataFiles().stream().filter(d -> !d.recordType().equals(RecordSchema.UNITS)).map(d -> lake.resolve(d.path())).toList();
                LakeReader.readKeys(parts, heldElsewhere);
            }
        }
        int owner = versions.owner(file.checksum());
        List<RecordVersions.Withdrawn> owned = versions.owned(owner);
        List<Withdrawal.Record> records = new ArrayList<>();
        long stayed = 0;
        for (RecordVersions.Withdrawn record : owned) {
            if (heldElsewhere.contains(record.recordKey())) {
                stayed++;
            } else {
                records.add(new Withdrawal.Record(record.recordType(), record.recordKey(), file.checksum(),
                        record.date() == RecordVersions.NO_DATE ? null : java.time.LocalDate.ofEpochDay(record.date())));
            }
        }
        Withdrawal withdrawal = new Withdrawal(lake.nextCommitInstant(now), Withdrawal.WITHDRAWN, null, null, file.checksum(), file.fileName(),
                null, records);
        lake.commitWithdrawal(withdrawal);
        return new Result(file, withdrawal, stayed);
    }

    /** Reads a holdings file's keys into a set. */
    static void readHoldings(Path holdings, RecordKeySet into) throws IOException {
        RecordVersions.readHoldings(holdings, into::add);
    }
}
