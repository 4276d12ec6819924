package vn.inspection.pipeline.schema;

import java.util.List;
import java.util.Map;

/**
 * One value of an enumeration: the code the lake stores, its labels, the synonyms offices write, and
 * other fields the value sets when it is matched ("Cấp ủy viên" is a MEMBER and sets committee_member).
 */
public record EnumValue(String code, Label label, List<String> synonyms, Map<String, String> sets) {
    public EnumValue {
        synonyms = List.copyOf(synonyms);
        sets = Map.copyOf(sets);
    }
}
