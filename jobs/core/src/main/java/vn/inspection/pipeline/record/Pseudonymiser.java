package vn.inspection.pipeline.record;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import vn.inspection.pipeline.text.VietnameseText;

/**
 * Replaces a party member's name by a keyed hash (HMAC-SHA-256, first 80 bits, hex), so the lake and the
 * warehouse can count and join members without holding their names. The same name under the same key
 * always gives the same pseudonym; without the key the name cannot be recovered or tested.
 */
public final class Pseudonymiser {
    public static final String PREFIX = "DV-";
    private final SecretKeySpec key;
    /** One initialised MAC per thread: getting and keying a Mac costs more than hashing a name. */
    private final ThreadLocal<Mac> macs;

    public Pseudonymiser(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("pseudonym key must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public String pseudonym(String name) {
        // doFinal resets the MAC to its keyed initial state, ready for the next name
        byte[] digest = macs.get().doFinal(VietnameseText.identityKey(name).getBytes(StandardCharsets.UTF_8));
        return PREFIX + HexFormat.of().formatHex(digest, 0, 10);
    }
}
