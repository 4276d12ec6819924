package vn.inspection.pipeline.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import vn.inspection.pipeline.schema.FieldSpec;
import vn.inspection.pipeline.schema.FieldType;
import vn.inspection.pipeline.schema.Label;
import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.schema.SchemaCatalog;

/**
 * The warehouse's {@code labels} table: every code a coded field of a record table may hold (REPRIMAND, DENUNCIATION…)
 * with its Vietnamese and English label, from {@code schemas/enumerations.json} through the record schemas, so a query
 * shows "Khiển trách" where the records hold REPRIMAND:
 * {@code SELECT l.label_vi, count(*) FROM discipline d JOIN labels l ON l.record_type = 'discipline' AND l.field = 'form'
 * AND l.code = d.form GROUP BY 1}. Boolean fields are stored as booleans and need no label.
 */
public final class LabelsTable {
    private LabelsTable() {
    }

    /** Creates, fills and comments the table in the warehouse being built. */
    public static void write(Connection connection, SchemaCatalog schemas) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE labels (record_type VARCHAR NOT NULL, field VARCHAR NOT NULL, enumeration VARCHAR NOT NULL, "
                    + "code VARCHAR NOT NULL, label_vi VARCHAR NOT NULL, label_en VARCHAR NOT NULL, PRIMARY KEY (record_type, field, code))");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO labels VALUES (?, ?, ?, ?, ?, ?)")) {
            for (String recordType : SchemaCatalog.RECORD_TYPES) {
                RecordSchema schema = schemas.schema(recordType);
                for (FieldSpec field : schema.fields()) {
                    if (field.enumeration() == null || field.type() == FieldType.BOOLEAN) {
                        continue;
                    }
                    for (Map.Entry<String, Label> label : field.enumeration().labels().entrySet()) {
                        insert.setString(1, recordType);
                        insert.setString(2, field.column());
                        insert.setString(3, field.enumeration().name());
                        insert.setString(4, label.getKey());
                        insert.setString(5, label.getValue().vi());
                        insert.setString(6, label.getValue().en());
                        insert.addBatch();
                    }
                }
            }
            insert.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            for (String comment : new String[] {
                    "COMMENT ON TABLE labels IS 'Nhãn tiếng Việt và tiếng Anh của mọi mã (schemas/enumerations.json), theo bảng và trường / "
                            + "The Vietnamese and English label of every code, by table and field'",
                    "COMMENT ON COLUMN labels.record_type IS 'Bảng bản ghi, vd discipline / Record table, e.g. discipline'",
                    "COMMENT ON COLUMN labels.field IS 'Cột chứa mã, vd form / Column that holds the code, e.g. form'",
                    "COMMENT ON COLUMN labels.enumeration IS 'Danh mục mã trong schemas/enumerations.json / Enumeration in schemas/enumerations.json'",
                    "COMMENT ON COLUMN labels.code IS 'Mã lưu trong bản ghi, vd REPRIMAND / Code the records hold, e.g. REPRIMAND'",
                    "COMMENT ON COLUMN labels.label_vi IS 'Nhãn tiếng Việt, vd Khiển trách / Vietnamese label'",
                    "COMMENT ON COLUMN labels.label_en IS 'Nhãn tiếng Anh / English label'"}) {
                statement.execute(comment);
            }
        }
    }
}
