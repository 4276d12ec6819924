package vn.inspection.pipeline.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compacting staged parts into one file: the rows in the parts' order, in large row groups, compressed. */
class ParquetCompactorTest {
    @TempDir
    Path dir;

    /** Two parts of 10,000 records each with a text of about 2 KB (a long letter): 40 MB before compression. */
    private List<Path> wideParts() throws Exception {
        Path first = dir.resolve("part-0.parquet");
        Path second = dir.resolve("part-1.parquet");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
            for (int p = 0; p < 2; p++) {
                Path part = p == 0 ? first : second;
                sql.execute("COPY (SELECT i AS row_no, (SELECT string_agg(md5(i::VARCHAR || '-' || j::VARCHAR), '') FROM range(64) s(j)) AS content "
                        + "FROM range(" + p * 10_000 + ", " + (p + 1) * 10_000 + ") t(i) ORDER BY i) TO '" + part
                        + "' (FORMAT parquet, COMPRESSION uncompressed, ROW_GROUP_SIZE 2048)"); // small pages, as staged parts have
            }
        }
        return List.of(first, second);
    }

    private static long[] rowsAndGroups(Path file) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
            long rows;
            long inOrder;
            try (ResultSet rs = sql.executeQuery("SELECT count(*), count(*) FILTER (WHERE row_no = n - 1) FROM "
                    + "(SELECT row_no, row_number() OVER () AS n FROM read_parquet('" + file + "'))")) {
                rs.next();
                rows = rs.getLong(1);
                inOrder = rs.getLong(2);
            }
            try (ResultSet rs = sql.executeQuery("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + file + "')")) {
                rs.next();
                return new long[] {rows, inOrder, rs.getLong(1)};
            }
        }
    }

    @Test
    void writesThePartsInOrderAsOneFileOfOneRowGroup() throws Exception {
        Path target = dir.resolve("lake/complaint/year=2014/part-a.parquet");
        try (ParquetCompactor compactor = new ParquetCompactor("zstd")) {
            compactor.compact(wideParts(), target);
        }

        long[] file = rowsAndGroups(target);
        assertThat(file[0]).isEqualTo(20_000);
        assertThat(file[1]).as("rows in the parts' order").isEqualTo(20_000);
        assertThat(file[2]).as("row groups").isEqualTo(1);
    }
}
