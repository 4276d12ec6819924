package vn.inspection.pipeline.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.inspection.pipeline.text.VietnameseText;

class SchemaCatalogTest {

    static final Path SCHEMAS = Path.of("../../schemas");
    static final SchemaCatalog CATALOG = SchemaCatalog.load(SCHEMAS);

    @Nested
    class Loading {

        @Test
        void loadsAllFiveRecordTypesUnitsFirst() {
            assertThat(CATALOG.schemas()).extracting(RecordSchema::recordType)
                    .containsExactly("units", "inspection", "supervision", "discipline", "complaint");
            assertThat(CATALOG.schema("units").isUnits()).isTrue();
            assertThat(CATALOG.schema("inspection").isUnits()).isFalse();
        }

        @ParameterizedTest
        @MethodSource("vn.inspection.pipeline.schema.SchemaCatalogTest#recognisingHeaders")
        void recognisesEachRecordTypeByTheContractHeader(String recordType, String header) {
            assertThat(CATALOG.schema(recordType).recognisedBy()).map(VietnameseText::matchKey)
                    .contains(VietnameseText.matchKey(header));
        }

        @Test
        void placesRecordsInPeriodsByTheirStartDecisionOrReceivedDate() {
            assertThat(CATALOG.schema("inspection").periodDate()).contains("start_date");
            assertThat(CATALOG.schema("supervision").periodDate()).contains("start_date");
            assertThat(CATALOG.schema("discipline").periodDate()).contains("decision_date");
            assertThat(CATALOG.schema("complaint").periodDate()).contains("received_date");
            assertThat(CATALOG.schema("units").periodDate()).isEmpty();
        }

        @Test
        void storesAUnitFieldAsItsCodeColumn() {
            assertThat(CATALOG.schema("inspection").field("unit").type()).isEqualTo(FieldType.UNIT);
            assertThat(CATALOG.schema("inspection").field("unit").column()).isEqualTo("unit_code");
            assertThat(CATALOG.schema("inspection").field("subject").column()).isEqualTo("subject");
        }

        @Test
        void pseudonymisesTheSubjectOfEveryRecordTypeUnlessItIsAnOrganization() {
            for (String type : List.of("inspection", "supervision", "discipline", "complaint")) {
                assertThat(CATALOG.schema(type).field("subject").pseudonymiseUnless())
                        .as(type).containsExactly(java.util.Map.entry("subject_type", "ORG"));
            }
        }

        @Test
        void rejectsAnUnknownRecordTypeNamingTheKnownOnes() {
            assertThatThrownBy(() -> CATALOG.schema("audit"))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("unknown record type 'audit' (known: [units, inspection, supervision, discipline, complaint])");
        }

        @Test
        void rejectsAnUnknownFieldNamingTheRecordType() {
            assertThatThrownBy(() -> CATALOG.schema("inspection").field("plan_no"))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("inspection: no field 'plan_no'");
        }
    }

    static Stream<Arguments> recognisingHeaders() {
        return Stream.of(
                arguments("units", "Mã đơn vị cấp trên"),
                arguments("inspection", "Loại kiểm tra"),
                arguments("supervision", "Hình thức giám sát"),
                arguments("discipline", "Hình thức kỷ luật"),
                arguments("complaint", "Loại đơn"));
    }

    @Nested
    class HeaderAliases {

