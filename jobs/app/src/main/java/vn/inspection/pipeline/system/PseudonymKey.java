package vn.inspection.pipeline.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

import org.slf4j.LoggerFactory;

import vn.inspection.pipeline.lake.KeyFingerprint;
import vn.inspection.pipeline.lake.Lake;

/**
 * The pseudonym key of a run that ingests: the setting {@code pipeline.pseudonym-key}, else {@code
 * PIPELINE_PSEUDONYM_KEY}, else the home's key file (generated on first use). It must be the lake's
 * ({@link KeyFingerprint}): a lake that recorded a fingerprint refuses another key, and a lost key file is not
 * replaced by a new key; a lake that recorded none (new, or built before fingerprints) records this key's.
 */
public final class PseudonymKey {
    public static final String SETTING = "pipeline.pseudonym-key";

    private final String key;
    private final String fingerprint;
    private final PipelineHome home;
    private volatile boolean recorded;

    private PseudonymKey(String key, String fingerprint, PipelineHome home, boolean recorded) {
        this.key = key;
        this.fingerprint = fingerprint;
        this.home = home;
        this.recorded = recorded;
    }

    public byte[] bytes() {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return "pseudonym key " + fingerprint; // never the key
    }

    /**
     * The key, checked against the lake's fingerprint; nothing is written but a key file generated on first use (the
     * fingerprint is recorded when a run starts to write the lake: {@link #recordIfNew()}).
     *
     * @param configured the setting's value, or null/blank when unset
     * @throws Refusal a key too short, not the lake's, or a key file lost
     */
    public static PseudonymKey resolve(String configured, PipelineHome home) throws IOException {
        String key = configured;
        String source = SETTING;
        if (key == null || key.isBlank()) {
            key = System.getenv(PipelineProperties.PSEUDONYM_KEY_ENV);
            source = PipelineProperties.PSEUDONYM_KEY_ENV;
        }
        Optional<String> recorded = KeyFingerprint.recorded(home.lake());
        if (key == null || key.isBlank()) {
            if (recorded.isPresent() && !Files.exists(home.pseudonymKey())) {
                throw new KeyFingerprint.Mismatch(KeyFingerprint.missing(recorded.get(), home.pseudonymKey()));
            }
            key = SystemConfiguration.storedKey(home.pseudonymKey());
            source = home.pseudonymKey().toString();
        }
        if (key.length() < 16) {
            throw new Refusal("the pseudonym key of " + source + " is " + key.length() + " characters long; it must be at least 16 "
                    + "(a generated one has 64): set the key this lake was built with");
        }
        String fingerprint = KeyFingerprint.of(key.getBytes(StandardCharsets.UTF_8));
        if (recorded.isPresent() && !recorded.get().equals(fingerprint)) {
            throw new KeyFingerprint.Mismatch(KeyFingerprint.mismatch(recorded.get(), fingerprint, home.pseudonymKey()));
        }
        return new PseudonymKey(key, fingerprint, home, recorded.isPresent());
    }

    /**
     * Records the key's fingerprint in a lake that has none, once, as a run starts to write it: the first ingest into a new
     * lake, or the next ingest into a lake built before fingerprints (which says so).
     */
    public synchronized void recordIfNew() throws IOException {
        if (recorded) {
            return;
        }
        Optional<String> now = KeyFingerprint.recorded(home.lake());
        if (now.isPresent()) {
            if (!now.get().equals(fingerprint)) {
                throw new KeyFingerprint.Mismatch(KeyFingerprint.mismatch(now.get(), fingerprint, home.pseudonymKey()));
            }
            recorded = true;
            return;
        }
        boolean built;
        try {
            built = new Lake(home.lake()).lastCommit().isPresent();
        } catch (RuntimeException e) {
            built = true; // a manifest that cannot be read is still a lake's
        }
        KeyFingerprint.record(home.lake(), fingerprint);
        recorded = true;
        if (built) {
            LoggerFactory.getLogger(PseudonymKey.class).warn("the lake had no record of its pseudonym key: recorded this key's fingerprint ({}) in {}; "
                    + "from now on a run with another key is refused, so make sure this is the key the lake was built with", fingerprint,
                    KeyFingerprint.file(home.lake()));
        }
    }

    /**
     * Whether the key the settings give (or the key file, read, never created) is the lake's, for {@code verify}: empty when
     * it is, or the lake recorded no fingerprint; else the line that says what is wrong. Writes nothing.
     */
    public static Optional<String> problem(Settings settings, PipelineHome home) throws IOException {
        Optional<String> recorded;
        try {
            recorded = KeyFingerprint.recorded(home.lake());
        } catch (Refusal e) {
            return Optional.of(e.getMessage());
        }
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        String key = settings.get(SETTING).orElse(System.getenv(PipelineProperties.PSEUDONYM_KEY_ENV));
        if (key == null || key.isBlank()) {
            if (!Files.exists(home.pseudonymKey())) {
                return Optional.of(KeyFingerprint.missing(recorded.get(), home.pseudonymKey()));
            }
            key = Files.readString(home.pseudonymKey(), StandardCharsets.UTF_8).strip();
        }
        if (key.isEmpty()) {
            return Optional.of(KeyFingerprint.missing(recorded.get(), home.pseudonymKey()));
        }
        String fingerprint = KeyFingerprint.of(key.getBytes(StandardCharsets.UTF_8));
        return recorded.get().equals(fingerprint) ? Optional.empty()
                : Optional.of(KeyFingerprint.mismatch(recorded.get(), fingerprint, home.pseudonymKey()));
    }
}
