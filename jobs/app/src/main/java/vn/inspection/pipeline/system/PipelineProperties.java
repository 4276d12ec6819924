package vn.inspection.pipeline.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every capability shares.
 *
 * @param home          the pipeline home (default {@code ./var}); the CLI sets it from {@code --home}
 * @param schemasDir    a folder of schema files to use instead of the ones packaged in the jar (default: packaged)
 * @param pseudonymKey  the key of member pseudonyms (default: {@code PIPELINE_PSEUDONYM_KEY}, else a key generated
 *                      once and kept in {@code <home>/pseudonym.key}); at least 16 characters
 */
@ConfigurationProperties("pipeline")
public record PipelineProperties(Path home, Path schemasDir, String pseudonymKey) {
    public static final String PSEUDONYM_KEY_ENV = "PIPELINE_PSEUDONYM_KEY";
}
