package vn.inspection.pipeline.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * All record schemas and their enumerations, loaded from the {@code schemas/} folder (or the copy of it
 * on the classpath). Loading validates every cross-reference, so a schema with a typo fails at start
 * with the file and the field named, not at the first row that needs it.
 */
public final class SchemaCatalog {
    /** The record types, in the order a batch applies them: the units reference first. */
    public static final List<String> RECORD_TYPES = List.of("units", "inspection", "supervision", "discipline", "complaint");
    public static final String ENUMERATIONS_FILE = "enumerations.json";

    private final Map<String, Enumeration> enumerations;
    private final Map<String, RecordSchema> schemas;

    private SchemaCatalog(Map<String, Enumeration> enumerations, Map<String, RecordSchema> schemas) {
        this.enumerations = enumerations;
        this.schemas = schemas;
    }

    /** Loads the schemas from a folder. */
    public static SchemaCatalog load(Path folder) {
        return load(name -> {
            try {
                return Files.newInputStream(folder.resolve(name));
            } catch (NoSuchFileException e) {
                throw new SchemaException("schema file missing: " + folder.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Loads the schemas packaged on the classpath under {@code schemas/}. */
    public static SchemaCatalog loadFromClasspath() {
        ClassLoader loader = SchemaCatalog.class.getClassLoader();
        return load(name -> {
            InputStream in = loader.getResourceAsStream("schemas/" + name);
            if (in == null) {
                throw new SchemaException("schema file missing from the classpath: schemas/" + name);
            }
            return in;
        });
    }

    interface Source {
        InputStream open(String name);
    }

    static SchemaCatalog load(Source source) {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Enumeration> enumerations = new LinkedHashMap<>();
        JsonNode enumRoot = read(mapper, source, ENUMERATIONS_FILE).path("enumerations");
        enumRoot.properties().forEach(e -> {
            try {
                enumerations.put(e.getKey(), enumeration(e.getKey(), e.getValue()));
            } catch (SchemaException problem) {
                throw problem.getMessage().startsWith(ENUMERATIONS_FILE) ? problem
                        : new SchemaException(ENUMERATIONS_FILE + ": " + problem.getMessage(), problem);
            }
        });
        if (!enumerations.containsKey("boolean")) {
            throw new SchemaException(ENUMERATIONS_FILE + ": the 'boolean' enumeration is required");
        }
        Map<String, RecordSchema> schemas = new LinkedHashMap<>();
        for (String type : RECORD_TYPES) {
            String file = type + ".json";
            schemas.put(type, schema(file, read(mapper, source, file), enumerations));
        }
        return new SchemaCatalog(enumerations, schemas);
    }

    private static JsonNode read(ObjectMapper mapper, Source source, String name) {
        try (InputStream in = source.open(name)) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new SchemaException("cannot read schema file " + name + ": " + e.getMessage(), e);
        }
    }

    private static Enumeration enumeration(String name, JsonNode node) {
        List<EnumValue> values = new ArrayList<>();
        for (JsonNode v : node.path("values")) {
            Map<String, String> sets = new LinkedHashMap<>();
            v.path("sets").properties().forEach(s -> sets.put(s.getKey(), s.getValue().asText()));
            values.add(new EnumValue(text(v, "code", "enumeration " + name), new Label(v.path("vi").asText(), v.path("en").asText()),
                    strings(v.path("synonyms")), sets));
        }
        if (values.isEmpty()) {
            throw new SchemaException(ENUMERATIONS_FILE + ": enumeration '" + name + "' has no values");
        }
        return new Enumeration(name, values, node.hasNonNull("blank") ? node.get("blank").asText() : null);
    }

    private static RecordSchema schema(String file, JsonNode root, Map<String, Enumeration> enumerations) {
        String type = text(root, "record_type", file);
        if (!file.equals(type + ".json")) {
            throw new SchemaException(file + ": record_type '" + type + "' does not match the file name");
        }
        List<FieldSpec> fields = new ArrayList<>();
        for (JsonNode f : root.path("fields")) {
            String name = text(f, "name", file);
            String where = file + ", field '" + name + "'";
            FieldType fieldType = FieldType.parse(f.path("type").asText(null), where);
            Enumeration enumeration = null;
            if (fieldType == FieldType.ENUM) {
                String enumName = text(f, "enumeration", where);
                enumeration = enumerations.get(enumName);
                if (enumeration == null) {
                    throw new SchemaException(where + ": unknown enumeration '" + enumName + "'");
                }
            } else if (fieldType == FieldType.BOOLEAN) {
                enumeration = enumerations.get("boolean");
            }
            String unrecognised = f.path("unrecognised").asText("reject");
            if (!unrecognised.equals("reject") && !unrecognised.equals("keep")) {
                throw new SchemaException(where + ": unrecognised must be 'reject' (the default) or 'keep', not '" + unrecognised + "'");
            }
            if (unrecognised.equals("keep") && fieldType != FieldType.ENUM) {
                throw new SchemaException(where + ": unrecognised 'keep' applies to enum fields only");
            }
            Map<String, String> pseudonymiseUnless = new LinkedHashMap<>();
            f.path("pseudonymise_unless").properties().forEach(p -> pseudonymiseUnless.put(p.getKey(), p.getValue().asText()));
            JsonNode description = f.path("description");
            fields.add(new FieldSpec(name, fieldType, f.path("required").asBoolean(false), text(f, "header", where),
                    strings(f.path("aliases")), enumeration, unrecognised.equals("keep"), f.path("separator").asText(";"), pseudonymiseUnless,
                    new Label(description.path("vi").asText(""), description.path("en").asText(""))));
        }
        List<NaturalKeySpec> keys = new ArrayList<>();
        for (JsonNode k : root.path("natural_key")) {
            keys.add(new NaturalKeySpec(k.hasNonNull("when_present") ? k.get("when_present").asText() : null, strings(k.path("fields"))));
        }
        List<RuleSpec> rules = new ArrayList<>();
        for (JsonNode r : root.path("rules")) {
            Map<String, String> when = new LinkedHashMap<>();
            r.path("when").properties().forEach(w -> when.put(w.getKey(), w.getValue().asText()));
            rules.add(new RuleSpec(text(r, "rule", file), text(r, "field", file), r.path("other").asText(null),
                    strings(r.path("values")), when, r.path("reason").asText(null)));
        }
        JsonNode label = root.path("label");
        RecordSchema schema = new RecordSchema(type, new Label(label.path("vi").asText(), label.path("en").asText()),
                strings(root.path("recognised_by")), root.hasNonNull("period_date") ? root.get("period_date").asText() : null,
                fields, keys, rules);
        validate(file, schema);
        return schema;
    }

    private static void validate(String file, RecordSchema schema) {
        if (schema.recognisedBy().isEmpty()) {
            throw new SchemaException(file + ": recognised_by must name at least one header");
        }
        schema.periodDate().ifPresent(p -> {
            if (!schema.hasField(p) || schema.field(p).type() != FieldType.DATE) {
                throw new SchemaException(file + ": period_date '" + p + "' is not a date field");
            }
        });
        if (schema.naturalKey().isEmpty()) {
            throw new SchemaException(file + ": natural_key has no alternative");
        }
        for (NaturalKeySpec key : schema.naturalKey()) {
            for (String part : key.fields()) {
                requireField(file, schema, NaturalKeySpec.field(part), "natural_key");
                if (NaturalKeySpec.isYear(part) && schema.field(NaturalKeySpec.field(part)).type() != FieldType.DATE) {
                    throw new SchemaException(file + ": natural_key part '" + part + "' takes the year of a field that is not a date");
                }
            }
            if (key.whenPresent() != null) {
                requireField(file, schema, key.whenPresent(), "natural_key.when_present");
            }
        }
        for (RuleSpec rule : schema.rules()) {
            requireField(file, schema, rule.field(), "rule " + rule.rule());
            switch (rule.rule()) {
                case RuleSpec.NOT_BEFORE -> requireField(file, schema, rule.other(), "rule not_before");
                case RuleSpec.NOT_ALLOWED -> {
                    rule.when().forEach((w, code) -> requireCode(file, schema, w, code, "rule not_allowed (when)"));
                    rule.values().forEach(code -> requireCode(file, schema, rule.field(), code, "rule not_allowed (values)"));
                }
                default -> throw new SchemaException(file + ": unknown rule '" + rule.rule() + "'");
            }
        }
        for (FieldSpec field : schema.fields()) {
            field.pseudonymiseUnless().forEach((w, code) -> requireCode(file, schema, w, code, "pseudonymise_unless of " + field.name()));
        }
    }

    private static void requireField(String file, RecordSchema schema, String name, String where) {
        if (name == null || !schema.hasField(name)) {
            throw new SchemaException(file + ": " + where + " names unknown field '" + name + "'");
        }
    }

    /** The field exists and, when it draws from an enumeration, has this code: a typo must not switch a rule off. */
    private static void requireCode(String file, RecordSchema schema, String fieldName, String code, String where) {
        requireField(file, schema, fieldName, where);
        FieldSpec field = schema.field(fieldName);
        if (field.enumeration() != null && !field.enumeration().labels().containsKey(code)) {
            throw new SchemaException(file + ": " + where + " names code '" + code + "', which enumeration '"
                    + field.enumeration().name() + "' of field '" + fieldName + "' does not have (codes: " + field.enumeration().labels().keySet() + ")");
        }
    }

    private static String text(JsonNode node, String name, String where) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new SchemaException(where + ": '" + name + "' is required");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    public RecordSchema schema(String recordType) {
        RecordSchema schema = schemas.get(recordType);
        if (schema == null) {
            throw new SchemaException("unknown record type '" + recordType + "' (known: " + schemas.keySet() + ")");
        }
        return schema;
    }

    public Collection<RecordSchema> schemas() {
        return schemas.values();
    }

    public Optional<Enumeration> enumeration(String name) {
        return Optional.ofNullable(enumerations.get(name));
    }

    public Map<String, Enumeration> enumerations() {
        return enumerations;
    }
}
