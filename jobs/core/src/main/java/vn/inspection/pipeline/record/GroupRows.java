package vn.inspection.pipeline.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.inspection.pipeline.schema.EnumValue;
import vn.inspection.pipeline.schema.FieldSpec;
import vn.inspection.pipeline.schema.FieldType;
import vn.inspection.pipeline.text.VietnameseText;

/**
 * The group rows of one sheet and what they set for the rows below them. Offices write a value once for a
 * group of rows in a heading above them when the register has no column for it: the unit
 * ("I. Đảng bộ Công ty Điện lực", "II | ĐẢNG BỘ BƯU ĐIỆN TỈNH", or the unit's alias), the subject type
 * ("I. Tổ chức đảng / II. Đảng viên"), the inspection type… A heading that names a unit (through the units
 * registry, which knows units pending from the same file) or a value of an enumeration, for a field the
 * sheet's layout has no column for, sets that field for every row below it until the next heading of the
 * same field; headings nest like an outline, so a new unit clears the subject type set under the previous one.
 * A heading that names nothing known and is numbered I, II or A, B is a group row to skip; any other row is a
 * record. Totals rows and signature blocks never get here ({@link RowClassifier} ends the register there).
 *
 * <p>One instance per sheet, fed every row in order.
 */
public final class GroupRows {
    /** Words a heading may put before the value it names: "Kiểm tra tổ chức đảng", "Đối với đảng viên". */
    private static final List<String> LEAD_WORDS = List.of("kiem tra", "giam sat", "ky luat", "thi hanh ky luat", "doi voi",
            "ve", "cac", "nhung", "danh sach", "so", "loai", "doi tuong");
    /** Words a unit's heading may put before its name: "Đảng bộ Công ty Điện lực" for the unit "Công ty Điện lực". */
    private static final List<String> UNIT_WORDS = List.of("dang bo", "chi bo", "dang uy", "to chuc co so dang", "don vi");
    /** What a unit's name may start with when its heading leaves it out. */
    private static final List<String> UNIT_NAMES = List.of("Đảng bộ", "Chi bộ", "Đảng ủy");
    /** A count after a heading's label: "(3 cuộc)", ": 5", "- 12 đồng chí". */
    private static final java.util.regex.Pattern TRAILING_COUNT = java.util.regex.Pattern.compile("\\s*(\\([^()]*\\)|[:\\-–]\\s*\\d+[^()]*)$");

    /** What a group row set (or that it set nothing: a heading to skip). */
    public record Group(String field, String value, String heading) {
    }

    private record Entry(String field, String text) {
    }

    private final List<FieldSpec> groupable = new ArrayList<>();
    private final UnitDirectory units;
    private final List<Entry> outline = new ArrayList<>();

    public GroupRows(SheetLayout layout, UnitDirectory units) {
        this.units = units;
        for (FieldSpec field : layout.schema().fields()) {
            if ((field.type() == FieldType.UNIT || field.type() == FieldType.ENUM) && !layout.maps(field.name())) {
                groupable.add(field);
            }
        }
    }

    /** Whether a heading can set anything in this sheet (its layout lacks a unit or enumeration column). */
    public boolean setsFields() {
        return !groupable.isEmpty();
    }

    /** The row as a group row (and what it sets, remembered for the rows below), or empty for a record. */
    public Optional<Group> group(List<String> row) {
        Optional<GroupHeading> parsed = GroupHeading.parse(row);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        GroupHeading heading = parsed.get();
        if (!heading.label().isEmpty()) {
            for (FieldSpec field : groupable) {
                String text = names(field, heading.label());
                if (text != null) {
                    set(field.name(), text);
                    return Optional.of(new Group(field.name(), text, heading.label()));
                }
            }
        }
        if (heading.numbering().groupsOnly() || heading.label().isEmpty()) {
            return Optional.of(new Group(null, null, heading.label()));
        }
        return Optional.empty();
    }

    /** The values the group rows above set, by field: the text a record's empty field is read as. */
    public Map<String, String> inherited() {
        if (outline.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        outline.forEach(e -> values.put(e.field(), e.text()));
        return values;
    }

    private void set(String field, String text) {
        for (int i = 0; i < outline.size(); i++) {
            if (outline.get(i).field().equals(field)) {
                outline.subList(i, outline.size()).clear();
                break;
            }
        }
        outline.add(new Entry(field, text));
    }

    /**
     * The text that gives the field its value (a unit code, or the synonym matched), or null when the label
     * names none. A count after the label ("Đảng bộ Điện lực (3 cuộc)", "Đảng viên: 5") is left aside.
     */
    private String names(FieldSpec field, String label) {
        String text = namesAsWritten(field, label);
        if (text == null) {
            String bare = TRAILING_COUNT.matcher(label).replaceFirst("").strip();
            text = bare.isEmpty() || bare.equals(label) ? null : namesAsWritten(field, bare);
        }
        return text;
    }

    private String namesAsWritten(FieldSpec field, String label) {
        if (field.type() == FieldType.UNIT) {
            String code = unit(label);
            if (code == null) {
                String bare = strip(label, UNIT_WORDS);
                code = bare == null ? null : unit(bare);
            }
            for (int i = 0; code == null && i < UNIT_NAMES.size(); i++) {
                // "Điện lực tỉnh" for the unit named "Đảng bộ Điện lực tỉnh"
                code = unit(UNIT_NAMES.get(i) + " " + label);
            }
            return code;
        }
        Optional<EnumValue> value = field.enumeration().match(label);
        if (value.isPresent()) {
            return label;
        }
        String bare = strip(label, LEAD_WORDS);
        return bare != null && field.enumeration().match(bare).isPresent() ? bare : null;
    }

    private String unit(String text) {
        UnitDirectory.Resolution resolution = units.resolve(text);
        return resolution.ok() ? resolution.code() : null;
    }

    /** The label without the lead words it starts with (as match keys), or null when it starts with none. */
    private static String strip(String label, List<String> words) {
        String key = VietnameseText.matchKey(label);
        String rest = key;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String word : words) {
                if (rest.startsWith(word + " ")) {
                    rest = rest.substring(word.length() + 1).strip();
                    stripped = true;
                }
            }
        }
        return rest.equals(key) || rest.isEmpty() ? null : rest;
    }
}
