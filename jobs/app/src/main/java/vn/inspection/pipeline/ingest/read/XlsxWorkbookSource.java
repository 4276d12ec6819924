package vn.inspection.pipeline.ingest.read;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Streams an .xlsx workbook with fastexcel-reader (StAX over the zip entries; constant memory). Cells merged
 * down over several rows give their value to every row they cover ({@link XlsxMergedCells}).
 */
final class XlsxWorkbookSource implements WorkbookSource {
    private static final Pattern DATE_FORMAT = Pattern.compile("(?i).*(d{1,4}|y{2,4}|m{1,5}.*[dy]|[dy].*m{1,5}).*");
    private static final Pattern TIME_ONLY = Pattern.compile("(?i)^\\[?[hms:.\\s\\]ap/]*$");

    private static final java.time.LocalDate EPOCH_1900 = java.time.LocalDate.of(1899, 12, 30);
    private static final java.time.LocalDate EPOCH_1904 = java.time.LocalDate.of(1904, 1, 1);

    private final ReadableWorkbook workbook;
    private final List<Sheet> sheets;
    private final java.time.LocalDate epoch;
    private final File file;

    XlsxWorkbookSource(File file) throws IOException {
        this.file = file;
        this.workbook = new ReadableWorkbook(file, new ReadingOptions(true, false));
        this.sheets = workbook.getSheets().toList();
        this.epoch = workbook.isDate1904() ? EPOCH_1904 : EPOCH_1900;
    }

    @Override
    public List<String> sheetNames() {
        return sheets.stream().map(Sheet::getName).toList();
    }

    @Override
    public RowStream rows(int sheetIndex) throws IOException {
        VerticalMerges merges;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file)) {
            merges = new VerticalMerges(XlsxMergedCells.read(zip, sheets.get(sheetIndex).getId()));
        }
        Stream<Row> stream = sheets.get(sheetIndex).openStream();
        return RowStream.of(stream.iterator(), row -> {
            List<String> cells = new ArrayList<>(row.getCellCount());
            for (int c = 0; c < row.getCellCount(); c++) {
                cells.add(text(row.getCell(c)));
            }
            return merges.apply(new SheetRow(row.getRowNum(), cells));
        }, stream::close);
    }

    String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case EMPTY -> "";
            case STRING -> cell.asString();
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case ERROR -> "";
            case NUMBER -> number(cell, cell.asNumber());
            case FORMULA -> formula(cell);
        };
    }

    private String formula(Cell cell) {
        String cached = cell.getRawValue();
        if (cached == null) {
            return "";
        }
        try {
            return number(cell, new BigDecimal(cached));
        } catch (NumberFormatException e) {
            return cached;
        }
    }

    private String number(Cell cell, BigDecimal value) {
        if (isDateFormatted(cell)) {
            return epoch.plusDays(value.setScale(0, java.math.RoundingMode.FLOOR).longValueExact()).toString();
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
    }

    static boolean isDateFormatted(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null || format.isBlank() || "General".equalsIgnoreCase(format)) {
            return false;
        }
        String bare = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^\\]]*\\]", "").replaceAll("\\\\.", "");
        return DATE_FORMAT.matcher(bare).matches() && !TIME_ONLY.matcher(bare).matches();
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
