package vn.inspection.pipeline.lake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;

/**
 * What a Parquet file's footer says, read with parquet-format's Thrift reader: the file ends with the
 * footer, its length (4 bytes, little-endian) and the magic {@code PAR1}. No data page is read, and no
 * Hadoop class is needed.
 */
public final class ParquetFiles {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private ParquetFiles() {
    }

    /** The number of records the file holds. */
    public static long rowCount(Path file) throws IOException {
        return footer(file).getNum_rows();
    }

    static FileMetaData footer(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 12) {
                throw new IOException(file + " is not a Parquet file (" + size + " bytes)");
            }
            ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(tail, size - 8);
            tail.flip();
            int length = tail.getInt();
            byte[] magic = new byte[4];
            tail.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC) || length <= 0 || length > size - 12) {
                throw new IOException(file + " is not a Parquet file (no footer)");
            }
            ByteBuffer footer = ByteBuffer.allocate(length);
            channel.read(footer, size - 8 - length);
            return Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
        }
    }
}
