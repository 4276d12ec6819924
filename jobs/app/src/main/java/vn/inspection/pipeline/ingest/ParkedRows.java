package vn.inspection.pipeline.ingest;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.inspection.pipeline.lake.LakeManifest;
import vn.inspection.pipeline.record.RowOutcome;
import vn.inspection.pipeline.schema.FieldSpec;
import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.schema.SchemaCatalog;

/**
 * Rows that wait for the units reference ({@link RowOutcome.Parked}), kept in the lake as JSON lines, one file per
 * source file ({@code _parked/<checksum>.jsonl}): each with its sheet and row, record type, its values (members'
 * names already pseudonymised; dates as ISO text) and the unit fields' text as typed. A units reference that names
 * their units lets them in, with their original lineage.
 */
final class ParkedRows {
    static final ObjectMapper JSON = LakeManifest.json().copy().disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    /** One parked row as stored. */
    record Row(@JsonProperty("sheet") String sheet, @JsonProperty("row") int row, @JsonProperty("record_type") String recordType,
               @JsonProperty("values") Map<String, Object> values, @JsonProperty("units") Map<String, String> units,
               @JsonProperty("problems") List<String> problems) {

        static Row of(String sheet, int row, String recordType, RowOutcome.Parked parked) {
            Map<String, Object> values = new LinkedHashMap<>();
            parked.values().forEach((k, v) -> values.put(k, v instanceof LocalDate d ? d.toString() : v));
            return new Row(sheet, row, recordType, values, parked.units(), parked.problems().stream().map(RowOutcome.Problem::toString).toList());
        }

        /** The parked outcome again, its values typed by the schema. */
        RowOutcome.Parked outcome(SchemaCatalog schemas) {
            RecordSchema schema = schemas.schema(recordType);
            Map<String, Object> typed = new LinkedHashMap<>();
            for (FieldSpec field : schema.fields()) {
                Object value = values.get(field.name());
                if (value == null) {
                    continue;
                }
                typed.put(field.name(), switch (field.type()) {
                    case DATE -> LocalDate.parse(value.toString());
                    case BOOLEAN -> value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
                    default -> value.toString();
                });
            }
            LocalDate period = schema.periodDate().map(p -> (LocalDate) typed.get(p)).orElse(null);
            return new RowOutcome.Parked(typed, units, period, problems.stream().map(p -> new RowOutcome.Problem(null, p)).toList());
        }
    }

    private ParkedRows() {
    }

    static void append(BufferedWriter out, Row row) throws IOException {
        out.write(JSON.writeValueAsString(row));
        out.write('\n');
    }

    static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    rows.add(JSON.readValue(line, Row.class));
                }
            }
        }
        return rows;
    }

    static void write(Path file, List<Row> rows) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Row row : rows) {
                append(out, row);
            }
        }
    }
}
