package vn.inspection.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key kept in the home is readable by its owner alone, and a key others can read is warned about. */
class PseudonymKeyTest {
    @TempDir
    Path home;

    @Test
    void generatesTheKeyOnceInAFileOnlyItsOwnerCanRead() throws Exception {
        Path file = home.resolve("pseudonym.key");

        String key = SystemConfiguration.storedKey(file);

        assertThat(key).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SystemConfiguration.storedKey(file)).isEqualTo(key);
        assertThat(SystemConfiguration.looseKeyWarning(file)).isEmpty();
        try (var files = Files.list(home)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void warnsAboutAKeyOthersCanRead() throws Exception {
        Path file = Files.writeString(home.resolve("pseudonym.key"), "an-existing-key-0123456789\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(SystemConfiguration.storedKey(file)).isEqualTo("an-existing-key-0123456789");
        assertThat(SystemConfiguration.looseKeyWarning(file)).contains("the pseudonym key " + file + " can be read by others (rw-r--r--): run 'chmod 600 "
                + file + "'; anyone who reads it can re-identify members");
    }
}
