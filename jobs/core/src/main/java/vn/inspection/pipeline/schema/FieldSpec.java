package vn.inspection.pipeline.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One field of a record schema: its name (the lake column, except that a unit field is stored as
 * {@code <name>_code}), type, the header offices write and its aliases, whether it is required, the
 * enumeration it draws from, and when its value is personal data: a field with {@code pseudonymiseUnless}
 * is pseudonymised unless the row's fields hold those codes (a subject is personal data unless the row
 * says it is an organization, so a blank subject type errs on the side of privacy). An enumeration field is
 * normally strict (a value it does not recognise rejects the row); one marked {@code "unrecognised": "keep"}
 * ({@link #keepsUnrecognised()}) is descriptive: a value it does not recognise is kept as typed (a unit's level).
 */
public record FieldSpec(
        String name,
        FieldType type,
        boolean required,
        String header,
        List<String> aliases,
        Enumeration enumeration,
        boolean keepsUnrecognised,
        String separator,
        Map<String, String> pseudonymiseUnless,
        Label description) {

    public FieldSpec {
        aliases = List.copyOf(aliases);
        pseudonymiseUnless = Map.copyOf(pseudonymiseUnless);
    }

    /** The header and all its aliases. */
    public List<String> headerNames() {
        List<String> names = new ArrayList<>(aliases.size() + 1);
        names.add(header);
        names.addAll(aliases);
        return names;
    }

    /** The lake column this field is stored in. */
    public String column() {
        return type == FieldType.UNIT ? name + "_code" : name;
    }
}
