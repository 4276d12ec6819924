package vn.inspection.pipeline.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import vn.inspection.pipeline.ingest.read.SheetRow;
import vn.inspection.pipeline.ingest.read.WorkbookSource;
import vn.inspection.pipeline.ingest.read.WorkbookSources;
import vn.inspection.pipeline.record.LayoutDetector;
import vn.inspection.pipeline.record.SheetLayout;

/**
 * Makes of a clean register what offices make of theirs: blank rows, the header repeated at random places (as
 * after a page break), subtotal and total rows in several wordings, column-number rows, a title block, a
 * signature block with notes under it, hidden rows, rows grouped under headings that name nothing, the sheet
 * split in parts with a summary sheet, and CSV exported again with another delimiter, quoting and encoding.
 * Seeded: the same seed makes the same mutant. None of the changes adds, removes or alters a record, so the
 * mutant's records must be the clean file's.
 */
final class LayoutMutator {
    private static final String[] SUBTOTALS = {"Cộng", "Cộng:", "Cộng tháng 7: 3 cuộc", "Cộng T11", "Cộng T.11: 4 cuộc", "Cộng quý I",
        "CỘNG QUÝ II", "Cộng 6 tháng đầu năm", "Lũy kế từ đầu năm", "Cộng tháng 10", "Trong đó: đảng viên"};
    private static final String[] TOTALS = {"Tổng cộng", "TỔNG CỘNG", "Tổng số", "Tổng cộng:", "TỔNG SỐ"};
    private static final String[] TITLES = {"ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH", "ỦY BAN KIỂM TRA", "SỔ THEO DÕI (bản in lại)",
        "Kèm theo Báo cáo số 15-BC/UBKT ngày 02/7/2014", "ĐẢNG CỘNG SẢN VIỆT NAM"};
    private static final String[] HEADINGS = {"I. Nhóm thứ nhất", "II. Nhóm thứ hai", "A", "B.", "III"};

    /** A sheet as text, row by row (row {@code i} is the sheet's row {@code i + 1}), and the register's layout in it. */
    record Grid(String name, List<List<String>> rows, SheetLayout layout) {
    }

    /** What the mutant was made with, for a failing assertion to name. */
    record Mutant(Path file, String recipe) {
    }

    private LayoutMutator() {
    }

    /** Every sheet of a workbook as text, values of merged cells written in every cell they cover. */
    static List<Grid> read(Path file, LayoutDetector detector) throws IOException {
        List<Grid> grids = new ArrayList<>();
        try (WorkbookSource source = WorkbookSources.open(file)) {
            for (int s = 0; s < source.sheetNames().size(); s++) {
                List<SheetRow> read = new ArrayList<>();
                try (WorkbookSource.RowStream rows = source.rows(s)) {
                    rows.forEachRemaining(read::add);
                }
                List<List<String>> grid = new ArrayList<>();
                for (SheetRow row : read) {
                    while (grid.size() < row.rowNumber() - 1) {
                        grid.add(List.of());
                    }
                    grid.add(row.cells());
                }
                SheetLayout layout = detector.detect(grid.subList(0, Math.min(grid.size(), LayoutDetector.HEADER_SEARCH_ROWS))).orElse(null);
                if (layout != null) {
                    int firstData = layout.firstDataRow() + 1;
                    for (SheetRow row : read) {
                        grid.set(row.rowNumber() - 1, row.cellsWithMerged(firstData));
                    }
                }
                grids.add(new Grid(source.sheetNames().get(s), grid, layout));
            }
        } catch (vn.inspection.pipeline.ingest.read.UnreadableFileException e) {
            throw new IOException(e);
        }
        return grids;
    }

