package vn.inspection.pipeline.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowClassifierTest {

    private static final List<String> DATA_ROW =
            List.of("1", "DU01", "12-QĐ/UBKT", "15/03/2014", "Đảng viên", "Nguyễn Văn An", "KTDHVP", "x");

    private final RowClassifier classifier = new RowClassifier();

    private static List<String> row(String... cells) {
        return List.of(cells);
    }

    @Nested
    class Records {

        @Test
        void leavesADataRowToTheNormaliser() {
            assertThat(classifier.classify(DATA_ROW)).isNull();
        }

        @Test
        void leavesADataRowWithoutASequenceNumberToTheNormaliser() {
            assertThat(classifier.classify(row("", "Đảng ủy Bộ Một", "15/03/2014", "Tổ chức đảng", "Chi bộ Phòng Tài chính", "Chấp hành")))
                    .isNull();
        }

        @Test
        void leavesARowNamingACorporationToTheNormaliser() {
            assertThat(classifier.classify(row("3", "Tổng công ty Hàng hải Việt Nam", "15/03/2014", "Tổ chức đảng",
                    "Đảng ủy Tổng công ty Hàng hải Việt Nam", "Chấp hành"))).isNull();
            assertThat(classifier.classify(DATA_ROW)).isNull();
        }

        @Test
        void keepsClassifyingDataRowsAfterBlankRowsAndHeadings() {
            assertThat(classifier.classify(row("", "", ""))).isEqualTo("blank");
            assertThat(classifier.classify(row("I", "Khối các cơ quan"))).isEqualTo("group heading");
            assertThat(classifier.classify(DATA_ROW)).isNull();
        }
    }

    @Nested
    class Blank {

        @Test
        void tellsABlankRow() {
            assertThat(classifier.classify(row("", " ", "\u00A0", ""))).isEqualTo("blank");
        }

        @Test
        void tellsAnEmptyRow() {
            assertThat(classifier.classify(List.of())).isEqualTo("blank");
        }

        @Test
        void tellsARowOfNullCellsAsBlank() {
            assertThat(classifier.classify(java.util.Arrays.asList(null, null))).isEqualTo("blank");
        }
    }

    @Nested
    class ColumnNumbers {

        @Test
        void tellsARepeatedColumnNumberRow() {
            assertThat(classifier.classify(row("(1)", "(2)", "(3)", "(4)"))).isEqualTo("column numbers");
            assertThat(classifier.classify(DATA_ROW)).isNull();
        }
    }

    @Nested
    class Totals {

        @ParameterizedTest
        @ValueSource(strings = {"Tổng cộng", "TỔNG CỘNG", "Tổng cộng:", "Cộng", "Cộng:", "Tổng số", "TỔNG SỐ"})
        void tellsATotalsRow(String label) {
            assertThat(classifier.classify(row("", label, "", "", "12", "3"))).isEqualTo("totals");
        }

        @Test
        void tellsATotalsRowWrittenAfterTheSequenceColumn() {
            assertThat(classifier.classify(row("", "", "Tổng cộng", "", "12"))).isEqualTo("totals");
        }

        @Test
        void takesEveryRowAfterTheTotalsAsFooter() {
            assertThat(classifier.classify(row("Tổng cộng", "", "", "12"))).isEqualTo("totals");

            assertThat(classifier.classify(DATA_ROW)).isEqualTo("footer");
            assertThat(classifier.classify(row("", ""))).isEqualTo("footer");
            assertThat(classifier.classify(row("I", "Khối doanh nghiệp"))).isEqualTo("footer");
            assertThat(classifier.classify(row("Tổng cộng", "", "", "12"))).isEqualTo("footer");
        }

        @Test
        void remembersTheFooterOnlyForItsOwnSheet() {
            classifier.classify(row("Tổng số", "", "3"));

            assertThat(new RowClassifier().classify(DATA_ROW)).isNull();
        }
    }

    @Nested
    class Signature {

        @ParameterizedTest
        @ValueSource(strings = {"TM. ỦY BAN KIỂM TRA", "T.M ỦY BAN KIỂM TRA", "Người lập biểu", "NGƯỜI LẬP BIỂU",
                "Hà Nội, ngày 30 tháng 6 năm 2014", "KT. CHỦ NHIỆM", "CHỦ NHIỆM", "PHÓ BÍ THƯ", "Nơi nhận:",
                "(Ký, ghi rõ họ tên)", "Xác nhận của đơn vị"})
        void tellsASignatureRow(String text) {
            assertThat(classifier.classify(row("", text, "", ""))).isEqualTo("signature");
        }

        @Test
        void tellsASignatureRowSpreadOverTwoColumns() {
            assertThat(classifier.classify(row("", "Người lập biểu", "", "", "", "TM. ỦY BAN KIỂM TRA"))).isEqualTo("signature");
        }

        @Test
        void takesEveryRowAfterTheSignatureAsFooter() {
            assertThat(classifier.classify(row("", "", "", "Hà Nội, ngày 30 tháng 6 năm 2014"))).isEqualTo("signature");

            assertThat(classifier.classify(row("", "", "", "CHỦ NHIỆM"))).isEqualTo("footer");
            assertThat(classifier.classify(row("", "", "", "Nguyễn Văn Bình"))).isEqualTo("footer");
            assertThat(classifier.classify(DATA_ROW)).isEqualTo("footer");
        }
    }

    @Nested
    class GroupHeading {

        @ParameterizedTest
        @ValueSource(strings = {"I", "II.", "III", "IV)", "ii.", "A", "B."})
        void tellsANumberedGroupHeadingWithItsTitle(String number) {
            assertThat(classifier.classify(row(number, "Các đảng ủy trực thuộc", "", ""))).isEqualTo("group heading");
        }

        @Test
        void tellsAGroupHeadingWithoutATitle() {
            assertThat(classifier.classify(row("", "II", "", ""))).isEqualTo("group heading");
        }

        @Test
        void tellsAHeadingNumberedInItsOwnCellMergedAcrossTheRegister() {
            assertThat(classifier.classify(row("I. Đảng bộ Công ty Điện lực", "", "", "", ""))).isEqualTo("group heading");
            assertThat(classifier.classify(row("b) Đảng viên"))).isEqualTo("group heading");
        }

        @Test
        void goesOnAfterASubtotalWhenAnotherNumberedGroupFollows() {
            assertThat(classifier.classify(row("", "Cộng", "", "3"))).isEqualTo("totals");
            assertThat(classifier.classify(row("", "", ""))).isEqualTo("footer");
            assertThat(classifier.classify(row("II", "ĐẢNG BỘ BƯU ĐIỆN TỈNH"))).isEqualTo("group heading");
            assertThat(classifier.classify(DATA_ROW)).isNull();
        }

        @Test
        void neverTakesTheTotalsRowOrTheSignatureForAGroup() {
            assertThat(classifier.classify(row("", "Tổng cộng", "", "12"))).isEqualTo("totals");
            assertThat(classifier.classify(row("", "", "", "TM. ỦY BAN KIỂM TRA"))).isEqualTo("footer");
            assertThat(classifier.classify(row("I", "Chủ nhiệm"))).as("no heading goes on after the signature").isEqualTo("footer");
            assertThat(classifier.classify(DATA_ROW)).isEqualTo("footer");
        }

        @Test
        void doesNotTakeANumberedDataRowForAHeading() {
            assertThat(classifier.classify(row("I", "DU01", "15/03/2014", "Đảng viên", "Nguyễn Văn An"))).isNull();
        }
    }
}
