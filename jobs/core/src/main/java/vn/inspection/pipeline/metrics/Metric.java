package vn.inspection.pipeline.metrics;

import java.util.List;
import java.util.Map;

import vn.inspection.pipeline.schema.Label;

/**
 * One metric of the catalog: counts the records of {@code recordType} that pass {@code filter} (field →
 * the codes it may hold; booleans as "true"/"false"), placed in a period by {@code dateField}.
 */
public record Metric(String id, Label label, String recordType, Map<String, List<String>> filter, String dateField, String counts) {
    public Metric {
        // keep the catalog's order (stable SQL text) and make the code lists unmodifiable
        java.util.LinkedHashMap<String, List<String>> copy = new java.util.LinkedHashMap<>();
        filter.forEach((field, codes) -> copy.put(field, List.copyOf(codes)));
        filter = java.util.Collections.unmodifiableMap(copy);
    }
}
