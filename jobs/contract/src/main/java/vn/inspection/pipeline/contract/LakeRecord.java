package vn.inspection.pipeline.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record as the lake holds it: its record type and its values by lake column ({@code unit_code},
 * {@code start_date} as a {@link java.time.LocalDate}, booleans as {@link Boolean}, codes and text as strings).
 * Lineage columns are added by the writer.
 */
public record LakeRecord(String recordType, Map<String, Object> values) {

    public LakeRecord {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Object get(String column) {
        return values.get(column);
    }

    public String unitCode() {
        return (String) values.get("unit_code");
    }
}
