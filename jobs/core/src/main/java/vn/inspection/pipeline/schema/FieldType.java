package vn.inspection.pipeline.schema;

/** The value types a schema field can have. */
public enum FieldType {
    /** Free text, stored cleaned (NFC, spaces collapsed). */
    STRING,
    /** A calendar date. */
    DATE,
    /** Có/Không, x/blank, 1/0… */
    BOOLEAN,
    /** One code of a named enumeration, matched through its synonyms. */
    ENUM,
    /** A unit, named by code, name or alias; stored as the unit code. */
    UNIT,
    /** Several texts separated by a separator; stored joined by {@code "; "}. */
    LIST;

    static FieldType parse(String text, String where) {
        try {
            return valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SchemaException(where + ": unknown field type '" + text + "'");
        }
    }
}
