package vn.inspection.pipeline.schema;

import java.util.List;
import java.util.Map;

/**
 * A cross-field validation rule of a schema.
 *
 * <ul>
 *   <li>{@code not_before}: {@code field}, when present, must not be before {@code other};</li>
 *   <li>{@code not_allowed}: {@code field} must not take one of {@code values} when the fields in
 *       {@code when} have the given codes; {@code reason} says why.</li>
 * </ul>
 */
public record RuleSpec(String rule, String field, String other, List<String> values, Map<String, String> when, String reason) {
    public static final String NOT_BEFORE = "not_before";
    public static final String NOT_ALLOWED = "not_allowed";

    public RuleSpec {
        values = values == null ? List.of() : List.copyOf(values);
        when = when == null ? Map.of() : Map.copyOf(when);
    }
}
