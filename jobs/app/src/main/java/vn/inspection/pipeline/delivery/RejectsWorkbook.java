package vn.inspection.pipeline.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import vn.inspection.pipeline.unit.UnitHierarchy;

/**
 * The workbook an office receives about its own rejected rows: one sheet of the rows as typed, where they are in its
 * own files (file, sheet, row), the column and what to fix in plain Vietnamese; one sheet of the units' codes and names
 * it may use. It holds the names the office typed, so it is made in memory and only attached to that office's mail.
 */
public final class RejectsWorkbook {
    /** The headings of the rows sheet, in order. */
    public static final List<String> HEADINGS = List.of("Tệp", "Trang tính", "Dòng", "Loại sổ", "Cột", "Cần sửa", "Dòng như đã gõ");
    public static final String ROWS_SHEET = "Dòng chưa nhập được";
    public static final String UNITS_SHEET = "Đơn vị";

    /** One rejected row, worded for the office. */
    public record Row(String file, String sheet, int row, String register, String column, String fix, String typed) {
    }

    private RejectsWorkbook() {
    }

    /** The workbook's bytes. */
    public static byte[] write(String title, List<Row> rows, List<UnitHierarchy.Unit> units) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "pipeline", "1.0");
            Worksheet sheet = workbook.newWorksheet(ROWS_SHEET);
            sheet.value(0, 0, title);
            sheet.style(0, 0).bold().set();
            for (int c = 0; c < HEADINGS.size(); c++) {
                sheet.value(1, c, HEADINGS.get(c));
                sheet.style(1, c).bold().set();
            }
            int r = 2;
            for (Row row : rows) {
                sheet.value(r, 0, row.file());
                sheet.value(r, 1, row.sheet());
                sheet.value(r, 2, row.row());
                sheet.value(r, 3, row.register());
                sheet.value(r, 4, row.column());
                sheet.value(r, 5, row.fix());
                sheet.value(r, 6, row.typed());
                r++;
            }
            sheet.width(0, 30);
            sheet.width(5, 70);
            sheet.width(6, 90);
            Worksheet names = workbook.newWorksheet(UNITS_SHEET);
            List<String> heads = List.of("Mã đơn vị", "Tên đơn vị", "Tên gọi khác");
            for (int c = 0; c < heads.size(); c++) {
                names.value(0, c, heads.get(c));
                names.style(0, c).bold().set();
            }
            r = 1;
            for (UnitHierarchy.Unit unit : units) {
                names.value(r, 0, unit.code());
                names.value(r, 1, unit.name());
                if (unit.aliases() != null) {
                    names.value(r, 2, unit.aliases());
                }
                r++;
            }
            names.width(1, 50);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
