package vn.inspection.pipeline.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.inspection.pipeline.schema.FieldSpec;
import vn.inspection.pipeline.schema.SchemaCatalog;

class LayoutDetectorTest {

    static final SchemaCatalog CATALOG = SchemaCatalog.load(Path.of("../../schemas"));
    static final LayoutDetector DETECTOR = new LayoutDetector(CATALOG);

    private static List<String> row(String... cells) {
        return List.of(cells);
    }

    @SafeVarargs
    private static SheetLayout detect(List<String>... rows) {
        return DETECTOR.detect(List.of(rows)).orElseThrow(() -> new AssertionError("no register found"));
    }

    /** Field name by column index, in column order. */
    private static Map<Integer, String> fieldsByColumn(SheetLayout layout) {
        Map<Integer, String> fields = new TreeMap<>();
        layout.columns().forEach((column, field) -> fields.put(column, field.name()));
        return fields;
    }

    @Nested
    class RecordType {

        @Test
        void recognisesAUnitsReference() {
            SheetLayout layout = detect(row("Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên", "Cấp", "Tên gọi khác",
                    "Hiệu lực từ", "Hiệu lực đến", "Mã đơn vị kế thừa"));

            assertThat(layout.schema().recordType()).isEqualTo("units");
            assertThat(fieldsByColumn(layout)).containsExactly(Map.entry(0, "code"), Map.entry(1, "name"),
                    Map.entry(2, "parent_code"), Map.entry(3, "level"), Map.entry(4, "aliases"), Map.entry(5, "valid_from"),
                    Map.entry(6, "valid_to"), Map.entry(7, "successor_code"));
        }

        @Test
        void recognisesAnInspectionRegister() {
            SheetLayout layout = detect(row("STT", "Đơn vị", "Số quyết định", "Ngày quyết định", "Ngày kết thúc",
                    "Chủ thể kiểm tra", "Đối tượng", "Tên đối tượng", "Loại kiểm tra", "Có vi phạm", "Phải thi hành kỷ luật",
                    "Cấp ủy viên", "Ghi chú"));

            assertThat(layout.schema().recordType()).isEqualTo("inspection");
            assertThat(fieldsByColumn(layout)).containsExactly(Map.entry(1, "unit"), Map.entry(2, "decision_no"),
                    Map.entry(3, "start_date"), Map.entry(4, "end_date"), Map.entry(5, "body"), Map.entry(6, "subject_type"),
                    Map.entry(7, "subject"), Map.entry(8, "type"), Map.entry(9, "violation"),
                    Map.entry(10, "discipline_required"), Map.entry(11, "committee_member"));
        }

        @Test
        void recognisesAnInspectionRegisterByItsContentHeader() {
            SheetLayout layout = detect(row("Đơn vị", "Ngày kiểm tra", "Họ tên", "Nội dung kiểm tra"));

            assertThat(layout.schema().recordType()).isEqualTo("inspection");
            assertThat(layout.maps("type")).isTrue();
        }

        @Test
        void recognisesASupervisionRegister() {
            SheetLayout layout = detect(row("STT", "Đơn vị", "Số kế hoạch", "Ngày giám sát", "Chủ thể giám sát", "Đối tượng",
                    "Tên đối tượng", "Hình thức giám sát", "Phát hiện dấu hiệu vi phạm"));

            assertThat(layout.schema().recordType()).isEqualTo("supervision");
            assertThat(fieldsByColumn(layout)).containsExactly(Map.entry(1, "unit"), Map.entry(2, "plan_no"),
                    Map.entry(3, "start_date"), Map.entry(4, "body"), Map.entry(5, "subject_type"), Map.entry(6, "subject"),
                    Map.entry(7, "mode"), Map.entry(8, "signs_found"));
        }

