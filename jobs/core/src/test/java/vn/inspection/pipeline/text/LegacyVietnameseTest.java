package vn.inspection.pipeline.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.inspection.pipeline.text.LegacyVietnamese.Encoding;

class LegacyVietnameseTest {

    // ------------------------------------------------------------------ the tables, read the test's own way

    /** Rows of a table resource, legacy -> Unicode, in file order, escapes resolved. */
    private static Map<String, String> table(String resource) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : lines(resource)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            String previous = rows.put(unescape(columns[0]), unescape(columns[1]));
            assertThat(previous).as("legacy sequence listed twice: %s", columns[0]).isNull();
        }
        return rows;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = LegacyVietnameseTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String unescape(String column) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < column.length(); i++) {
            if (column.startsWith("\\u", i)) {
                out.append((char) Integer.parseInt(column.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(column.charAt(i));
            }
        }
        return out.toString();
    }

    private static final Map<String, String> TCVN3 = table("/legacy/tcvn3.tsv");
    private static final Map<String, String> VNI = table("/legacy/vni-windows.tsv");

    /** Unicode letter -> TCVN3 code; a Windows-1252 character is preferred over a C1 control for the same byte. */
    private static final Map<Character, Character> TO_TCVN3 = new HashMap<>();
    /** Unicode letter -> VNI sequence. */
    private static final Map<Character, String> TO_VNI = new HashMap<>();

    static {
        TCVN3.forEach((legacy, unicode) -> TO_TCVN3.merge(unicode.charAt(0), legacy.charAt(0),
                (kept, other) -> isC1(kept) && !isC1(other) ? other : kept));
        VNI.forEach((legacy, unicode) -> TO_VNI.put(unicode.charAt(0), legacy));
    }

    /**
     * Encodes Unicode as a TCVN3 cell holds it: a capital with a tone uses its VN1 code where the standard has
     * one in 0x80-0xFF; otherwise (and always when {@code vnTimeH}) the lowercase code, as a .VnTimeH font
     * shows in capitals, which is only allowed in a word without lowercase letters.
     */
    private static String encodeTcvn3(String unicode, boolean vnTimeH) {
        String nfc = Normalizer.normalize(unicode, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder();
        for (String word : nfc.split("(?<=[ ,/\\-.])|(?=[ ,/\\-.])")) {
            boolean lowerInWord = !word.equals(word.toUpperCase(java.util.Locale.ROOT));
            for (char c : word.toCharArray()) {
                if (c < 0x80) {
                    out.append(c);
                    continue;
                }
                Character code = TO_TCVN3.get(c);
                boolean toneCapital = Character.isUpperCase(c) && "ĂÂÊÔƠƯĐ".indexOf(c) < 0;
                if (code == null || (vnTimeH && toneCapital)) {
                    assertThat(lowerInWord).as("%s has no capital code in %s", c, word).isFalse();
                    code = TO_TCVN3.get(Character.toLowerCase(c));
                }
                assertThat(code).as("no TCVN3 code for %s", c).isNotNull();
                out.append(code.charValue());
            }
        }
        return out.toString();
    }

    private static String encodeVni(String unicode) {
        StringBuilder out = new StringBuilder();
        for (char c : Normalizer.normalize(unicode, Normalizer.Form.NFC).toCharArray()) {
            String code = c < 0x80 ? String.valueOf(c) : TO_VNI.get(c);
            assertThat(code).as("no VNI code for %s", c).isNotNull();
            out.append(code);
        }
        return out.toString();
    }

    private static boolean isC1(char c) {
        return c >= 0x80 && c <= 0x9F;
    }

    private static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }

    // ------------------------------------------------------------------ the tables

    @Nested
    class Tables {

        @Test
        void tcvn3TableHoldsVn3LettersVn1CapitalsAndTheirIsoLatin1Aliases() {
            assertThat(TCVN3).hasSize(74 + 48 + 27);
            assertThat(TCVN3.values()).allSatisfy(unicode -> {
                assertThat(unicode).hasSize(1);
                assertThat(Normalizer.isNormalized(unicode, Normalizer.Form.NFC)).isTrue();
            });
            // All 67 lowercase letters and the seven capitals every TCVN3 font has.
            assertThat(TCVN3.values().stream().filter(u -> u.equals(u.toLowerCase(java.util.Locale.ROOT))).distinct())
                    .hasSize(67);
            assertThat(TCVN3.values()).contains("Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ");
        }

        @Test
        void tcvn3KnownCodes() {
            // TCVN 5712:1993: ư is 0xAD, the soft hyphen; đ 0xAE; Đ 0xA7; à 0xB5; ộ 0xE9; ấ 0xCA; ặ 0xC6.
            assertThat(TCVN3).containsEntry("\u00AD", "ư").containsEntry("®", "đ").containsEntry("§", "Đ")
                    .containsEntry("µ", "à").containsEntry("é", "ộ").containsEntry("Ê", "ấ").containsEntry("Æ", "ặ")
                    .containsEntry("¨", "ă").containsEntry("©", "â").containsEntry("ª", "ê").containsEntry("«", "ô")
                    .containsEntry("¬", "ơ").containsEntry("—", "Ộ").containsEntry("\u0097", "Ộ");
        }

        @Test
        void vniTableCoversAll134LettersUpperAndLower() {
            assertThat(VNI).hasSize(134);
            assertThat(VNI.values()).doesNotHaveDuplicates();
            assertThat(VNI.values().stream().filter(u -> Character.isUpperCase(u.charAt(0)))).hasSize(67);
            assertThat(VNI).containsEntry("oä", "ộ").containsEntry("OÄ", "Ộ").containsEntry("Ñ", "Đ").containsEntry("ñ", "đ")
                    .containsEntry("ö", "ư").containsEntry("ô", "ơ").containsEntry("aê", "ă").containsEntry("aâ", "â")
                    .containsEntry("ó", "ĩ").containsEntry("î", "ỵ").containsEntry("uû", "ủ").containsEntry("UÛ", "Ủ");
        }

        @Test
        void tableFilesNameTheSourcesTheyWereCrossCheckedAgainst() {
            assertThat(String.join("\n", lines("/legacy/tcvn3.tsv")))
                    .contains("bminor/glibc", "lamdao/xvnkb", "duydev/vietnamese-conversion", "khiemdoan/VBKey");
            assertThat(String.join("\n", lines("/legacy/vni-windows.tsv")))
                    .contains("lamdao/xvnkb", "duydev/vietnamese-conversion", "khiemdoan/VBKey");
        }

        @Test
        void everyTcvn3RowDecodesInsideAWord() {
            TCVN3.forEach((legacy, unicode) -> {
                char u = unicode.charAt(0);
                boolean upper = Character.isUpperCase(u);
                boolean d = u == 'đ' || u == 'Đ';
                String word = d ? legacy + (upper ? "I" : "i") : (upper ? "H" : "h") + legacy + (upper ? "N" : "n");
                String expected = d ? unicode + (upper ? "I" : "i") : (upper ? "H" : "h") + unicode + (upper ? "N" : "n");
                assertThat(LegacyVietnamese.convert(word, Encoding.TCVN3)).as("row %s", legacy).isEqualTo(expected);
            });
        }

        @Test
        void everyVniRowDecodesInsideAWordAndAMarkOfTheOtherCaseIsAccepted() {
            VNI.forEach((legacy, unicode) -> {
                boolean upper = Character.isUpperCase(unicode.charAt(0));
                String h = upper ? "H" : "h";
                String n = upper ? "N" : "n";
                assertThat(LegacyVietnamese.convert(h + legacy + n, Encoding.VNI)).as("row %s", legacy)
                        .isEqualTo(h + unicode + n);
                if (legacy.length() == 2) {
                    char mark = legacy.charAt(1);
                    char other = upper ? Character.toLowerCase(mark) : Character.toUpperCase(mark);
                    assertThat(LegacyVietnamese.convert(h + legacy.charAt(0) + other + n, Encoding.VNI))
                            .as("row %s with the mark in the other case", legacy).isEqualTo(h + unicode + n);
                }
            });
        }
    }

    // ------------------------------------------------------------------ hand-written legacy text from public sources

    /**
     * TCVN3 text as it stands in public documents, written out by hand (not produced by the table): the
     * headers of every Vietnamese official document, decisions of the Ministry of Finance (2002) and other
     * government documents of 1998-2009 as quoted in public converter test suites, the test data of
     * duydev/vietnamese-conversion (tests/helpers/test-data.ts), and the inspection commissions' own
     * "§¶ng viªn" and "Uû ban KiÓm tra".
     */
    static Stream<Arguments> publicTcvn3() {
        return Stream.of(
                arguments("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
                arguments("Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
                arguments("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                arguments("CéNG HßA", "CỘNG HÒA"),
                arguments("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
                arguments("Uû ban KiÓm tra", "Uỷ ban Kiểm tra"),
                arguments("§¶ng viªn", "Đảng viên"),
                arguments("C¨n cø NghÞ ®Þnh sè 15/CP", "Căn cứ Nghị định số 15/CP"),
                arguments("quyÕt ®Þnh cña Bé tr\u00ADëng Bé Tµi chÝnh", "quyết định của Bộ trưởng Bộ Tài chính"),
                arguments("chÕ ®é kÕ to¸n doanh nghiÖp", "chế độ kế toán doanh nghiệp"),
                arguments("ng\u00ADêi cã c«ng víi c¸ch m¹ng", "người có công với cách mạng"),
                arguments("Tæng diÖn tÝch ®· phñ kÝn", "Tổng diện tích đã phủ kín"),
                arguments("§Ò nghÞ h\u00ADëng trî cÊp mét lÇn", "Đề nghị hưởng trợ cấp một lần"),
                arguments("Th«ng t\u00AD h\u00ADíng dÉn thùc hiÖn", "Thông tư hướng dẫn thực hiện"),
                arguments("§¡NG Ký KINH DOANH", "ĐĂNG KÝ KINH DOANH"),
                arguments("Trung ¢u", "Trung Âu"),
                arguments("¤ng TrÇn Du", "Ông Trần Du"),
                arguments("Hµ néi, ngµy 22 th¸ng 11 n¨m 2002", "Hà nội, ngày 22 tháng 11 năm 2002"),
                arguments("bé tµi chÝnh", "bộ tài chính"),
                arguments("Toµ ¸n nh©n d©n", "Toà án nhân dân"),
                arguments("Biªn b¶n ghi lêi khai ng\u00ADêi lµm chøng", "Biên bản ghi lời khai người làm chứng"),
                arguments("Xin chµo c¸c b¹n", "Xin chào các bạn"),
                arguments("T«i ®i häc", "Tôi đi học"));
    }

    /** VNI-Windows text written out by hand from the same kinds of public sources. */
    static Stream<Arguments> publicVni() {
        return Stream.of(
                arguments("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
                arguments("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
                arguments("Ñaûng vieân", "Đảng viên"),
                arguments("Uûy ban Kieåm tra", "Ủy ban Kiểm tra"),
                arguments("ñöôïc giao nhieäm vuï, ngöôøi khai, ñaêng kyù", "được giao nhiệm vụ, người khai, đăng ký"),
                arguments("Bieân baûn ghi lôøi khai ngöôøi laøm chöùng", "Biên bản ghi lời khai người làm chứng"),
                arguments("Xin chaøo caùc baïn", "Xin chào các bạn"),
                arguments("Toâi ñi hoïc", "Tôi đi học"));
    }

    @ParameterizedTest
    @MethodSource("publicTcvn3")
    void publicTcvn3TextIsDetectedAndConverted(String legacy, String unicode) {
        assertThat(LegacyVietnamese.detect(legacy)).isEqualTo(Encoding.TCVN3);
        assertThat(LegacyVietnamese.toUnicode(legacy)).isEqualTo(unicode);
    }

    @ParameterizedTest
    @MethodSource("publicVni")
    void publicVniTextIsDetectedAndConverted(String legacy, String unicode) {
        assertThat(LegacyVietnamese.detect(legacy)).isEqualTo(Encoding.VNI);
        assertThat(LegacyVietnamese.toUnicode(legacy)).isEqualTo(unicode);
    }

    @ParameterizedTest
    @MethodSource("publicTcvn3")
    void theTestEncoderAgreesWithHandWrittenTcvn3(String legacy, String unicode) {
        // Guards the round-trip tests below: the test's reverse table reproduces real documents byte for byte
        // (case aside: .VnTimeH capitals carry the lowercase codes).
        boolean capitals = unicode.equals(unicode.toUpperCase(java.util.Locale.ROOT));
        assertThat(encodeTcvn3(unicode, capitals)).isEqualTo(legacy);
    }

    @ParameterizedTest
    @MethodSource("publicVni")
    void theTestEncoderAgreesWithHandWrittenVni(String legacy, String unicode) {
        // "Uûy" (lowercase mark after a capital) is how VNI keyboards often type "Ủy"; the table writes "UÛy".
        assertThat(encodeVni(unicode)).isEqualTo(legacy.replace("Uûy", "UÛy"));
    }

    // ------------------------------------------------------------------ phrases encoded with the tables

    static final List<String> PHRASES = List.of(
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Cộng hoà xã hội chủ nghĩa Việt Nam",
            "ĐẢNG ỦY KHỐI",
            "Ủy ban Kiểm tra",
            "Khiển trách",
            "Cảnh cáo",
            "Cách chức",
            "Khai trừ",
            "Giải tán",
            "Tố cáo",
            "Khiếu nại kỷ luật",
            "Phản ánh, kiến nghị",
            "Nguyễn Thị Hương",
            "Trần Văn Đức",
            "Ngày quyết định",
            "Đối tượng",
            "Hình thức kỷ luật",
            "Thường xuyên",
            "Chuyên đề",
            "Tổ chức đảng",
            "Đảng viên",
            "Độc lập - Tự do - Hạnh phúc",
            "Quyết định số 15/QĐ-UBKT ngày 05/3/2019",
            "Ban Thường vụ Huyện ủy",
            "Đảng ủy Khối các cơ quan Trung ương",
            "Vi phạm nguyên tắc tập trung dân chủ",
            "Kết luận giám sát chuyên đề",
            "Lê Thị Mỹ Dung",
            "KIỂM TRA TỔ CHỨC ĐẢNG CẤP DƯỚI",
            "ỦY BAN KIỂM TRA HUYỆN ỦY",
            "BÁO CÁO TỔNG KẾT NĂM 2019",
            "Ông Trần Văn Ẩn, Bà Ngô Thị Ánh");

    static Stream<String> phrases() {
        return PHRASES.stream();
    }

    static Stream<String> capitalPhrases() {
        return PHRASES.stream().filter(p -> p.equals(p.toUpperCase(java.util.Locale.ROOT)));
    }

    @Test
    void phrasesCoverEveryToneEveryVowelDStrokeAndCapitals() {
        String all = String.join(" ", PHRASES);
        String decomposed = nfd(all);
        // grave, acute, tilde, hook above, dot below; and toneless syllables ("Ban", "viên").
        for (String tone : List.of("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")) {
            assertThat(decomposed).contains(tone);
        }
        assertThat(all).contains("Ban", "Nam");
        for (String letter : List.of("ă", "â", "ê", "ô", "ơ", "ư", "đ", "Đ", "Ă", "Â", "Ê", "Ô", "Ơ", "Ư")) {
            assertThat(all.contains(letter) || decomposed.contains(nfd(letter)))
                    .as("phrases hold %s", letter).isTrue();
        }
        assertThat(all).contains("Ộ", "Ủ", "Ả", "Ố", "Ẩ", "Ấ", "Ể", "Ệ", "Ổ", "Ứ", "Á", "Ế", "ỹ");
        assertThat(PHRASES).hasSizeGreaterThanOrEqualTo(20);
    }

    /**
     * Phrases whose legacy form is also well-formed Unicode word by word, so a cell alone cannot tell:
     * TCVN3 "Khai trõ" could be Unicode "trõ". The column hint decides them.
     */
    static final Set<String> TCVN3_TIES = Set.of("Khai trừ");

    @ParameterizedTest
    @MethodSource("phrases")
    void phraseEncodedInTcvn3IsDetectedAndConvertedBack(String phrase) {
        String legacy = encodeTcvn3(phrase, false);
        assertThat(legacy).isNotEqualTo(phrase);
        if (TCVN3_TIES.contains(phrase)) {
            assertThat(LegacyVietnamese.detect(legacy)).as(legacy).isEqualTo(Encoding.UNICODE);
            assertThat(LegacyVietnamese.toUnicode(legacy)).as(legacy).isEqualTo(legacy);
        } else {
            assertThat(LegacyVietnamese.detect(legacy)).as(legacy).isEqualTo(Encoding.TCVN3);
            assertThat(LegacyVietnamese.toUnicode(legacy)).as(legacy).isEqualTo(phrase);
        }
        assertThat(LegacyVietnamese.toUnicode(legacy, Encoding.TCVN3)).as(legacy).isEqualTo(phrase);
        assertThat(LegacyVietnamese.toUnicode(legacy, Encoding.VNI)).as(legacy).isIn(phrase, legacy);
    }

    @ParameterizedTest
    @MethodSource("capitalPhrases")
    void capitalPhraseTypedInAVnTimeHFontIsConvertedToCapitals(String phrase) {
        String legacy = encodeTcvn3(phrase, true);
        assertThat(LegacyVietnamese.detect(legacy)).as(legacy).isEqualTo(Encoding.TCVN3);
        assertThat(LegacyVietnamese.toUnicode(legacy)).as(legacy).isEqualTo(phrase);
    }

    @ParameterizedTest
    @MethodSource("phrases")
    void phraseEncodedInVniIsDetectedAndConvertedBack(String phrase) {
        String legacy = encodeVni(phrase);
        assertThat(legacy).isNotEqualTo(phrase);
        assertThat(LegacyVietnamese.detect(legacy)).as(legacy).isEqualTo(Encoding.VNI);
        assertThat(LegacyVietnamese.toUnicode(legacy)).as(legacy).isEqualTo(phrase);
        assertThat(LegacyVietnamese.toUnicode(legacy, Encoding.VNI)).as(legacy).isEqualTo(phrase);
        assertThat(LegacyVietnamese.toUnicode(legacy, Encoding.TCVN3)).as(legacy).isEqualTo(phrase);
    }

    @ParameterizedTest
    @MethodSource("phrases")
    void phraseInUnicodeNfcOrNfdIsLeftAsItIs(String phrase) {
        assertThat(LegacyVietnamese.detect(phrase)).isEqualTo(Encoding.UNICODE);
        assertThat(LegacyVietnamese.toUnicode(phrase)).isSameAs(phrase);
        assertThat(LegacyVietnamese.detect(nfd(phrase))).isEqualTo(Encoding.UNICODE);
        assertThat(LegacyVietnamese.toUnicode(nfd(phrase))).isEqualTo(phrase);
    }

    // ------------------------------------------------------------------ Unicode and ASCII

    @Nested
    class UnicodeAndAscii {

        @ParameterizedTest
        @ValueSource(strings = {"DU01", "Report of the meeting", "12/03/2019", "", "  ", "NGAY QD", "Nguyen Van A"})
        void asciiIsReturnedAsTheSameInstance(String ascii) {
            assertThat(LegacyVietnamese.detect(ascii)).isEqualTo(Encoding.UNICODE);
            assertThat(LegacyVietnamese.toUnicode(ascii)).isSameAs(ascii);
        }

        @Test
        void decisionNumberWithUnicodeDStrokeIsUnicode() {
            assertThat(LegacyVietnamese.detect("01-QĐ/UBKT")).isEqualTo(Encoding.UNICODE);
            assertThat(LegacyVietnamese.toUnicode("01-QĐ/UBKT")).isEqualTo("01-QĐ/UBKT");
        }

        @Test
        void decomposedTextComesBackComposed() {
            String decomposed = nfd("Đảng ủy Khối các cơ quan Trung ương");
            assertThat(decomposed).isNotEqualTo("Đảng ủy Khối các cơ quan Trung ương");
            assertThat(LegacyVietnamese.toUnicode(decomposed)).isEqualTo("Đảng ủy Khối các cơ quan Trung ương");
        }

        @Test
        void nullIsUnicodeAndStaysNull() {
            assertThat(LegacyVietnamese.detect(null)).isEqualTo(Encoding.UNICODE);
            assertThat(LegacyVietnamese.toUnicode(null)).isNull();
            assertThat(LegacyVietnamese.convert(null, Encoding.TCVN3)).isNull();
        }

        /** Unicode Vietnamese whose letters all lie in Latin-1 reads as valid words both ways: it stays. */
        @ParameterizedTest
        @ValueSource(strings = {"Tô Lâm", "Hà Nam", "Cà Mau", "Khánh Hòa", "Lê Hoàng Hà", "Phòng Tài chính",
            "Giám sát chuyên đề", "Không", "Có", "Quý I/2014", "Phê bình", "BÁO CÁO TÀI CHÍNH", "Tô Lâm – Hà",
            "“Tôi” là ai", "Võ Thị Sáu", "Xuân Hà"})
        void unicodeVietnameseInLatin1LettersIsNotConverted(String text) {
            assertThat(LegacyVietnamese.detect(text)).isEqualTo(Encoding.UNICODE);
            assertThat(LegacyVietnamese.toUnicode(text)).isSameAs(text);
        }
    }

    // ------------------------------------------------------------------ mixed cells

    @Nested
    class MixedCells {

        @Test
        void legacyTextWithNumbersCodesAndAbbreviations() {
            assertThat(LegacyVietnamese.toUnicode("Sè 12/Q§-UBKT ngµy 05/3/2019"))
                    .isEqualTo("Số 12/QĐ-UBKT ngày 05/3/2019");
            assertThat(LegacyVietnamese.toUnicode("Soá 12/QÑ-UBKT ngaøy 05/3/2019"))
                    .isEqualTo("Số 12/QĐ-UBKT ngày 05/3/2019");
            assertThat(LegacyVietnamese.toUnicode("DU01 - §¶ng bé Khèi doanh nghiÖp"))
                    .isEqualTo("DU01 - Đảng bộ Khối doanh nghiệp");
        }

        @Test
        void windows1252PunctuationInTcvn3TextStaysPunctuation() {
            assertThat(LegacyVietnamese.toUnicode("§éc lËp – Tù do – H¹nh phóc"))
                    .isEqualTo("Độc lập – Tự do – Hạnh phúc");
            assertThat(LegacyVietnamese.toUnicode("QuyÕt ®Þnh “kû luËt” c¶nh c¸o…"))
                    .isEqualTo("Quyết định “kỷ luật” cảnh cáo…");
        }

        @Test
        void vn1CapitalsInWindows1252AndInIsoLatin1() {
            assertThat(LegacyVietnamese.toUnicode("C—NG HO€ X‚ H—I CHž NGH\u008FA VIŒT NAM"))
                    .isEqualTo("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(LegacyVietnamese.toUnicode("C\u0097NG HO\u0080 X\u0082 H\u0097I CH\u009E"))
                    .isEqualTo("CỘNG HOÀ XÃ HỘI CHỦ");
        }

        @Test
        void vniCapitalsCarryCapitalMarks() {
            assertThat(LegacyVietnamese.toUnicode("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM"))
                    .isEqualTo("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(LegacyVietnamese.toUnicode("ÑAÛNG UÛY KHOÁI")).isEqualTo("ĐẢNG ỦY KHỐI");
        }

        @Test
        void capitalsTypedWithVnTimeHAreRestoredOnlyWhereTheWordsAreCapitals() {
            assertThat(LegacyVietnamese.toUnicode("§¶NG Uû KHèI")).isEqualTo("ĐẢNG UỶ KHỐI");
            assertThat(LegacyVietnamese.toUnicode("QUYÕT §ÞNH sè 12")).isEqualTo("QUYẾT ĐỊNH số 12");
            assertThat(LegacyVietnamese.toUnicode("Uû ban nh©n d©n")).isEqualTo("Uỷ ban nhân dân");
        }

        @Test
        void capitalTonedVowelsAsConvertersWriteThemAreOneCapitalLetter() {
            // TCVN3 has no capital toned vowels: converters write the capital base letter, then the small toned one
            assertThat(LegacyVietnamese.toUnicode("Uñy ban KiÓm tra")).isEqualTo("Ủy ban Kiểm tra");
            assertThat(LegacyVietnamese.toUnicode("¢Êp B¾c")).isEqualTo("Ấp Bắc");
            assertThat(LegacyVietnamese.toUnicode("¢Ên ®Þnh")).isEqualTo("Ấn định");
            assertThat(LegacyVietnamese.toUnicode("¤æn ®Þnh tæ chøc")).isEqualTo("Ổn định tổ chức");
            assertThat(LegacyVietnamese.toUnicode("§¶ng bé Uñy ban")).isEqualTo("Đảng bộ Ủy ban");
        }

        @Test
        void aCapitalBeforeAnotherLetterOrInsideAWordIsNotMerged() {
            // "Uû" is U + ỷ (another base letter): it stays "Uỷ"; the pair is merged only at the start of a word
            assertThat(LegacyVietnamese.toUnicode("Uû ban nh©n d©n")).isEqualTo("Uỷ ban nh©n d©n".replace("©", "â"));
            assertThat(LegacyVietnamese.toUnicode("§¶NG Uû KHèI")).isEqualTo("ĐẢNG UỶ KHỐI");
            assertThat(LegacyVietnamese.toUnicode("Chi ñy")).isEqualTo("Chi ủy");
        }

        @Test
        void shortHeadersWithAbbreviationsKeepTheirCase() {
            // Capitals in an abbreviation do not make the cell .VnTimeH text.
            assertThat(LegacyVietnamese.toUnicode("M· §V")).isEqualTo("Mã ĐV");
            assertThat(LegacyVietnamese.toUnicode("Sè Q§")).isEqualTo("Số QĐ");
            assertThat(LegacyVietnamese.toUnicode("Chi ñy")).isEqualTo("Chi ủy");
            assertThat(LegacyVietnamese.toUnicode("Maõ ÑV")).isEqualTo("Mã ĐV");
        }

        @Test
        void legacyNextToUnicodeOnlyLettersIsLeftAlone() {
            // A cell with ễ cannot be legacy text; the TCVN3 part is not guessed at.
            assertThat(LegacyVietnamese.detect("Nguyễn V¨n A")).isEqualTo(Encoding.UNICODE);
            assertThat(LegacyVietnamese.toUnicode("Nguyễn V¨n A")).isEqualTo("Nguyễn V¨n A");
        }

        @Test
        void eachCellIsDetectedOnItsOwn() {
            List<String> row = List.of("DU01", "Céng hoµ", "Coäng hoøa", "Cộng hoà", "Café");
            List<String> converted = new ArrayList<>();
            row.forEach(cell -> converted.add(LegacyVietnamese.toUnicode(cell)));
            assertThat(converted).containsExactly("DU01", "Cộng hoà", "Cộng hòa", "Cộng hoà", "Café");
        }
    }

    // ------------------------------------------------------------------ false positives

    @Nested
    class FalsePositives {

        @ParameterizedTest
        @ValueSource(strings = {"Café", "naïve", "30°C", "½", "¼ cup", "5 µm", "µg/l", "± 5%", "x²", "© 2020 ACME®",
            "Microsoft®", "Trademark™", "R®", "ACME® Corp", "§§ 12-14", "100 €", "§ 12", "Smith’s “report” – 2020", "page 1 … 10", "• item",
            "Señor Muñoz", "España", "Müller", "Größe", "Zürich", "Köln", "São Paulo", "coração", "Søren",
            "Tromsø", "Ångström", "Hôtel de Ville", "crème brûlée", "déjà vu", "Noël", "Zoë", "goût", "Où",
            "Le café « crème » coûte trop cher à Paris, où l'été est chaud.", "Ich möchte ein Bier",
            "¿Qué pasa?", "Françoise", "Pokémon", "Beyoncé", "façade", "résumé", "Citroën", "maïs", "Héloïse"})
        void westernTextWithLatin1CharactersIsNotConverted(String text) {
            assertThat(LegacyVietnamese.detect(text)).isEqualTo(Encoding.UNICODE);
            assertThat(LegacyVietnamese.toUnicode(text)).isSameAs(text);
        }

        @Test
        void aOneWordCellNeedsStrongEvidence() {
            // Known limit: Latin-1 letters in, Latin-1 letters out, one word: not enough to convert on its own.
            assertThat(LegacyVietnamese.detect("cã")).isEqualTo(Encoding.UNICODE);
            assertThat(LegacyVietnamese.detect("Coù")).isEqualTo(Encoding.UNICODE);
            // A letter only legacy text has, or a legacy symbol inside a word, is enough.
            assertThat(LegacyVietnamese.toUnicode("Tèt")).isEqualTo("Tốt");
            assertThat(LegacyVietnamese.toUnicode("Kh¸")).isEqualTo("Khá");
            assertThat(LegacyVietnamese.toUnicode("Trung b×nh")).isEqualTo("Trung bình");
            assertThat(LegacyVietnamese.toUnicode("Khaù")).isEqualTo("Khá");
            assertThat(LegacyVietnamese.toUnicode("Maõ")).isEqualTo("Mã");
            assertThat(LegacyVietnamese.toUnicode("§VT")).isEqualTo("ĐVT");
            assertThat(LegacyVietnamese.toUnicode("ÑV")).isEqualTo("ĐV");
            assertThat(LegacyVietnamese.toUnicode("Toán")).isEqualTo("Toán");
        }

        @Test
        void aCellThatReadsWellBothWaysStaysUnicode() {
            // VNI "Toát" is "Tốt", and also the Unicode word "toát"; TCVN3 "Khai trõ" is "Khai trừ", and also a
            // well-formed (if meaningless) Unicode "trõ".
            assertThat(LegacyVietnamese.detect("Toát")).isEqualTo(Encoding.UNICODE);
            assertThat(LegacyVietnamese.detect("Khai trõ")).isEqualTo(Encoding.UNICODE);
            assertThat(LegacyVietnamese.toUnicode("Toát")).isEqualTo("Toát");
        }
    }

    // ------------------------------------------------------------------ the column hint

    @Nested
    class ColumnHint {

        @Test
        void theDominantEncodingOfAColumnDecidesItsUndecidedCells() {
            List<String> column = List.of("H×nh thøc", "KhiÓn tr¸ch", "C¶nh c¸o", "C¸ch chøc", "Khai trõ", "", "DU01");
            Encoding hint = LegacyVietnamese.dominant(column);
            assertThat(hint).isEqualTo(Encoding.TCVN3);
            List<String> converted = new ArrayList<>();
            column.forEach(cell -> converted.add(LegacyVietnamese.toUnicode(cell, hint)));
            assertThat(converted).containsExactly("Hình thức", "Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ", "", "DU01");
            assertThat(LegacyVietnamese.toUnicode("cã", Encoding.TCVN3)).isEqualTo("có");
            assertThat(LegacyVietnamese.toUnicode("Toát", Encoding.VNI)).isEqualTo("Tốt");
            assertThat(LegacyVietnamese.toUnicode("Coù", Encoding.VNI)).isEqualTo("Có");
            assertThat(LegacyVietnamese.toUnicode("Sè KH", Encoding.TCVN3)).isEqualTo("Số KH");
        }

        @Test
        void theHintNeverConvertsWhatCannotBeLegacyOrDoesNotReadAsVietnamese() {
            assertThat(LegacyVietnamese.toUnicode("Nguyễn Văn A", Encoding.TCVN3)).isEqualTo("Nguyễn Văn A");
            assertThat(LegacyVietnamese.toUnicode("DU01", Encoding.VNI)).isEqualTo("DU01");
            assertThat(LegacyVietnamese.toUnicode("Café", Encoding.TCVN3)).isEqualTo("Café");
            assertThat(LegacyVietnamese.toUnicode("naïve", Encoding.VNI)).isEqualTo("naïve");
            assertThat(LegacyVietnamese.toUnicode("30°C", Encoding.TCVN3)).isEqualTo("30°C");
            assertThat(LegacyVietnamese.toUnicode(nfd("Tổ chức"), Encoding.TCVN3)).isEqualTo("Tổ chức");
        }

        @Test
        void aCellClearlyInTheOtherEncodingKeepsItsOwn() {
            assertThat(LegacyVietnamese.toUnicode("Coäng hoøa", Encoding.TCVN3)).isEqualTo("Cộng hòa");
            assertThat(LegacyVietnamese.toUnicode("Céng hoµ", Encoding.VNI)).isEqualTo("Cộng hoà");
        }

        @Test
        void noLegacyCellsMeansNoHint() {
            assertThat(LegacyVietnamese.dominant(List.of("DU01", "Cộng hoà", "Café"))).isEqualTo(Encoding.UNICODE);
            assertThat(LegacyVietnamese.toUnicode("Tô Lâm", LegacyVietnamese.dominant(List.of()))).isEqualTo("Tô Lâm");
        }
    }

    // ------------------------------------------------------------------ forced conversion

    @Nested
    class Convert {

        @Test
        void convertsWithoutDetectionWhenTheEncodingIsKnown() {
            assertThat(LegacyVietnamese.convert("cã", Encoding.TCVN3)).isEqualTo("có");
            assertThat(LegacyVietnamese.convert("Khaù", Encoding.VNI)).isEqualTo("Khá");
            assertThat(LegacyVietnamese.convert("Céng hoµ", Encoding.TCVN3)).isEqualTo("Cộng hoà");
        }

        @Test
        void unicodeOnlyComposes() {
            assertThat(LegacyVietnamese.convert(nfd("Đảng viên"), Encoding.UNICODE)).isEqualTo("Đảng viên");
        }
    }
}
