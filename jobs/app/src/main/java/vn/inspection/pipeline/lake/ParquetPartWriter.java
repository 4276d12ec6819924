package vn.inspection.pipeline.lake;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

import vn.inspection.pipeline.schema.FieldSpec;
import vn.inspection.pipeline.schema.RecordSchema;

/** Writes the records of one record type into one Parquet file (parquet-java, no Hadoop file system). */
public final class ParquetPartWriter implements Closeable {
    private final ParquetWriter<LakeRow> writer;
    private long rows;

    public ParquetPartWriter(Path file, RecordSchema schema, CompressionCodecName codec) throws IOException {
        this(new Builder(new LocalOutputFile(file), schema).withCompressionCodec(codec));
    }

    private ParquetPartWriter(Builder builder) throws IOException {
        this.writer = builder.withConf(new Configuration(false)).build();
    }

    /**
     * A part staged for a while, until its file is compacted at publish: plain pages, no compression and no
     * dictionaries, the cheapest a Parquet file is to write.
     */
    public static ParquetPartWriter staged(Path file, RecordSchema schema) throws IOException {
        return new ParquetPartWriter(new Builder(new LocalOutputFile(file), schema)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withDictionaryEncoding(false));
    }

    public void write(LakeRow row) throws IOException {
        writer.write(row);
        rows++;
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static final class Builder extends ParquetWriter.Builder<LakeRow, Builder> {
        private final RecordSchema schema;

        Builder(OutputFile file, RecordSchema schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<LakeRow> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(schema);
        }
    }

    private static final class RowWriteSupport extends WriteSupport<LakeRow> {
        private final List<FieldSpec> fields;
        private final MessageType messageType;
        private RecordConsumer consumer;

        RowWriteSupport(RecordSchema schema) {
            this.fields = schema.fields();
            this.messageType = LakeColumns.messageType(schema);
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(messageType, new HashMap<>());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(LakeRow row) {
            consumer.startMessage();
            int index = 0;
            for (FieldSpec field : fields) {
                Object value = row.values().get(field.name());
                if (value != null) {
                    consumer.startField(field.column(), index);
                    if (value instanceof LocalDate date) {
                        consumer.addInteger((int) date.toEpochDay());
                    } else if (value instanceof Boolean bool) {
                        consumer.addBoolean(bool);
                    } else {
                        consumer.addBinary(Binary.fromString(value.toString()));
                    }
                    consumer.endField(field.column(), index);
                }
                index++;
            }
            string(LakeColumns.RECORD_KEY, index++, row.recordKey());
            string(LakeColumns.SOURCE_FILE, index++, row.sourceFile());
            string(LakeColumns.SOURCE_CHECKSUM, index++, row.sourceChecksum());
            string(LakeColumns.SHEET, index++, row.sheet());
            consumer.startField(LakeColumns.ROW, index);
            consumer.addInteger(row.row());
            consumer.endField(LakeColumns.ROW, index);
            consumer.endMessage();
        }

        private void string(String column, int index, String value) {
            consumer.startField(column, index);
            consumer.addBinary(Binary.fromString(value));
            consumer.endField(column, index);
        }
    }
}
