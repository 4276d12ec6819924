package vn.inspection.pipeline.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.text.VietnameseText;

class GroupRowsTest {
    static final SchemaCatalog CATALOG = SchemaCatalog.load(Path.of("../../schemas"));
    static final LayoutDetector DETECTOR = new LayoutDetector(CATALOG);

    /** Two units: DV01 "Đảng bộ Công ty Điện lực" (alias "Điện lực tỉnh") and DV02 "Đảng bộ Bưu điện tỉnh". */
    static final UnitDirectory UNITS = text -> {
        String key = VietnameseText.matchKey(text);
        if (key.equals("dv01") || key.equals("dang bo cong ty dien luc") || key.equals("dien luc tinh")) {
            return UnitDirectory.Resolution.of("DV01");
        }
        if (key.equals("dv02") || key.equals("dang bo buu dien tinh") || key.equals("buu dien tinh")) {
            return UnitDirectory.Resolution.of("DV02");
        }
        return UnitDirectory.Resolution.failed("unknown unit '" + text + "'");
    };

    /** An inspection register with no unit and no subject type column. */
    static final List<String> NO_UNIT_HEADER = List.of("STT", "Số quyết định", "Ngày quyết định", "Tên đối tượng", "Loại kiểm tra");

    static GroupRows groups(List<String> header) {
        return new GroupRows(DETECTOR.detect(List.of(header)).orElseThrow(), UNITS);
    }

    static List<String> row(String... cells) {
        return Arrays.asList(cells);
    }

