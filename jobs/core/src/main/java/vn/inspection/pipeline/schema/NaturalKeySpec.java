package vn.inspection.pipeline.schema;

import java.util.List;

/**
 * One alternative of a natural key: its parts, used when {@code whenPresent} is null or that field is
 * not blank. A schema lists alternatives in order; the first that applies is the record's key.
 *
 * <p>A part is a field name, or {@code year(date_field)}: the year of a date field. Document numbers
 * restart every January ("05-QĐ/UBKT" is issued again next year), so a number identifies a decision only
 * with its year.
 */
public record NaturalKeySpec(String whenPresent, List<String> fields) {
    private static final String YEAR_OPEN = "year(";

    public NaturalKeySpec {
        fields = List.copyOf(fields);
    }

    /** The field a part reads: {@code unit} for {@code unit}, {@code start_date} for {@code year(start_date)}. */
    public static String field(String part) {
        return isYear(part) ? part.substring(YEAR_OPEN.length(), part.length() - 1).strip() : part;
    }

    /** Whether a part is the year of a date field. */
    public static boolean isYear(String part) {
        return part.startsWith(YEAR_OPEN) && part.endsWith(")");
    }
}
