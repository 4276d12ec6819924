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

    /** A dot inside an abbreviation ("Q.Đ", "T.Ư"): dropped, so "Số Q.Đ" matches "Số QĐ". */
    private static final Pattern ABBREVIATION_DOT = Pattern.compile("(?<=\\p{L})\\.(?=\\p{L})");
    /** The five Vietnamese tone marks (grave, acute, tilde, hook above, dot below); the vowel marks are kept apart. */
    private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";

    private VietnameseText() {
    }

    /** NFC, spaces collapsed and trimmed; {@code null} and blank give {@code ""}. */
    public static String clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String nfc = isAscii(raw) || Normalizer.isNormalized(raw, Normalizer.Form.NFC) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
        return collapseSpaces(nfc);
    }

    /** Whether the text holds nothing but white space (non-breaking and zero-width spaces included): what {@link #clean} empties. */
    public static boolean isBlank(String raw) {
        if (raw == null) {
            return true;
        }
        for (int i = 0; i < raw.length(); i++) {
            if (!isSpace(raw.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char ch) {
        return Character.isWhitespace(ch) || ch == '\u00A0' || ch == '\u2007' || ch == '\u202F' || ch == '\u200B' || ch == '\uFEFF';
    }

    /** Runs of white space (non-breaking and zero-width spaces included) as one space, trimmed. */
    private static String collapseSpaces(String text) {
        int n = text.length();
        boolean clean = n > 0 && !isSpace(text.charAt(0)) && !isSpace(text.charAt(n - 1));
        for (int i = 0; clean && i < n; i++) {
            char ch = text.charAt(i);
            if (isSpace(ch) && (ch != ' ' || isSpace(text.charAt(i + 1)))) {
                clean = false;
            }
        }
        if (clean) {
            return text;
        }
        StringBuilder out = new StringBuilder(n);
        boolean pending = false;
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (isSpace(ch)) {
                pending = out.length() > 0;
            } else {
                if (pending) {
                    out.append(' ');
                    pending = false;
                }
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Key for matching: lower case, no diacritics, punctuation as spaces, spaces collapsed. */
    public static String matchKey(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String undotted = raw.indexOf('.') >= 0 ? ABBREVIATION_DOT.matcher(raw).replaceAll("") : raw;
        String decomposed = isAscii(undotted) ? undotted : Normalizer.normalize(undotted, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pending = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char ch = decomposed.charAt(i);
            if (ch == 'đ' || ch == 'ð' || ch == 'Đ' || ch == 'Ð') {
                ch = 'd';
            }
            int type = Character.getType(ch);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(ch)) {
                if (pending && out.length() > 0) {
                    out.append(' ');
                }
                pending = false;
                out.append(Character.toLowerCase(ch));
            } else {
                pending = true;
            }
        }
        return out.toString();
    }

    /**
     * Key for natural keys and pseudonyms: the cleaned text in lower case, diacritics kept (Vietnamese
     * names that differ only by a tone mark are different names), and the two placements of a tone mark on
     * a final "oa", "oe" or "uy" ("hoá"/"hóa", "khoẻ"/"khỏe", "uỷ"/"ủy") unified on the first vowel.
     */
    public static String identityKey(String raw) {
        String lower = clean(raw).toLowerCase(java.util.Locale.ROOT);
        if (lower.isEmpty() || isAscii(lower)) {
            return lower; // no tone mark to place (codes, numbers, pseudonyms)
        }
        String[] words = lower.split(" ");
        StringBuilder out = new StringBuilder(lower.length());
        for (String word : words) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(unifyTone(word));
        }
        return out.toString();
    }

    /** Syllables seen, with their unified form: Vietnamese has a few thousand, and names repeat them. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> UNIFIED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int UNIFIED_LIMIT = 1 << 16;

    private static String unifyTone(String word) {
        if (isAscii(word)) {
            return word;
        }
        String known = UNIFIED.get(word);
        if (known != null) {
            return known;
        }
        String unified = unifyToneOnce(word);
        if (UNIFIED.size() < UNIFIED_LIMIT) {
            UNIFIED.put(word, unified);
        }
        return unified;
    }

    private static String unifyToneOnce(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        char tone = 0;
        StringBuilder base = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char ch = decomposed.charAt(i);
            if (TONE_MARKS.indexOf(ch) >= 0) {
                tone = ch;
            } else {
                base.append(ch);
            }
        }
        int n = base.length();
        if (tone == 0 || n < 2) {
            return word;
        }
        String pair = base.substring(n - 2);
        if (!pair.equals("oa") && !pair.equals("oe") && !pair.equals("uy")) {
            return word;
        }
        base.insert(n - 1, tone);
        return Normalizer.normalize(base, Normalizer.Form.NFC);
    }
}
