package vn.inspection.pipeline.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.inspection.pipeline.schema.FieldSpec;
import vn.inspection.pipeline.schema.FieldType;
import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.schema.SchemaException;

/**
 * The records of one type counted by the code a coded field holds ("discipline forms", "letters by kind"),
 * placed in periods by a date field, after an optional filter like a metric's. Checked against the record
 * schemas by {@link #of}, so a report spec that names a missing field fails when it is loaded.
 *
 * @param recordType the record type counted
 * @param field      an enum or boolean field whose codes are the categories
 * @param dateField  the date that places a record in a period
 * @param filter     field → codes it may hold (empty for all records)
 */
public record Breakdown(String recordType, String field, String dateField, Map<String, List<String>> filter) {

    public Breakdown {
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        filter.forEach((name, codes) -> copy.put(name, List.copyOf(codes)));
        filter = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * A breakdown checked against the schemas.
     *
     * @throws SchemaException naming what is wrong (unknown record type or field, a field without codes, a code
     *                         its enumeration lacks)
     */
    public static Breakdown of(SchemaCatalog schemas, String recordType, String field, String dateField, Map<String, List<String>> filter) {
        String where = "breakdown " + recordType + "." + field;
        if (!SchemaCatalog.RECORD_TYPES.contains(recordType) || RecordSchema.UNITS.equals(recordType)) {
            throw new SchemaException(where + ": unknown record type '" + recordType + "'");
        }
        RecordSchema schema = schemas.schema(recordType);
        if (!schema.hasField(field) || schema.field(field).enumeration() == null) {
            throw new SchemaException(where + ": '" + field + "' is not a coded field of " + recordType);
        }
        if (!schema.hasField(dateField) || schema.field(dateField).type() != FieldType.DATE) {
            throw new SchemaException(where + ": '" + dateField + "' is not a date field of " + recordType);
        }
        Map<String, List<String>> checked = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : filter.entrySet()) {
            if (!schema.hasField(entry.getKey())) {
                throw new SchemaException(where + ": filter names unknown field '" + entry.getKey() + "'");
            }
            FieldSpec spec = schema.field(entry.getKey());
            List<String> codes = new ArrayList<>();
            for (String code : entry.getValue()) {
                if (spec.enumeration() == null || !spec.enumeration().labels().containsKey(code)) {
                    throw new SchemaException(where + ": filter " + entry.getKey() + " names '" + code + "', which is not one of its codes");
                }
                codes.add(code);
            }
            checked.put(entry.getKey(), codes);
        }
        return new Breakdown(recordType, field, dateField, checked);
    }
}
