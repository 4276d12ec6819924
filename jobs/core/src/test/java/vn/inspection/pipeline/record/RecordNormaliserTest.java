package vn.inspection.pipeline.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.text.VietnameseText;

class RecordNormaliserTest {

    static final SchemaCatalog CATALOG = SchemaCatalog.load(Path.of("../../schemas"));
    static final LayoutDetector DETECTOR = new LayoutDetector(CATALOG);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    /** Knows one unit, by its code "DU01" or its name "Đảng ủy Bộ Một" (matched like a header). */
    static final UnitDirectory UNITS = text -> {
        String key = VietnameseText.matchKey(text);
        if (key.equals("du01") || key.equals(VietnameseText.matchKey("Đảng ủy Bộ Một"))) {
            return UnitDirectory.Resolution.of("DU01");
        }
        return UnitDirectory.Resolution.failed("unknown unit '" + text + "'");
    };

    static final List<String> INSPECTION_HEADER = List.of("STT", "Đơn vị", "Số quyết định", "Ngày quyết định", "Ngày kết thúc",
            "Chủ thể kiểm tra", "Đối tượng", "Tên đối tượng", "Loại kiểm tra", "Có vi phạm", "Phải thi hành kỷ luật", "Cấp ủy viên");
    static final List<String> SUPERVISION_HEADER = List.of("STT", "Đơn vị", "Số kế hoạch", "Ngày giám sát", "Chủ thể giám sát",
            "Đối tượng", "Tên đối tượng", "Hình thức giám sát", "Phát hiện dấu hiệu vi phạm");
    static final List<String> DISCIPLINE_HEADER = List.of("STT", "Đơn vị", "Số quyết định", "Ngày quyết định", "Cấp quyết định",
            "Đối tượng", "Tên đối tượng", "Hình thức kỷ luật", "Nội dung vi phạm");
    static final List<String> COMPLAINT_HEADER = List.of("STT", "Đơn vị", "Số vào sổ", "Ngày nhận", "Loại đơn", "Nặc danh",
            "Đối tượng", "Tên đối tượng", "Tình trạng", "Ngày giải quyết", "Kết quả giải quyết");
    static final List<String> UNITS_HEADER = List.of("Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên", "Cấp", "Tên gọi khác",
            "Hiệu lực từ", "Hiệu lực đến", "Mã đơn vị kế thừa");

    private static RecordNormaliser normaliser(List<String> header) {
        return normaliser(header, KEY);
    }

    private static RecordNormaliser normaliser(List<String> header, byte[] key) {
        SheetLayout layout = DETECTOR.detect(List.of(header)).orElseThrow();
        return new RecordNormaliser(layout, UNITS, new Pseudonymiser(key), TODAY);
    }

    /** An inspection row: unit, decision no, start, end, body, subject type, subject, type, violation, discipline, committee. */
    private static List<String> inspection(String unit, String decisionNo, String start, String end, String body,
                                           String subjectType, String subject, String type, String violation,
                                           String discipline, String committee) {
        return Arrays.asList("1", unit, decisionNo, start, end, body, subjectType, subject, type, violation, discipline, committee);
    }

    private static List<String> validInspection() {
        return inspection("DU01", "12-QĐ/UBKT", "15/03/2014", "30/04/2014", "UBKT", "Đảng viên", "Nguyễn Văn An", "KTDHVP",
                "x", "", "Không");
    }

    private static List<String> with(List<String> row, int column, String value) {
        List<String> copy = new ArrayList<>(row);
        copy.set(column, value);
        return copy;
    }

    private static RowOutcome.Accepted accepted(RowOutcome outcome) {
        assertThat(outcome).isInstanceOf(RowOutcome.Accepted.class);
        return (RowOutcome.Accepted) outcome;
    }

    private static RowOutcome.Rejected rejected(RowOutcome outcome) {
        assertThat(outcome).isInstanceOf(RowOutcome.Rejected.class);
        return (RowOutcome.Rejected) outcome;
    }

