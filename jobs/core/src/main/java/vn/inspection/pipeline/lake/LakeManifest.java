package vn.inspection.pipeline.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The read side of the lake's manifest on a local (or mounted) file system: {@code <lake>/_manifest/<checksum>.json},
 * one entry per committed source file. Plain Java, no engine: the warehouse and the ingest read it here, and
 * the Spark engine parses the same JSON ({@link #parse}) from any Hadoop file system.
 */
public final class LakeManifest {
    /** The manifest's folder under the lake root. */
    public static final String DIR = "_manifest";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path lakeRoot;

    public LakeManifest(Path lakeRoot) {
        this.lakeRoot = lakeRoot;
    }

    public Path lakeRoot() {
        return lakeRoot;
    }

    public Path dir() {
        return lakeRoot.resolve(DIR);
    }

    /** One entry as JSON. */
    public static ManifestEntry parse(InputStream json) throws IOException {
        return JSON.readValue(json, ManifestEntry.class);
    }

    /** The JSON of an entry, as the manifest stores it. */
    public static byte[] toJson(Object entry) {
        try {
            return JSON.writeValueAsBytes(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapper of the manifest's JSON (ISO instants, snake_case names as the records declare them). */
    public static ObjectMapper json() {
        return JSON;
    }

    /**
     * The entry of one source file, or empty when the lake does not hold it.
     *
     * @throws ManifestDamagedException when its entry exists but cannot be read
     */
    public Optional<ManifestEntry> entry(String checksum) {
        Path file = dir().resolve(checksum + ".json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Read read = read(file);
        if (read.damaged() != null) {
            throw new ManifestDamagedException(List.of(read.damaged()));
        }
        return Optional.ofNullable(read.entry());
    }

    /**
     * Every committed entry, read once.
     *
     * @throws ManifestDamagedException when an entry cannot be read: a reader never builds from part of the lake
     */
    public LakeSnapshot snapshot() {
        return snapshot(java.util.Set.of());
    }

    /**
     * Every committed entry, read once, leaving out the damaged entries of {@code replacing} (source files being
     * ingested again, which restores their entries).
     *
     * @throws ManifestDamagedException when any other entry cannot be read
     */
    public LakeSnapshot snapshot(java.util.Set<String> replacing) {
        Scan scan = scan();
        List<Damaged> refused = scan.damaged().stream().filter(d -> d.checksum() == null || !replacing.contains(d.checksum())).toList();
        if (!refused.isEmpty()) {
            throw new ManifestDamagedException(refused);
        }
        return new LakeSnapshot(scan.entries(), withdrawals());
    }

    /** The folder of withdrawals under the lake root. */
    public Path withdrawalsDir() {
        return lakeRoot.resolve(Withdrawal.DIR);
    }

    /**
     * Every withdrawal in the lake's history, oldest first.
     *
     * @throws UncheckedIOException naming the file when one cannot be read (a reader never builds from part of the history)
     */
    public List<Withdrawal> withdrawals() {
        Path dir = withdrawalsDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, LakeManifest::isEntry)) {
            files.forEach(paths::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the lake's withdrawals " + dir + ": " + e.getMessage(), e);
        }
        paths.sort(Comparator.naturalOrder());
        List<Withdrawal> withdrawals = new ArrayList<>();
        for (Path file : paths) {
            withdrawals.add(parseWithdrawal(file));
        }
        return withdrawals;
    }

    private static Withdrawal parseWithdrawal(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parseWithdrawal(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("the lake's withdrawal " + file + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** One withdrawal as JSON; {@code name} says where it came from in the error. */
    public static Withdrawal parseWithdrawal(InputStream json, String name) throws IOException {
        Withdrawal withdrawal;
        try {
            withdrawal = JSON.readValue(json, Withdrawal.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("the lake's withdrawal " + name + " is damaged: it is not a withdrawal's JSON" + at(e)
                    + "; restore it from a backup (it is history: without it, records it withdrew would count again)", e);
        }
        if (withdrawal == null || withdrawal.withdrawnAt() == null || withdrawal.reason() == null) {
            throw new IOException("the lake's withdrawal " + name + " is damaged: it lacks withdrawn_at or reason; restore it from a backup");
        }
        return withdrawal;
    }

    /** An entry file of the manifest that cannot be read: what is wrong, and what can still be told of its source file. */
    public record Damaged(Path file, String checksum, String problem, String fileName, String sourcePath) {
        /** The command that restores it: re-ingest its source file, named as well as the damaged text allows. */
        public String restore() {
            if (checksum == null) {
                return "nothing to re-ingest: it is not named as an entry is (<SHA-256>.json), so move it out of " + file.getParent();
            }
            if (sourcePath != null && Files.isReadable(Path.of(sourcePath))) {
                return "pipeline ingest --force '" + sourcePath.replace("'", "'\\''") + "'";
            }
            return "pipeline ingest --force <path of " + (fileName != null ? fileName : "the source file") + ", SHA-256 " + checksum + ">"
                    + (sourcePath != null ? " (it is no longer at " + sourcePath + ")" : "");
        }
    }

    /** The manifest read whole: the entries that read, and the files that did not. */
    public record Scan(List<ManifestEntry> entries, List<Damaged> damaged) {
    }

    /** Every entry file, read once; a damaged one is reported, not thrown. */
    public Scan scan() {
        if (!Files.isDirectory(dir())) {
            return new Scan(List.of(), List.of());
        }
        List<ManifestEntry> entries = new ArrayList<>();
        List<Damaged> damaged = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir(), LakeManifest::isEntry)) {
            files.forEach(paths::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the lake manifest " + dir() + ": " + e.getMessage(), e);
        }
        paths.sort(Comparator.naturalOrder());
        for (Path file : paths) {
            Read read = read(file);
            if (read.damaged() != null) {
                damaged.add(read.damaged());
            } else {
                entries.add(read.entry());
            }
        }
        return new Scan(entries, damaged);
    }

    private record Read(ManifestEntry entry, Damaged damaged) {
    }

    /** The largest entry file read: an entry is a few kilobytes; anything far larger is not one. */
    static final long MAX_ENTRY_BYTES = 16L << 20;

    private Read read(Path file) {
        String name = file.getFileName().toString();
        String named = name.substring(0, name.length() - ".json".length());
        String checksum = named.matches("[0-9a-f]{64}") ? named : null;
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                return new Read(null, damaged(file, checksum, "it is a folder, not a manifest entry", null));
            }
            long size = Files.size(file);
            if (size > MAX_ENTRY_BYTES) {
                return new Read(null, damaged(file, checksum, "it is " + size + " bytes, far too large for a manifest entry", null));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Read(null, damaged(file, checksum, "it cannot be read (" + e.getMessage() + ")", null));
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return new Read(null, damaged(file, checksum, "it is empty", text));
        }
        ManifestEntry entry;
        try {
            entry = JSON.readValue(bytes, ManifestEntry.class);
        } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
            return new Read(null, damaged(file, checksum, "it ends in the middle of the entry, cut short" + at(e), text));
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            return new Read(null, damaged(file, checksum, "it is not valid JSON" + at(e), text));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            if (String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
                return new Read(null, damaged(file, checksum, "it ends in the middle of the entry, cut short" + at(e), text));
            }
            return new Read(null, damaged(file, checksum, "it is JSON but not a manifest entry" + at(e), text));
        } catch (IOException e) {
            return new Read(null, damaged(file, checksum, "it cannot be read (" + e.getMessage() + ")", text));
        }
        if (entry == null) {
            return new Read(null, damaged(file, checksum, "it holds no entry", text));
        }
        List<String> missing = new ArrayList<>();
        if (entry.checksum() == null) {
            missing.add("checksum");
        }
        if (entry.fileName() == null) {
            missing.add("file_name");
        }
        if (entry.ingestedAt() == null) {
            missing.add("ingested_at");
        }
        if (!missing.isEmpty()) {
            return new Read(null, damaged(file, checksum, "it lacks " + String.join(", ", missing), text));
        }
        if (!entry.checksum().equals(named)) {
            return new Read(null, damaged(file, checksum, "it holds the entry of another source file (SHA-256 " + entry.checksum() + ")", text));
        }
        for (ManifestEntry.DataFile data : entry.dataFiles()) {
            if (data == null || data.path() == null) {
                return new Read(null, damaged(file, checksum, "one of its data_files has no path", text));
            }
        }
        return new Read(entry, null);
    }

    private static String at(com.fasterxml.jackson.core.JsonProcessingException e) {
        var location = e.getLocation();
        return location == null || location.getLineNr() < 0 ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static final java.util.regex.Pattern SOURCE_PATH = java.util.regex.Pattern.compile("\"source_path\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final java.util.regex.Pattern FILE_NAME = java.util.regex.Pattern.compile("\"file_name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** A damaged entry, with the source file's name and path when the text still holds them. */
    private static Damaged damaged(Path file, String checksum, String problem, String text) {
        return new Damaged(file, checksum, problem, field(FILE_NAME, text), field(SOURCE_PATH, text));
    }

    private static String field(java.util.regex.Pattern pattern, String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher matcher = pattern.matcher(text.length() > 65536 ? text.substring(0, 65536) : text);
        if (!matcher.find()) {
            return null;
        }
        try {
            return JSON.readValue("\"" + matcher.group(1) + "\"", String.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** When the last file was committed (its entry written) or records withdrawn; empty when nothing is. */
    public Optional<Instant> lastCommit() {
        Optional<Instant> entries = lastModified(dir());
        Optional<Instant> withdrawn = lastModified(withdrawalsDir());
        return entries.isEmpty() ? withdrawn : withdrawn.filter(w -> w.isAfter(entries.get())).or(() -> entries);
    }

    private static Optional<Instant> lastModified(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(LakeManifest::isEntry).map(f -> {
                try {
                    return Files.getLastModifiedTime(f).toInstant();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max(Comparator.naturalOrder());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEntry(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") && !name.startsWith(".");
    }
}
