package vn.inspection.pipeline.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Configuration keys for the commands that run without Spring (compare, sql, metrics, report, verify), read
 * the way Spring Boot reads them for the others, so a key means the same everywhere: a {@code -Dkey=value}
 * system property, else the environment variable Spring Boot binds to the key (dots as underscores, dashes
 * dropped, upper case: {@code pipeline.schemas-dir} → {@code PIPELINE_SCHEMASDIR}), else
 * {@code application.properties} in the working directory.
 */
public final class Settings {
    private final Map<String, String> environment;
    private final Properties file;

    Settings(Map<String, String> environment, Properties file) {
        this.environment = environment;
        this.file = file;
    }

    /** The settings of this process. */
    public static Settings fromProcess() {
        Properties file = new Properties();
        Path properties = Path.of("application.properties");
        if (Files.isRegularFile(properties)) {
            try (Reader reader = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
                file.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + properties.toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
        return new Settings(System.getenv(), file);
    }

    /** The value of a key, trimmed; empty when it is unset or blank. */
    public Optional<String> get(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = environment.get(environmentName(key));
        }
        if (value == null) {
            value = file.getProperty(key);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public Optional<Path> path(String key) {
        return get(key).map(Path::of);
    }

    /** The environment variable Spring Boot binds to a key. */
    static String environmentName(String key) {
        return key.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }
}
