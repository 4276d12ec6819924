package vn.inspection.pipeline.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.inspection.pipeline.schema.Label;
import vn.inspection.pipeline.schema.SchemaException;

/**
 * What the metric catalog ({@code schemas/metrics.json}) says of each metric for readers, beside what it counts:
 * its definition (printed in the report's appendix "Giải thích chỉ tiêu") and its direction, which colours its change.
 */
public record MetricNotes(Map<String, Note> notes) {
    /** Whether a rise is good news, bad news, or neither (neutral: grey, no judgement). */
    public enum Direction {
        HIGHER_IS_BETTER, LOWER_IS_BETTER, NEUTRAL;

        static Direction parse(String text, String where) {
            return switch (text) {
                case "higher-is-better" -> HIGHER_IS_BETTER;
                case "lower-is-better" -> LOWER_IS_BETTER;
                case "neutral", "" -> NEUTRAL;
                default -> throw new SchemaException(where + ": direction is higher-is-better, lower-is-better or neutral, not '" + text + "'");
            };
        }

        /** +1 when a change of this sign is good news, −1 when it is bad news, 0 when it is neither. */
        public int judge(long delta) {
            if (delta == 0 || this == NEUTRAL) {
                return 0;
            }
            return (delta > 0) == (this == HIGHER_IS_BETTER) ? 1 : -1;
        }
    }

    /** One metric's definition (null when the catalog has none) and direction. */
    public record Note(Label definition, Direction direction) {
    }

    /** No definitions, every metric neutral. */
    public static final MetricNotes NONE = new MetricNotes(Map.of());

    public MetricNotes {
        notes = Map.copyOf(notes);
    }

    public Optional<Label> definition(String metricId) {
        return Optional.ofNullable(notes.get(metricId)).map(Note::definition);
    }

    public Direction direction(String metricId) {
        Note note = notes.get(metricId);
        return note == null ? Direction.NEUTRAL : note.direction();
    }

    /** Reads {@code schemas/metrics.json} of a schemas folder, or the packaged copy when the folder is null or has none. */
    public static MetricNotes of(Path schemasDir) {
        if (schemasDir != null && Files.isRegularFile(schemasDir.resolve("metrics.json"))) {
            Path file = schemasDir.resolve("metrics.json");
            try (InputStream in = Files.newInputStream(file)) {
                return parse(in, file.toString());
            } catch (IOException e) {
                throw new SchemaException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        try (InputStream in = MetricNotes.class.getClassLoader().getResourceAsStream("schemas/metrics.json")) {
            return in == null ? NONE : parse(in, "schemas/metrics.json");
        } catch (IOException e) {
            throw new SchemaException("cannot read schemas/metrics.json: " + e.getMessage(), e);
        }
    }

    static MetricNotes parse(InputStream in, String source) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        Map<String, Note> notes = new LinkedHashMap<>();
        for (JsonNode metric : root.path("metrics")) {
            String id = metric.path("id").asText("");
            String where = source + ", metric '" + id + "'";
            JsonNode definition = metric.path("definition");
            Label label = null;
            if (!definition.isMissingNode() && !definition.isNull()) {
                if (definition.path("vi").asText("").isBlank() || definition.path("en").asText("").isBlank()) {
                    throw new SchemaException(where + ": a definition has a Vietnamese and an English text: {\"vi\": \"...\", \"en\": \"...\"}");
                }
                label = new Label(definition.get("vi").asText().strip(), definition.get("en").asText().strip());
            }
            notes.put(id, new Note(label, Direction.parse(metric.path("direction").asText(""), where)));
        }
        return new MetricNotes(notes);
    }
}
