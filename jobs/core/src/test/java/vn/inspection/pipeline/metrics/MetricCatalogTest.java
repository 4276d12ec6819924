package vn.inspection.pipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.schema.SchemaException;

class MetricCatalogTest {

    static final Path SCHEMAS = Path.of("../../schemas");
    static final SchemaCatalog SCHEMA_CATALOG = SchemaCatalog.load(SCHEMAS);
    static final MetricCatalog CATALOG = MetricCatalog.load(SCHEMAS, SCHEMA_CATALOG);

    /** The metric ids DESIGN.md says the product must expose, in the order it lists them. */
    static final List<String> DESIGN_IDS = List.of(
            "inspection.orgs", "inspection.members", "inspection.signs.orgs", "inspection.signs.members", "inspection.violations",
            "supervision.orgs", "supervision.members", "supervision.thematic",
            "discipline.orgs", "discipline.members", "discipline.members.reprimand", "discipline.members.warning",
            "discipline.members.dismissal", "discipline.members.expulsion",
            "complaint.received", "complaint.denunciations", "complaint.appeals", "complaint.anonymous", "complaint.resolved");

    static Metric metric(String id) {
        return CATALOG.metric(id).orElseThrow(() -> new AssertionError("no metric " + id));
    }

    @Nested
    class TheRealCatalog {

        @Test
        void exposesEveryMetricDesignMdLists() {
            assertThat(CATALOG.metrics()).extracting(Metric::id).containsAll(DESIGN_IDS);
            DESIGN_IDS.forEach(id -> assertThat(CATALOG.metric(id)).as(id).isPresent());
        }

        @Test
        void keepsTheFileOrder() {
            assertThat(CATALOG.metrics()).extracting(Metric::id).containsSubsequence(DESIGN_IDS);
        }

        @Test
        void answersEmptyForAnUnknownId() {
            assertThat(CATALOG.metric("inspection.unknown")).isEmpty();
        }

        @Test
        void everyMetricCountsRecords() {
            assertThat(CATALOG.metrics()).allSatisfy(m -> assertThat(m.counts()).as(m.id()).isEqualTo("records"));
        }

        @Test
        void everyMetricHasAVietnameseAndAnEnglishLabel() {
            assertThat(CATALOG.metrics()).allSatisfy(m -> {
                assertThat(m.label().vi()).as(m.id() + " vi").isNotBlank();
                assertThat(m.label().en()).as(m.id() + " en").isNotBlank();
            });
            assertThat(metric("inspection.members").label().in(vn.inspection.pipeline.text.Language.VI)).isEqualTo("Đảng viên được kiểm tra");
            assertThat(metric("inspection.members").label().in(vn.inspection.pipeline.text.Language.EN)).isEqualTo("Party members inspected");
        }

        @Test
        void noTwoMetricsShareALabel() {
            assertThat(CATALOG.metrics()).extracting(m -> m.label().vi()).doesNotHaveDuplicates();
            assertThat(CATALOG.metrics()).extracting(m -> m.label().en()).doesNotHaveDuplicates();
        }
    }

    @Nested
    class DateRules {

        @Test
        void inspectionsAndSupervisionsArePlacedByTheirStartDate() {
            assertThat(CATALOG.metrics()).filteredOn(m -> m.recordType().equals("inspection") || m.recordType().equals("supervision"))
                    .isNotEmpty()
                    .allSatisfy(m -> assertThat(m.dateField()).as(m.id()).isEqualTo("start_date"));
        }

        @Test
        void disciplinesArePlacedByTheirDecisionDate() {
            assertThat(CATALOG.metrics()).filteredOn(m -> m.recordType().equals("discipline"))
                    .isNotEmpty()
                    .allSatisfy(m -> assertThat(m.dateField()).as(m.id()).isEqualTo("decision_date"));
        }

        @Test
        void lettersArePlacedByTheirReceivedDateExceptResolvedLetters() {
            assertThat(CATALOG.metrics()).filteredOn(m -> m.recordType().equals("complaint") && !m.id().equals("complaint.resolved"))
                    .isNotEmpty()
                    .allSatisfy(m -> assertThat(m.dateField()).as(m.id()).isEqualTo("received_date"));
        }

        @Test
        void resolvedLettersArePlacedByTheirResolutionDate() {
            assertThat(metric("complaint.resolved").dateField()).isEqualTo("resolved_date");
            assertThat(metric("complaint.resolved").filter()).containsEntry("status", List.of("RESOLVED"));
        }
    }

    @Nested
    class Filters {

        @Test
        void aMetricWithNoFilterHasAnEmptyFilter() {
            assertThat(metric("complaint.received").filter()).isEmpty();
        }

