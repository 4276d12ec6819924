package vn.inspection.pipeline.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.inspection.pipeline.schema.FieldSpec;
import vn.inspection.pipeline.schema.FieldType;
import vn.inspection.pipeline.schema.Label;
import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.schema.SchemaException;

/**
 * The metric catalog ({@code schemas/metrics.json}), checked against the record schemas when loaded: a
 * metric names an existing record type, date field and filter fields, and only codes their enumerations
 * have, so a typo fails at start instead of silently counting nothing.
 */
public final class MetricCatalog {
    public static final String FILE = "metrics.json";
    private final Map<String, Metric> metrics;

    private MetricCatalog(Map<String, Metric> metrics) {
        this.metrics = metrics;
    }

    public static MetricCatalog load(Path folder, SchemaCatalog schemas) {
        try (InputStream in = Files.newInputStream(folder.resolve(FILE))) {
            return parse(in, schemas);
        } catch (IOException e) {
            throw new SchemaException("cannot read " + folder.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    public static MetricCatalog loadFromClasspath(SchemaCatalog schemas) {
        try (InputStream in = MetricCatalog.class.getClassLoader().getResourceAsStream("schemas/" + FILE)) {
            if (in == null) {
                throw new SchemaException("schema file missing from the classpath: schemas/" + FILE);
            }
            return parse(in, schemas);
        } catch (IOException e) {
            throw new SchemaException("cannot read schemas/" + FILE + ": " + e.getMessage(), e);
        }
    }

    static MetricCatalog parse(InputStream in, SchemaCatalog schemas) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        Map<String, Metric> metrics = new LinkedHashMap<>();
        for (JsonNode m : root.path("metrics")) {
            String id = m.path("id").asText("");
            String where = FILE + ", metric '" + id + "'";
            if (!id.matches("[a-z]+(\\.[a-z]+)+")) {
                throw new SchemaException(where + ": an id is lower-case words joined by dots, e.g. inspection.orgs");
            }
            String type = m.path("record_type").asText("");
            if (!SchemaCatalog.RECORD_TYPES.contains(type) || RecordSchema.UNITS.equals(type)) {
                throw new SchemaException(where + ": unknown record type '" + type + "'");
            }
            RecordSchema schema = schemas.schema(type);
            String date = m.path("date").asText("");
            if (!schema.hasField(date) || schema.field(date).type() != FieldType.DATE) {
                throw new SchemaException(where + ": '" + date + "' is not a date field of " + type);
            }
            Map<String, List<String>> filter = new LinkedHashMap<>();
            if (!m.path("filter").isObject()) {
                throw new SchemaException(where + ": filter must be an object of field → codes, e.g. {\"subject_type\": [\"ORG\"]} ({} for none)");
            }
            for (var entry : m.path("filter").properties()) {
                String field = entry.getKey();
                if (!schema.hasField(field)) {
                    throw new SchemaException(where + ": filter names unknown field '" + field + "' of " + type);
                }
                FieldSpec spec = schema.field(field);
                List<String> codes = new ArrayList<>();
                for (JsonNode code : entry.getValue()) {
                    String text = code.asText();
                    if (spec.enumeration() == null || !spec.enumeration().labels().containsKey(text)) {
                        throw new SchemaException(where + ": filter " + field + " names '" + text + "', which is not a code of "
                                + (spec.enumeration() == null ? "a coded field" : "enumeration '" + spec.enumeration().name() + "'"));
                    }
                    codes.add(text);
                }
                if (codes.isEmpty()) {
                    throw new SchemaException(where + ": filter " + field + " lists no code");
                }
                filter.put(field, codes);
            }
            JsonNode label = m.path("label");
            if (label.path("vi").asText("").isBlank() || label.path("en").asText("").isBlank()) {
                throw new SchemaException(where + ": a metric needs a Vietnamese and an English label");
            }
            String counts = m.path("counts").asText("records");
            if (!counts.equals("records")) {
                throw new SchemaException(where + ": counts must be 'records' (lượt)");
            }
            if (metrics.put(id, new Metric(id, new Label(label.get("vi").asText(), label.get("en").asText()), type, filter, date, counts)) != null) {
                throw new SchemaException(where + ": the id is used twice");
            }
        }
        if (metrics.isEmpty()) {
            throw new SchemaException(FILE + ": no metric");
        }
        return new MetricCatalog(metrics);
    }

    public List<Metric> metrics() {
        return List.copyOf(metrics.values());
    }

    public Optional<Metric> metric(String id) {
        return Optional.ofNullable(metrics.get(id));
    }
}
