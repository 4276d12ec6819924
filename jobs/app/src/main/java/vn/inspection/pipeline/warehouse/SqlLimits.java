package vn.inspection.pipeline.warehouse;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import vn.inspection.pipeline.system.Settings;

/**
 * What one statement of the SQL door ({@code pipeline sql}) may use: memory ({@code pipeline.sql.memory-limit},
 * default {@value #DEFAULT_MEMORY}; DuckDB's own default is 80% of the machine's memory), threads
 * ({@code pipeline.sql.threads}, default {@value #DEFAULT_THREADS}) and time ({@code pipeline.sql.timeout}, default
 * 60 s; a statement that runs past it is cancelled). Nothing spills to disk: the door has no file access, so a
 * statement that needs more memory than the limit is stopped instead.
 *
 * @param memoryLimit a DuckDB size as given ({@code 1GB}, {@code 512MB}, {@code 2GiB})
 */
public record SqlLimits(String memoryLimit, int threads, Duration timeout) {
    public static final String MEMORY_LIMIT = "pipeline.sql.memory-limit";
    public static final String THREADS = "pipeline.sql.threads";
    public static final String TIMEOUT = "pipeline.sql.timeout";
    static final String DEFAULT_MEMORY = "1GB";
    static final int DEFAULT_THREADS = 2;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** A size DuckDB reads; nothing else reaches its SET statement. */
    private static final Pattern SIZE = Pattern.compile("\\d{1,9}(\\.\\d{1,3})?\\s?(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", Pattern.CASE_INSENSITIVE);

    public SqlLimits {
        if (memoryLimit == null || !SIZE.matcher(memoryLimit).matches()) {
            throw new IllegalArgumentException(MEMORY_LIMIT + " must be a size such as 1GB or 512MB, not '" + memoryLimit + "'");
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException(THREADS + " must be between 1 and 256, not " + threads);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(TIMEOUT + " must be a positive duration such as 60s or 5m");
        }
    }

    public static SqlLimits defaults() {
        return new SqlLimits(DEFAULT_MEMORY, DEFAULT_THREADS, DEFAULT_TIMEOUT);
    }

    /** The limits the settings give, the defaults for those they leave unset; a bad value is refused naming its key. */
    public static SqlLimits from(Settings settings) {
        String memory = settings.get(MEMORY_LIMIT).orElse(DEFAULT_MEMORY);
        int threads = settings.get(THREADS).map(t -> {
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(THREADS + " must be a whole number, not '" + t + "'");
            }
        }).orElse(DEFAULT_THREADS);
        Duration timeout = settings.get(TIMEOUT).map(SqlLimits::duration).orElse(DEFAULT_TIMEOUT);
        return new SqlLimits(memory, threads, timeout);
    }

    /** 60s, 5m, 1h, 500ms, or a number of seconds. */
    static Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            return org.springframework.boot.convert.DurationStyle.detectAndParse(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(TIMEOUT + " must be a duration such as 60s or 5m, not '" + text + "'");
        }
    }

    /** The timeout in whole seconds, as JDBC takes it (at least 1). */
    public int timeoutSeconds() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (timeout.toMillis() + 999) / 1000));
    }

    /** The timeout as the user's line says it: "60 s". */
    public String timeoutText() {
        return timeoutSeconds() + " s";
    }
}
