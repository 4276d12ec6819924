package vn.inspection.pipeline.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The committed fixture spreadsheets, copied where a test wants them. */
public final class Fixtures {
    public static final Path ROOT = Path.of("src/test/resources/fixtures");
    public static final Path INGEST = ROOT.resolve("ingest");
    public static final Path BROKEN = ROOT.resolve("broken");

    private Fixtures() {
    }

    /** Copies the named fixtures (file names in {@code folder}) into {@code target}; returns target. */
    public static Path copy(Path folder, Path target, String... names) throws IOException {
        Files.createDirectories(target);
        for (String name : names) {
            Files.copy(folder.resolve(name), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** A copy of the project's {@code schemas/} folder in {@code target}, for a test that changes a schema. */
    public static Path copySchemas(Path target) throws IOException {
        Path source = Path.of("../../schemas");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    /** Every file of the ingest fixtures, copied into {@code target}. */
    public static Path copyAll(Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(INGEST)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }
}