        @Test
        void inspectionsOnSignsOfViolationFilterOnTypeAndSubject() {
            assertThat(metric("inspection.signs.members").filter())
                    .containsOnly(java.util.Map.entry("type", List.of("SIGNS_OF_VIOLATION")), java.util.Map.entry("subject_type", List.of("MEMBER")));
            assertThat(metric("inspection.signs.orgs").filter())
                    .containsOnly(java.util.Map.entry("type", List.of("SIGNS_OF_VIOLATION")), java.util.Map.entry("subject_type", List.of("ORG")));
        }

        @Test
        void booleanFiltersHoldTheCodeTrue() {
            assertThat(metric("inspection.violations").filter()).containsOnly(java.util.Map.entry("violation", List.of("true")));
            assertThat(metric("complaint.anonymous").filter()).containsOnly(java.util.Map.entry("anonymous", List.of("true")));
        }

        @Test
        void disciplineFormsOfMembersFilterOnMembersAndTheForm() {
            Stream.of("reprimand", "warning", "dismissal", "expulsion").forEach(form -> assertThat(metric("discipline.members." + form).filter())
                    .as(form)
                    .containsOnly(java.util.Map.entry("subject_type", List.of("MEMBER")),
                            java.util.Map.entry("form", List.of(form.toUpperCase(java.util.Locale.ROOT)))));
        }
    }

    /** A copy of the schemas folder with metrics.json edited, loaded as the product loads it. */
    @Nested
    class BrokenCatalogs {

        @TempDir
        Path dir;
        ObjectMapper mapper = new ObjectMapper();
        SchemaCatalog schemas;

        @BeforeEach
        void copySchemas() throws IOException {
            try (Stream<Path> files = Files.list(SCHEMAS)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            schemas = SchemaCatalog.load(dir);
        }

        /** Rewrites the copy of metrics.json with {@code edit} applied to its metrics array. */
        private void edit(Consumer<ArrayNode> edit) throws IOException {
            ObjectNode root = (ObjectNode) mapper.readTree(dir.resolve(MetricCatalog.FILE).toFile());
            edit.accept((ArrayNode) root.get("metrics"));
            mapper.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(MetricCatalog.FILE).toFile(), root);
        }

        private void editMetric(String id, Consumer<ObjectNode> edit) throws IOException {
            edit(metrics -> {
                for (JsonNode m : metrics) {
                    if (m.path("id").asText().equals(id)) {
                        edit.accept((ObjectNode) m);
                        return;
                    }
                }
                throw new AssertionError("no metric " + id + " in the copy");
            });
        }

        private void assertLoadFails(String message) {
            assertThatThrownBy(() -> MetricCatalog.load(dir, schemas))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage(message);
        }

        @Test
        void anUnchangedCopyLoads() throws IOException {
            edit(metrics -> { });
            assertThat(MetricCatalog.load(dir, schemas).metrics()).extracting(Metric::id)
                    .containsExactlyElementsOf(CATALOG.metrics().stream().map(Metric::id).toList());
        }

        @Test
        void anUnknownRecordType() throws IOException {
            editMetric("inspection.orgs", m -> m.put("record_type", "inspections"));
            assertLoadFails("metrics.json, metric 'inspection.orgs': unknown record type 'inspections'");
        }

        @Test
        void theUnitsReferenceIsNotARecordTypeToCount() throws IOException {
            editMetric("inspection.orgs", m -> m.put("record_type", "units"));
            assertLoadFails("metrics.json, metric 'inspection.orgs': unknown record type 'units'");
        }

        @Test
        void aDateThatIsNotADateField() throws IOException {
            editMetric("inspection.members", m -> m.put("date", "subject_type"));
            assertLoadFails("metrics.json, metric 'inspection.members': 'subject_type' is not a date field of inspection");
        }

        @Test
        void aDateFieldOfAnotherRecordType() throws IOException {
            editMetric("complaint.received", m -> m.put("date", "start_date"));
            assertLoadFails("metrics.json, metric 'complaint.received': 'start_date' is not a date field of complaint");
        }

        @Test
        void aMissingDate() throws IOException {
            editMetric("discipline.orgs", m -> m.remove("date"));
            assertLoadFails("metrics.json, metric 'discipline.orgs': '' is not a date field of discipline");
        }

        @Test
        void aFilterOnAnUnknownField() throws IOException {
            editMetric("supervision.thematic", m -> m.putObject("filter").putArray("kind").add("THEMATIC"));
            assertLoadFails("metrics.json, metric 'supervision.thematic': filter names unknown field 'kind' of supervision");
        }

