package vn.inspection.pipeline.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Reads a legacy .xls workbook (BIFF8) with Apache POI HSSF. An .xls holds at most 65,536 rows a sheet,
 * so the workbook is loaded whole; rows are still handed out one at a time like the streaming readers.
 * Date-formatted cells give {@code yyyy-MM-dd}; formulas give their cached value; cells merged down over
 * several rows give their value to every row they cover.
 */
final class XlsWorkbookSource implements WorkbookSource {
    private final HSSFWorkbook workbook;

    XlsWorkbookSource(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            this.workbook = new HSSFWorkbook(in);
        }
    }

    @Override
    public List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            names.add(workbook.getSheetName(s));
        }
        return names;
    }

    @Override
    public RowStream rows(int sheetIndex) {
        Sheet sheet = workbook.getSheetAt(sheetIndex);
        List<VerticalMerges.Region> regions = new ArrayList<>();
        for (org.apache.poi.ss.util.CellRangeAddress range : sheet.getMergedRegions()) {
            regions.add(new VerticalMerges.Region(range.getFirstRow() + 1, range.getLastRow() + 1, range.getFirstColumn()));
        }
        VerticalMerges merges = new VerticalMerges(regions);
        return RowStream.of(sheet.rowIterator(), row -> {
            int width = Math.max(0, row.getLastCellNum());
            List<String> cells = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                cells.add(text(row.getCell(c)));
            }
            return merges.apply(new SheetRow(row.getRowNum() + 1, cells));
        }, () -> { });
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getRichStringCellValue().getString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : plain(cell.getNumericCellValue());
            default -> "";
        };
    }

    private static String plain(double value) {
        BigDecimal number = BigDecimal.valueOf(value).stripTrailingZeros();
        return number.scale() <= 0 ? number.toBigInteger().toString() : number.toPlainString();
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