    /** A mutant of the clean file's sheets, written into {@code dir}. */
    static Mutant mutate(List<Grid> clean, long seed, Path dir) throws IOException {
        Random random = new Random(seed);
        StringBuilder recipe = new StringBuilder("seed " + seed + ":");
        List<Grid> sheets = new ArrayList<>();
        List<Integer> hidden = new ArrayList<>();
        // a register may be split in parts only where every row stands alone (no heading sets a field for the rows below)
        boolean flat = clean.size() == 1 && clean.get(0).layout() != null
                && !new vn.inspection.pipeline.record.GroupRows(clean.get(0).layout(), null).setsFields();
        for (Grid grid : clean) {
            if (grid.layout() == null) {
                sheets.add(grid);
                continue;
            }
            List<List<String>> rows = new ArrayList<>(grid.rows());
            SheetLayout layout = grid.layout();
            int width = rows.stream().mapToInt(List::size).max().orElse(1);
            List<List<String>> header = List.copyOf(rows.subList(layout.headerRow(), layout.firstDataRow()));
            int dataStart = layout.firstDataRow();
            int dataEnd = lastRecordRow(rows, dataStart) + 1;
            int labelColumn = Math.min(1, width - 1);
            // inserted from the bottom up, so the positions drawn stay where the records are
            List<int[]> inserts = new ArrayList<>();
            if (random.nextInt(3) > 0) {
                inserts.add(new int[] {0, random.nextInt(dataEnd - dataStart + 1) + dataStart});
            }
            for (int i = random.nextInt(4); i > 0; i--) {
                inserts.add(new int[] {random.nextInt(5), random.nextInt(dataEnd - dataStart + 1) + dataStart});
            }
            inserts.sort((a, b) -> Integer.compare(b[1], a[1]));
            List<List<String>> tail = new ArrayList<>(rows.subList(dataEnd, rows.size()));
            List<List<String>> body = new ArrayList<>(rows.subList(0, dataEnd));
            for (int[] insert : inserts) {
                List<List<String>> added = switch (insert[0]) {
                    case 0 -> { // the header repeated after a page break, with its column numbers
                        recipe.append(" repeated header@").append(insert[1]);
                        List<List<String>> block = new ArrayList<>();
                        block.add(List.of());
                        if (random.nextBoolean()) {
                            recipe.append(" with '(tiếp theo)'");
                            block.add(List.of("(tiếp theo)"));
                        }
                        block.addAll(header);
                        yield block;
                    }
                    case 1 -> {
                        recipe.append(" blank@").append(insert[1]);
                        yield List.of(List.of(), List.of());
                    }
                    case 2 -> {
                        String label = SUBTOTALS[random.nextInt(SUBTOTALS.length)];
                        recipe.append(" subtotal '").append(label).append("'@").append(insert[1]);
                        yield List.of(labelled(width, labelColumn, label, String.valueOf(1 + random.nextInt(20))));
                    }
                    case 3 -> {
                        recipe.append(" column numbers@").append(insert[1]);
                        List<String> numbers = new ArrayList<>();
                        for (int c = 0; c < width; c++) {
                            numbers.add("(" + (c + 1) + ")");
                        }
                        yield List.of(numbers);
                    }
                    default -> {
                        String heading = HEADINGS[random.nextInt(HEADINGS.length)];
                        recipe.append(" heading '").append(heading).append("'@").append(insert[1]);
                        yield List.of(labelled(width, 0, heading, null));
                    }
                };
                body.addAll(insert[1], added);
            }
            if (random.nextBoolean()) {
                String label = TOTALS[random.nextInt(TOTALS.length)];
                recipe.append(" total '").append(label).append("'");
                tail.add(0, labelled(width, labelColumn, label, "99"));
            }
            if (random.nextBoolean()) {
                recipe.append(" signature and notes");
                tail.add(List.of());
                tail.add(labelled(width, Math.max(0, width - 3), "Hà Nội, ngày 02 tháng 7 năm 2014", null));
                List<String> titles = labelled(width, labelColumn, "NGƯỜI LẬP BIỂU", null);
                titles.set(Math.max(0, width - 3), "TM. ỦY BAN KIỂM TRA");
                tail.add(titles);
                tail.add(labelled(width, Math.max(0, width - 3), "CHỦ NHIỆM", null));
                tail.add(List.of());
                tail.add(labelled(width, Math.max(0, width - 3), "Nguyễn Thị Thanh Vân", null));
                tail.add(labelled(width, 0, "Ghi chú: số liệu tính đến ngày báo cáo.", null));
                tail.add(labelled(width, 0, "Nơi nhận:", null));
                tail.add(labelled(width, 0, "- Lưu VP.", null));
            }
            if (random.nextBoolean()) {
                int n = 1 + random.nextInt(3);
                recipe.append(" title block of ").append(n);
                for (int i = 0; i < n; i++) {
                    body.add(0, labelled(width, 0, TITLES[random.nextInt(TITLES.length)], null));
                }
                body.add(n, List.of());
            }
            rows = new ArrayList<>(body);
            rows.addAll(tail);
            if (random.nextInt(3) == 0) {
                int row = rows.size() / 2;
                hidden.add(row);
                recipe.append(" hidden row ").append(row + 1);
            }
            if (flat && random.nextInt(4) == 0) {
                split(new Grid(grid.name(), rows, layout), header, body.indexOf(header.get(0)), sheets, random, recipe);
            } else {
                sheets.add(new Grid(grid.name(), rows, layout));
            }
        }
        boolean csv = sheets.size() == 1 && random.nextBoolean();
        Path file = dir.resolve("mutant-" + seed + (csv ? ".csv" : ".xlsx"));
        if (csv) {
            writeCsv(sheets.get(0), file, random, recipe);
        } else {
            writeXlsx(sheets, hidden, file);
        }
        return new Mutant(file, recipe.toString());
    }

