package vn.inspection.pipeline.lake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ties a lake to the pseudonym key its members' pseudonyms were made with. A lake's pseudonyms only count and join
 * under the key that made them: an ingest under another key (the key file lost, another {@code
 * PIPELINE_PSEUDONYM_KEY}) would take every member for a new one and double-count silently. So the lake keeps its
 * key's fingerprint in {@code lake/_key-fingerprint}: a keyed hash of a fixed text (HMAC-SHA-256, first 16 hex
 * digits), which tells whether a key is the lake's and reveals nothing of the key nor of any name.
 */
public final class KeyFingerprint {
    public static final String FILE_NAME = "_key-fingerprint";
    private static final String TEXT = "inspection-pipeline key fingerprint v1";
    private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile("[0-9a-f]{16}");

    private KeyFingerprint() {
    }

    /** The fingerprint of a key. */
    public static String of(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(TEXT.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static Path file(Path lakeRoot) {
        return lakeRoot.resolve(FILE_NAME);
    }

    /**
     * The fingerprint the lake recorded, or empty when it recorded none (a new lake, or one built before fingerprints).
     *
     * @throws Mismatch when the file does not hold a fingerprint
     */
    public static Optional<String> recorded(Path lakeRoot) throws IOException {
        Path file = file(lakeRoot);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!FORMAT.matcher(text).matches()) {
            throw new Mismatch("the lake's key fingerprint " + file + " is damaged (it does not hold 16 hex digits): restore it from your backup, "
                    + "or delete it if you are sure the pseudonym key is the one the lake was built with (the next ingest records it again)");
        }
        return Optional.of(text);
    }

    /** Records the fingerprint, atomically. */
    public static void record(Path lakeRoot, String fingerprint) throws IOException {
        Lake.writeAtomically(file(lakeRoot), (fingerprint + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The line that refuses a key the lake was not built with, with how to get the right one back. */
    public static String mismatch(String recorded, String given, Path keyFile) {
        return "the pseudonym key does not match the one this lake was built with (fingerprint " + given + " ≠ " + recorded + "): restore "
                + keyFile + " from your backup, or set PIPELINE_PSEUDONYM_KEY to the old key; a new key needs a new lake";
    }

    /** The line that refuses to make a new key for a lake built with another one. */
    public static String missing(String recorded, Path keyFile) {
        return "the pseudonym key " + keyFile + " is missing, and this lake was built with a key (fingerprint " + recorded + "): restore "
                + keyFile + " from your backup, or set PIPELINE_PSEUDONYM_KEY to the old key; a new key needs a new lake";
    }

    /** A key the lake was not built with, or a fingerprint that cannot be read: the run must not go on. */
    public static final class Mismatch extends vn.inspection.pipeline.system.Refusal {
        public Mismatch(String message) {
            super(message);
        }
    }
}