        @Test
        void recognisesADisciplineRegister() {
            SheetLayout layout = detect(row("STT", "Đơn vị", "Số quyết định", "Ngày quyết định", "Cấp quyết định", "Đối tượng",
                    "Tên đối tượng", "Hình thức kỷ luật", "Nội dung vi phạm"));

            assertThat(layout.schema().recordType()).isEqualTo("discipline");
            assertThat(fieldsByColumn(layout)).containsExactly(Map.entry(1, "unit"), Map.entry(2, "decision_no"),
                    Map.entry(3, "decision_date"), Map.entry(4, "body"), Map.entry(5, "subject_type"), Map.entry(6, "subject"),
                    Map.entry(7, "form"), Map.entry(8, "violation_area"));
        }

        @Test
        void recognisesALettersRegister() {
            SheetLayout layout = detect(row("STT", "Số vào sổ", "Ngày nhận", "Đơn vị", "Loại đơn", "Nặc danh", "Đối tượng",
                    "Tên đối tượng", "Tình trạng", "Ngày giải quyết", "Kết quả giải quyết"));

            assertThat(layout.schema().recordType()).isEqualTo("complaint");
            assertThat(fieldsByColumn(layout)).containsExactly(Map.entry(1, "letter_no"), Map.entry(2, "received_date"),
                    Map.entry(3, "unit"), Map.entry(4, "kind"), Map.entry(5, "anonymous"), Map.entry(6, "subject_type"),
                    Map.entry(7, "subject"), Map.entry(8, "status"), Map.entry(9, "resolved_date"), Map.entry(10, "outcome"));
        }

        @Test
        void findsNoRegisterInASheetWithoutAKnownHeader() {
            assertThat(DETECTOR.detect(List.of(
                    row("BÁO CÁO TỔNG HỢP"),
                    row("STT", "Nội dung", "Số lượng", "Ghi chú"),
                    row("1", "Số đảng viên", "3677", ""),
                    row("2", "Số tổ chức cơ sở đảng", "59", "")))).isEmpty();
        }

        @Test
        void findsNoRegisterInAnEmptySheet() {
            assertThat(DETECTOR.detect(List.of())).isEmpty();
            assertThat(DETECTOR.detect(List.of(row(), row("", "")))).isEmpty();
        }

        @Test
        void searchesOnlyTheFirstRowsOfASheetForTheHeader() {
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < LayoutDetector.HEADER_SEARCH_ROWS; i++) {
                rows.add(row("ghi chú " + i));
            }
            rows.add(row("Đơn vị", "Ngày quyết định", "Đối tượng", "Tên đối tượng", "Loại kiểm tra"));

