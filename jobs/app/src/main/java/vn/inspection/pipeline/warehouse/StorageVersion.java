package vn.inspection.pipeline.warehouse;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The DuckDB release whose clients must be able to open the warehouse file: DuckDB writes the file so that this
 * release and every later one read it ({@code storage_compatibility_version}). The default, {@code v1.2.0}, opens in
 * every DuckDB client from 1.2 on (the 1.x CLI, Python, Node, DBeaver's driver) as well as in DuckDB 2;
 * {@code latest} writes the newest format, which only clients as new as this pipeline's driver read.
 *
 * @param value {@code vMAJOR.MINOR.PATCH} or {@code latest}
 */
public record StorageVersion(String value) {
    /** The configuration key. */
    public static final String KEY = "warehouse.storage-version";
    /** The default: a format every DuckDB client from 1.2 on reads. */
    public static final String DEFAULT_VALUE = "v1.2.0";
    // before DEFAULT: the constructor of DEFAULT checks against it
    private static final Pattern FORM = Pattern.compile("v\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|latest");
    public static final StorageVersion DEFAULT = new StorageVersion(DEFAULT_VALUE);

    public StorageVersion {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(KEY + " '" + value + "' is not a DuckDB version: give one such as "
                    + DEFAULT_VALUE + " (read by DuckDB 1.2 and later) or latest");
        }
    }

    /** Parses a setting; blank or null means the default. */
    public static StorageVersion parse(String text) {
        return text == null || text.isBlank() ? DEFAULT : new StorageVersion(text.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
