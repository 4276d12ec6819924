package vn.inspection.pipeline.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How the messy-spreadsheet corpus in {@code src/test/resources/fixtures/messy/} and its clean equivalent
 * in {@code fixtures/messy-clean/} were made. Both hold the same records: the messy files as offices send
 * them (a legacy .xls with title rows, merged two-row headers, a column-number row, group rows, formulas,
 * totals and signatures; a Windows-1258 CSV with semicolons; a UTF-16 "Unicode Text" file in decomposed
 * Unicode; a LibreOffice-converted .xlsx with text typed in legacy TCVN3 and VNI fonts), the clean files as
 * plain UTF-8 CSV with codes and ISO dates. The files are committed; rerun main only to remake them
 * (LibreOffice's {@code soffice} must be on the PATH for the .xlsx).
 */
public final class MessyFixtures {
    static final Charset CP1258 = Charset.forName("windows-1258");
    static final String TONES = "\u0300\u0301\u0303\u0309\u0323";

    public static void main(String[] args) throws Exception {
        Path fixtures = Path.of(args.length > 0 ? args[0] : "jobs/app/src/test/resources/fixtures");
        Path messy = fixtures.resolve("messy");
        Path clean = fixtures.resolve("messy-clean");
        Files.createDirectories(messy);
        Files.createDirectories(clean);
        inspectionsXls(messy.resolve("m1-kiem-tra-2014.xls"));
        supervisionsCp1258(messy.resolve("m2-giam-sat-2014.csv"));
        disciplinesUtf16(messy.resolve("m3-ky-luat-2014.txt"));
        lettersXlsx(messy, LegacyText.tcvn3(), LegacyText.vni());
        cleanEquivalents(clean);
        Path broken = fixtures.resolve("broken");
        encryptedXlsx(fixtures.resolve("ingest/kiem-tra-2014.xlsx"), broken.resolve("co-mat-khau.xlsx"));
        encryptedXls(broken.resolve("co-mat-khau.xls"));
        Files.writeString(broken.resolve("bao-cao.pdf"), "%PDF-1.4\n% not a register\n%%EOF\n", StandardCharsets.US_ASCII);
    }

    /** An .xlsx saved with a password: Office wraps the encrypted package in an OLE2 file (POI, standard encryption). */
    static void encryptedXlsx(Path plain, Path target) throws Exception {
        org.apache.poi.poifs.crypt.EncryptionInfo info = new org.apache.poi.poifs.crypt.EncryptionInfo(org.apache.poi.poifs.crypt.EncryptionMode.standard);
        org.apache.poi.poifs.crypt.Encryptor encryptor = info.getEncryptor();
        encryptor.confirmPassword("matkhau");
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
            try (OutputStream data = encryptor.getDataStream(fs)) {
                Files.copy(plain, data);
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                fs.writeFilesystem(out);
            }
        }
    }

    /** An .xls saved with a password (RC4, as Excel 97–2003 does). */
    static void encryptedXls(Path target) throws IOException {
        org.apache.poi.hssf.record.crypto.Biff8EncryptionKey.setCurrentUserPassword("matkhau");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(target)) {
            row(wb.createSheet("Kiểm tra"), 0, "Đơn vị", "Ngày quyết định", "Đối tượng", "Tên đối tượng", "Loại kiểm tra");
            row(wb.getSheetAt(0), 1, "DU01", "15/01/2014", "Đảng viên", "Nguyễn Văn An", "KTDHVP");
            wb.write(out);
        } finally {
            org.apache.poi.hssf.record.crypto.Biff8EncryptionKey.setCurrentUserPassword(null);
        }
    }

    // ---------------------------------------------------------------- the canonical records

    static final List<List<String>> UNITS = List.of(
            List.of("DBK", "Đảng bộ Khối Cơ quan Mẫu", "", "BLOC", "Đảng ủy Khối"),
            List.of("DU01", "Đảng ủy Bộ Công Thương Mẫu", "DBK", "UPPER_BASE", "Bộ Công Thương Mẫu; BCTM"),
            List.of("DU02", "Đảng ủy Bộ Tài chính Mẫu", "DBK", "UPPER_BASE", "BTCM"),
            List.of("CB0101", "Chi bộ Vụ Tổng hợp", "DU01", "BRANCH", ""),
            List.of("CB0201", "Chi bộ Văn phòng", "DU02", "BRANCH", ""));

    static void cleanEquivalents(Path dir) throws IOException {
        csv(dir.resolve("units.csv"), List.of("Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên", "Cấp", "Tên gọi khác"), UNITS);
        csv(dir.resolve("inspection.csv"), List.of("Đơn vị", "Số quyết định", "Ngày quyết định", "Ngày kết thúc", "Chủ thể kiểm tra",
                "Đối tượng", "Tên đối tượng", "Loại kiểm tra", "Có vi phạm", "Phải thi hành kỷ luật", "Cấp ủy viên"), List.of(
                List.of("DU01", "11-QĐ/UBKT", "2014-01-08", "2014-02-10", "COMMISSION", "ORG", "Chi bộ Vụ Tổng hợp", "COMPLIANCE", "false", "false", "false"),
                List.of("DU02", "12-QĐ/UBKT", "2014-02-03", "", "COMMITTEE", "ORG", "Chi bộ Văn phòng", "FINANCE", "true", "false", "false"),
                List.of("DU01", "13-QĐ/UBKT", "2014-01-15", "", "COMMISSION", "MEMBER", "Nguyễn Văn Hoà", "SIGNS_OF_VIOLATION", "true", "true", "false"),
                List.of("DU02", "14-QĐ/UBKT", "2014-03-18", "2014-04-30", "STANDING_COMMITTEE", "MEMBER", "Trần Thị Thuỷ", "TASK_EXECUTION", "false", "false", "true"),
                List.of("CB0101", "", "2014-03-20", "", "COMMISSION", "MEMBER", "Lê Quốc Khánh", "COMPLIANCE", "false", "false", "false")));
        csv(dir.resolve("supervision.csv"), List.of("Đơn vị", "Số kế hoạch", "Ngày giám sát", "Chủ thể giám sát", "Đối tượng", "Tên đối tượng",
                "Hình thức giám sát", "Phát hiện dấu hiệu vi phạm"), List.of(
                List.of("DU01", "21-KH/UBKT", "2014-03-15", "COMMISSION", "ORG", "Chi bộ Vụ Tổng hợp", "THEMATIC", "false"),
                List.of("DU02", "22-KH/UBKT", "2014-04-07", "COMMITTEE", "MEMBER", "Phạm Minh Đức", "REGULAR", "true"),
                List.of("CB0201", "23-KH/UBKT", "2014-06-30", "STANDING_COMMITTEE", "MEMBER", "Võ Thị Ngọc Ánh", "REGULAR", "false")));
        csv(dir.resolve("discipline.csv"), List.of("Đơn vị", "Số quyết định", "Ngày quyết định", "Cấp quyết định", "Đối tượng", "Tên đối tượng",
                "Hình thức kỷ luật", "Nội dung vi phạm"), List.of(
                List.of("DU01", "31-QĐ/ĐU", "2014-05-09", "Đảng ủy cơ sở", "MEMBER", "Đỗ Văn Hùng", "REPRIMAND", "Tài chính, ngân sách"),
                List.of("DU02", "32-QĐ/UBKT", "2014-10-01", "UBKT Đảng ủy Khối", "MEMBER", "Hồ Thị Mai", "EXPULSION", "Phẩm chất đạo đức, lối sống"),
                List.of("DU02", "33-QĐ/ĐU", "2014-12-31", "Chi bộ", "ORG", "Chi bộ Văn phòng", "WARNING", "")));
        csv(dir.resolve("complaint.csv"), List.of("Đơn vị", "Số vào sổ", "Ngày nhận", "Loại đơn", "Nặc danh", "Đối tượng", "Tên đối tượng",
                "Tình trạng", "Ngày giải quyết", "Kết quả giải quyết"), List.of(
                List.of("DU01", "41", "2014-02-14", "DENUNCIATION", "true", "MEMBER", "Ngô Văn Tuấn", "RESOLVED", "2014-03-20", "UNFOUNDED"),
                List.of("DU02", "42", "2014-03-01", "APPEAL", "false", "MEMBER", "Bùi Thị Hạnh", "IN_PROGRESS", "", ""),
                List.of("CB0101", "43", "2014-07-15", "PETITION", "false", "ORG", "Chi bộ Vụ Tổng hợp", "FILED", "", "")));
    }

    private static void csv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
        for (List<String> row : rows) {
            text.append(String.join(",", row.stream().map(v -> v.contains(",") || v.contains(";") ? "\"" + v + "\"" : v).toList())).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- messy renderings

    /** A legacy .xls (POI HSSF): a units sheet and an inspection register as offices lay them out. */
    static void inspectionsXls(Path file) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));

            Sheet ins = wb.createSheet("Kiểm tra 2014");
            put(ins, 0, 0, "ĐẢNG BỘ KHỐI CƠ QUAN MẪU");
            put(ins, 1, 0, "ỦY BAN KIỂM TRA");
            put(ins, 2, 0, "SỔ THEO DÕI CÔNG TÁC KIỂM TRA NĂM 2014");
            ins.addMergedRegion(new CellRangeAddress(2, 2, 0, 10));
            row(ins, 4, "STT", "Đơn vị", "Quyết định", "", "Ngày kết luận", "Chủ thể kiểm tra", "Đối tượng kiểm tra", "", "Loại kiểm tra", "Kết luận", "");
            row(ins, 5, "", "", "Số", "Ngày", "", "", "Loại đối tượng", "Tên đối tượng", "", "Có vi phạm", "Phải kỷ luật");
            for (int c : new int[] {0, 1, 4, 5, 8}) {
                ins.addMergedRegion(new CellRangeAddress(4, 5, c, c));
            }
            ins.addMergedRegion(new CellRangeAddress(4, 4, 2, 3));
            ins.addMergedRegion(new CellRangeAddress(4, 4, 6, 7));
            ins.addMergedRegion(new CellRangeAddress(4, 4, 9, 10));
            row(ins, 6, "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)");
            row(ins, 7, "I", "KIỂM TRA TỔ CHỨC ĐẢNG");
            row(ins, 8, 1, "Đảng ủy Bộ Công Thương Mẫu", "11-QĐ/UBKT", LocalDate.of(2014, 1, 8), LocalDate.of(2014, 2, 10), "UBKT", "Tổ chức đảng",
                    "Chi bộ Vụ Tổng hợp", "Kiểm tra chấp hành", "", "");
            row(ins, 9, 2, "BTCM", "12-QĐ/UBKT", null, "", "Cấp uỷ", "TCĐ", "Chi bộ Văn phòng", "Kiểm tra tài chính", "X", "0");
            Cell formula = ins.getRow(9).createCell(3);
            formula.setCellFormula("DATE(2014,2,3)");
            formula.setCellStyle(date);
            row(ins, 10, "II", "KIỂM TRA ĐẢNG VIÊN");
            row(ins, 11, 3, "DU01", "13-QĐ/UBKT", "41654", "", "Ủy ban Kiểm tra", "Đảng viên", "Nguyễn Văn Hoà", "Khi có dấu hiệu vi phạm", "✓", "1");
            row(ins, 12, 4, "Đảng uỷ Bộ Tài chính Mẫu", "14-QĐ/UBKT", 41716, "30/04/2014", "BTV", "Cấp ủy viên", "Trần Thị Thuỷ",
                    "Thực hiện nhiệm vụ kiểm tra, giám sát, thi hành kỷ luật đảng", "", "");
            row(ins, 13, 5, "CB0101", "", "20/3/2014", "", "UBKT", "ĐV", "Lê Quốc Khánh", "chấp hành", "Không", "Không");
            row(ins, 15, "Cộng", "", "", "", "", "", "", "", "", "", "");
            Cell count = ins.getRow(15).createCell(7);
            count.setCellFormula("COUNTA(H9:H14)");
            put(ins, 17, 7, "Hà Nội, ngày 31 tháng 12 năm 2014");
            put(ins, 18, 7, "TM. ỦY BAN KIỂM TRA");
            put(ins, 19, 7, "CHỦ NHIỆM");
            put(ins, 22, 7, "Hoàng Văn Em");
            for (int r = 8; r <= 13; r++) {
                for (int c : new int[] {3, 4}) {
                    Cell cell = ins.getRow(r) == null ? null : ins.getRow(r).getCell(c);
                    if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && r != 12) {
                        cell.setCellStyle(date);
                    }
                }
            }

            // the units reference is the second sheet: the ingest applies it first all the same
            Sheet units = wb.createSheet("Danh mục đơn vị");
            put(units, 0, 0, "DANH MỤC ĐƠN VỊ");
            row(units, 2, "Mã ĐV", "Tên đơn vị", "Mã cấp trên", "Loại đơn vị", "Tên khác");
            String[] levels = {"Đảng bộ Khối", "Đảng bộ cấp trên cơ sở", "Đảng bộ cấp trên cơ sở", "Chi bộ", "Chi bộ"};
            for (int i = 0; i < UNITS.size(); i++) {
                List<String> u = UNITS.get(i);
                row(units, 3 + i, u.get(0), u.get(1), u.get(2), levels[i], u.get(4));
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            for (int r = 8; r <= 13; r++) {
                Row row = ins.getRow(r);
                if (row != null && row.getCell(3) != null && row.getCell(3).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && r != 12) {
                    row.getCell(3).setCellStyle(date);
                }
                if (row != null && row.getCell(4) != null && row.getCell(4).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    row.getCell(4).setCellStyle(date);
                }
            }
            wb.write(out);
        }
    }

    /** Excel's "CSV" on Vietnamese Windows: Windows-1258 with decomposed tones, semicolons, a title line. */
    static void supervisionsCp1258(Path file) throws IOException {
        String text = "SỔ THEO DÕI GIÁM SÁT NĂM 2014;;;;;;;;\r\n"
                + ";;;;;;;;\r\n"
                + "STT;Đơn vị;Số KH;Ngày bắt đầu;Chủ thể;Loại đối tượng;Họ tên;Hình thức giám sát;Có dấu hiệu vi phạm\r\n"
                + "1;DU01;21-KH/UBKT;ngày 15 tháng 3 năm 2014;UBKT;Tổ chức;Chi bộ Vụ Tổng hợp;Chuyên đề;Không\r\n"
                + "2;BTCM;22-KH/UBKT;07-04-2014;Cấp ủy;Đảng viên;Phạm Minh Đức;Thường xuyên;Có\r\n"
                + "3;CB0201;23-KH/UBKT;30.06.2014;Ban Thường vụ;ĐV;Võ Thị Ngọc Ánh;thuong xuyen;\r\n"
                + "Tổng số;;;;;;;;\r\n";
        Files.write(file, cp1258(text));
    }

    /** Encodes as Windows does: a precomposed letter where cp1258 has one, else base letter + combining tone. */
    public static byte[] cp1258(String text) {
        CharsetEncoder encoder = CP1258.newEncoder();
        StringBuilder windows = new StringBuilder();
        for (char ch : Normalizer.normalize(text, Normalizer.Form.NFC).toCharArray()) {
            if (encoder.canEncode(ch)) {
                windows.append(ch);
                continue;
            }
            String decomposed = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFD);
            StringBuilder base = new StringBuilder();
            StringBuilder tone = new StringBuilder();
            for (char part : decomposed.toCharArray()) {
                (TONES.indexOf(part) >= 0 ? tone : base).append(part);
            }
            windows.append(Normalizer.normalize(base, Normalizer.Form.NFC)).append(tone);
        }
        if (!encoder.canEncode(windows)) {
            throw new IllegalStateException("cannot encode in windows-1258: " + text);
        }
        return windows.toString().getBytes(CP1258);
    }

    /** Excel's "Unicode Text": UTF-16LE with a BOM, tab-separated; here in decomposed (NFD) Unicode. */
    static void disciplinesUtf16(Path file) throws IOException {
        String text = "Đơn vị\tSố quyết định\tNgày kỷ luật\tCấp kỷ luật\tĐối tượng\tHọ và tên\tHình thức kỷ luật\tLĩnh vực vi phạm\r\n"
                + "DU01\t31-QĐ/ĐU\t9/5/2014\tĐảng ủy cơ sở\tĐảng viên\tĐỗ Văn Hùng\tKhiển trách\t\"Tài chính, ngân sách\"\r\n"
                + "DU02\t32-QĐ/UBKT\t2014-10-01\tUBKT Đảng ủy Khối\tĐảng viên\tHồ  Thị Mai\tkhai tru\tPhẩm chất đạo đức, lối sống\r\n"
                + "Đảng ủy Bộ Tài chính Mẫu\t33-QĐ/ĐU\t31.12.2014\tChi bộ\tTổ chức đảng\tChi bộ Văn phòng\tCẢNH CÁO\t\r\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0xFF);
        bytes.write(0xFE);
        bytes.write(Normalizer.normalize(text, Normalizer.Form.NFD).getBytes(StandardCharsets.UTF_16LE));
        Files.write(file, bytes.toByteArray());
    }

    /**
     * Letters in an .xlsx saved by LibreOffice (converted from a POI-made .xls): a notes sheet first, the
     * register with its header and some cells typed in TCVN3 (.VnTime) and VNI-Windows fonts, a chart-data sheet.
     */
    static void lettersXlsx(Path dir, UnaryOperator<String> tcvn3, UnaryOperator<String> vni) throws Exception {
        Path xls = Files.createTempDirectory("lo").resolve("m4-don-thu-2014.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet notes = wb.createSheet("Hướng dẫn");
            put(notes, 0, 0, "Ghi chép theo Quy định về công tác tiếp nhận, giải quyết đơn thư.");
            Sheet let = wb.createSheet("Sổ đơn thư");
            put(let, 0, 0, tcvn3.apply("SỔ THEO DÕI ĐƠN THƯ NĂM 2014"));
            row(let, 2, "STT", tcvn3.apply("Đơn vị"), tcvn3.apply("Số đơn"), tcvn3.apply("Ngày nhận đơn"), tcvn3.apply("Loại đơn"),
                    tcvn3.apply("Nặc danh"), tcvn3.apply("Đối tượng"), tcvn3.apply("Họ và tên"), tcvn3.apply("Tình trạng giải quyết"),
                    tcvn3.apply("Ngày giải quyết"), tcvn3.apply("Kết luận"));
            row(let, 3, "A", "B", "1", "2", "3", "4", "5", "6", "7", "8", "9");
            row(let, 4, 1, "DU01", "41", LocalDate.of(2014, 2, 14), tcvn3.apply("Tố cáo"), "x", tcvn3.apply("Đảng viên"),
                    tcvn3.apply("Ngô Văn Tuấn"), tcvn3.apply("Đã giải quyết"), LocalDate.of(2014, 3, 20), tcvn3.apply("Không đúng"));
            row(let, 5, 2, vni.apply("Đảng ủy Bộ Tài chính Mẫu"), "42", "01/03/2014", vni.apply("Khiếu nại kỷ luật"), "", vni.apply("Đảng viên"),
                    vni.apply("Bùi Thị Hạnh"), vni.apply("Đang giải quyết"), "", "");
            row(let, 6, 3, "CB0101", "43", LocalDate.of(2014, 7, 15), "Phản ánh, kiến nghị", "", "Tổ chức đảng", "Chi bộ Vụ Tổng hợp",
                    "Lưu đơn", "", "");
            for (int r = 4; r <= 6; r++) {
                for (int c : new int[] {3, 9}) {
                    Cell cell = let.getRow(r).getCell(c);
                    if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                        cell.setCellStyle(date);
                    }
                }
            }
            row(let, 7, tcvn3.apply("Tổng cộng"), "", "");
            Sheet chart = wb.createSheet("Biểu đồ");
            row(chart, 0, "Năm", "Số đơn");
            row(chart, 1, 2013, 12);
            row(chart, 2, 2014, 9);
            wb.write(out);
        }
        Process soffice = new ProcessBuilder("soffice", "--headless", "--convert-to", "xlsx", "--outdir", dir.toString(), xls.toString())
                .inheritIO().start();
        if (soffice.waitFor() != 0) {
            throw new IllegalStateException("LibreOffice failed to convert " + xls);
        }
    }

    static void put(Sheet sheet, int r, int c, String value) {
        Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
        row.createCell(c).setCellValue(value);
    }

    static void row(Sheet sheet, int r, Object... values) {
        Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v == null || (v instanceof String s && s.isEmpty())) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (v instanceof LocalDate d) {
                cell.setCellValue(d);
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(v.toString());
            }
        }
    }

    /**
     * Encoders into legacy font encodings, the reverse of the converter's tables ({@code legacy/*.tsv} in the
     * core): what a cell typed with a .VnTime (TCVN3) or VNI-Times font holds. Fixtures only.
     */
    static final class LegacyText {
        static UnaryOperator<String> tcvn3() {
            java.util.Map<Character, Character> codes = new java.util.HashMap<>();
            table("legacy/tcvn3.tsv").forEach((legacy, unicode) -> codes.merge(unicode.charAt(0), legacy.charAt(0),
                    (kept, other) -> kept >= 0x80 && kept <= 0x9F && !(other >= 0x80 && other <= 0x9F) ? other : kept));
            return text -> {
                StringBuilder out = new StringBuilder();
                for (char c : Normalizer.normalize(text, Normalizer.Form.NFC).toCharArray()) {
                    Character code = c < 0x80 ? Character.valueOf(c) : codes.getOrDefault(c, codes.get(Character.toLowerCase(c)));
                    if (code == null) {
                        throw new IllegalStateException("no TCVN3 code for " + c + " in " + text);
                    }
                    out.append(code.charValue());
                }
                return out.toString();
            };
        }

        static UnaryOperator<String> vni() {
            java.util.Map<Character, String> codes = new java.util.HashMap<>();
            table("legacy/vni-windows.tsv").forEach((legacy, unicode) -> codes.put(unicode.charAt(0), legacy));
            return text -> {
                StringBuilder out = new StringBuilder();
                for (char c : Normalizer.normalize(text, Normalizer.Form.NFC).toCharArray()) {
                    String code = c < 0x80 ? String.valueOf(c) : codes.get(c);
                    if (code == null) {
                        throw new IllegalStateException("no VNI code for " + c + " in " + text);
                    }
                    out.append(code);
                }
                return out.toString();
            };
        }

        private static java.util.Map<String, String> table(String resource) {
            java.util.Map<String, String> rows = new java.util.LinkedHashMap<>();
            try (java.io.InputStream in = MessyFixtures.class.getClassLoader().getResourceAsStream(resource)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] columns = line.split("\t");
                    rows.put(unescape(columns[0]), unescape(columns[1]));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return rows;
        }

        private static String unescape(String column) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < column.length(); i++) {
                if (column.startsWith("\\u", i)) {
                    out.append((char) Integer.parseInt(column.substring(i + 2, i + 6), 16));
                    i += 5;
                } else {
                    out.append(column.charAt(i));
                }
            }
            return out.toString();
        }
    }
}
