package vn.inspection.pipeline.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The notebooks as committed in {@code notebooks/}: without outputs (the executed copies go under target/), each
 * with the figures and charts {@code notebooks/run} must find in its outputs, each loading this module's lib folder
 * and opening the warehouse read-only. (Executing them is {@code notebooks/run}'s job, which CI runs after the build.)
 */
class CommittedNotebooksTest {
    static final Path NOTEBOOKS = Path.of("../../notebooks");
    static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    static String source(JsonNode cell) {
        JsonNode source = cell.get("source");
        if (source.isArray()) {
            StringBuilder text = new StringBuilder();
            source.forEach(line -> text.append(line.asText()));
            return text.toString();
        }
        return source.asText();
    }

    @Test
    void thereAreAtLeastFourNotebooksForTheJavaKernel() throws IOException {
        assertThat(notebooks()).hasSizeGreaterThanOrEqualTo(4);
        for (Path notebook : notebooks()) {
            JsonNode nb = JSON.readTree(notebook.toFile());
            assertThat(nb.at("/metadata/kernelspec/name").asText()).as(notebook.toString()).isEqualTo("rapaio-jupyter-kernel");
            assertThat(nb.at("/metadata/kernelspec/language").asText()).as(notebook.toString()).isEqualTo("java");
        }
    }

    @Test
    void areCommittedWithoutOutputsOrExecutionCounts() throws IOException {
        List<String> dirty = new ArrayList<>();
        for (Path notebook : notebooks()) {
            JsonNode cells = JSON.readTree(notebook.toFile()).get("cells");
            for (int i = 0; i < cells.size(); i++) {
                JsonNode cell = cells.get(i);
                if (!"code".equals(cell.get("cell_type").asText())) {
                    continue;
                }
                if (cell.has("outputs") && !cell.get("outputs").isEmpty() || cell.has("execution_count") && !cell.get("execution_count").isNull()) {
                    dirty.add(notebook.getFileName() + " cell " + (i + 1));
                }
            }
        }
        assertThat(dirty).as("strip them with notebooks/run --strip").isEmpty();
    }

    @Test
    void eachHasFiguresItMustShow() throws IOException {
        JsonNode expected = JSON.readTree(NOTEBOOKS.resolve("expected.json").toFile()).get("notebooks");
        List<String> names = notebooks().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(expected.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(names);
        for (String name : names) {
            assertThat(expected.get(name).get("figures")).as(name).isNotEmpty();
        }
        // the seed-004 figures: 423 organizations and 2.528 members inspected in the first half of 2014
        assertThat(expected.findValuesAsText("text")).contains("423", "2.528", "363", "3.050", "92", "71");
        assertThat(expected.findValues("charts")).extracting(JsonNode::asInt).contains(2);
    }

    @Test
    void eachLoadsThisModulesLibFolderAndOpensTheWarehouseReadOnly() throws IOException {
        for (Path notebook : notebooks()) {
            List<String> code = new ArrayList<>();
            JSON.readTree(notebook.toFile()).get("cells").forEach(cell -> {
                if ("code".equals(cell.get("cell_type").asText())) {
                    code.add(source(cell));
                }
            });
            assertThat(code).as(notebook.toString()).contains("%jar ../jobs/notebooks/target/lib/pipeline-notebooks.jar");
            assertThat(NOTEBOOKS.resolve("../jobs/notebooks/pom.xml")).exists();
            String all = String.join("\n", code);
            assertThat(all).as(notebook.toString())
                    .contains("readOnly.setProperty(\"duckdb.read_only\", \"true\");")
                    .contains("DriverManager.getConnection(\"jdbc:duckdb:\" + paths.warehouse(), readOnly)")
                    .doesNotContain("original_values AS", "SELECT original_values", "SELECT *");
        }
    }
}
