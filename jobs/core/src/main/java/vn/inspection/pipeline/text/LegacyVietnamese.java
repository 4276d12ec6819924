package vn.inspection.pipeline.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Detects and converts Vietnamese text typed with legacy 8-bit fonts, one spreadsheet cell at a time.
 *
 * <p>Before Unicode, offices typed Vietnamese with fonts whose glyphs sit on Windows-1252 codes. A cell
 * typed that way holds, in a Unicode spreadsheet (.xlsx, or a CSV read as Windows-1252), the Windows-1252
 * characters of those bytes:
 * <ul>
 *   <li><b>TCVN3</b> (TCVN 5712:1993 "ABC", fonts .VnTime / .VnTimeH): one character per letter,
 *       {@code "Céng hoµ x· héi chñ nghÜa ViÖt Nam"} for "Cộng hoà xã hội chủ nghĩa Việt Nam". The letter ư
 *       is 0xAD, the invisible soft hyphen. The .VnTime fonts encode only the lowercase toned letters (and
 *       Ă Â Ê Ô Ơ Ư Đ); capitals are typed with the same codes in a .VnTimeH font, so their case is restored
 *       from the letters around them ({@code "CéNG HOµ"} gives "CỘNG HOÀ"). The capitals of the full
 *       standard (VN1) at 0x80-0xFF are decoded as well, and so is the capital toned vowel converters write as
 *       the capital base letter followed by the small toned one at the start of a word ({@code "Uñy ban"} is
 *       "Ủy ban", {@code "¢Êp"} is "Ấp").</li>
 *   <li><b>VNI-Windows</b> (VNI-Times): an ASCII base letter followed by a mark character,
 *       {@code "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"}; đ, ơ, ư and the toned i are single characters.
 *       Capitals have their own marks; a mark of the other case after a base letter ({@code "Uûy"}) is
 *       accepted too, the case of the result following the base letter.</li>
 * </ul>
 * The tables are data files ({@code /legacy/tcvn3.tsv}, {@code /legacy/vni-windows.tsv}) that name the
 * public tables they were cross-checked against.
 *
 * <h2>Detection</h2>
 * The two encodings share almost every Latin-1 character (TCVN3 reads {@code é} as ộ, VNI reads {@code oä}
 * as ộ and {@code é} as a mark), so no single character decides. Per cell:
 * <ol>
 *   <li>A cell with only ASCII is Unicode. A cell with any character that no Windows-1252 or Latin-1 byte
 *       becomes (ộ ư đ ă ..., NFD combining marks, CJK ...) is Unicode: legacy text cannot contain it.
 *       Both checks are one pass over the chars, with no allocation.</li>
 *   <li>Otherwise the cell is read both ways. Every word that a reading changes, but for a lone
 *       character, is evidence; the reading counts how many of those words become valid Vietnamese
 *       syllables (onset, rhyme, one tone not on an off-glide, spelling rules such as k/c/q and gh/g,
 *       checked syllables taking only the acute or dot tone), how many do not, and how many were valid
 *       Vietnamese already as they stood.</li>
 *   <li>A reading is accepted when it makes more words valid than were valid as they stood, at least
 *       two thirds of its evidence words are valid, and at least one word is strong evidence: it
 *       gains a letter outside Latin-1 (ộ ư đ ...), or it holds a character Western text never has
 *       inside a word (TCVN3's ¸ µ · ª « ×, or VNI's vowel + grave, tilde or circumflex mark), or it is an
 *       abbreviation in capitals with a legacy Đ ({@code "§VT"}, {@code "Q§"}, {@code "ÑV"}).</li>
 *   <li>If both readings are accepted, the one with the larger margin of valid over invalid words wins;
 *       a tie stays Unicode.</li>
 * </ol>
 *
 * <p>Detection needs no dictionary: the syllable check is structural, so "trõ" passes as well as "trừ".
 * Known limits, all erring towards leaving the cell as it is:
 * <ul>
 *   <li>A cell whose every changed word is also well-formed as it stands stays Unicode, because genuine
 *       Unicode with only Latin-1 letters ("Tô Lâm", TCVN3 reading "Tụ Lõm") looks the same: TCVN3
 *       {@code "Khai trõ"} ("Khai trừ"), VNI {@code "Toát"} ("Tốt", and the real word "toát").</li>
 *   <li>A one-word cell that is not strong evidence stays: TCVN3 {@code "cã"} ("có"), VNI {@code "Coù"}
 *       ("Có"): Latin-1 letters in, Latin-1 letters out, and French has "où".</li>
 *   <li>For both, {@link #toUnicode(String, Encoding)} with the column's encoding ({@link #dominant}) decides.</li>
 *   <li>A cell mixing legacy text with Unicode-only characters is left unchanged.</li>
 *   <li>A TCVN3 ư that lost its soft hyphen upstream ({@code "tr\u00ADëng"} stored as {@code "trëng"})
 *       cannot be restored; the TCVN3 combining marks 0xB0-0xB4 (° ± ² ³ ´) and the VN1 capitals at C0
 *       positions are not decoded.</li>
 *   <li>A foreign word that happens to read as a valid syllable the other way is converted (French "Loïc"
 *       reads VNI "Lọc").</li>
 * </ul>
 */
public final class LegacyVietnamese {

    /** What a cell's text is encoded with. */
    public enum Encoding {
        /** Unicode (or plain ASCII): nothing to convert. */
        UNICODE,
        /** TCVN3 / ABC (.VnTime, .VnTimeH), read as Windows-1252 or ISO-8859-1. */
        TCVN3,
        /** VNI-Windows (VNI-Times), read as Windows-1252 or ISO-8859-1. */
        VNI
    }

    private static final String TCVN3_TABLE = "/legacy/tcvn3.tsv";
    private static final String VNI_TABLE = "/legacy/vni-windows.tsv";

    // Character classes, one byte per UTF-16 unit.
    /** A character that a byte 0x80-0xFF becomes when read as Windows-1252 or ISO-8859-1. */
    private static final int BYTE_CHAR = 1;
    /** Has a TCVN3 mapping. */
    private static final int TCVN = 2;
    /** TCVN3 code that is also Windows-1252 punctuation (quotes, dashes, ellipsis, bullet, euro, trade mark). */
    private static final int TCVN_PUNCT = 4;
    /** ... and is a quotation mark. */
    private static final int TCVN_QUOTE = 8;
    /** TCVN3 code of a capital letter. */
    private static final int TCVN_UPPER = 16;
    /** TCVN3 code that is not a letter in Western text (¸ µ · ª « soft hyphen × ÷, 0x80-0xBF). */
    private static final int TCVN_SYMBOL = 32;
    /** A base letter that can carry a VNI mark. */
    private static final int VNI_BASE = 64;

    private static final byte[] FLAGS = new byte[0x10000];
    private static final char[] TCVN_TO_UNICODE = new char[0x10000];
    private static final char[] VNI_SINGLE = new char[0x100];
    /** Index {@code (base << 6) | (mark - 0xC0)}: every VNI base letter is below 0x100, every mark in 0xC0-0xFF. */
    private static final char[] VNI_PAIR = new char[0x100 << 6];

    // Syllable structure. Vowel letters are reduced to base (with their circumflex, breve or horn) and tone.
    private static final char[] VOWEL_BASE = new char[0x1F00];
    private static final byte[] VOWEL_TONE = new byte[0x1F00];
    private static final int TONE_ACUTE = 1;
    private static final int TONE_DOT = 5;
    private static final String[] ONSETS = {
        "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""};
    private static final Set<String> RHYMES = Set.of(
        "a", "ai", "ao", "au", "ay", "ac", "ach", "am", "an", "ang", "anh", "ap", "at",
        "ăc", "ăm", "ăn", "ăng", "ăp", "ăt",
        "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
        "e", "eo", "ec", "em", "en", "eng", "ep", "et",
        "ê", "êu", "êch", "êm", "ên", "êng", "ênh", "êp", "êt",
        "i", "ia", "iu", "ich", "im", "in", "inh", "ip", "it",
        "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu",
        "o", "oi", "oc", "om", "on", "ong", "op", "ot",
        "oa", "oai", "oao", "oay", "oac", "oach", "oam", "oan", "oang", "oanh", "oap", "oat",
        "oăc", "oăm", "oăn", "oăng", "oăp", "oăt", "oe", "oeo", "oem", "oen", "oet",
        "ô", "ôi", "ôc", "ôm", "ôn", "ông", "ôp", "ôt",
        "ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
        "u", "ua", "ui", "uc", "um", "un", "ung", "up", "ut",
        "uôc", "uôi", "uôm", "uôn", "uông", "uôt",
        "uê", "uêch", "uênh", "uơ", "uân", "uât", "uâng", "uây",
        "uy", "uya", "uych", "uyên", "uyêt", "uynh", "uyt", "uyp", "uyu",
        "ư", "ưa", "ưi", "ưu", "ưc", "ưm", "ưn", "ưng", "ưt",
        "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
        "y", "yêm", "yên", "yêng", "yêt", "yêu");
    /** After "qu" the u is the glide, so the rhyme is written without it: quynh, quýt, quých. */
    private static final Set<String> QU_ONLY_RHYMES = Set.of("ynh", "yt", "ych", "yp", "yn");
    /** The onsets a bare "y" rhyme is written after. */
    private static final Set<String> Y_ONSETS = Set.of("", "h", "k", "l", "m", "n", "qu", "s", "t", "th", "v");
    /** Toneless syllable (lowercase, with its circumflex, breve or horn) to whether it takes only acute or dot. */
    private static final Map<String, Boolean> SYLLABLES = syllables();

    private static final int INVALID = 0;
    private static final int VALID = 1;
    /** No vowel, but a đ: an abbreviation such as QĐ, NĐ-CP, ĐVT. */
    private static final int ABBREVIATION = 2;

    static {
        for (int c = 0x80; c <= 0xFF; c++) {
            FLAGS[c] |= BYTE_CHAR;
        }
        for (char c : "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".toCharArray()) {
            FLAGS[c] |= BYTE_CHAR;
        }
        loadTcvn3();
        loadVni();
        initVowels();
    }

    private LegacyVietnamese() {
    }

    /**
     * The encoding of one cell's text: {@link Encoding#TCVN3} or {@link Encoding#VNI} when the text reads as
     * Vietnamese in that legacy encoding and not as it stands, else {@link Encoding#UNICODE} (also for
     * {@code null}, blank, ASCII and any text with a character legacy text cannot hold).
     */
    public static Encoding detect(String cellText) {
        if (cellText == null || scan(cellText) != LEGACY_CANDIDATE) {
            return Encoding.UNICODE;
        }
        return analyse(cellText).encoding;
    }

    /**
     * The cell's text as NFC Unicode: converted when {@link #detect} finds a legacy encoding, otherwise the
     * text itself (composed to NFC if it was not; the same instance when it already was). {@code null}
     * gives {@code null}.
     */
    public static String toUnicode(String cellText) {
        if (cellText == null) {
            return null;
        }
        int kind = scan(cellText);
        if (kind == ASCII) {
            return cellText;
        }
        return nfc(kind == LEGACY_CANDIDATE ? analyse(cellText).text : cellText);
    }

    /**
     * Like {@link #toUnicode(String)}, with the legacy encoding the cell's column or sheet is known to use
     * (for instance {@link #dominant} of its other cells). A cell the per-cell evidence leaves undecided is
     * then read in {@code hint} when that reading is at least as plausible as the text as it stands: every
     * word valid both ways ({@code "Khai trõ"}, TCVN3 for "Khai trừ", is also a well-formed if meaningless
     * Unicode "trõ"), or a single word without strong evidence ({@code "cã"}). ASCII and text with
     * Unicode-only characters are never converted, and a cell that clearly reads in the other encoding is
     * read in that one. {@code null} or {@link Encoding#UNICODE} as hint is {@link #toUnicode(String)}.
     */
    public static String toUnicode(String cellText, Encoding hint) {
        if (cellText == null) {
            return null;
        }
        int kind = scan(cellText);
        if (kind == ASCII) {
            return cellText;
        }
        if (kind == UNICODE_ONLY) {
            return nfc(cellText);
        }
        Analysis analysis = analyse(cellText);
        if (analysis.encoding != Encoding.UNICODE || hint == null || hint == Encoding.UNICODE) {
            return nfc(analysis.text);
        }
        Reading reading = hint == Encoding.TCVN3 ? analysis.tcvn3 : analysis.vni;
        return nfc(reading.plausible() ? reading.out.toString() : cellText);
    }

    /**
     * The legacy encoding most of {@code cells} are detected in ({@link Encoding#TCVN3} or {@link Encoding#VNI},
     * whichever is found more often), or {@link Encoding#UNICODE} when neither is found or both equally: the
     * hint for {@link #toUnicode(String, Encoding)} on the same column or sheet.
     */
    public static Encoding dominant(Iterable<String> cells) {
        int tcvn3 = 0;
        int vni = 0;
        for (String cell : cells) {
            Encoding encoding = detect(cell);
            if (encoding == Encoding.TCVN3) {
                tcvn3++;
            } else if (encoding == Encoding.VNI) {
                vni++;
            }
        }
        return tcvn3 > vni ? Encoding.TCVN3 : vni > tcvn3 ? Encoding.VNI : Encoding.UNICODE;
    }

    /**
     * Converts text known to be in {@code encoding} (say every cell of a column set in .VnTime), without
     * detection; {@link Encoding#UNICODE} only composes to NFC. {@code null} gives {@code null}.
     */
    public static String convert(String text, Encoding encoding) {
        if (text == null) {
            return null;
        }
        return switch (encoding) {
            case TCVN3 -> nfc(readTcvn3(text).out.toString());
            case VNI -> nfc(readVni(text).out.toString());
            case UNICODE -> nfc(text);
        };
    }

    // ---------------------------------------------------------------- detection

    private record Analysis(Encoding encoding, String text, Reading tcvn3, Reading vni) {
    }

    private static final int ASCII = 0;
    private static final int UNICODE_ONLY = 1;
    private static final int LEGACY_CANDIDATE = 2;

    /**
     * One pass, no allocation: {@link #ASCII}; {@link #UNICODE_ONLY} when a character is one no
     * Windows-1252 or Latin-1 byte becomes (ộ ư đ ă, NFD combining marks ...), which legacy text cannot
     * hold; else {@link #LEGACY_CANDIDATE}.
     */
    private static int scan(String text) {
        int kind = ASCII;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if ((FLAGS[c] & BYTE_CHAR) == 0) {
                    return UNICODE_ONLY;
                }
                kind = LEGACY_CANDIDATE;
            }
        }
        return kind;
    }

    /** Reads a {@link #LEGACY_CANDIDATE} both ways and decides. */
    private static Analysis analyse(String text) {
        Reading tcvn = readTcvn3(text);
        Reading vni = readVni(text);
        boolean tcvnOk = tcvn.accepted();
        boolean vniOk = vni.accepted();
        if (tcvnOk && vniOk) {
            int order = Integer.compare(tcvn.valid - tcvn.invalid, vni.valid - vni.invalid);
            if (order == 0) {
                order = Integer.compare(tcvn.strong, vni.strong);
            }
            tcvnOk = order > 0;
            vniOk = order < 0;
        }
        if (tcvnOk) {
            return new Analysis(Encoding.TCVN3, tcvn.out.toString(), tcvn, vni);
        }
        if (vniOk) {
            return new Analysis(Encoding.VNI, vni.out.toString(), tcvn, vni);
        }
        return new Analysis(Encoding.UNICODE, text, tcvn, vni);
    }

    /** One reading of a cell: its converted text and the evidence for it. */
    private static final class Reading {
        final StringBuilder out;
        /** Of the words the reading changed (but for lone characters): how many became valid Vietnamese. */
        int valid;
        int invalid;
        /** Evidence words that were valid Vietnamese as they stood. */
        int validAsIs;
        int strong;

        Reading(int length) {
            out = new StringBuilder(length);
        }

        boolean accepted() {
            return strong > 0 && valid > validAsIs && valid >= 2 * invalid;
        }

        /** Good enough when the column is known to be in this encoding: ties with the text as it stands go to it. */
        boolean plausible() {
            return valid > 0 && valid >= validAsIs && valid >= 2 * invalid;
        }

        /** Scores the word {@code raw[start, end)} the reading wrote to {@code out[from, out.length())}. */
        void score(String raw, int start, int end, int from, int asciiLetters, boolean strongChars) {
            int to = out.length();
            // A lone legacy character ("µ", "½", "ë") is too little to go on; "§·" (Đã) is a word.
            if ((asciiLetters == 0 && end - start < 2) || sameIgnoringCase(raw, start, end, out, from, to)) {
                return;
            }
            if (syllable(raw, start, end) == VALID) {
                validAsIs++;
            }
            int kind = syllable(out, from, to);
            if (kind == INVALID || (kind == ABBREVIATION && asciiLetters == 0)) { // "§§" is not "ĐĐ"
                invalid++;
                return;
            }
            valid++;
            if (kind == VALID ? strongChars || beyondLatin1(out, from, to) : upperCase(out, from, to)) {
                strong++;
            }
        }
    }

    // ---------------------------------------------------------------- TCVN3

    private static boolean isTcvnWordChar(char c) {
        return isAsciiLetter(c) || (FLAGS[c] & TCVN) != 0;
    }

    private static Reading readTcvn3(String s) {
        int n = s.length();
        Reading reading = new Reading(n);
        boolean cellCaps = typedInCapitals(s);
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!isTcvnWordChar(c)) {
                reading.out.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && isTcvnWordChar(s.charAt(j))) {
                j++;
            }
            tcvnToken(s, i, j, cellCaps, reading);
            i = j;
        }
        return reading;
    }

    /**
     * Whether the cell reads as typed in a .VnTimeH font: no lowercase ASCII letter, and words in capitals
     * worth two: a word of two or more capitals counts one, or two when lowercase codes sit among its
     * capitals ("CéNG"). Abbreviations alone ("M· §V", "Sè Q§") do not make a cell capitals.
     */
    private static boolean typedInCapitals(String s) {
        int worth = 0;
        int upper = 0;
        boolean lowerCode = false;
        for (int i = 0, n = s.length(); i <= n; i++) {
            char c = i < n ? s.charAt(i) : ' ';
            if (c >= 'a' && c <= 'z') {
                return false;
            }
            if (isTcvnWordChar(c)) {
                int flags = FLAGS[c];
                if (c < 0x80 || (flags & TCVN_UPPER) != 0) {
                    upper++;
                } else if ((flags & TCVN_PUNCT) == 0) {
                    lowerCode = true;
                }
                continue;
            }
            if (upper >= 2) {
                worth += lowerCode ? 2 : 1;
            }
            upper = 0;
            lowerCode = false;
        }
        return worth >= 2;
    }

    /**
     * A token that may hold Windows-1252 punctuation which is also a VN1 capital ("C—NG" is CỘNG, "D¦›I" is
     * DƯỚI, but "“Nam”" is quoted): the punctuation is read as a letter only when that makes the token one
     * valid syllable and, for a quotation mark opening or closing the token, when the pieces between the
     * punctuation are not valid words on their own.
     */
    private static void tcvnToken(String s, int start, int end, boolean cellCaps, Reading reading) {
        boolean punct = false;
        boolean letters = false;
        for (int k = start; k < end; k++) {
            if ((FLAGS[s.charAt(k)] & TCVN_PUNCT) != 0) {
                punct = true;
            } else {
                letters = true;
            }
        }
        boolean quote = (FLAGS[s.charAt(start)] & TCVN_QUOTE) != 0 || (FLAGS[s.charAt(end - 1)] & TCVN_QUOTE) != 0;
        if (!punct) {
            tcvnWord(s, start, end, cellCaps, reading);
            return;
        }
        boolean asLetters = false;
        if (letters) {
            StringBuilder whole = new StringBuilder(end - start);
            decodeTcvn3(s, start, end, cellCaps, whole);
            asLetters = syllable(whole, 0, whole.length()) == VALID;
            if (asLetters && quote && piecesAreWords(s, start, end, cellCaps)) {
                asLetters = false;
            }
        }
        if (asLetters) {
            tcvnWord(s, start, end, cellCaps, reading);
            return;
        }
        int from = start;
        for (int k = start; k < end; k++) {
            if ((FLAGS[s.charAt(k)] & TCVN_PUNCT) != 0) {
                if (from < k) {
                    tcvnWord(s, from, k, cellCaps, reading);
                }
                reading.out.append(s.charAt(k));
                from = k + 1;
            }
        }
        if (from < end) {
            tcvnWord(s, from, end, cellCaps, reading);
        }
    }

    private static boolean piecesAreWords(String s, int start, int end, boolean cellCaps) {
        StringBuilder piece = new StringBuilder(end - start);
        int from = start;
        for (int k = start; k <= end; k++) {
            if (k == end || (FLAGS[s.charAt(k)] & TCVN_PUNCT) != 0) {
                if (from < k) {
                    piece.setLength(0);
                    decodeTcvn3(s, from, k, cellCaps, piece);
                    if (syllable(piece, 0, piece.length()) != VALID) {
                        return false;
                    }
                }
                from = k + 1;
            }
        }
        return true;
    }

    private static void tcvnWord(String s, int start, int end, boolean cellCaps, Reading reading) {
        int ascii = 0;
        boolean symbol = false;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (isAsciiLetter(c)) {
                ascii++;
            } else if ((FLAGS[c] & TCVN_SYMBOL) != 0 && !(c == 'µ' && k == start)) {
                // A leading µ is the micro sign of a unit ("µm") as often as it is à.
                symbol = true;
            }
        }
        int from = reading.out.length();
        decodeTcvn3(s, start, end, cellCaps, reading.out);
        reading.score(s, start, end, from, ascii, symbol);
    }

    /**
     * Decodes one word. The lowercase codes are written in capitals when the word has no lowercase ASCII
     * letter and either two capitals or a cell in capitals around it (.VnTimeH text: "CéNG", "X·").
     */
    private static void decodeTcvn3(String s, int start, int end, boolean cellCaps, StringBuilder out) {
        int upper = 0;
        int lower = 0;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (c >= 'a' && c <= 'z') {
                lower++;
            } else if ((c >= 'A' && c <= 'Z') || (FLAGS[c] & TCVN_UPPER) != 0) {
                upper++;
            }
        }
        boolean caps = lower == 0 && (upper >= 2 || cellCaps);
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            char capital = k == start && k + 1 < end ? convertedCapital(c, s.charAt(k + 1)) : 0;
            if (capital != 0) {
                // a converter's capital toned vowel: "Uñy" is "Ủy", "¢Êp" is "Ấp"
                out.append(capital);
                k++;
                continue;
            }
            char u = c < 0x80 ? c : TCVN_TO_UNICODE[c];
            if (u == 0) {
                u = c;
            } else if (caps && c >= 0x80) {
                u = Character.toUpperCase(u);
            }
            out.append(u);
        }
    }

    /**
     * TCVN3 has no capital toned vowels, and common converters write one as the capital base letter followed
     * by the same letter small and toned ("Uñy ban" for "Ủy ban", "¢Êp" for "Ấp"). At the start of a word,
     * such a pair is that capital toned letter; 0 when {@code first, second} are not such a pair.
     */
    private static char convertedCapital(char first, char second) {
        char base = first < 0x80 ? first : TCVN_TO_UNICODE[first];
        if (base == 0 || !Character.isUpperCase(base) || second < 0x80) {
            return 0;
        }
        char toned = TCVN_TO_UNICODE[second];
        if (toned == 0 || !Character.isLowerCase(toned) || toned >= VOWEL_BASE.length || VOWEL_TONE[toned] == 0) {
            return 0;
        }
        return VOWEL_BASE[toned] == Character.toLowerCase(base) ? Character.toUpperCase(toned) : 0;
    }

    // ---------------------------------------------------------------- VNI

    private static boolean isVniWordChar(char c) {
        return isAsciiLetter(c) || (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7);
    }

    private static Reading readVni(String s) {
        int n = s.length();
        Reading reading = new Reading(n);
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!isVniWordChar(c)) {
                reading.out.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && isVniWordChar(s.charAt(j))) {
                j++;
            }
            vniWord(s, i, j, reading);
            i = j;
        }
        return reading;
    }

    private static void vniWord(String s, int start, int end, Reading reading) {
        StringBuilder out = reading.out;
        int from = out.length();
        int ascii = 0;
        boolean strongPair = false;
        int k = start;
        while (k < end) {
            char c = s.charAt(k);
            if (isAsciiLetter(c)) {
                ascii++;
            }
            if (k + 1 < end && c < 0x100 && (FLAGS[c] & VNI_BASE) != 0) {
                char mark = s.charAt(k + 1);
                if (mark >= 0xC0 && mark <= 0xFF) {
                    char letter = VNI_PAIR[(c << 6) | (mark - 0xC0)];
                    if (letter != 0) {
                        out.append(letter);
                        strongPair |= strongVniPair(c, mark);
                        k += 2;
                        continue;
                    }
                }
            }
            char single = c < 0x100 ? VNI_SINGLE[c] : 0;
            out.append(single != 0 ? single : c);
            k++;
        }
        reading.score(s, start, end, from, ascii, strongPair);
    }

    /**
     * A vowel followed by a grave, tilde or plain circumflex mark, or an acute or hook mark after a, e, y,
     * ơ or ư, never occurs in Western words (unlike French "où", "goût", "naïve").
     */
    private static boolean strongVniPair(char base, char mark) {
        char m = Character.toLowerCase(mark);
        if (m == 'ø' || m == 'õ' || m == 'â') {
            return true;
        }
        char b = Character.toLowerCase(base);
        return (m == 'ù' || m == 'û') && b != 'o' && b != 'u';
    }

    // ---------------------------------------------------------------- syllables

    /** Whether {@code text[start, end)} is one Vietnamese syllable (any case), an abbreviation with đ, or neither. */
    private static int syllable(CharSequence text, int start, int end) {
        if (start >= end) {
            return INVALID;
        }
        StringBuilder base = new StringBuilder(end - start);
        int tone = 0;
        int tonePosition = -1;
        boolean vowel = false;
        boolean dStroke = false;
        for (int k = start; k < end; k++) {
            char c = Character.toLowerCase(text.charAt(k));
            if (c >= 'a' && c <= 'z') {
                vowel |= "aeiouy".indexOf(c) >= 0;
                base.append(c);
            } else if (c == 'đ') {
                dStroke = true;
                base.append(c);
            } else if (c < VOWEL_BASE.length && VOWEL_BASE[c] != 0) {
                vowel = true;
                base.append(VOWEL_BASE[c]);
                if (VOWEL_TONE[c] != 0) {
                    if (tone != 0) {
                        return INVALID;
                    }
                    tone = VOWEL_TONE[c];
                    tonePosition = base.length() - 1;
                }
            } else {
                return INVALID;
            }
        }
        if (!vowel) {
            return dStroke ? ABBREVIATION : INVALID;
        }
        Boolean checked = SYLLABLES.get(base.toString());
        if (checked == null || toneOnOffGlide(base, tonePosition)) {
            return INVALID;
        }
        return !checked || tone == TONE_ACUTE || tone == TONE_DOT ? VALID : INVALID;
    }

    /**
     * A tone written on the final i, o, u or y of a vowel pair ("maõ" for "mão", "tuí" for "túi") is not
     * Vietnamese spelling, except on the y of "uy" ("thuý" beside "thúy"). The i of "gi" and the u of "qu"
     * before a vowel belong to the onset.
     */
    private static boolean toneOnOffGlide(CharSequence base, int tonePosition) {
        int last = base.length() - 1;
        if (tonePosition != last || last < 1 || "iouy".indexOf(base.charAt(last)) < 0) {
            return false;
        }
        char before = base.charAt(last - 1);
        if (!isVowelBase(before) || (before == 'u' && base.charAt(last) == 'y')) {
            return false;
        }
        boolean onsetGlide = last - 1 == 1 && (base.charAt(0) == 'g' && before == 'i' || base.charAt(0) == 'q' && before == 'u');
        return !onsetGlide;
    }

    private static boolean isVowelBase(char c) {
        return "aăâeêioôơuưy".indexOf(c) >= 0;
    }

    private static boolean rhymeFits(String onset, String rhyme) {
        if (rhyme.isEmpty()) {
            return false;
        }
        if (rhyme.equals("y") && !Y_ONSETS.contains(onset)) {
            return false; // "đy", "chy" are not written; "ly", "kỳ", "mỹ", "quy", "Thy", "Vy" are
        }
        char first = rhyme.charAt(0);
        boolean front = first == 'e' || first == 'ê' || first == 'i' || first == 'y';
        switch (onset) {
            case "qu":
                if (first == 'o' || first == 'u' || first == 'ư'
                        || !(RHYMES.contains(rhyme) || QU_ONLY_RHYMES.contains(rhyme))) {
                    return false;
                }
                break;
            case "c":
            case "ng":
                if (front || !RHYMES.contains(rhyme)) {
                    return false;
                }
                break;
            case "g":
                // "gi" before a vowel is its own onset; g + i is "gì", "gìn".
                if (first == 'e' || first == 'ê' || !RHYMES.contains(rhyme)) {
                    return false;
                }
                break;
            case "k":
            case "gh":
            case "ngh":
                if (!front || !RHYMES.contains(rhyme)) {
                    return false;
                }
                break;
            case "gi":
                if (first == 'i' || !RHYMES.contains(rhyme)) {
                    return false;
                }
                break;
            default:
                if (!RHYMES.contains(rhyme)) {
                    return false;
                }
        }
        return true;
    }

    /** Every toneless syllable the onsets and rhymes spell, mapped to whether it is checked (ends in c, ch, p, t). */
    private static Map<String, Boolean> syllables() {
        Map<String, Boolean> all = new HashMap<>();
        Set<String> rhymes = new HashSet<>(RHYMES);
        rhymes.addAll(QU_ONLY_RHYMES);
        for (String onset : ONSETS) {
            for (String rhyme : rhymes) {
                if (rhymeFits(onset, rhyme)) {
                    boolean checked = rhyme.endsWith("c") || rhyme.endsWith("ch") || rhyme.endsWith("p") || rhyme.endsWith("t");
                    all.put(onset + rhyme, checked);
                }
            }
        }
        return Map.copyOf(all);
    }

    private static void initVowels() {
        String tones = "\u0301\u0300\u0309\u0303\u0323"; // acute, grave, hook, tilde, dot: tone 1..5
        for (char c = 0xC0; c < VOWEL_BASE.length; c++) {
            if (Character.isUpperCase(c)) {
                continue;
            }
            String nfd = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            int tone = 0;
            StringBuilder rest = new StringBuilder(nfd.length());
            for (int k = 0; k < nfd.length(); k++) {
                int t = tones.indexOf(nfd.charAt(k));
                if (t >= 0) {
                    tone = t + 1;
                } else {
                    rest.append(nfd.charAt(k));
                }
            }
            String base = Normalizer.normalize(rest, Normalizer.Form.NFC);
            boolean vowel = base.length() == 1 && "aăâeêioôơuưy".indexOf(base.charAt(0)) >= 0;
            if (vowel && (tone != 0 || "ăâêôơư".indexOf(c) >= 0)) {
                VOWEL_BASE[c] = base.charAt(0);
                VOWEL_TONE[c] = (byte) tone;
            }
        }
    }

    // ---------------------------------------------------------------- tables

    private static void loadTcvn3() {
        for (String[] row : readTable(TCVN3_TABLE)) {
            String legacy = row[0];
            String unicode = row[1];
            if (legacy.length() != 1 || unicode.length() != 1) {
                throw new IllegalStateException(TCVN3_TABLE + ": one character each side expected: " + String.join("\t", row));
            }
            char c = legacy.charAt(0);
            char u = unicode.charAt(0);
            if ((FLAGS[c] & BYTE_CHAR) == 0 || TCVN_TO_UNICODE[c] != 0) {
                throw new IllegalStateException(TCVN3_TABLE + ": not a byte character, or twice: " + legacy);
            }
            TCVN_TO_UNICODE[c] = u;
            int flags = TCVN;
            if (Character.isUpperCase(u)) {
                flags |= TCVN_UPPER;
            }
            if (c < 0xC0 || c == 0xD7 || c == 0xF7 || c > 0xFF) {
                flags |= TCVN_SYMBOL;
            }
            if (c > 0xFF) {
                int type = Character.getType(c);
                if (type != Character.UPPERCASE_LETTER && type != Character.LOWERCASE_LETTER) {
                    flags |= TCVN_PUNCT;
                }
                if (type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                        || type == Character.START_PUNCTUATION) {
                    flags |= TCVN_QUOTE;
                }
            }
            FLAGS[c] |= (byte) flags;
        }
    }

    private static void loadVni() {
        for (String[] row : readTable(VNI_TABLE)) {
            String legacy = row[0];
            String unicode = row[1];
            if (unicode.length() != 1 || legacy.isEmpty() || legacy.length() > 2) {
                throw new IllegalStateException(VNI_TABLE + ": bad row: " + String.join("\t", row));
            }
            char u = unicode.charAt(0);
            char first = legacy.charAt(0);
            if (first >= 0x100) {
                throw new IllegalStateException(VNI_TABLE + ": not a Latin-1 character: " + legacy);
            }
            if (legacy.length() == 1) {
                VNI_SINGLE[first] = u;
            } else {
                char mark = legacy.charAt(1);
                if (mark < 0xC0 || mark > 0xFF) {
                    throw new IllegalStateException(VNI_TABLE + ": mark outside 0xC0-0xFF: " + legacy);
                }
                VNI_PAIR[(first << 6) | (mark - 0xC0)] = u;
                FLAGS[first] |= VNI_BASE;
            }
        }
        // A mark of the other case after a base letter ("Uûy", "aÙ"): same letter, case of the base.
        char[] listed = VNI_PAIR.clone();
        for (int index = 0; index < listed.length; index++) {
            if (listed[index] == 0) {
                continue;
            }
            int base = index >> 6;
            char mark = (char) (0xC0 + (index & 0x3F));
            char other = Character.isUpperCase(mark) ? Character.toLowerCase(mark) : Character.toUpperCase(mark);
            if (other >= 0xC0 && other <= 0xFF && VNI_PAIR[(base << 6) | (other - 0xC0)] == 0) {
                VNI_PAIR[(base << 6) | (other - 0xC0)] = listed[index];
            }
        }
    }

    private static List<String[]> readTable(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = LegacyVietnamese.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length < 2) {
                    throw new IllegalStateException(resource + ": expected legacy TAB unicode: " + line);
                }
                rows.add(new String[] {unescape(columns[0]), unescape(columns[1])});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static String unescape(String column) {
        if (column.indexOf('\\') < 0) {
            return column;
        }
        StringBuilder out = new StringBuilder(column.length());
        for (int i = 0; i < column.length(); i++) {
            char c = column.charAt(i);
            if (c == '\\' && i + 5 < column.length() && column.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(column.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- helpers

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** An abbreviation in capitals with a legacy Đ ("§VT", "ÑV"); a lone ® or § after letters is not one. */
    private static boolean upperCase(CharSequence text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.isLowerCase(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean beyondLatin1(CharSequence text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (text.charAt(k) > 0xFF) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameIgnoringCase(String raw, int start, int end, CharSequence out, int from, int to) {
        if (end - start != to - from) {
            return false;
        }
        for (int k = 0; k < end - start; k++) {
            char a = raw.charAt(start + k);
            char b = out.charAt(from + k);
            if (a != b && Character.toLowerCase(a) != Character.toLowerCase(b)) {
                return false;
            }
        }
        return true;
    }

    private static String nfc(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
