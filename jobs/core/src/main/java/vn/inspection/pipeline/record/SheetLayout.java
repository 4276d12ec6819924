package vn.inspection.pipeline.record;

import java.util.List;
import java.util.Map;

import vn.inspection.pipeline.schema.FieldSpec;
import vn.inspection.pipeline.schema.RecordSchema;

/**
 * Where a register's records are in a sheet: its record type, the header rows, the first data row
 * (0-based indexes of the rows as read), which column holds which field, and the header text of every
 * column (so a rejected row can be shown with its original values).
 */
public record SheetLayout(RecordSchema schema, int headerRow, int firstDataRow,
                          Map<Integer, FieldSpec> columns, List<String> headers) {
    public SheetLayout {
        columns = Map.copyOf(columns);
        headers = List.copyOf(headers);
    }

    public boolean maps(String field) {
        return columns.values().stream().anyMatch(f -> f.name().equals(field));
    }
}
