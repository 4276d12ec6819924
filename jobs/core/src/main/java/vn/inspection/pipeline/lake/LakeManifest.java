package vn.inspection.pipeline.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    public Optional<ManifestEntry> entry(String checksum) {
        Path file = dir().resolve(checksum + ".json");
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(parse(in));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable manifest entry " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every committed entry, read once. */
    public LakeSnapshot snapshot() {
        if (!Files.isDirectory(dir())) {
            return LakeSnapshot.empty();
        }
        List<ManifestEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir(), LakeManifest::isEntry)) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    entries.add(parse(in));
                } catch (IOException e) {
                    throw new UncheckedIOException("unreadable manifest entry " + file + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the lake manifest " + dir() + ": " + e.getMessage(), e);
        }
        return new LakeSnapshot(entries);
    }

    /** When the last file was committed (its entry written); empty when nothing is. */
    public Optional<Instant> lastCommit() {
        if (!Files.isDirectory(dir())) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir())) {
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
