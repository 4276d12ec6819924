package vn.inspection.pipeline.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Merges the small Parquet parts a file was staged in (one per chunk, uncompressed: cheap to write, safe to
 * resume) into one compressed file with large row groups, the file every later reader pays for. DuckDB reads the
 * parts in their order and writes the file; the rows and their columns are the parts' as they are.
 */
public final class ParquetCompactor implements AutoCloseable {
    /**
     * Rows a row group holds: about 10 MB of a register's records compressed, 60 to 80 MB in DuckDB's memory while
     * written (twice DuckDB's own default of 122,880 rows; a million rows would not fit {@link #MEMORY_LIMIT}).
     */
    public static final int ROW_GROUP_ROWS = 1 << 18;

    /** DuckDB's memory while it compacts: a row group being written and the pages being read. */
    static final String MEMORY_LIMIT = "320MB";

    private final Connection connection;
    private final String codec;

    /** @param codec the compression of the files made: {@code zstd}, {@code snappy}, {@code gzip}, {@code uncompressed} (or brotli, lz4) */
    public ParquetCompactor(String codec) {
        this.codec = codec.toLowerCase(Locale.ROOT);
        if (!List.of("zstd", "snappy", "gzip", "uncompressed", "brotli", "lz4", "lz4_raw").contains(this.codec)) {
            throw new IllegalArgumentException("unknown compression '" + codec + "': expected zstd, snappy, gzip or uncompressed");
        }
        try {
            this.connection = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = connection.createStatement()) {
                // DuckDB would take up to 80% of the machine's memory by default: bound it, so that the ingest's
                // peak memory does not grow with the size of the file being published
                statement.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
                statement.execute("SET temp_directory = ''");
                statement.execute("SET threads = 1"); // in order, one row group at a time: no buffering across threads
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start DuckDB to compact the lake's files: " + e.getMessage(), e);
        }
    }

    /** Writes {@code parts} (in this order) as one file {@code target}; its folder is created. */
    public void compact(List<Path> parts, Path target) throws IOException {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to compact into " + target);
        }
        Files.createDirectories(target.getParent());
        String files = parts.stream().map(ParquetCompactor::literal).collect(Collectors.joining(", "));
        // hive_partitioning off: a part under year=2014/ must not gain a 'year' column; the year stays in the path
        String copy = "COPY (SELECT * FROM read_parquet([" + files + "], hive_partitioning = false, union_by_name = false)) TO "
                + literal(target) + " (FORMAT parquet, COMPRESSION " + codec + ", ROW_GROUP_SIZE " + ROW_GROUP_ROWS + ")";
        try (Statement statement = connection.createStatement()) {
            statement.execute(copy);
        } catch (SQLException e) {
            throw new IOException("cannot compact " + parts.size() + " staged parts into " + target + ": " + e.getMessage(), e);
        }
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // an in-memory database: nothing to lose
        }
    }
}
