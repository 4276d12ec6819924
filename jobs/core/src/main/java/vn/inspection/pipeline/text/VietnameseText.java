package vn.inspection.pipeline.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Text normalisation for Vietnamese office spreadsheets.
 *
 * <p>{@link #clean(String)} is what the lake stores: NFC Unicode, non-breaking and repeated spaces
 * collapsed, trimmed. {@link #matchKey(String)} is what headers, enumeration synonyms and unit names
 * are matched on: case, diacritics (including đ/Đ), punctuation and spacing ignored, so "Ngày QĐ",
 * "NGAY QD" and "ngày q.đ." all give {@code "ngay qd"}, and old and new tone placement ("hoá"/"hóa",
 * "Uỷ"/"Ủy") give the same key.
 */
public final class VietnameseText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\uFEFF]+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private VietnameseText() {
    }

    /** NFC, spaces collapsed and trimmed; {@code null} and blank give {@code ""}. */
    public static String clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String nfc = Normalizer.isNormalized(raw, Normalizer.Form.NFC) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
        return SPACES.matcher(nfc).replaceAll(" ").strip();
    }

    /** Key for matching: lower case, no diacritics, punctuation as spaces, spaces collapsed. */
    public static String matchKey(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String stripped = COMBINING_MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("");
        stripped = stripped.replace('đ', 'd').replace('Đ', 'D').replace('ð', 'd').replace('Ð', 'D');
        String words = NOT_LETTER_OR_DIGIT.matcher(stripped.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ");
        return words.strip();
    }

    /**
     * Key for natural keys and pseudonyms: the cleaned text in lower case, diacritics kept (Vietnamese
     * names that differ only by a tone mark are different names), tone placement unified by NFC.
     */
    public static String identityKey(String raw) {
        return clean(raw).toLowerCase(java.util.Locale.ROOT);
    }
}