        @ParameterizedTest(name = "{0}: \"{1}\" -> {2}")
        @MethodSource("vn.inspection.pipeline.schema.SchemaCatalogTest#contractHeaders")
        void namesEveryContractHeaderAndAlias(String recordType, String header, String field) {
            Optional<FieldSpec> named = CATALOG.schema(recordType).fields().stream()
                    .filter(f -> f.headerNames().stream().anyMatch(h -> VietnameseText.matchKey(h).equals(VietnameseText.matchKey(header))))
                    .findFirst();
            assertThat(named).map(FieldSpec::name).contains(field);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("vn.inspection.pipeline.schema.SchemaCatalogTest#requiredFields")
        void requiresExactlyTheContractFields(String recordType, List<String> required) {
            assertThat(CATALOG.schema(recordType).fields()).filteredOn(FieldSpec::required).extracting(FieldSpec::name)
                    .containsExactlyInAnyOrderElementsOf(required);
        }

        @Test
        void keepsDisciplineBodyAndViolationAreaAsFreeText() {
            assertThat(CATALOG.schema("discipline").field("body").type()).isEqualTo(FieldType.STRING);
            assertThat(CATALOG.schema("discipline").field("violation_area").type()).isEqualTo(FieldType.STRING);
        }

        @Test
        void splitsUnitAliasesOnSemicolons() {
            FieldSpec aliases = CATALOG.schema("units").field("aliases");
            assertThat(aliases.type()).isEqualTo(FieldType.LIST);
            assertThat(aliases.separator()).isEqualTo(";");
        }
    }

    static Stream<Arguments> requiredFields() {
        return Stream.of(
                arguments("units", List.of("code", "name")),
                arguments("inspection", List.of("unit", "start_date", "subject_type", "subject", "type")),
                arguments("supervision", List.of("unit", "start_date", "subject_type", "subject", "mode")),
                arguments("discipline", List.of("unit", "decision_date", "subject_type", "subject", "form")),
                arguments("complaint", List.of("unit", "received_date", "kind")));
    }

    static Stream<Arguments> contractHeaders() {
        Stream.Builder<Arguments> rows = Stream.builder();
        header(rows, "units", "code", "Mã đơn vị", "Mã ĐV", "Mã");
        header(rows, "units", "name", "Tên đơn vị", "Đơn vị");
        header(rows, "units", "parent_code", "Mã đơn vị cấp trên", "Mã cấp trên");
        header(rows, "units", "level", "Cấp", "Loại đơn vị");
        header(rows, "units", "aliases", "Tên gọi khác", "Tên khác");
        header(rows, "units", "valid_from", "Hiệu lực từ");
        header(rows, "units", "valid_to", "Hiệu lực đến");
        header(rows, "units", "successor_code", "Mã đơn vị kế thừa", "Sáp nhập vào");
        for (String type : List.of("inspection", "supervision", "discipline", "complaint")) {
            header(rows, type, "unit", "Đơn vị", "Tên đơn vị", "Mã đơn vị", "Tổ chức đảng trực thuộc");
            header(rows, type, "subject_type", "Đối tượng", "Loại đối tượng");
            header(rows, type, "subject", "Tên đối tượng", "Họ và tên", "Họ tên", "Tên tổ chức đảng");
        }
        for (String type : List.of("inspection", "supervision", "discipline")) {
            header(rows, type, "committee_member", "Cấp ủy viên", "Là cấp ủy viên");
        }
        header(rows, "inspection", "decision_no", "Số quyết định", "Số QĐ");
        header(rows, "inspection", "start_date", "Ngày quyết định", "Ngày QĐ", "Ngày bắt đầu", "Ngày kiểm tra");
        header(rows, "inspection", "end_date", "Ngày kết thúc", "Ngày kết luận");
        header(rows, "inspection", "body", "Chủ thể kiểm tra", "Cơ quan kiểm tra", "Chủ thể");
        header(rows, "inspection", "type", "Loại kiểm tra", "Nội dung kiểm tra");
        header(rows, "inspection", "violation", "Có vi phạm", "Kết luận có vi phạm");
        header(rows, "inspection", "discipline_required", "Phải thi hành kỷ luật", "Phải kỷ luật");
        header(rows, "supervision", "plan_no", "Số kế hoạch", "Số KH", "Số quyết định");
        header(rows, "supervision", "start_date", "Ngày giám sát", "Ngày bắt đầu", "Ngày quyết định");
        header(rows, "supervision", "body", "Chủ thể giám sát", "Chủ thể");
        header(rows, "supervision", "mode", "Hình thức giám sát");
        header(rows, "supervision", "signs_found", "Phát hiện dấu hiệu vi phạm", "Có dấu hiệu vi phạm");
        header(rows, "discipline", "decision_no", "Số quyết định", "Số QĐ");
        header(rows, "discipline", "decision_date", "Ngày quyết định", "Ngày QĐ", "Ngày kỷ luật");
        header(rows, "discipline", "body", "Cấp quyết định", "Cấp kỷ luật");
        header(rows, "discipline", "form", "Hình thức kỷ luật");
        header(rows, "discipline", "violation_area", "Nội dung vi phạm", "Lĩnh vực vi phạm");
        header(rows, "complaint", "letter_no", "Số vào sổ", "Số đơn");
        header(rows, "complaint", "received_date", "Ngày nhận", "Ngày nhận đơn");
        header(rows, "complaint", "kind", "Loại đơn");
        header(rows, "complaint", "anonymous", "Nặc danh", "Đơn nặc danh");
        header(rows, "complaint", "status", "Tình trạng", "Tình trạng giải quyết");
        header(rows, "complaint", "resolved_date", "Ngày giải quyết");
        header(rows, "complaint", "outcome", "Kết quả giải quyết", "Kết luận");
        return rows.build();
    }

