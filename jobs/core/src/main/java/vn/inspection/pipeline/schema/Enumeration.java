package vn.inspection.pipeline.schema;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.inspection.pipeline.text.VietnameseText;

/** A named enumeration whose values are matched through synonyms, ignoring case, diacritics and punctuation. */
public final class Enumeration {
    private final String name;
    private final List<EnumValue> values;
    private final String blankCode;
    private final Map<String, EnumValue> bySynonymKey = new HashMap<>();
    private final Map<String, Label> labelsByCode = new LinkedHashMap<>();

    public Enumeration(String name, List<EnumValue> values, String blankCode) {
        this.name = name;
        this.values = List.copyOf(values);
        this.blankCode = blankCode;
        for (EnumValue value : values) {
            labelsByCode.putIfAbsent(value.code(), value.label());
            register(value.code(), value);
            register(value.label().vi(), value);
            register(value.label().en(), value);
            for (String synonym : value.synonyms()) {
                register(synonym, value);
            }
        }
    }

    private void register(String text, EnumValue value) {
        String key = VietnameseText.matchKey(text);
        if (key.isEmpty()) {
            // "-" and "✓" have no letters: keep them by their cleaned form
            key = VietnameseText.clean(text);
        }
        EnumValue previous = bySynonymKey.putIfAbsent(key, value);
        if (previous != null && !previous.code().equals(value.code())) {
            throw new SchemaException("enumeration '" + name + "': synonym '" + text + "' names both "
                    + previous.code() + " and " + value.code());
        }
    }

    public String name() {
        return name;
    }

    public List<EnumValue> values() {
        return values;
    }

    /** Distinct codes in declaration order, with their labels. */
    public Map<String, Label> labels() {
        return labelsByCode;
    }

    /** The code a blank cell means, if the enumeration gives one (booleans: false). */
    public Optional<String> blankCode() {
        return Optional.ofNullable(blankCode);
    }

    /** The value a written text names, if any. */
    public Optional<EnumValue> match(String text) {
        String key = VietnameseText.matchKey(text);
        if (key.isEmpty()) {
            key = VietnameseText.clean(text);
        }
        return Optional.ofNullable(bySynonymKey.get(key));
    }
}