    @Nested
    class Headings {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "I. Đảng bộ Công ty Điện lực||DV01",
            "II|ĐẢNG BỘ BƯU ĐIỆN TỈNH|DV02",
            "1.|Điện lực tỉnh|DV01",
            "A - Đảng bộ Bưu điện tỉnh||DV02",
            "Đảng bộ Công ty Điện lực||DV01",
            "III Bưu điện tỉnh||DV02",
            "(2)|Đảng bộ Điện lực tỉnh|DV01",
            "I. Bưu điện tỉnh (3 cuộc)||DV02",
            "B|Công ty Điện lực: 4|DV01",
        })
        void aHeadingNamingAUnitByNameAliasOrInCapitalsSetsTheUnit(String first, String second, String code) {
            GroupRows groups = groups(NO_UNIT_HEADER);

            assertThat(groups.group(row(first, second == null ? "" : second, "", "", ""))).get()
                    .extracting(GroupRows.Group::field, GroupRows.Group::value).containsExactly("unit", code);
            assertThat(groups.inherited()).containsEntry("unit", code);
        }

        @Test
        void aHeadingNamingASubjectTypeSetsIt() {
            GroupRows groups = groups(NO_UNIT_HEADER);

            assertThat(groups.group(row("I. Tổ chức đảng"))).get().extracting(GroupRows.Group::field).isEqualTo("subject_type");
            assertThat(groups.group(row("II", "KIỂM TRA ĐẢNG VIÊN"))).get().extracting(GroupRows.Group::field).isEqualTo("subject_type");
            assertThat(groups.inherited()).containsEntry("subject_type", "dang vien");
        }

        @Test
        void aHeadingNamingNothingKnownIsSkippedWhenNumberedLikeAGroup() {
            GroupRows groups = groups(NO_UNIT_HEADER);

            assertThat(groups.group(row("I", "Các đơn vị khác"))).get().extracting(GroupRows.Group::field).isNull();
            assertThat(groups.group(row("B.", ""))).get().extracting(GroupRows.Group::field).isNull();
            assertThat(groups.inherited()).isEmpty();
        }

        @Test
        void aRecordIsNeverAHeading() {
            GroupRows groups = groups(NO_UNIT_HEADER);

            assertThat(groups.group(row("1", "05-QĐ/UBKT", "15/03/2014", "Chi bộ Phòng Tài chính", "Chấp hành"))).isEmpty();
            assertThat(groups.group(row("3", "Nguyễn Văn An"))).as("numbered like a record, names nothing").isEmpty();
            assertThat(groups.group(row("Ghi chú: số liệu tạm tính"))).isEmpty();
        }

        @Test
        void aFieldTheSheetHasAColumnForIsNotSetByAHeading() {
            GroupRows groups = groups(List.of("STT", "Đơn vị", "Số quyết định", "Ngày quyết định", "Đối tượng", "Tên đối tượng", "Loại kiểm tra"));

            assertThat(groups.group(row("I. Đảng bộ Công ty Điện lực"))).get().extracting(GroupRows.Group::field).isNull();
            assertThat(groups.inherited()).isEmpty();
        }
    }

    @Nested
    class Outline {

        @Test
        void aHeadingHoldsUntilTheNextHeadingOfTheSameField() {
            GroupRows groups = groups(NO_UNIT_HEADER);
            groups.group(row("I. Đảng bộ Công ty Điện lực"));
            groups.group(row("1. Tổ chức đảng"));
            assertThat(groups.group(row("1", "05-QĐ/UBKT", "15/03/2014", "Chi bộ Phòng Kế toán", "Chấp hành"))).isEmpty();
            assertThat(groups.inherited()).isEqualTo(Map.of("unit", "DV01", "subject_type", "Tổ chức đảng"));

            groups.group(row("2. Đảng viên"));
            assertThat(groups.inherited()).isEqualTo(Map.of("unit", "DV01", "subject_type", "Đảng viên"));
        }

        @Test
        void aNewUnitClearsWhatWasSetUnderThePreviousOne() {
            GroupRows groups = groups(NO_UNIT_HEADER);
            groups.group(row("I. Đảng bộ Công ty Điện lực"));
            groups.group(row("1. Đảng viên"));
            groups.group(row("II. Đảng bộ Bưu điện tỉnh"));

            assertThat(groups.inherited()).isEqualTo(Map.of("unit", "DV02"));
        }
    }

    @Nested
    class Records {

        @Test
        void aRecordUnderHeadingsGetsTheirValues() {
            SheetLayout layout = DETECTOR.detect(List.of(NO_UNIT_HEADER)).orElseThrow();
            GroupRows groups = new GroupRows(layout, UNITS);
            RecordNormaliser normaliser = new RecordNormaliser(layout, UNITS, new Pseudonymiser(RecordNormaliserTest.KEY), RecordNormaliserTest.TODAY);
            groups.group(row("II", "ĐẢNG BỘ BƯU ĐIỆN TỈNH"));
            groups.group(row("a) Tổ chức đảng"));

            RowOutcome outcome = normaliser.normalise(row("1", "05-QĐ/UBKT", "15/03/2014", "Chi bộ Phòng Kế toán", "Chấp hành"), groups.inherited());

            assertThat(outcome).isInstanceOf(RowOutcome.Accepted.class);
            assertThat(((RowOutcome.Accepted) outcome).values()).containsEntry("unit", "DV02").containsEntry("subject_type", "ORG")
                    .containsEntry("subject", "Chi bộ Phòng Kế toán").containsEntry("type", "COMPLIANCE");
        }

        @Test
        void aRecordBeforeAnyHeadingIsRejectedNamingTheMissingColumnOrHeading() {
            SheetLayout layout = DETECTOR.detect(List.of(NO_UNIT_HEADER)).orElseThrow();
            RecordNormaliser normaliser = new RecordNormaliser(layout, UNITS, new Pseudonymiser(RecordNormaliserTest.KEY), RecordNormaliserTest.TODAY);

            RowOutcome outcome = normaliser.normalise(row("1", "05-QĐ/UBKT", "15/03/2014", "Chi bộ Phòng Kế toán", "Chấp hành"), Map.of());

            assertThat(outcome).isInstanceOf(RowOutcome.Rejected.class);
            assertThat(((RowOutcome.Rejected) outcome).reason()).contains(
                    "unit: required column missing (expected a header 'Đơn vị' or 'Tên đơn vị' or 'Mã đơn vị' or 'Tổ chức đảng trực thuộc', or a group row above the records naming it)");
        }
    }
}
