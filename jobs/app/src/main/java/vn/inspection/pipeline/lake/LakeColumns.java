package vn.inspection.pipeline.lake;

import java.util.ArrayList;
import java.util.List;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import vn.inspection.pipeline.schema.FieldSpec;
import vn.inspection.pipeline.schema.RecordSchema;

/**
 * The Parquet schema of a record type, derived from its schema file: one column per field (a unit field
 * as {@code <name>_code}), then {@code record_key} and the lineage columns. The partition column
 * {@code year} is in the path (Hive style), not in the files.
 */
public final class LakeColumns {
    public static final String RECORD_KEY = "record_key";
    public static final String SOURCE_FILE = "_source_file";
    public static final String SOURCE_CHECKSUM = "_source_checksum";
    public static final String SHEET = "_sheet";
    public static final String ROW = "_row";
    public static final String PARTITION = "year";

    private LakeColumns() {
    }

    public static MessageType messageType(RecordSchema schema) {
        List<Type> columns = new ArrayList<>();
        for (FieldSpec field : schema.fields()) {
            columns.add(switch (field.type()) {
                case DATE -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(field.column());
                case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(field.column());
                default -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(field.column());
            });
        }
        columns.add(Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(RECORD_KEY));
        columns.add(Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(SOURCE_FILE));
        columns.add(Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(SOURCE_CHECKSUM));
        columns.add(Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(SHEET));
        columns.add(Types.required(PrimitiveTypeName.INT32).named(ROW));
        return new MessageType(schema.recordType(), columns);
    }
}
