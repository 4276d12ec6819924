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
            assertThat(classifier.classify(row("", "", ""))).isEqualTo(RowKind.BLANK);
            assertThat(classifier.classify(row("I", "Khối các cơ quan"))).as("a heading is left to GroupRows").isNull();
            assertThat(classifier.classify(DATA_ROW)).isNull();
        }
    }

    @Nested
    class Blank {

        @Test
        void tellsABlankRow() {
            assertThat(classifier.classify(row("", " ", "\u00A0", ""))).isEqualTo(RowKind.BLANK);
        }

        @Test
        void tellsAnEmptyRow() {
            assertThat(classifier.classify(List.of())).isEqualTo(RowKind.BLANK);
        }

        @Test
        void tellsARowOfNullCellsAsBlank() {
            assertThat(classifier.classify(java.util.Arrays.asList(null, null))).isEqualTo(RowKind.BLANK);
        }
    }

    @Nested
    class ColumnNumbers {

        @Test
        void tellsARepeatedColumnNumberRow() {
            assertThat(classifier.classify(row("(1)", "(2)", "(3)", "(4)"))).isEqualTo(RowKind.COLUMN_NUMBERS);
            assertThat(classifier.classify(DATA_ROW)).isNull();
        }
    }

    @Nested
    class Totals {

        @ParameterizedTest
        @ValueSource(strings = {"Tổng cộng", "TỔNG CỘNG", "Tổng cộng:", "Tổng số", "TỔNG SỐ", "Tổng", "Tong cong"})
        void tellsATotalRow(String label) {
            assertThat(classifier.classify(row("", label, "", "", "12", "3"))).isEqualTo(RowKind.TOTAL);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Cộng", "Cộng:", "CỘNG", "Cộng tháng 7: 3 cuộc", "Cộng T11", "Cộng T.11", "Cộng quý I", "Cộng 6 tháng",
                "Cộng năm 2014", "Tổng cộng quý II", "Lũy kế từ đầu năm", "Cong thang 8", "Trong đó: đảng viên", "Trong đó"})
        void tellsASubtotalRowInTheWordingsOfficesUse(String label) {
            assertThat(classifier.classify(row("", label, "", "", "3", "1"))).isEqualTo(RowKind.SUBTOTAL);
        }

        @Test
        void tellsCountsWithoutALabelAsASubtotal() {
            assertThat(classifier.classify(row("", "", "", "12", "3", "1"))).isEqualTo(RowKind.SUBTOTAL);
        }

        @Test
        void tellsATotalRowWrittenAfterTheSequenceColumn() {
            assertThat(classifier.classify(row("", "", "Tổng cộng", "", "12"))).isEqualTo(RowKind.TOTAL);
        }

        @Test
        void neverEndsTheRegister() {
            assertThat(classifier.classify(row("", "Cộng", "", "", "3"))).isEqualTo(RowKind.SUBTOTAL);
            assertThat(classifier.classify(DATA_ROW)).isNull();
            assertThat(classifier.classify(row("Tổng cộng", "", "", "12"))).isEqualTo(RowKind.TOTAL);
            assertThat(classifier.classify(DATA_ROW)).as("a record after the grand total is still read").isNull();
        }

        @Test
        void takesALineOfTextUnderTheGrandTotalForANote() {
            assertThat(classifier.classify(row("Tổng cộng", "", "", "12"))).isEqualTo(RowKind.TOTAL);
            assertThat(classifier.classify(row("Số liệu tính đến hết ngày 30/6/2014"))).isEqualTo(RowKind.NOTES);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Trọng Văn Đó", "Cộng đồng dân cư số 3", "Công ty Cổ phần Cộng Hòa", "Tổng công ty Điện lực", "Công đoàn",
                "Cộng đoàn Thánh Tâm"})
        void leavesARecordWhoseTextStartsLikeATotal(String subject) {
            assertThat(classifier.classify(row("5", subject, "15/03/2014", "Tổ chức đảng", "Chấp hành"))).isNull();
        }

        @Test
        void leavesARecordWithADateThoughItsFirstCellSaysTotal() {
            assertThat(classifier.classify(row("Tong cong ty", "DU01", "15/03/2014", "Tổ chức đảng", "Chấp hành"))).isNull();
        }
    }

    @Nested
    class Signature {

        @ParameterizedTest
        @ValueSource(strings = {"TM. ỦY BAN KIỂM TRA", "T.M ỦY BAN KIỂM TRA", "Người lập biểu", "NGƯỜI LẬP BIỂU",
                "Hà Nội, ngày 30 tháng 6 năm 2014", "KT. CHỦ NHIỆM", "CHỦ NHIỆM", "PHÓ BÍ THƯ",
                "(Ký, ghi rõ họ tên)", "Xác nhận của đơn vị"})
        void tellsASignatureRow(String text) {
            assertThat(classifier.classify(row("", text, "", ""))).isEqualTo(RowKind.SIGNATURE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Nơi nhận:", "Ghi chú:", "Ghi chú: số liệu tính đến 30/6", "Chú thích", "Lưu ý"})
        void tellsANotesRow(String text) {
            assertThat(classifier.classify(row("", text, "", ""))).isEqualTo(RowKind.NOTES);
        }

        @Test
        void tellsASignatureRowSpreadOverTwoColumns() {
            assertThat(classifier.classify(row("", "Người lập biểu", "", "", "", "TM. ỦY BAN KIỂM TRA"))).isEqualTo(RowKind.SIGNATURE);
        }

        @Test
        void takesTheRowsAfterTheSignatureAsSignatureOrNotes() {
            assertThat(classifier.classify(row("", "", "", "Hà Nội, ngày 30 tháng 6 năm 2014"))).isEqualTo(RowKind.SIGNATURE);

            assertThat(classifier.classify(row("", "", "", "CHỦ NHIỆM"))).isEqualTo(RowKind.SIGNATURE);
            assertThat(classifier.classify(row("", "", "", "Nguyễn Văn Bình"))).isEqualTo(RowKind.SIGNATURE);
            assertThat(classifier.classify(row("", ""))).isEqualTo(RowKind.BLANK);
            assertThat(classifier.classify(row("Nơi nhận:"))).isEqualTo(RowKind.NOTES);
            assertThat(classifier.classify(row("- Như trên;"))).isEqualTo(RowKind.NOTES);
            assertThat(classifier.classify(row("", "", "", "Trần Văn Hải"))).as("still notes until another block").isEqualTo(RowKind.NOTES);
        }

        @Test
        void readsARecordShapedRowAfterTheSignatureAndCountsIt() {
            assertThat(classifier.classify(row("", "", "", "TM. ỦY BAN KIỂM TRA"))).isEqualTo(RowKind.SIGNATURE);
            assertThat(classifier.classify(row("", "", "", "Nguyễn Văn Bình"))).isEqualTo(RowKind.SIGNATURE);

            assertThat(classifier.classify(DATA_ROW)).isNull();
            assertThat(classifier.recordsAfterFooter()).isEqualTo(1);
        }
    }

    @Nested
    class GroupHeading {

        @ParameterizedTest
        @ValueSource(strings = {"I", "II.", "III", "IV)", "ii.", "A", "B."})
        void leavesANumberedGroupHeadingToTheGroupRows(String number) {
            assertThat(classifier.classify(row(number, "Các đảng ủy trực thuộc", "", ""))).isNull();
        }

        @Test
        void goesOnAfterASubtotalWhenAnotherGroupFollows() {
            assertThat(classifier.classify(row("", "Cộng", "", "3"))).isEqualTo(RowKind.SUBTOTAL);
            assertThat(classifier.classify(row("", "", ""))).isEqualTo(RowKind.BLANK);
            assertThat(classifier.classify(row("II", "ĐẢNG BỘ BƯU ĐIỆN TỈNH"))).isNull();
            assertThat(classifier.classify(DATA_ROW)).isNull();
        }

        @Test
        void neverTakesARowAfterTheSignatureForAGroup() {
            assertThat(classifier.classify(row("", "", "", "TM. ỦY BAN KIỂM TRA"))).isEqualTo(RowKind.SIGNATURE);
            assertThat(classifier.classify(row("I", "Chủ nhiệm"))).isEqualTo(RowKind.SIGNATURE);
        }
    }

    @Nested
    class InARegister {
        private final List<String> header = row("STT", "Đơn vị", "Số quyết định", "Ngày quyết định", "Đối tượng", "Tên đối tượng", "Loại kiểm tra");
        private final SheetLayout layout = new LayoutDetector(vn.inspection.pipeline.schema.SchemaCatalog.load(java.nio.file.Path.of("../../schemas")))
                .detect(List.of(header, row("1", "DU01", "01-QĐ/UBKT", "15/01/2014", "Đảng viên", "Nguyễn Văn An", "KTDHVP"))).orElseThrow();
        private final RowClassifier inRegister = new RowClassifier(layout,
                List.of(row("ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH"), row("SỔ THEO DÕI CÔNG TÁC KIỂM TRA NĂM 2014")), List.of(header));

        @Test
        void tellsTheTitleRepeatedOnANewPage() {
            assertThat(inRegister.classify(row("", "Sổ theo dõi công tác kiểm tra năm 2014"))).isEqualTo(RowKind.TITLE);
            assertThat(inRegister.classify(row("(tiếp theo)"))).isEqualTo(RowKind.TITLE);
            assertThat(inRegister.classify(row("Đảng bộ Khối Doanh nghiệp tỉnh")))
                    .as("the issuing body may also head a group of its records").isNull();
        }

        @Test
        void tellsBothRowsOfATwoRowHeaderRepeated() {
            RowClassifier twoRows = new RowClassifier(layout, List.of(),
                    List.of(header, row("", "", "Số", "Ngày")));
            assertThat(twoRows.classify(header)).isEqualTo(RowKind.REPEATED_HEADER);
            assertThat(twoRows.classify(row("", "", "Số", "Ngày"))).isEqualTo(RowKind.REPEATED_HEADER);
            assertThat(twoRows.classify(row("1", "DU01", "01-QĐ/UBKT", "15/01/2014", "Đảng viên", "Nguyễn Văn An", "KTDHVP"))).isNull();
            assertThat(twoRows.classify(row("", "", "", "Ngày"))).as("a lone header text away from the header").isNull();
        }

        @Test
        void tellsTheHeaderRepeatedAfterAPageBreak() {
            assertThat(inRegister.classify(header)).isEqualTo(RowKind.REPEATED_HEADER);
            assertThat(inRegister.classify(row("", "ĐƠN VỊ", "SỐ QĐ", "NGÀY QĐ", "ĐỐI TƯỢNG", "HỌ VÀ TÊN", "LOẠI KIỂM TRA")))
                    .as("in other words the schema knows").isEqualTo(RowKind.REPEATED_HEADER);
        }

        @Test
        void leavesARecordNamingAUnitLikeAHeader() {
            assertThat(inRegister.classify(row("2", "Đơn vị", "02-QĐ/UBKT", "15/01/2014", "Đảng viên", "Trần Văn Bình", "KTDHVP"))).isNull();
        }

        @Test
        void readsARecordWithOnlyItsRequiredFieldsAfterTheSignature() {
            assertThat(inRegister.classify(row("", "", "", "", "", "NGƯỜI LẬP BIỂU"))).isEqualTo(RowKind.SIGNATURE);
            assertThat(inRegister.classify(row("", "", "", "", "", "Lê Thị Hoa"))).isEqualTo(RowKind.SIGNATURE);
            assertThat(inRegister.classify(row("9", "DU02", "", "15/02/2014", "Đảng viên", "Phạm Văn Cường", "KTDHVP"))).isNull();
            assertThat(inRegister.recordsAfterFooter()).isEqualTo(1);
        }

        @Test
        void leavesASubtotalWithADateInTheDateColumnToTheNormaliser() {
            assertThat(inRegister.classify(row("3", "Cộng", "03-QĐ/UBKT", "16/01/2014", "Đảng viên", "Vũ Văn Dũng", "KTDHVP"))).isNull();
        }
    }
}
