package vn.inspection.pipeline.schema;

import java.util.List;

/**
 * One alternative of a natural key: its fields, used when {@code whenPresent} is null or that field is
 * not blank. A schema lists alternatives in order; the first that applies is the record's key.
 */
public record NaturalKeySpec(String whenPresent, List<String> fields) {
    public NaturalKeySpec {
        fields = List.copyOf(fields);
    }
}