    private static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }

    @Nested
    class AcceptedRows {

        @Test
        void givesTypedValuesForAnInspection() {
            RowOutcome.Accepted record = accepted(normaliser(INSPECTION_HEADER).normalise(validInspection()));

            assertThat(record.values())
                    .containsEntry("unit", "DU01")
                    .containsEntry("decision_no", "12-QĐ/UBKT")
                    .containsEntry("start_date", LocalDate.of(2014, 3, 15))
                    .containsEntry("end_date", LocalDate.of(2014, 4, 30))
                    .containsEntry("body", "COMMISSION")
                    .containsEntry("subject_type", "MEMBER")
                    .containsEntry("type", "SIGNS_OF_VIOLATION")
                    .containsEntry("violation", Boolean.TRUE)
                    .containsEntry("discipline_required", Boolean.FALSE)
                    .containsEntry("committee_member", Boolean.FALSE);
            assertThat(record.periodDate()).isEqualTo(LocalDate.of(2014, 3, 15));
            assertThat(record.recordKey()).matches("[0-9a-f]{32}");
        }

        @Test
        void resolvesAUnitNamedByName() {
            RowOutcome.Accepted record = accepted(normaliser(INSPECTION_HEADER).normalise(with(validInspection(), 1, "ĐẢNG ỦY BỘ MỘT")));

            assertThat(record.values()).containsEntry("unit", "DU01");
        }

        @Test
        void cleansFreeTextToNfcWithSpacesCollapsed() {
            RowOutcome.Accepted record = accepted(normaliser(INSPECTION_HEADER).normalise(with(validInspection(), 2, nfd(" 12-QĐ/UBKT\u00A0 "))));

            assertThat(record.values()).containsEntry("decision_no", "12-QĐ/UBKT");
        }

        @Test
        void readsExcelSerialsAndIsoDatesAsTheReadersGiveThem() {
            List<String> row = with(with(validInspection(), 3, "41654"), 4, "2014-01-20");

            RowOutcome.Accepted record = accepted(normaliser(INSPECTION_HEADER).normalise(row));

            assertThat(record.values()).containsEntry("start_date", LocalDate.of(2014, 1, 15)).containsEntry("end_date", LocalDate.of(2014, 1, 20));
        }

        @Test
        void leavesOptionalBlankValuesOutButReadsABlankBooleanAsFalse() {
            List<String> row = inspection("DU01", "", "15/03/2014", "", "", "Tổ chức đảng", "Chi bộ Phòng Tài chính", "Tài chính đảng",
                    "", "", "");

            RowOutcome.Accepted record = accepted(normaliser(INSPECTION_HEADER).normalise(row));

            assertThat(record.values()).doesNotContainKeys("decision_no", "end_date", "body")
                    .containsEntry("type", "FINANCE")
                    .containsEntry("violation", false)
                    .containsEntry("discipline_required", false)
                    .containsEntry("committee_member", false);
        }

        @Test
        void readsBooleansWrittenAsTicksNumbersAndWords() {
            RowOutcome.Accepted record = accepted(normaliser(INSPECTION_HEADER).normalise(
                    with(with(with(validInspection(), 9, "✓"), 10, "1"), 11, "False")));

            assertThat(record.values()).containsEntry("violation", true).containsEntry("discipline_required", true)
                    .containsEntry("committee_member", false);
        }

        @Test
        void readsACommitteeMemberAsAMemberWhoIsOnTheCommittee() {
            RowOutcome.Accepted record = accepted(normaliser(INSPECTION_HEADER).normalise(with(validInspection(), 6, "Cấp ủy viên")));

            assertThat(record.values()).containsEntry("subject_type", "MEMBER").containsEntry("committee_member", true);
            assertThat(record.values().get("subject")).asString().startsWith("DV-");
        }

        @Test
        void acceptsARowShorterThanTheHeader() {
            List<String> row = List.of("1", "DU01", "", "15/03/2014", "", "", "ĐV", "Nguyễn Văn An", "Chấp hành");

            RowOutcome.Accepted record = accepted(normaliser(INSPECTION_HEADER).normalise(row));

            assertThat(record.values()).containsEntry("type", "COMPLIANCE").containsEntry("violation", false);
        }

        @Test
        void acceptsDatesOnTodayAndOnTheFirstDayOf1930() {
            RecordNormaliser normaliser = normaliser(INSPECTION_HEADER);

            assertThat(accepted(normaliser.normalise(with(with(validInspection(), 3, "22/11/2026"), 4, ""))).values())
                    .containsEntry("start_date", TODAY);
            assertThat(accepted(normaliser.normalise(with(with(validInspection(), 3, "01/01/1930"), 4, ""))).values())
                    .containsEntry("start_date", RecordNormaliser.EARLIEST_DATE);
        }

        @Test
        void acceptsAnEndDateOnTheStartDate() {
            assertThat(normaliser(INSPECTION_HEADER).normalise(with(validInspection(), 4, "15/03/2014")))
                    .isInstanceOf(RowOutcome.Accepted.class);
        }

        @Test
        void givesTypedValuesForASupervision() {
            RowOutcome.Accepted record = accepted(normaliser(SUPERVISION_HEADER).normalise(
                    List.of("1", "DU01", "05/KH-UBKT", "02/06/2014", "Ban Thường vụ", "TCĐ", "Chi bộ Vụ Tổ chức", "Chuyên đề", "Có")));

            assertThat(record.values()).containsEntry("unit", "DU01").containsEntry("plan_no", "05/KH-UBKT")
                    .containsEntry("start_date", LocalDate.of(2014, 6, 2)).containsEntry("body", "STANDING_COMMITTEE")
                    .containsEntry("subject_type", "ORG").containsEntry("subject", "Chi bộ Vụ Tổ chức")
                    .containsEntry("mode", "THEMATIC").containsEntry("signs_found", true);
            assertThat(record.periodDate()).isEqualTo(LocalDate.of(2014, 6, 2));
        }

        @Test
        void givesTypedValuesForADiscipline() {
            RowOutcome.Accepted record = accepted(normaliser(DISCIPLINE_HEADER).normalise(
                    List.of("1", "DU01", "07-QĐ/ĐU", "ngày 10 tháng 5 năm 2014", "Đảng ủy cơ sở", "Đảng viên", "Trần Thị Bình",
                            "Cảnh cáo", "Tài chính")));

            assertThat(record.values()).containsEntry("decision_date", LocalDate.of(2014, 5, 10))
                    .containsEntry("body", "Đảng ủy cơ sở").containsEntry("form", "WARNING")
                    .containsEntry("violation_area", "Tài chính");
            assertThat(record.periodDate()).isEqualTo(LocalDate.of(2014, 5, 10));
        }

        @Test
        void givesTypedValuesForALetter() {
            RowOutcome.Accepted record = accepted(normaliser(COMPLAINT_HEADER).normalise(
                    List.of("1", "DU01", "15", "03/02/2014", "Tố cáo", "x", "Đảng viên", "Lê Văn Cường", "Không đủ điều kiện",
                            "20/02/2014", "Không đúng")));

            assertThat(record.values()).containsEntry("letter_no", "15").containsEntry("received_date", LocalDate.of(2014, 2, 3))
                    .containsEntry("kind", "DENUNCIATION").containsEntry("anonymous", true).containsEntry("status", "FILED")
                    .containsEntry("resolved_date", LocalDate.of(2014, 2, 20)).containsEntry("outcome", "UNFOUNDED");
            assertThat(record.periodDate()).isEqualTo(LocalDate.of(2014, 2, 3));
        }

        @Test
        void acceptsALetterWithoutASubject() {
            RowOutcome.Accepted record = accepted(normaliser(COMPLAINT_HEADER).normalise(
                    List.of("1", "DU01", "", "03/02/2014", "Phản ánh, kiến nghị", "", "", "", "", "", "")));

            assertThat(record.values()).containsEntry("kind", "PETITION").containsEntry("anonymous", false)
                    .doesNotContainKeys("subject_type", "subject", "status");
        }

        @Test
        void givesTypedValuesForAUnitWithoutAPeriod() {
            RowOutcome.Accepted record = accepted(normaliser(UNITS_HEADER).normalise(
                    List.of("DU01", "Đảng ủy Bộ Một", "DUK", "Cấp trên cơ sở", "ĐU Bộ Một ;Đảng bộ Bộ Một;; ", "01/01/2010", "", "")));

            assertThat(record.values()).containsEntry("code", "DU01").containsEntry("level", "UPPER_BASE")
                    .containsEntry("aliases", "ĐU Bộ Một; Đảng bộ Bộ Một").containsEntry("valid_from", LocalDate.of(2010, 1, 1));
            assertThat(record.periodDate()).isNull();
        }

        @ParameterizedTest
        @CsvSource({"Đảng bộ tỉnh, PROVINCE", "Đảng bộ thị xã, DISTRICT", "Đảng ủy Công an tỉnh, DISTRICT", "Phường, BASE",
                "Chi bộ trực thuộc Đảng ủy cơ sở, BRANCH"})
        void storesTheCodeOfAUnitLevelOfAnyPartOfTheHierarchy(String written, String code) {
            RowOutcome.Accepted record = accepted(normaliser(UNITS_HEADER).normalise(List.of("X01", "Đơn vị Một", "T01", written, "", "", "", "")));

            assertThat(record.values()).containsEntry("level", code);
        }

        @Test
        void keepsAUnitLevelNobodyListedAsTypedAndAcceptsTheUnit() {
            RowOutcome.Accepted record = accepted(normaliser(UNITS_HEADER).normalise(
                    List.of("BP01", "Đảng bộ bộ phận Phân xưởng Một", "DU01", "  Đảng bộ  bộ phận xyz ", "", "", "", "")));

            assertThat(record.values()).containsEntry("code", "BP01").containsEntry("parent_code", "DU01")
                    .containsEntry("level", "Đảng bộ bộ phận xyz");
        }
    }

    @Nested
    class RejectedRows {

        @Test
        void rejectsAMissingRequiredValueNamingItsColumn() {
            RowOutcome.Rejected rejection = rejected(normaliser(INSPECTION_HEADER).normalise(with(validInspection(), 7, " ")));

            assertThat(rejection.field()).isEqualTo("subject");
            assertThat(rejection.reason()).isEqualTo("required value missing (column 'Tên đối tượng')");
        }

        @Test
        void rejectsAMissingRequiredColumnNamingTheHeadersItCouldHave() {
            List<String> header = List.of("Đơn vị", "Ngày quyết định", "Tên đối tượng", "Loại kiểm tra");
            RowOutcome.Rejected rejection = rejected(normaliser(header).normalise(List.of("DU01", "15/03/2014", "Nguyễn Văn An", "KTDHVP")));

            assertThat(rejection.field()).isEqualTo("subject_type");
            assertThat(rejection.reason()).isEqualTo("required column missing (expected a header 'Đối tượng' or 'Loại đối tượng', or a group row above the records naming it)");
        }

        @Test
        void rejectsAnUnrecognisedEnumerationValueListingTheKnownOnes() {
            RowOutcome.Rejected rejection = rejected(normaliser(INSPECTION_HEADER).normalise(with(validInspection(), 8, "Kiểm tra đột xuất")));

            assertThat(rejection.field()).isEqualTo("type");
            assertThat(rejection.reason()).isEqualTo("'Kiểm tra đột xuất' is not a recognised value (expected one of Kiểm tra khi có"
                    + " dấu hiệu vi phạm, Kiểm tra thực hiện nhiệm vụ kiểm tra, giám sát, thi hành kỷ luật, Kiểm tra tài chính đảng,"
                    + " Kiểm tra chấp hành)");
        }

        @Test
        void rejectsAnUnrecognisedBoolean() {
            RowOutcome.Rejected rejection = rejected(normaliser(INSPECTION_HEADER).normalise(with(validInspection(), 9, "chưa rõ")));

            assertThat(rejection.field()).isEqualTo("violation");
            assertThat(rejection.reason()).isEqualTo("'chưa rõ' is not a recognised value (expected one of Có, Không)");
        }

        @Test
        void rejectsAnUnknownUnitWithTheDirectorysReason() {
            RowOutcome.Rejected rejection = rejected(normaliser(INSPECTION_HEADER).normalise(with(validInspection(), 1, "Đảng ủy Bộ Hai")));

            assertThat(rejection.field()).isEqualTo("unit");
            assertThat(rejection.reason()).isEqualTo("unknown unit 'Đảng ủy Bộ Hai'");
        }

        @Test
        void rejectsADateThatDoesNotParseQuotingIt() {
            RowOutcome.Rejected rejection = rejected(normaliser(INSPECTION_HEADER).normalise(with(validInspection(), 3, "giữa tháng 3")));

            assertThat(rejection.field()).isEqualTo("start_date");
            assertThat(rejection.reason()).startsWith("'giữa tháng 3' is not a date (expected dd/MM/yyyy");
        }

        @Test
        void rejectsADateThatDoesNotExist() {
            RowOutcome.Rejected rejection = rejected(normaliser(INSPECTION_HEADER).normalise(with(validInspection(), 3, "31/02/2014")));

            assertThat(rejection.field()).isEqualTo("start_date");
            assertThat(rejection.reason()).startsWith("'31/02/2014' is not a date that exists");
        }

        @Test
        void rejectsADateAfterToday() {
            RowOutcome.Rejected rejection = rejected(normaliser(INSPECTION_HEADER).normalise(
                    with(with(validInspection(), 3, "23/11/2026"), 4, "")));

            assertThat(rejection.field()).isEqualTo("start_date");
            assertThat(rejection.reason()).isEqualTo("date 2026-11-23 is in the future");
        }

        @Test
        void rejectsADateBefore1930() {
            RowOutcome.Rejected rejection = rejected(normaliser(INSPECTION_HEADER).normalise(with(validInspection(), 3, "31/12/1929")));

            assertThat(rejection.field()).isEqualTo("start_date");
            assertThat(rejection.reason()).isEqualTo("date 1929-12-31 is before 1930-01-01");
        }

        @Test
        void rejectsAnInspectionEndingBeforeItStarts() {
            RowOutcome.Rejected rejection = rejected(normaliser(INSPECTION_HEADER).normalise(with(validInspection(), 4, "14/03/2014")));

            assertThat(rejection.field()).isEqualTo("end_date");
            assertThat(rejection.reason()).isEqualTo("end_date 2014-03-14 is before start_date 2014-03-15");
        }

        @Test
        void rejectsALetterResolvedBeforeItWasReceived() {
            RowOutcome.Rejected rejection = rejected(normaliser(COMPLAINT_HEADER).normalise(
                    List.of("1", "DU01", "15", "03/02/2014", "Khiếu nại", "", "", "", "Đã giải quyết", "02/02/2014", "")));

            assertThat(rejection.field()).isEqualTo("resolved_date");
            assertThat(rejection.reason()).isEqualTo("resolved_date 2014-02-02 is before received_date 2014-02-03");
        }

        @Test
        void rejectsDissolutionForAMember() {
            RowOutcome.Rejected rejection = rejected(normaliser(DISCIPLINE_HEADER).normalise(
                    List.of("1", "DU01", "07-QĐ/ĐU", "10/05/2014", "", "Đảng viên", "Trần Thị Bình", "Giải tán", "")));

            assertThat(rejection.field()).isEqualTo("form");
            assertThat(rejection.reason()).isEqualTo("Giải tán (DISSOLUTION) applies to organizations, not to a party member");
        }

        @Test
        void rejectsDissolutionForACommitteeMember() {
            RowOutcome.Rejected rejection = rejected(normaliser(DISCIPLINE_HEADER).normalise(
                    List.of("1", "DU01", "07-QĐ/ĐU", "10/05/2014", "", "Cấp ủy viên", "Trần Thị Bình", "Giải tán", "")));

            assertThat(rejection.field()).isEqualTo("form");
            assertThat(rejection.reason()).contains("DISSOLUTION");
        }

        @ParameterizedTest
        @CsvSource({"Cách chức", "Khai trừ"})
        void rejectsDismissalAndExpulsionForAnOrganization(String form) {
            RowOutcome.Rejected rejection = rejected(normaliser(DISCIPLINE_HEADER).normalise(
                    List.of("1", "DU01", "08-QĐ/ĐU", "10/05/2014", "", "Tổ chức đảng", "Chi bộ Vụ Tổ chức", form, "")));

            assertThat(rejection.field()).isEqualTo("form");
            assertThat(rejection.reason())
                    .isEqualTo("Cách chức / Khai trừ (DISMISSAL / EXPULSION) apply to party members, not to an organization");
        }

        @ParameterizedTest
        @CsvSource({"Đảng viên, Khiển trách", "Đảng viên, Cảnh cáo", "Đảng viên, Cách chức", "Đảng viên, Khai trừ",
                "Tổ chức đảng, Khiển trách", "Tổ chức đảng, Cảnh cáo", "Tổ chức đảng, Giải tán"})
        void acceptsEveryFormThatFitsTheSubject(String subjectType, String form) {
            assertThat(normaliser(DISCIPLINE_HEADER).normalise(
                    List.of("1", "DU01", "08-QĐ/ĐU", "10/05/2014", "", subjectType, "Chi bộ Vụ Tổ chức", form, "")))
                    .isInstanceOf(RowOutcome.Accepted.class);
        }

        @Test
        void reportsEveryProblemOfARowInFieldOrder() {
            List<String> row = inspection("Đảng ủy Bộ Hai", "", "31/02/2014", "", "", "Quần chúng", "", "KTDHVP", "", "", "");

            RowOutcome.Rejected rejection = rejected(normaliser(INSPECTION_HEADER).normalise(row));

            assertThat(rejection.problems()).extracting(RowOutcome.Problem::field)
                    .containsExactly("unit", "start_date", "subject_type", "subject");
            assertThat(rejection.field()).isEqualTo("unit");
            assertThat(rejection.reason()).startsWith("unit: unknown unit 'Đảng ủy Bộ Hai'; start_date: '31/02/2014' is not a date that exists")
                    .contains("; subject_type: 'Quần chúng' is not a recognised value")
                    .endsWith("; subject: required value missing (column 'Tên đối tượng')");
        }
    }

    @Nested
    class Pseudonyms {

        private Object subjectOf(RecordNormaliser normaliser, String subjectType, String subject) {
            return accepted(normaliser.normalise(with(with(validInspection(), 6, subjectType), 7, subject))).values().get("subject");
        }

        @Test
        void replacesAMembersNameByAPseudonym() {
            Object subject = subjectOf(normaliser(INSPECTION_HEADER), "Đảng viên", "Nguyễn Văn An");

            assertThat(subject).asString().startsWith(Pseudonymiser.PREFIX).matches("DV-[0-9a-f]{20}")
                    .doesNotContainIgnoringCase("Nguyễn").doesNotContainIgnoringCase("An ");
        }

        @Test
        void givesTheSameMemberTheSamePseudonymHoweverTheNameIsWritten() {
            RecordNormaliser normaliser = normaliser(INSPECTION_HEADER);

            assertThat(subjectOf(normaliser, "Đảng viên", "Nguyễn Văn An"))
                    .isEqualTo(subjectOf(normaliser, "ĐV", " NGUYỄN  VĂN AN "))
                    .isEqualTo(subjectOf(normaliser, "Cấp ủy viên", nfd("Nguyễn Văn An")));
        }

        @Test
        void givesDifferentMembersDifferentPseudonyms() {
            RecordNormaliser normaliser = normaliser(INSPECTION_HEADER);

            assertThat(subjectOf(normaliser, "Đảng viên", "Nguyễn Thị Hà")).isNotEqualTo(subjectOf(normaliser, "Đảng viên", "Nguyễn Thị Hạ"));
        }

        @Test
        void givesADifferentPseudonymUnderADifferentKey() {
            assertThat(subjectOf(normaliser(INSPECTION_HEADER, KEY), "Đảng viên", "Nguyễn Văn An"))
                    .isNotEqualTo(subjectOf(normaliser(INSPECTION_HEADER, OTHER_KEY), "Đảng viên", "Nguyễn Văn An"));
        }

        @Test
        void keepsTheNameOfAnOrganization() {
            assertThat(subjectOf(normaliser(INSPECTION_HEADER), "Tổ chức đảng", "Chi bộ  Phòng Tài chính"))
                    .isEqualTo("Chi bộ Phòng Tài chính");
        }

        @Test
        void pseudonymisesMembersInEveryRecordType() {
            RowOutcome.Accepted discipline = accepted(normaliser(DISCIPLINE_HEADER).normalise(
                    List.of("1", "DU01", "07-QĐ/ĐU", "10/05/2014", "", "Đảng viên", "Trần Thị Bình", "Cảnh cáo", "")));
            RowOutcome.Accepted letter = accepted(normaliser(COMPLAINT_HEADER).normalise(
                    List.of("1", "DU01", "15", "03/02/2014", "Tố cáo", "", "Đảng viên", "Trần Thị Bình", "", "", "")));
            RowOutcome.Accepted supervision = accepted(normaliser(SUPERVISION_HEADER).normalise(
                    List.of("1", "DU01", "05/KH", "02/06/2014", "", "Đảng viên", "Trần Thị Bình", "Thường xuyên", "")));

            String pseudonym = new Pseudonymiser(KEY).pseudonym("Trần Thị Bình");
            assertThat(List.of(discipline, letter, supervision)).extracting(r -> r.values().get("subject"))
                    .containsOnly(pseudonym);
        }

        @Test
        void refusesAShortKey() {
            assertThatThrownBy(() -> new Pseudonymiser(new byte[15]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("pseudonym key must be at least 16 bytes");
            assertThatThrownBy(() -> new Pseudonymiser(null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("pseudonym key must be at least 16 bytes");
        }
    }

    @Nested
    class NaturalKeys {

        private String keyOf(List<String> header, List<String> row) {
            return accepted(normaliser(header).normalise(row)).recordKey();
        }

        @Test
        void givesTheSameKeyToTheSameInspectionWrittenDifferently() {
            String original = keyOf(INSPECTION_HEADER, inspection("DU01", "12-QĐ/UBKT", "15/03/2014", "", "", "Tổ chức đảng",
                    "Chi bộ Phòng Tài chính", "KTDHVP", "", "", ""));
            String rewritten = keyOf(INSPECTION_HEADER, inspection(" đảng ủy  bộ một ", nfd("12-qđ/ubkt"), "2014-03-15", "30/04/2014",
                    "UBKT", "TCĐ", nfd("CHI BỘ\u00A0PHÒNG  TÀI CHÍNH"), "Khi có dấu hiệu vi phạm", "x", "x", ""));

            assertThat(rewritten).isEqualTo(original);
        }

        @Test
        void givesTheSameKeyToTheSameMemberWrittenDifferently() {
            String original = keyOf(INSPECTION_HEADER, validInspection());
            String rewritten = keyOf(INSPECTION_HEADER, with(with(validInspection(), 7, nfd("NGUYỄN VĂN  AN")), 6, "ĐV"));

            assertThat(rewritten).isEqualTo(original);
        }

        @Test
        void tellsTheSameDecisionNumberIssuedAgainNextYearFromTheFirst() {
            // "12-QĐ/UBKT" is issued again every January: the year of the decision date is part of the key
            String in2013 = keyOf(INSPECTION_HEADER, with(validInspection(), 3, "15/03/2013"));
            String in2014 = keyOf(INSPECTION_HEADER, validInspection());
            String laterIn2014 = keyOf(INSPECTION_HEADER, with(validInspection(), 3, "20/04/2014"));

            assertThat(in2013).isNotEqualTo(in2014);
            assertThat(laterIn2014).as("the same year: the same decision").isEqualTo(in2014);

            List<String> discipline = List.of("1", "DU01", "07-QĐ/ĐU", "10/05/2014", "", "Đảng viên", "Trần Thị Bình", "Cảnh cáo", "");
            assertThat(keyOf(DISCIPLINE_HEADER, with(discipline, 3, "10/05/2013"))).isNotEqualTo(keyOf(DISCIPLINE_HEADER, discipline));
            assertThat(keyOf(DISCIPLINE_HEADER, with(discipline, 3, "01/12/2014"))).isEqualTo(keyOf(DISCIPLINE_HEADER, discipline));
        }

        @Test
        void keysAnInspectionWithADecisionNumberByUnitDecisionAndSubject() {
            String original = keyOf(INSPECTION_HEADER, validInspection());

            assertThat(keyOf(INSPECTION_HEADER, with(with(validInspection(), 3, "16/03/2014"), 8, "Chấp hành")))
                    .as("the day of the start date and the type are not part of the key").isEqualTo(original);
            assertThat(keyOf(INSPECTION_HEADER, with(validInspection(), 2, "13-QĐ/UBKT"))).isNotEqualTo(original);
            assertThat(keyOf(INSPECTION_HEADER, with(validInspection(), 7, "Nguyễn Văn Ân"))).isNotEqualTo(original);
        }

        @Test
        void fallsBackToUnitDateTypeAndSubjectWhenTheDecisionNumberIsBlank() {
            List<String> noDecision = with(validInspection(), 2, "");
            String original = keyOf(INSPECTION_HEADER, noDecision);

            assertThat(original).isNotEqualTo(keyOf(INSPECTION_HEADER, validInspection()));
            assertThat(keyOf(INSPECTION_HEADER, with(with(with(noDecision, 4, ""), 5, "Cấp ủy"), 9, "")))
                    .as("end date, body and violation are not part of the key").isEqualTo(original);
            assertThat(keyOf(INSPECTION_HEADER, with(with(noDecision, 2, " "), 3, "2014-03-15"))).isEqualTo(original);
            assertThat(keyOf(INSPECTION_HEADER, with(noDecision, 3, "16/03/2014"))).isNotEqualTo(original);
            assertThat(keyOf(INSPECTION_HEADER, with(noDecision, 8, "Chấp hành"))).isNotEqualTo(original);
            assertThat(keyOf(INSPECTION_HEADER, with(noDecision, 6, "Tổ chức đảng"))).isNotEqualTo(original);
        }

        @Test
        void keysALetterByItsNumberOrElseByKindAndSubject() {
            List<String> letter = List.of("1", "DU01", "15", "03/02/2014", "Tố cáo", "", "Tổ chức đảng", "Chi bộ Vụ Tổ chức", "", "", "");
            String numbered = keyOf(COMPLAINT_HEADER, letter);
            String unnumbered = keyOf(COMPLAINT_HEADER, with(letter, 2, ""));

            assertThat(keyOf(COMPLAINT_HEADER, with(letter, 4, "Khiếu nại"))).isEqualTo(numbered);
            assertThat(keyOf(COMPLAINT_HEADER, with(with(letter, 2, ""), 4, "Khiếu nại"))).isNotEqualTo(unnumbered);
            assertThat(unnumbered).isNotEqualTo(numbered);
        }

        @Test
        void keysADisciplineByItsForm() {
            List<String> discipline = List.of("1", "DU01", "07-QĐ/ĐU", "10/05/2014", "", "Đảng viên", "Trần Thị Bình", "Khiển trách", "");

            assertThat(keyOf(DISCIPLINE_HEADER, with(discipline, 7, "Cảnh cáo"))).isNotEqualTo(keyOf(DISCIPLINE_HEADER, discipline));
            assertThat(keyOf(DISCIPLINE_HEADER, with(discipline, 3, "11/05/2014"))).isEqualTo(keyOf(DISCIPLINE_HEADER, discipline));
        }

        @Test
        void separatesRecordTypesWithTheSameValues() {
            String supervision = keyOf(SUPERVISION_HEADER,
                    List.of("1", "DU01", "12-QĐ/UBKT", "15/03/2014", "", "Đảng viên", "Nguyễn Văn An", "Thường xuyên", ""));

            assertThat(supervision).isNotEqualTo(keyOf(INSPECTION_HEADER, validInspection()));
        }
    }

    @Nested
    class RedactingARejectedRow {
        final RecordNormaliser normaliser = normaliser(INSPECTION_HEADER);
        final Pseudonymiser pseudonymiser = new Pseudonymiser(KEY);

        @Test
        void replacesAMembersNameByItsPseudonymAndKeepsTheRestAsTyped() {
            List<String> row = with(validInspection(), 3, "31/02/2014");

            List<String> redacted = normaliser.redact(row);

            assertThat(redacted).isEqualTo(with(row, 7, pseudonymiser.pseudonym("Nguyễn Văn An")));
        }

        @Test
        void keepsAnOrganizationsName() {
            List<String> row = with(with(validInspection(), 6, "Tổ chức đảng"), 7, "Chi bộ Phòng Tổng hợp");

            assertThat(normaliser.redact(row)).isEqualTo(row);
        }

        @ParameterizedTest
        @CsvSource(value = {"''", "Quần chúng", "Tập thể"}, quoteCharacter = '\'')
        void treatsTheSubjectAsAMembersNameWhenItsTypeIsMissingOrUnknown(String subjectType) {
            List<String> row = with(validInspection(), 6, subjectType);

            assertThat(normaliser.redact(row).get(7)).isEqualTo(pseudonymiser.pseudonym("Nguyễn Văn An"));
        }
    }
}
