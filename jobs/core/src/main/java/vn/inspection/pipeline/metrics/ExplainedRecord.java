package vn.inspection.pipeline.metrics;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record a metric counts ({@link MetricEngine#explain}): its record type and key, the unit its register names
 * and the unit it is counted under (its successor's, or as recorded), the date that places it in the period, the
 * values of the fields the metric filters on (codes; booleans as "true"/"false"), the subject as the lake keeps it
 * (an organization's name, or a member's pseudonym: never a member's name), and its lineage: the source file, the
 * sheet and the row number in that sheet.
 */
public record ExplainedRecord(String recordType, String recordKey, String unitCode, String countedUnder, LocalDate date,
                              Map<String, String> filterValues, String subjectType, String subject,
                              String sourceFile, String sheet, Integer row) {

    public ExplainedRecord {
        filterValues = Collections.unmodifiableMap(new LinkedHashMap<>(filterValues));
    }
}