    /** The register in parts (as sheets by month), each under the header, and a summary sheet before them. */
    private static void split(Grid grid, List<List<String>> header, int headerAt, List<Grid> sheets, Random random, StringBuilder recipe) {
        int start = headerAt + header.size();
        int end = lastRecordRow(grid.rows(), start) + 1;
        int parts = 2 + random.nextInt(2);
        recipe.append(" split in ").append(parts).append(" sheets with a summary sheet");
        List<List<String>> summary = new ArrayList<>();
        summary.add(List.of("TỔNG HỢP SỐ LIỆU"));
        summary.add(List.of("Tháng", "Số cuộc", "Ghi chú"));
        sheets.add(new Grid("Tổng hợp", summary, null));
        int size = Math.max(1, (end - start + parts - 1) / parts);
        for (int p = 0; p < parts; p++) {
            int from = start + p * size;
            int to = p == parts - 1 ? grid.rows().size() : Math.min(end, from + size);
            if (from >= to && p < parts - 1) {
                continue;
            }
            List<List<String>> rows = new ArrayList<>(grid.rows().subList(0, start));
            rows.addAll(grid.rows().subList(Math.min(from, grid.rows().size()), Math.min(to, grid.rows().size())));
            summary.add(List.of("Tháng " + (p + 1), String.valueOf(to - from)));
            sheets.add(new Grid("Tháng " + (p + 1), rows, grid.layout()));
        }
    }

    /** The last row that holds anything before the clean file's own totals or signature: records end there. */
    private static int lastRecordRow(List<List<String>> rows, int from) {
        vn.inspection.pipeline.record.RowClassifier classifier = new vn.inspection.pipeline.record.RowClassifier();
        int last = from - 1;
        for (int r = from; r < rows.size(); r++) {
            var kind = classifier.classify(rows.get(r));
            if (kind == vn.inspection.pipeline.record.RowKind.TOTAL || kind == vn.inspection.pipeline.record.RowKind.SIGNATURE
                    || kind == vn.inspection.pipeline.record.RowKind.NOTES) {
                break;
            }
            if (kind != vn.inspection.pipeline.record.RowKind.BLANK) {
                last = r;
            }
        }
        return last;
    }

    private static List<String> labelled(int width, int column, String label, String count) {
        List<String> row = new ArrayList<>(Collections.nCopies(Math.max(width, column + 1), ""));
        row.set(column, label);
        if (count != null && width > column + 2) {
            row.set(width - 1, count);
        }
        return row;
    }

    private static void writeXlsx(List<Grid> sheets, List<Integer> hidden, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "mutator", "1.0");
            for (Grid grid : sheets) {
                Worksheet ws = wb.newWorksheet(grid.name().length() > 31 ? grid.name().substring(0, 31) : grid.name());
                for (int r = 0; r < grid.rows().size(); r++) {
                    List<String> row = grid.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        if (row.get(c) != null && !row.get(c).isEmpty()) {
                            ws.value(r, c, row.get(c));
                        }
                    }
                }
                if (grid.layout() != null) {
                    hidden.forEach(ws::hideRow);
                }
            }
            wb.finish();
        }
    }

    private static void writeCsv(Grid grid, Path file, Random random, StringBuilder recipe) throws IOException {
        char delimiter = new char[] {',', ';', '\t'}[random.nextInt(3)];
        boolean quoteAll = random.nextBoolean();
        String newline = random.nextBoolean() ? "\r\n" : "\n";
        int width = grid.rows().stream().mapToInt(List::size).max().orElse(1);
        StringBuilder text = new StringBuilder();
        for (List<String> row : grid.rows()) {
            for (int c = 0; c < width; c++) {
                if (c > 0) {
                    text.append(delimiter);
                }
                String cell = c < row.size() && row.get(c) != null ? row.get(c) : "";
                boolean quote = quoteAll && !cell.isEmpty() || cell.indexOf(delimiter) >= 0 || cell.contains("\"") || cell.contains("\n")
                        || cell.contains("\r");
                text.append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
            }
            text.append(newline);
        }
        int encoding = random.nextInt(3);
        byte[] bytes;
        String name;
        if (encoding == 2 && encodesAs1258(text.toString())) {
            bytes = MessyFixtures.cp1258(text.toString());
            name = "windows-1258";
        } else if (encoding == 1) {
            byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
            bytes = new byte[utf8.length + 3];
            bytes[0] = (byte) 0xEF;
            bytes[1] = (byte) 0xBB;
            bytes[2] = (byte) 0xBF;
            System.arraycopy(utf8, 0, bytes, 3, utf8.length);
            name = "UTF-8 with BOM";
        } else {
            bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            name = "UTF-8";
        }
        recipe.append(" as CSV '").append(delimiter == '\t' ? "tab" : String.valueOf(delimiter)).append("' ")
                .append(quoteAll ? "all quoted" : "quoted as needed").append(' ').append(name);
        Files.write(file, bytes);
    }

    /** Whether Windows would save the text in its Vietnamese code page (a register typed in TCVN3 it would not). */
    private static boolean encodesAs1258(String text) {
        try {
            MessyFixtures.cp1258(text);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
