package vn.inspection.pipeline.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schema of one record type, loaded from {@code schemas/<record_type>.json}: the single source of
 * truth for its fields, header aliases, enumerations, natural key and validation rules.
 */
public final class RecordSchema {
    public static final String UNITS = "units";

    private final String recordType;
    private final Label label;
    private final List<String> recognisedBy;
    private final String periodDate;
    private final List<FieldSpec> fields;
    private final Map<String, FieldSpec> byName = new LinkedHashMap<>();
    private final List<NaturalKeySpec> naturalKey;
    private final List<RuleSpec> rules;

    public RecordSchema(String recordType, Label label, List<String> recognisedBy, String periodDate,
                        List<FieldSpec> fields, List<NaturalKeySpec> naturalKey, List<RuleSpec> rules) {
        this.recordType = recordType;
        this.label = label;
        this.recognisedBy = List.copyOf(recognisedBy);
        this.periodDate = periodDate;
        this.fields = List.copyOf(fields);
        this.naturalKey = List.copyOf(naturalKey);
        this.rules = List.copyOf(rules);
        fields.forEach(f -> byName.put(f.name(), f));
    }

    public String recordType() {
        return recordType;
    }

    public Label label() {
        return label;
    }

    /** Headers any of which identifies a sheet as a register of this record type. */
    public List<String> recognisedBy() {
        return recognisedBy;
    }

    /** The date field that places a record in a period (and a lake partition); empty for units. */
    public Optional<String> periodDate() {
        return Optional.ofNullable(periodDate);
    }

    public List<FieldSpec> fields() {
        return fields;
    }

    public FieldSpec field(String name) {
        FieldSpec field = byName.get(name);
        if (field == null) {
            throw new SchemaException(recordType + ": no field '" + name + "'");
        }
        return field;
    }

    public boolean hasField(String name) {
        return byName.containsKey(name);
    }

    public List<NaturalKeySpec> naturalKey() {
        return naturalKey;
    }

    public List<RuleSpec> rules() {
        return rules;
    }

    public boolean isUnits() {
        return UNITS.equals(recordType);
    }

    @Override
    public String toString() {
        return "RecordSchema[" + recordType + "]";
    }
}