        @Test
        void aFilterCodeNotInTheEnumeration() throws IOException {
            editMetric("inspection.members", m -> m.putObject("filter").putArray("subject_type").add("MEMBERS"));
            assertLoadFails("metrics.json, metric 'inspection.members': filter subject_type names 'MEMBERS', "
                    + "which is not a code of enumeration 'subject_type'");
        }

        @Test
        void oneWrongCodeAmongRightOnes() throws IOException {
            editMetric("complaint.denunciations", m -> m.putObject("filter").putArray("kind").add("DENUNCIATION").add("APPEALS"));
            assertLoadFails("metrics.json, metric 'complaint.denunciations': filter kind names 'APPEALS', "
                    + "which is not a code of enumeration 'letter_kind'");
        }

        @Test
        void aBooleanFilterCodeThatIsNotTrueOrFalse() throws IOException {
            editMetric("complaint.anonymous", m -> m.putObject("filter").putArray("anonymous").add("yes"));
            assertLoadFails("metrics.json, metric 'complaint.anonymous': filter anonymous names 'yes', "
                    + "which is not a code of enumeration 'boolean'");
        }

        @Test
        void aFilterOnAFieldWithoutCodes() throws IOException {
            editMetric("inspection.orgs", m -> m.putObject("filter").putArray("decision_no").add("12-QĐ/UBKT"));
            assertLoadFails("metrics.json, metric 'inspection.orgs': filter decision_no names '12-QĐ/UBKT', "
                    + "which is not a code of a coded field");
        }

        @Test
        void aFilterListingNoCode() throws IOException {
            editMetric("inspection.orgs", m -> m.putObject("filter").putArray("subject_type"));
            assertLoadFails("metrics.json, metric 'inspection.orgs': filter subject_type lists no code");
        }

        @Test
        void aFilterThatIsNotAnObject() throws IOException {
            editMetric("inspection.orgs", m -> m.putArray("filter").add("ORG"));
            // the exact wording is the fixer's choice: the metric and the filter must be named
            assertThatThrownBy(() -> MetricCatalog.load(dir, schemas))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageStartingWith("metrics.json, metric 'inspection.orgs': ")
                    .hasMessageContaining("filter");
        }

        @Test
        void aFilterWhoseCodesAreNotAList() throws IOException {
            editMetric("inspection.orgs", m -> m.putObject("filter").put("subject_type", "ORG"));
            assertLoadFails("metrics.json, metric 'inspection.orgs': filter subject_type lists no code");
        }

        @Test
        void aMissingEnglishLabel() throws IOException {
            editMetric("complaint.appeals", m -> ((ObjectNode) m.get("label")).remove("en"));
            assertLoadFails("metrics.json, metric 'complaint.appeals': a metric needs a Vietnamese and an English label");
        }

        @Test
        void aBlankVietnameseLabel() throws IOException {
            editMetric("complaint.appeals", m -> ((ObjectNode) m.get("label")).put("vi", "  "));
            assertLoadFails("metrics.json, metric 'complaint.appeals': a metric needs a Vietnamese and an English label");
        }

        @Test
        void noLabelAtAll() throws IOException {
            editMetric("supervision.orgs", m -> m.remove("label"));
            assertLoadFails("metrics.json, metric 'supervision.orgs': a metric needs a Vietnamese and an English label");
        }

        @Test
        void aDuplicateId() throws IOException {
            edit(metrics -> {
                ObjectNode copy = ((ObjectNode) metrics.get(0)).deepCopy();
                copy.put("record_type", "supervision");
                metrics.add(copy);
            });
            assertLoadFails("metrics.json, metric 'inspection.orgs': the id is used twice");
        }

        @ParameterizedTest
        @ValueSource(strings = {"inspection", "Inspection.Orgs", "inspection_orgs", "inspection..orgs", "inspection.orgs.", "inspection.orgs 2", ""})
        void aMalformedId(String id) throws IOException {
            editMetric("inspection.orgs", m -> m.put("id", id));
            assertLoadFails("metrics.json, metric '" + id + "': an id is lower-case words joined by dots, e.g. inspection.orgs");
        }

        @Test
        void countsOtherThanRecords() throws IOException {
            editMetric("discipline.members", m -> m.put("counts", "distinct_subjects"));
            assertLoadFails("metrics.json, metric 'discipline.members': counts must be 'records' (lượt)");
        }

        @Test
        void noMetricAtAll() throws IOException {
            edit(ArrayNode::removeAll);
            assertLoadFails("metrics.json: no metric");
        }

        @Test
        void aMissingFile() throws IOException {
            Files.delete(dir.resolve(MetricCatalog.FILE));
            assertThatThrownBy(() -> MetricCatalog.load(dir, schemas))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageStartingWith("cannot read " + dir.resolve(MetricCatalog.FILE));
        }
    }
}
