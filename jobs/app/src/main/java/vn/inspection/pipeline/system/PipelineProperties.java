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
 * @param rejects       the rejects kept for the clerk in {@code <home>/reports/}
 */
@ConfigurationProperties("pipeline")
public record PipelineProperties(Path home, Path schemasDir, String pseudonymKey, Rejects rejects) {
    public static final String PSEUDONYM_KEY_ENV = "PIPELINE_PSEUDONYM_KEY";

    public PipelineProperties {
        rejects = rejects == null ? new Rejects(false) : rejects;
    }

    /**
     * @param redact {@code pipeline.rejects.redact} (default false): replace members' names in the rejected rows'
     *               original values with their pseudonyms; the clerk then finds a row by file, sheet and row number
     */
    public record Rejects(boolean redact) {
    }
}