    private static void header(Stream.Builder<Arguments> rows, String recordType, String field, String... headers) {
        for (String header : headers) {
            rows.add(arguments(recordType, header, field));
        }
    }

    @Nested
    class ValueSynonyms {

        @ParameterizedTest(name = "{0}.{1}: \"{2}\" -> {3}")
        @MethodSource("vn.inspection.pipeline.schema.SchemaCatalogTest#contractValues")
        void matchesEveryContractSynonymToItsCode(String recordType, String field, String written, String code) {
            Enumeration enumeration = CATALOG.schema(recordType).field(field).enumeration();
            assertThat(enumeration.match(written)).map(EnumValue::code).contains(code);
        }

        @ParameterizedTest
        @ValueSource(strings = {"KTDHVP", "Khi có dấu hiệu vi phạm", "khi co dau hieu vi pham", "KHI CÓ DẤU HIỆU VI PHẠM",
                "Khi có dấu hiệu vi phạm.", "  khi  có dấu hiệu   vi phạm "})
        void matchesInspectionTypeIgnoringCaseDiacriticsPunctuationAndSpacing(String written) {
            Enumeration type = CATALOG.schema("inspection").field("type").enumeration();
            assertThat(type.match(written)).map(EnumValue::code).contains("SIGNS_OF_VIOLATION");
        }

