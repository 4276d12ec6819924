package vn.inspection.pipeline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import vn.inspection.pipeline.lake.Lake;

/** Every file under a folder with its SHA-256, to prove that a command changed nothing (nor created anything). */
public final class FileTree {
    private FileTree() {
    }

    /**
     * Relative path → SHA-256 of every file and folder under {@code root} (folders map to "dir"), leaving out the
     * log files, which a read command appends to when the home lets it; empty when the folder does not exist.
     */
    public static Map<String, String> snapshot(Path root) {
        Map<String, String> tree = new TreeMap<>();
        if (!Files.exists(root)) {
            return tree;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String relative = root.relativize(path).toString().replace('\\', '/');
                if (relative.startsWith("logs/") && relative.endsWith(".log")) {
                    continue;
                }
                tree.put(relative, Files.isDirectory(path) ? "dir" : Lake.sha256(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }
}
