package vn.inspection.pipeline.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.inspection.pipeline.record.Pseudonymiser;
import vn.inspection.pipeline.schema.SchemaCatalog;

/** Beans every capability shares: the home, the schemas, the pseudonymiser and the clock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PipelineProperties.class)
class SystemConfiguration {

    @Bean
    PipelineHome pipelineHome(PipelineProperties properties) {
        return PipelineHome.resolve(properties.home());
    }

    @Bean
    SchemaCatalog schemaCatalog(PipelineProperties properties) {
        return Catalogs.schemas(properties.schemasDir());
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /** The key {@link PseudonymKey#resolve} finds and checks against the lake's fingerprint. */
    @Bean
    PseudonymKey pseudonymKey(PipelineProperties properties, PipelineHome home) throws IOException {
        return PseudonymKey.resolve(properties.pseudonymKey(), home);
    }

    @Bean
    Pseudonymiser pseudonymiser(PseudonymKey key) {
        return new Pseudonymiser(key.bytes());
    }

    /**
     * The key kept in the home, generated (32 random bytes, hex) on first use in a file created readable and
     * writable by its owner alone (0600); an existing key that others can read is warned about, since anyone who
     * reads it can re-identify members by hashing a list of names.
     */
    static String storedKey(Path file) throws IOException {
        if (Files.exists(file)) {
            warnIfReadableByOthers(file);
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String key = HexFormat.of().formatHex(bytes);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.setPosixFilePermissions(temp, OWNER_ONLY); // whatever the umask
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the home's own permissions protect the key
            Files.createFile(temp);
        }
        Files.writeString(temp, key + "\n", StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return key;
    }

    private static final java.util.Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    static void warnIfReadableByOthers(Path file) throws IOException {
        looseKeyWarning(file).ifPresent(warning -> LoggerFactory.getLogger(SystemConfiguration.class).warn(warning));
    }

    /** The warning a key file that others can read deserves, or empty when only its owner can. */
    static java.util.Optional<String> looseKeyWarning(Path file) throws IOException {
        try {
            java.util.Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
                return java.util.Optional.of("the pseudonym key " + file + " can be read by others (" + PosixFilePermissions.toString(permissions)
                        + "): run 'chmod 600 " + file + "'; anyone who reads it can re-identify members");
            }
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        return java.util.Optional.empty();
    }
}