        @Test
        void matchesCommitteeMemberAsAMemberThatSetsCommitteeMember() {
            Enumeration subjectType = CATALOG.schema("inspection").field("subject_type").enumeration();

            EnumValue committeeMember = subjectType.match("Cấp ủy viên").orElseThrow();
            assertThat(committeeMember.code()).isEqualTo("MEMBER");
            assertThat(committeeMember.sets()).containsExactly(java.util.Map.entry("committee_member", "true"));

            assertThat(subjectType.match("Cấp uỷ viên")).contains(committeeMember);
            assertThat(subjectType.match("Đảng viên").orElseThrow().sets()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Có", "có", "CO", "x", "X", "✓", "1", "True", "TRUE"})
        void matchesTrueBooleans(String written) {
            assertThat(bool().match(written)).map(EnumValue::code).contains("true");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Không", "khong", "0", "False", "false"})
        void matchesFalseBooleans(String written) {
            assertThat(bool().match(written)).map(EnumValue::code).contains("false");
        }

        @Test
        void readsABlankBooleanAsFalse() {
            assertThat(bool().blankCode()).contains("false");
        }

        @Test
        void usesTheSharedBooleanEnumerationForBooleanFields() {
            assertThat(CATALOG.schema("complaint").field("anonymous").enumeration()).isSameAs(bool());
            assertThat(CATALOG.schema("supervision").field("signs_found").enumeration()).isSameAs(bool());
        }

        @Test
        void keepsAnUnrecognisedUnitLevelAsTypedButRejectsEveryOtherUnrecognisedValue() {
            assertThat(CATALOG.schema("units").field("level").keepsUnrecognised()).isTrue();
            assertThat(CATALOG.schemas().stream().flatMap(s -> s.fields().stream())
                    .filter(FieldSpec::keepsUnrecognised).map(FieldSpec::name)).containsExactly("level");
        }

        @Test
        void tellsACityUnderTheCentreFromACityUnderAProvinceAndLeavesABareCityUnmatched() {
            Enumeration level = CATALOG.schema("units").field("level").enumeration();

            assertThat(level.match("Đảng bộ thành phố trực thuộc Trung ương")).map(EnumValue::code).contains("PROVINCE");
            assertThat(level.match("Đảng bộ thành phố thuộc tỉnh")).map(EnumValue::code).contains("DISTRICT");
            assertThat(level.match("Đảng bộ thành phố")).isEmpty();
            assertThat(level.match("Đảng bộ bộ phận xyz")).isEmpty();
        }

        @Test
        void doesNotMatchAnUnknownValue() {
            assertThat(CATALOG.schema("discipline").field("form").enumeration().match("Phê bình")).isEmpty();
        }

        @Test
        void listsEachCodeOnceWithItsLabels() {
            Enumeration subjectType = CATALOG.enumeration("subject_type").orElseThrow();
            assertThat(subjectType.labels()).containsOnlyKeys("ORG", "MEMBER");
            assertThat(subjectType.labels().get("MEMBER")).isEqualTo(new Label("Đảng viên", "Party member"));
        }

        private Enumeration bool() {
            return CATALOG.enumeration("boolean").orElseThrow();
        }
    }

    static Stream<Arguments> contractValues() {
        Stream.Builder<Arguments> rows = Stream.builder();
        for (String type : List.of("inspection", "supervision", "discipline", "complaint")) {
            value(rows, type, "subject_type", "ORG", "Tổ chức đảng", "Tổ chức", "TCĐ");
            value(rows, type, "subject_type", "MEMBER", "Đảng viên", "ĐV", "Cấp ủy viên");
        }
        for (String type : List.of("inspection", "supervision")) {
            value(rows, type, "body", "COMMITTEE", "Cấp ủy");
            value(rows, type, "body", "STANDING_COMMITTEE", "Ban Thường vụ", "BTV");
            value(rows, type, "body", "COMMISSION", "Ủy ban Kiểm tra", "UBKT");
        }
        value(rows, "inspection", "type", "SIGNS_OF_VIOLATION", "Khi có dấu hiệu vi phạm", "Dấu hiệu vi phạm", "KTDHVP",
                "khi co dau hieu vi pham");
        value(rows, "inspection", "type", "TASK_EXECUTION", "Thực hiện nhiệm vụ kiểm tra, giám sát",
                "Thực hiện nhiệm vụ kiểm tra, giám sát, thi hành kỷ luật đảng");
        value(rows, "inspection", "type", "FINANCE", "Tài chính đảng", "Kiểm tra tài chính");
        value(rows, "inspection", "type", "COMPLIANCE", "Chấp hành", "Kiểm tra chấp hành");
        value(rows, "supervision", "mode", "REGULAR", "Thường xuyên");
        value(rows, "supervision", "mode", "THEMATIC", "Chuyên đề");
        value(rows, "discipline", "form", "REPRIMAND", "Khiển trách");
        value(rows, "discipline", "form", "WARNING", "Cảnh cáo");
        value(rows, "discipline", "form", "DISMISSAL", "Cách chức");
        value(rows, "discipline", "form", "EXPULSION", "Khai trừ");
        value(rows, "discipline", "form", "DISSOLUTION", "Giải tán");
        value(rows, "complaint", "kind", "DENUNCIATION", "Tố cáo");
        value(rows, "complaint", "kind", "APPEAL", "Khiếu nại kỷ luật", "Khiếu nại");
        value(rows, "complaint", "kind", "PETITION", "Phản ánh", "Kiến nghị", "Phản ánh, kiến nghị");
        value(rows, "complaint", "status", "RESOLVED", "Đã giải quyết");
        value(rows, "complaint", "status", "IN_PROGRESS", "Đang giải quyết");
        value(rows, "complaint", "status", "FILED", "Lưu đơn", "Không đủ điều kiện");
        value(rows, "complaint", "outcome", "FOUNDED", "Đúng");
        value(rows, "complaint", "outcome", "PARTLY_FOUNDED", "Đúng một phần");
        value(rows, "complaint", "outcome", "UNFOUNDED", "Sai", "Không đúng");
        for (String field : List.of("violation", "discipline_required", "committee_member")) {
            value(rows, "inspection", field, "true", "Có", "x", "X", "✓", "1", "True");
            value(rows, "inspection", field, "false", "Không", "0", "False");
        }
        value(rows, "complaint", "anonymous", "true", "Có", "x", "X", "✓", "1", "True");
        value(rows, "complaint", "anonymous", "false", "Không", "0", "False");
        // the levels of the whole hierarchy, as provincial and district offices write them
        value(rows, "units", "level", "PROVINCE", "Đảng bộ tỉnh", "Tỉnh", "Đảng bộ thành phố trực thuộc Trung ương",
                "Đảng bộ Khối trực thuộc Trung ương", "Tỉnh ủy");
        value(rows, "units", "level", "DISTRICT", "Đảng bộ huyện", "Huyện", "Đảng bộ quận", "Quận", "Đảng bộ thị xã", "Thị xã",
                "Đảng bộ thành phố thuộc tỉnh", "Thành phố thuộc tỉnh", "Đảng bộ Khối cấp tỉnh", "Đảng ủy Quân sự tỉnh", "Đảng ủy Công an tỉnh");
        value(rows, "units", "level", "BASE", "Đảng bộ xã", "Xã", "Đảng bộ phường", "Phường", "Đảng bộ thị trấn", "Thị trấn",
                "Đảng bộ cơ quan", "Cơ quan", "Đảng bộ doanh nghiệp", "Doanh nghiệp", "Đảng bộ cơ sở", "Chi bộ cơ sở", "Cơ sở");
        value(rows, "units", "level", "PARTIAL", "Đảng bộ bộ phận");
        value(rows, "units", "level", "BRANCH", "Chi bộ", "Chi bộ trực thuộc", "Chi bộ trực thuộc Đảng ủy cơ sở", "Chi bộ trực thuộc đảng bộ cơ sở");
        // a bloc's levels keep their codes: the samples and the lakes written before do not change
        value(rows, "units", "level", "BLOC", "Đảng bộ Khối", "Khối", "Đảng ủy Khối", "0");
        value(rows, "units", "level", "UPPER_BASE", "Đảng bộ cấp trên cơ sở", "Cấp trên cơ sở", "1");
        value(rows, "units", "level", "BASE", "Tổ chức cơ sở đảng", "2");
        value(rows, "units", "level", "BRANCH", "3");
        return rows.build();
    }

    private static void value(Stream.Builder<Arguments> rows, String recordType, String field, String code, String... written) {
        for (String text : written) {
            rows.add(arguments(recordType, field, text, code));
        }
    }

    @Nested
    class NaturalKeys {

        @Test
        void keysAnInspectionByDecisionNumberOrElseByDateAndType() {
            assertThat(CATALOG.schema("inspection").naturalKey()).containsExactly(
                    new NaturalKeySpec("decision_no", List.of("unit", "decision_no", "year(start_date)", "subject_type", "subject")),
                    new NaturalKeySpec(null, List.of("unit", "start_date", "type", "subject_type", "subject")));
        }

        @Test
        void keysSupervisionsDisciplinesAndLettersAsTheContractSays() {
            assertThat(CATALOG.schema("supervision").naturalKey()).containsExactly(
                    new NaturalKeySpec(null, List.of("unit", "plan_no", "start_date", "subject_type", "subject")));
            assertThat(CATALOG.schema("discipline").naturalKey()).containsExactly(
                    new NaturalKeySpec(null, List.of("unit", "decision_no", "year(decision_date)", "subject_type", "subject", "form")));
            assertThat(CATALOG.schema("complaint").naturalKey()).containsExactly(
                    new NaturalKeySpec("letter_no", List.of("unit", "letter_no", "received_date")),
                    new NaturalKeySpec(null, List.of("unit", "received_date", "kind", "subject")));
        }
    }

    @Nested
    class BrokenSchemaFolder {

        @TempDir
        Path folder;

        @BeforeEach
        void copySchemas() throws IOException {
            try (Stream<Path> files = Files.list(SCHEMAS)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    Files.copy(file, folder.resolve(file.getFileName()));
                }
            }
        }

        private void corrupt(String file, String from, String to) throws IOException {
            Path path = folder.resolve(file);
            String text = Files.readString(path, StandardCharsets.UTF_8);
            assertThat(text).as("fixture text in " + file).contains(from);
            Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
        }

        @Test
        void loadsAnUntouchedCopy() {
            assertThat(SchemaCatalog.load(folder).schemas()).hasSize(5);
        }

        @Test
        void namesTheFileAndFieldOfAnUnknownEnumeration() throws IOException {
            corrupt("inspection.json", "\"enumeration\": \"inspection_type\"", "\"enumeration\": \"inspection_kind\"");

            assertThatThrownBy(() -> SchemaCatalog.load(folder))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("inspection.json, field 'type': unknown enumeration 'inspection_kind'");
        }

        @Test
        void namesTheFileAndTheUnknownFieldOfANaturalKey() throws IOException {
            corrupt("discipline.json", "\"subject\", \"form\"]", "\"subject\", \"sanction\"]");

            assertThatThrownBy(() -> SchemaCatalog.load(folder))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("discipline.json: natural_key names unknown field 'sanction'");
        }

        @Test
        void refusesTheYearOfAFieldThatIsNotADate() throws IOException {
            corrupt("discipline.json", "\"year(decision_date)\"", "\"year(form)\"");

            assertThatThrownBy(() -> SchemaCatalog.load(folder))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("discipline.json: natural_key part 'year(form)' takes the year of a field that is not a date");
        }

        @Test
        void namesTheFileAndTheUnknownWhenPresentFieldOfANaturalKey() throws IOException {
            corrupt("complaint.json", "\"when_present\": \"letter_no\"", "\"when_present\": \"letter_number\"");

            assertThatThrownBy(() -> SchemaCatalog.load(folder))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("complaint.json: natural_key.when_present names unknown field 'letter_number'");
        }

        @Test
        void namesTheFileWhenThePeriodDateIsNotADateField() throws IOException {
            corrupt("complaint.json", "\"period_date\": \"received_date\"", "\"period_date\": \"kind\"");

            assertThatThrownBy(() -> SchemaCatalog.load(folder))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("complaint.json: period_date 'kind' is not a date field");
        }

        @Test
        void namesTheFileWhenThePeriodDateIsNoField() throws IOException {
            corrupt("supervision.json", "\"period_date\": \"start_date\"", "\"period_date\": \"plan_date\"");

            assertThatThrownBy(() -> SchemaCatalog.load(folder))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("supervision.json: period_date 'plan_date' is not a date field");
        }

        @Test
        void refusesAnUnrecognisedPolicyOtherThanRejectOrKeep() throws IOException {
            corrupt("units.json", "\"unrecognised\": \"keep\"", "\"unrecognised\": \"ignore\"");

            assertThatThrownBy(() -> SchemaCatalog.load(folder))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("units.json, field 'level': unrecognised must be 'reject' (the default) or 'keep', not 'ignore'");
        }

        @Test
        void refusesToKeepUnrecognisedValuesOfAFieldThatIsNoEnumeration() throws IOException {
            corrupt("units.json", "\"name\": \"valid_from\", \"type\": \"date\"", "\"name\": \"valid_from\", \"type\": \"date\", \"unrecognised\": \"keep\"");

            assertThatThrownBy(() -> SchemaCatalog.load(folder))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("units.json, field 'valid_from': unrecognised 'keep' applies to enum fields only");
        }

        @Test
        void namesTheFileAndFieldOfAnUnknownFieldType() throws IOException {
            corrupt("units.json", "\"name\": \"valid_from\", \"type\": \"date\"", "\"name\": \"valid_from\", \"type\": \"datetime\"");

            assertThatThrownBy(() -> SchemaCatalog.load(folder))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("units.json, field 'valid_from': unknown field type 'datetime'");
        }

        @Test
        void namesTheFileOfARuleOverAnUnknownField() throws IOException {
            corrupt("inspection.json", "\"other\": \"start_date\"", "\"other\": \"begin_date\"");

            assertThatThrownBy(() -> SchemaCatalog.load(folder))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("inspection.json: rule not_before names unknown field 'begin_date'");
        }

        @Test
        void namesTheFileOfAnUnknownRule() throws IOException {
            corrupt("complaint.json", "\"rule\": \"not_before\"", "\"rule\": \"not_after\"");

            assertThatThrownBy(() -> SchemaCatalog.load(folder))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("complaint.json: unknown rule 'not_after'");
        }

        @Test
        void namesTheFileWhoseRecordTypeDoesNotMatchItsName() throws IOException {
            corrupt("supervision.json", "\"record_type\": \"supervision\"", "\"record_type\": \"supervisions\"");

            assertThatThrownBy(() -> SchemaCatalog.load(folder))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("supervision.json: record_type 'supervisions' does not match the file name");
        }

        @Test
        void namesAMissingFile() throws IOException {
            Files.delete(folder.resolve("discipline.json"));

            assertThatThrownBy(() -> SchemaCatalog.load(folder))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("schema file missing: " + folder.resolve("discipline.json"));
        }

        @Test
        void namesAFileThatIsNotJson() throws IOException {
            Files.writeString(folder.resolve("units.json"), "{\"record_type\": \"units\",", StandardCharsets.UTF_8);

            assertThatThrownBy(() -> SchemaCatalog.load(folder))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageStartingWith("cannot read schema file units.json: ");
        }

        @Test
        void requiresTheBooleanEnumeration() throws IOException {
            corrupt("enumerations.json", "\"boolean\": {", "\"yes_no\": {");

            assertThatThrownBy(() -> SchemaCatalog.load(folder))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("enumerations.json: the 'boolean' enumeration is required");
        }

        @Test
        void namesTheEnumerationAndBothCodesOfAnAmbiguousSynonym() throws IOException {
            corrupt("enumerations.json", "\"Đang giải quyết\", \"Đang GQ\"]", "\"Đang giải quyết\", \"Đang GQ\", \"Đã GQ\"]");

            assertThatThrownBy(() -> SchemaCatalog.load(folder))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageContaining("enumeration 'letter_status': synonym 'Đã GQ' names both RESOLVED and IN_PROGRESS");
        }

        @Test
        void rejectsAPseudonymiseUnlessCodeTheEnumerationDoesNotHave() throws IOException {
            corrupt("inspection.json", "\"pseudonymise_unless\": {\"subject_type\": \"ORG\"}",
                    "\"pseudonymise_unless\": {\"subject_type\": \"ORGS\"}");

            assertThatThrownBy(() -> SchemaCatalog.load(folder))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageContaining("inspection.json")
                    .hasMessageContaining("ORGS");
        }

        @Test
        void rejectsANotAllowedRuleNamingACodeTheEnumerationDoesNotHave() throws IOException {
            corrupt("discipline.json", "\"values\": [\"DISSOLUTION\"]", "\"values\": [\"DISOLUTION\"]");

            assertThatThrownBy(() -> SchemaCatalog.load(folder))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageContaining("discipline.json")
                    .hasMessageContaining("DISOLUTION");
        }

        @Test
        void namesTheEnumerationsFileOfAnAmbiguousSynonym() throws IOException {
            corrupt("enumerations.json", "\"Đang giải quyết\", \"Đang GQ\"]", "\"Đang giải quyết\", \"Đang GQ\", \"Đã GQ\"]");

            assertThatThrownBy(() -> SchemaCatalog.load(folder))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageContaining("enumerations.json");
        }
    }
}