            assertThat(DETECTOR.detect(rows)).isEmpty();
        }
    }

    @Nested
    class HeaderRow {

        @Test
        void skipsTitleRowsAboveTheHeader() {
            SheetLayout layout = detect(
                    row("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG", "", "", "ĐẢNG CỘNG SẢN VIỆT NAM"),
                    row("ỦY BAN KIỂM TRA"),
                    row(""),
                    row("SỔ THEO DÕI CÔNG TÁC KIỂM TRA QUÝ I/2013"),
                    row("STT", "Đơn vị", "Ngày quyết định", "Đối tượng", "Tên đối tượng", "Loại kiểm tra"),
                    row("1", "DU01", "15/03/2013", "Đảng viên", "Nguyễn Văn An", "KTDHVP"));

            assertThat(layout.headerRow()).isEqualTo(4);
            assertThat(layout.firstDataRow()).isEqualTo(5);
            assertThat(layout.headers()).containsExactly("STT", "Đơn vị", "Ngày quyết định", "Đối tượng", "Tên đối tượng", "Loại kiểm tra");
        }

        @Test
        void mapsAliasesIgnoringCaseDiacriticsPunctuationAndSpacing() {
            SheetLayout layout = detect(row("Tổ chức đảng trực thuộc", "Số QĐ", "NGAY QD", "Ngày kết luận", "Cơ quan kiểm tra",
                    "Loại đối tượng", "Họ và\ntên", "  nội dung  kiểm tra: ", "Kết luận có vi phạm", "Phải kỷ luật", "Là cấp ủy viên"));

            assertThat(fieldsByColumn(layout)).containsExactly(Map.entry(0, "unit"), Map.entry(1, "decision_no"),
                    Map.entry(2, "start_date"), Map.entry(3, "end_date"), Map.entry(4, "body"), Map.entry(5, "subject_type"),
                    Map.entry(6, "subject"), Map.entry(7, "type"), Map.entry(8, "violation"), Map.entry(9, "discipline_required"),
                    Map.entry(10, "committee_member"));
        }

        @Test
        void mapsEachFieldToItsFirstColumnOnly() {
            SheetLayout layout = detect(row("Mã đơn vị", "Tên đơn vị", "Ngày QĐ", "Đối tượng", "Tên đối tượng", "Loại kiểm tra"));

            assertThat(fieldsByColumn(layout)).containsEntry(0, "unit").doesNotContainKey(1);
        }

        @Test
        void ignoresColumnsNoSchemaNames() {
            SheetLayout layout = detect(row("STT", "Đơn vị", "Ngày quyết định", "Đối tượng", "Tên đối tượng", "Loại kiểm tra", "Ghi chú"));

            assertThat(layout.columns()).doesNotContainKeys(0, 6);
            assertThat(layout.columns().values()).extracting(FieldSpec::name)
                    .containsExactlyInAnyOrder("unit", "start_date", "subject_type", "subject", "type");
            assertThat(layout.maps("end_date")).isFalse();
        }
    }

    @Nested
    class TwoRowHeader {

        @Test
        void mergesGroupCellsWithTheLeafHeadersBelow() {
            SheetLayout layout = detect(
                    row("SỔ THEO DÕI KIỂM TRA"),
                    row("STT", "Đơn vị", "Quyết định", "", "Loại kiểm tra", "Đối tượng kiểm tra", "", "Có vi phạm"),
                    row("", "", "Số", "Ngày", "", "Loại đối tượng", "Tên đối tượng", ""),
                    row("1", "DU01", "12-QĐ/UBKT", "15/03/2014", "KTDHVP", "Đảng viên", "Nguyễn Văn An", "x"));

            assertThat(layout.schema().recordType()).isEqualTo("inspection");
            assertThat(layout.headerRow()).isEqualTo(1);
            assertThat(layout.firstDataRow()).isEqualTo(3);
            assertThat(fieldsByColumn(layout)).containsExactly(Map.entry(1, "unit"), Map.entry(2, "decision_no"),
                    Map.entry(3, "start_date"), Map.entry(4, "type"), Map.entry(5, "subject_type"), Map.entry(6, "subject"),
                    Map.entry(7, "violation"));
        }

        @Test
        void combinesGroupAndLeafTextsForShowingRejectedRows() {
            SheetLayout layout = detect(
                    row("Đơn vị", "Quyết định", "", "Loại kiểm tra", "Đối tượng kiểm tra", ""),
                    row("", "Số", "Ngày", "", "Loại đối tượng", "Tên đối tượng"));

            assertThat(layout.headers()).containsExactly("Đơn vị", "Quyết định / Số", "Quyết định / Ngày", "Loại kiểm tra",
                    "Đối tượng kiểm tra / Loại đối tượng", "Đối tượng kiểm tra / Tên đối tượng");
        }

        @Test
        void readsShortLeavesUnderAGroupThatIsItselfAHeader() {
            SheetLayout layout = detect(
                    row("Đơn vị", "Ngày QĐ", "Đối tượng", "", "Loại kiểm tra"),
                    row("", "", "Loại", "Tên", ""));

            assertThat(layout.firstDataRow()).isEqualTo(2);
            assertThat(fieldsByColumn(layout)).containsExactly(Map.entry(0, "unit"), Map.entry(1, "start_date"),
                    Map.entry(2, "subject_type"), Map.entry(3, "subject"), Map.entry(4, "type"));
        }

        @Test
        void mergesADecisionGroupInADisciplineRegister() {
            SheetLayout layout = detect(
                    row("Đơn vị", "Quyết định", "", "Đối tượng", "Tên đối tượng", "Hình thức kỷ luật"),
                    row("", "Số", "Ngày", "", "", ""));

            assertThat(fieldsByColumn(layout)).containsEntry(1, "decision_no").containsEntry(2, "decision_date");
        }

        @Test
        void skipsALeafRowThatAddsNoField() {
            SheetLayout layout = detect(
                    row("STT", "Đơn vị", "", "Ngày QĐ", "Đối tượng", "Tên đối tượng", "Loại kiểm tra"),
                    row("", "Mã", "Tên", "", "", "", ""),
                    row("1", "DU01", "Đảng ủy Bộ Một", "15/03/2014", "Đảng viên", "Nguyễn Văn An", "KTDHVP"));

            assertThat(layout.firstDataRow()).isEqualTo(2);
            assertThat(fieldsByColumn(layout)).containsEntry(1, "unit");
        }

        @Test
        void mergesAGroupWhoseLeafIsTheRecognisingHeader() {
            SheetLayout layout = detect(
                    row("STT", "Đơn vị", "Đối tượng", "Tên đối tượng", "Kỷ luật", "", ""),
                    row("", "", "", "", "Số quyết định", "Ngày quyết định", "Hình thức kỷ luật"),
                    row("1", "DU01", "Đảng viên", "Trần Thị Bình", "07-QĐ/ĐU", "10/05/2014", "Cảnh cáo"));

            assertThat(layout.schema().recordType()).isEqualTo("discipline");
            assertThat(layout.firstDataRow()).isEqualTo(2);
            assertThat(fieldsByColumn(layout)).containsExactly(Map.entry(1, "unit"), Map.entry(2, "subject_type"),
                    Map.entry(3, "subject"), Map.entry(4, "decision_no"), Map.entry(5, "decision_date"), Map.entry(6, "form"));
        }

        @Test
        void keepsASingleHeaderRowWhenTheNextRowIsData() {
            SheetLayout layout = detect(
                    row("STT", "Đơn vị", "Ngày quyết định", "Đối tượng", "Tên đối tượng", "Loại kiểm tra", "Cấp ủy viên"),
                    row("1", "DU01", "15/03/2014", "Cấp ủy viên", "Nguyễn Văn An", "KTDHVP", "x"));

            assertThat(layout.firstDataRow()).isEqualTo(1);
            assertThat(fieldsByColumn(layout)).containsEntry(3, "subject_type").containsEntry(6, "committee_member");
        }
    }

    @Nested
    class ColumnNumberRow {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "1|2|3|4|5|6",
                "(1)|(2)|(3)|(4)|(5)|(6)",
                "A|B|1|2|3|4",
                "1|2|3|4|5|(6) = (4) + (5)",
        })
        void skipsAColumnNumberRowUnderTheHeader(String c0, String c1, String c2, String c3, String c4, String c5) {
            SheetLayout layout = detect(
                    row("STT", "Đơn vị", "Ngày quyết định", "Đối tượng", "Tên đối tượng", "Loại kiểm tra"),
                    row(c0, c1, c2, c3, c4, c5),
                    row("1", "DU01", "15/03/2014", "Đảng viên", "Nguyễn Văn An", "KTDHVP"));

            assertThat(layout.headerRow()).isZero();
            assertThat(layout.firstDataRow()).isEqualTo(2);
            assertThat(layout.columns()).hasSize(5);
        }

        @Test
        void skipsAColumnNumberRowUnderATwoRowHeader() {
            SheetLayout layout = detect(
                    row("STT", "Đơn vị", "Quyết định", "", "Loại kiểm tra", "Đối tượng kiểm tra", ""),
                    row("", "", "Số", "Ngày", "", "Loại đối tượng", "Tên đối tượng"),
                    row("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"),
                    row("1", "DU01", "12-QĐ/UBKT", "15/03/2014", "KTDHVP", "Đảng viên", "Nguyễn Văn An"));

            assertThat(layout.firstDataRow()).isEqualTo(3);
            assertThat(layout.columns()).hasSize(6);
        }

        @Test
        void doesNotTakeADataRowForAColumnNumberRow() {
            assertThat(LayoutDetector.isColumnNumberRow(row("1", "DU01", "15/03/2014", "Đảng viên"))).isFalse();
            assertThat(LayoutDetector.isColumnNumberRow(row("1", "", ""))).isFalse();
            assertThat(LayoutDetector.isColumnNumberRow(row("1", "", "2"))).isTrue();
        }
    }
}
