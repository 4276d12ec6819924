package vn.inspection.pipeline.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * How a test runs a child process for which file permissions bind. Tests may run as root, for whom a folder
 * without write permission is still writable: then the child runs under {@code setpriv} with every capability
 * dropped (same user, so it still reads the build's class path, but CAP_DAC_OVERRIDE and the others are gone and
 * the permission bits apply). {@link #proveReadOnly} checks that the wrapper really makes a folder read-only, so
 * a test built on it cannot pass vacuously.
 */
public final class Unprivileged {
    private Unprivileged() {
    }

    /** The wrapper command (empty when not root); aborts the test when root and setpriv is missing. */
    public static List<String> wrapper() {
        if (!isRoot()) {
            return List.of();
        }
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "running as root without setpriv: file permissions cannot be made to bind for a child process");
        return List.of("/usr/bin/setpriv", "--bounding-set=-all", "--inh-caps=-all", "--no-new-privs", "--");
    }

    static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").start();
            String uid = new String(id.getInputStream().readAllBytes()).strip();
            id.waitFor(10, TimeUnit.SECONDS);
            return uid.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Makes a tree read-only (no write bit for anyone) and proves a wrapped process can neither create nor change a file in it. */
    public static void makeReadOnlyAndProve(Path root, Path aFileInside) throws IOException, InterruptedException {
        chmod("a-w", root);
        List<String> touch = new ArrayList<>(wrapper());
        touch.addAll(List.of("sh", "-c", "touch '" + root.resolve("probe") + "' || exit 0; exit 1"));
        Process create = new ProcessBuilder(touch).redirectErrorStream(true).start();
        create.getInputStream().readAllBytes();
        if (create.waitFor() != 0) {
            throw new AssertionError("the wrapped process could create a file in the read-only " + root + ": the test would prove nothing");
        }
        List<String> append = new ArrayList<>(wrapper());
        append.addAll(List.of("sh", "-c", "echo x >> '" + aFileInside + "' || exit 0; exit 1"));
        Process change = new ProcessBuilder(append).redirectErrorStream(true).start();
        change.getInputStream().readAllBytes();
        if (change.waitFor() != 0) {
            throw new AssertionError("the wrapped process could change " + aFileInside + ": the test would prove nothing");
        }
    }

    /** chmod -R, e.g. to give the temporary folder back its write permission before JUnit deletes it. */
    public static void chmod(String mode, Path root) throws IOException, InterruptedException {
        Process chmod = new ProcessBuilder("chmod", "-R", mode, root.toString()).inheritIO().start();
        if (chmod.waitFor() != 0) {
            throw new IOException("chmod -R " + mode + " " + root + " failed");
        }
    }
}
