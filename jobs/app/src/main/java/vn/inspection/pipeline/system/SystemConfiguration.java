package vn.inspection.pipeline.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

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

    @Bean
    Pseudonymiser pseudonymiser(PipelineProperties properties, PipelineHome home) throws IOException {
        String key = properties.pseudonymKey();
        if (key == null || key.isBlank()) {
            key = System.getenv(PipelineProperties.PSEUDONYM_KEY_ENV);
        }
        if (key == null || key.isBlank()) {
            key = storedKey(home.pseudonymKey());
        }
        if (key.length() < 16) {
            throw new IllegalStateException("the pseudonym key must be at least 16 characters (" + PipelineProperties.PSEUDONYM_KEY_ENV + ")");
        }
        return new Pseudonymiser(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key kept in the home, generated (32 random bytes, hex) on first use and readable by its owner only. */
    static String storedKey(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String key = HexFormat.of().formatHex(bytes);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, key + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the home's own permissions protect the key
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return key;
    }
}
