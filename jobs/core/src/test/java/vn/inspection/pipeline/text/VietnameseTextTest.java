package vn.inspection.pipeline.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VietnameseTextTest {

    private static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }

    @Nested
    class Clean {

        @Test
        void composesDecomposedTextToNfc() {
            String decomposed = nfd("Đảng ủy Khối các cơ quan Trung ương");
            assertThat(decomposed).isNotEqualTo("Đảng ủy Khối các cơ quan Trung ương");

            String cleaned = VietnameseText.clean(decomposed);

            assertThat(cleaned).isEqualTo("Đảng ủy Khối các cơ quan Trung ương");
            assertThat(Normalizer.isNormalized(cleaned, Normalizer.Form.NFC)).isTrue();
        }

        @Test
        void collapsesNonBreakingAndRepeatedSpacesAndTrims() {
            assertThat(VietnameseText.clean("\u00A0 Chi bộ\u00A0\u00A0Phòng   Tài chính \t\n"))
                    .isEqualTo("Chi bộ Phòng Tài chính");
        }

        @Test
        void collapsesOtherInvisibleSpacesOfficeFilesCarry() {
            assertThat(VietnameseText.clean("\uFEFFSố\u202FQĐ\u2007\u200B12")).isEqualTo("Số QĐ 12");
        }

        @Test
        void keepsCaseAndDiacritics() {
            assertThat(VietnameseText.clean("Ban Thường vụ")).isEqualTo("Ban Thường vụ");
        }

        @Test
        void givesEmptyTextForNullAndBlank() {
            assertThat(VietnameseText.clean(null)).isEmpty();
            assertThat(VietnameseText.clean("")).isEmpty();
            assertThat(VietnameseText.clean(" \u00A0 ")).isEmpty();
        }
    }

    @Nested
    class MatchKey {

        @Test
        void abbreviatedHeaderGivesLowerCaseAsciiKey() {
            assertThat(VietnameseText.matchKey("Ngày QĐ")).isEqualTo("ngay qd");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Ngày quyết định", "NGÀY QUYẾT ĐỊNH", "NGAY QUYET DINH", "ngay quyet dinh",
                "  ngày   quyết\u00A0định  ", "Ngày quyết định:", "Ngày quyết định (*)", "ngày-quyết-định"})
        void matchesHeaderVariantsIgnoringCaseDiacriticsPunctuationAndSpacing(String written) {
            assertThat(VietnameseText.matchKey(written)).isEqualTo("ngay quyet dinh");
        }

        @Test
        void matchesDecomposedTextLikeComposedText() {
            assertThat(VietnameseText.matchKey(nfd("Ngày quyết định"))).isEqualTo("ngay quyet dinh");
        }

        @Test
        void foldsDStrokeInBothCases() {
            assertThat(VietnameseText.matchKey("Đảng ủy")).isEqualTo("dang uy");
            assertThat(VietnameseText.matchKey("đảng ỦY")).isEqualTo("dang uy");
        }

        @Test
        void matchesAbbreviationWrittenWithSpacesOrCase() {
            assertThat(VietnameseText.matchKey("ngày  qđ")).isEqualTo(VietnameseText.matchKey("Ngày QĐ"));
            assertThat(VietnameseText.matchKey("NGÀY QD")).isEqualTo(VietnameseText.matchKey("Ngày QĐ"));
        }

        @Test
        void matchesAbbreviationWrittenWithDots() {
            assertThat(VietnameseText.matchKey("ngày  q.đ.")).isEqualTo("ngay qd");
        }

        @Test
        void treatsPunctuationBetweenWordsAsASpace() {
            assertThat(VietnameseText.matchKey("Thực hiện nhiệm vụ kiểm tra,giám sát"))
                    .isEqualTo(VietnameseText.matchKey("Thực hiện nhiệm vụ kiểm tra, giám sát"))
                    .isEqualTo("thuc hien nhiem vu kiem tra giam sat");
        }

        @Test
        void givesTheSameKeyForOldAndNewTonePlacement() {
            assertThat(VietnameseText.matchKey("hoá")).isEqualTo(VietnameseText.matchKey("hóa")).isEqualTo("hoa");
            assertThat(VietnameseText.matchKey("Uỷ ban Kiểm tra")).isEqualTo(VietnameseText.matchKey("Ủy ban Kiểm tra"))
                    .isEqualTo("uy ban kiem tra");
        }

        @Test
        void givesEmptyKeyForNullBlankAndSymbolOnlyText() {
            assertThat(VietnameseText.matchKey(null)).isEmpty();
            assertThat(VietnameseText.matchKey("")).isEmpty();
            assertThat(VietnameseText.matchKey(" - ")).isEmpty();
            assertThat(VietnameseText.matchKey("✓")).isEmpty();
        }
    }

    @Nested
    class IdentityKey {

        @Test
        void keepsDiacriticsSoNamesDifferingByAToneMarkStayDifferent() {
            assertThat(VietnameseText.identityKey("Nguyễn Thị Hà")).isNotEqualTo(VietnameseText.identityKey("Nguyễn Thị Hạ"));
            assertThat(VietnameseText.identityKey("Hà")).isEqualTo("hà");
        }

        @Test
        void ignoresCaseAndSpacing() {
            assertThat(VietnameseText.identityKey("NGUYỄN  VĂN\u00A0AN"))
                    .isEqualTo(VietnameseText.identityKey("Nguyễn Văn An"))
                    .isEqualTo("nguyễn văn an");
        }

        @Test
        void ignoresUnicodeNormalForm() {
            assertThat(VietnameseText.identityKey(nfd("Nguyễn Văn Đức"))).isEqualTo(VietnameseText.identityKey("Nguyễn Văn Đức"));
        }

        @Test
        void givesTheSameIdentityForOldAndNewTonePlacement() {
            assertThat(VietnameseText.identityKey("Nguyễn Văn Hoá")).isEqualTo(VietnameseText.identityKey("Nguyễn Văn Hóa"));
            assertThat(VietnameseText.identityKey("Đảng uỷ Bộ Một")).isEqualTo(VietnameseText.identityKey("Đảng ủy Bộ Một"));
        }
    }
}
