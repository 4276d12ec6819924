package vn.inspection.pipeline.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * How the committed fixtures in {@code src/test/resources/fixtures/office-layouts/} (and the units reference
 * sent again later, in {@code office-layouts-later/}) were made: registers laid out the way offices keep
 * them, written with fastexcel (.xlsx) and Apache POI (.xls), merged cells really merged.
 * <ul>
 *   <li>{@code l1}: an inspection register whose unit cells are merged down over each unit's rows (.xlsx);</li>
 *   <li>{@code l2}: a supervision register, unit cells merged the same way, in a legacy .xls;</li>
 *   <li>{@code l3}: an inspection register with no unit and no subject-type column: heading rows name the
 *       unit ("I. Đảng bộ …" merged across the register, "II | ĐẢNG BỘ …" in capitals, an alias) and, below
 *       them, the subject type ("1. Tổ chức đảng", "b) Kiểm tra đảng viên"); STT restarts under each
 *       heading; a subtotal "Cộng" closes the first unit;</li>
 *   <li>{@code l4}: decision numbers that restart every year: the same "05-QĐ/UBKT" for the same subject in
 *       2013 and in 2014, an inspection and a discipline;</li>
 *   <li>{@code l5}: a register typed in TCVN3 by a converter that writes capital toned vowels as the capital
 *       base letter and the small toned one ("Uñy ban KiÓm tra", "¢Êp B¾c");</li>
 *   <li>{@code office-layouts-later/don-vi-gui-lai.xlsx}: the units reference sent again with a unit
 *       renamed, a branch moved to another committee and a committee merged into another.</li>
 * </ul>
 * The records every file holds are the lists below: the test checks the lake against them value by value
 * and the metrics against counts made from them. The files are committed; run main only to remake them.
 *
 * <pre>java -cp jobs/app/target/test-classes:jobs/app/target/classes:… vn.inspection.pipeline.ingest.OfficeLayoutFixtures \
 *     jobs/app/src/test/resources/fixtures</pre>
 */
public final class OfficeLayoutFixtures {

    /** One inspection as the lake must hold it (codes), with the text the register writes its unit as. */
    public record Inspection(String file, String unitCode, String unitAsWritten, String decisionNo, LocalDate start, String body,
                             String subjectType, String subject, String type, boolean violation) {
    }

    /** One supervision as the lake must hold it. */
    public record Supervision(String unitCode, String unitAsWritten, String planNo, LocalDate start, String subjectType,
                              String subject, String mode) {
    }

    /** One discipline as the lake must hold it. */
    public record Discipline(String unitCode, String decisionNo, LocalDate date, String subjectType, String subject, String form) {
    }

    static final String L1 = "l1-kiem-tra-don-vi-gop-o.xlsx";
    static final String L3 = "l3-kiem-tra-tieu-de-nhom.xlsx";
    static final String L4 = "l4-kiem-tra-ky-luat-so-lap-lai.xlsx";
    static final String L5 = "l5-kiem-tra-tcvn3-chu-hoa.xlsx";

    static final String ORG = "ORG";
    static final String MEMBER = "MEMBER";

    /** Every inspection of the fixtures, in the order of the files and rows. */
    public static final List<Inspection> INSPECTIONS = List.of(
            // l1: the unit written once, in a cell merged over the unit's rows
            new Inspection(L1, "DV01", "Đảng bộ Công ty Điện lực", "01-QĐ/UBKT", LocalDate.of(2014, 1, 9), "COMMISSION", ORG, "Chi bộ Phân xưởng Điện 1", "COMPLIANCE", false),
            new Inspection(L1, "DV01", "Đảng bộ Công ty Điện lực", "02-QĐ/UBKT", LocalDate.of(2014, 1, 16), "COMMISSION", MEMBER, "Nguyễn Văn Tâm", "SIGNS_OF_VIOLATION", true),
            new Inspection(L1, "DV01", "Đảng bộ Công ty Điện lực", "03-QĐ/UBKT", LocalDate.of(2014, 2, 20), "COMMITTEE", MEMBER, "Lê Thị Hoa", "FINANCE", false),
            new Inspection(L1, "DV02", "ĐẢNG BỘ BƯU ĐIỆN TỈNH", "04-QĐ/UBKT", LocalDate.of(2014, 3, 3), "COMMISSION", ORG, "Chi bộ Bưu cục Trung tâm", "TASK_EXECUTION", false),
            new Inspection(L1, "DV02", "ĐẢNG BỘ BƯU ĐIỆN TỈNH", "05-QĐ/UBKT", LocalDate.of(2014, 3, 10), "STANDING_COMMITTEE", MEMBER, "Trần Văn Quý", "COMPLIANCE", true),
            new Inspection(L1, "DV03", "Cấp nước", "06-QĐ/UBKT", LocalDate.of(2014, 4, 2), "COMMISSION", ORG, "Chi bộ Nhà máy nước số 2", "FINANCE", false),
            new Inspection(L1, "DV03", "Cấp nước", "07-QĐ/UBKT", LocalDate.of(2014, 4, 8), "COMMISSION", MEMBER, "Phạm Thị Lan", "COMPLIANCE", false),
            // l3: no unit or subject-type column: heading rows set them
            new Inspection(L3, "DV01", "I. Đảng bộ Công ty Điện lực", "11-QĐ/UBKT", LocalDate.of(2014, 5, 6), "COMMISSION", ORG, "Chi bộ Phân xưởng Điện 1", "COMPLIANCE", false),
            new Inspection(L3, "DV01", "I. Đảng bộ Công ty Điện lực", "12-QĐ/UBKT", LocalDate.of(2014, 5, 13), "COMMISSION", ORG, "Chi bộ Phòng Kỹ thuật", "FINANCE", true),
            new Inspection(L3, "DV01", "I. Đảng bộ Công ty Điện lực", "13-QĐ/UBKT", LocalDate.of(2014, 5, 20), "COMMISSION", MEMBER, "Đỗ Văn Hải", "SIGNS_OF_VIOLATION", true),
            new Inspection(L3, "DV01", "I. Đảng bộ Công ty Điện lực", "14-QĐ/UBKT", LocalDate.of(2014, 5, 27), "COMMITTEE", MEMBER, "Vũ Thị Mai", "COMPLIANCE", false),
            new Inspection(L3, "DV02", "ĐẢNG BỘ BƯU ĐIỆN TỈNH", "15-QĐ/UBKT", LocalDate.of(2014, 6, 3), "COMMISSION", ORG, "Chi bộ Bưu cục Trung tâm", "COMPLIANCE", false),
            new Inspection(L3, "DV02", "ĐẢNG BỘ BƯU ĐIỆN TỈNH", "16-QĐ/UBKT", LocalDate.of(2014, 6, 10), "COMMISSION", MEMBER, "Hoàng Văn Nam", "SIGNS_OF_VIOLATION", true),
            new Inspection(L3, "DV02", "ĐẢNG BỘ BƯU ĐIỆN TỈNH", "17-QĐ/UBKT", LocalDate.of(2014, 6, 17), "COMMISSION", MEMBER, "Ngô Thị Thu", "COMPLIANCE", false),
            new Inspection(L3, "DV03", "Cấp nước", "18-QĐ/UBKT", LocalDate.of(2014, 6, 24), "COMMISSION", MEMBER, "Bùi Văn Lực", "FINANCE", false),
            // l4: the same number for the same subject, issued again the next January
            new Inspection(L4, "DV01", "DV01", "05-QĐ/UBKT", LocalDate.of(2013, 3, 12), "COMMISSION", ORG, "Chi bộ Phân xưởng Điện 1", "COMPLIANCE", false),
            new Inspection(L4, "DV01", "DV01", "05-QĐ/UBKT", LocalDate.of(2014, 3, 11), "COMMISSION", ORG, "Chi bộ Phân xưởng Điện 1", "COMPLIANCE", true),
            // l5: typed in TCVN3 by a converter writing capital toned vowels as two letters
            new Inspection(L5, "CB0301", "Chi bộ Ấp Bắc", "21-QĐ/UBKT", LocalDate.of(2014, 2, 14), "COMMISSION", ORG, "Chi bộ Ấp Bắc", "COMPLIANCE", false),
            new Inspection(L5, "DV03", "Đảng bộ Công ty Cấp nước", "22-QĐ/UBKT", LocalDate.of(2014, 7, 1), "COMMISSION", MEMBER, "Ông Văn Ước", "SIGNS_OF_VIOLATION", true),
            new Inspection(L5, "DV03", "Đảng bộ Công ty Cấp nước", "23-QĐ/UBKT", LocalDate.of(2013, 9, 5), "COMMISSION", ORG, "Chi bộ Ấp Bắc", "FINANCE", false));

    /** Every supervision of l2. */
    public static final List<Supervision> SUPERVISIONS = List.of(
            new Supervision("DV01", "Điện lực tỉnh", "01-KH/UBKT", LocalDate.of(2014, 2, 5), ORG, "Chi bộ Phân xưởng Điện 1", "REGULAR"),
            new Supervision("DV01", "Điện lực tỉnh", "02-KH/UBKT", LocalDate.of(2014, 2, 12), MEMBER, "Nguyễn Văn Tâm", "THEMATIC"),
            new Supervision("DV01", "Điện lực tỉnh", "03-KH/UBKT", LocalDate.of(2014, 8, 19), MEMBER, "Lê Thị Hoa", "REGULAR"),
            new Supervision("DV02", "ĐẢNG BỘ BƯU ĐIỆN TỈNH", "04-KH/UBKT", LocalDate.of(2013, 10, 7), ORG, "Chi bộ Bưu cục Trung tâm", "THEMATIC"),
            new Supervision("DV02", "ĐẢNG BỘ BƯU ĐIỆN TỈNH", "05-KH/UBKT", LocalDate.of(2014, 10, 14), MEMBER, "Trần Văn Quý", "REGULAR"));

    /** Every discipline of l4: the same number for the same member and form in 2013 and in 2014. */
    public static final List<Discipline> DISCIPLINES = List.of(
            new Discipline("DV02", "02-QĐ/UBKT", LocalDate.of(2013, 5, 20), MEMBER, "Phạm Văn Long", "REPRIMAND"),
            new Discipline("DV02", "02-QĐ/UBKT", LocalDate.of(2014, 4, 15), MEMBER, "Phạm Văn Long", "REPRIMAND"),
            new Discipline("DV01", "03-QĐ/UBKT", LocalDate.of(2014, 6, 2), MEMBER, "Đỗ Văn Hải", "WARNING"));

    static final String[] UNIT_HEADER = {"STT", "Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên", "Cấp", "Tên gọi khác", "Hiệu lực từ",
        "Hiệu lực đến", "Mã đơn vị kế thừa"};

    private OfficeLayoutFixtures() {
    }

    public static void main(String[] args) throws IOException {
        Path fixtures = Path.of(args.length > 0 ? args[0] : "jobs/app/src/test/resources/fixtures");
        Path dir = fixtures.resolve("office-layouts");
        Path later = fixtures.resolve("office-layouts-later");
        Files.createDirectories(dir);
        Files.createDirectories(later);
        units(dir.resolve("don-vi.xlsx"));
        mergedUnitCells(dir.resolve(L1));
        mergedUnitCellsXls(dir.resolve("l2-giam-sat-don-vi-gop-o.xls"));
        headingRows(dir.resolve(L3));
        restartedNumbers(dir.resolve(L4));
        converterTcvn3(dir.resolve(L5));
        unitsSentAgain(later.resolve("don-vi-gui-lai.xlsx"));
    }

    static void units(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "fixtures", "1.0");
            Worksheet ws = wb.newWorksheet("Danh mục đơn vị");
            ws.value(0, 0, "ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH");
            row(ws, 2, (Object[]) UNIT_HEADER);
            row(ws, 3, 1, "KHOI", "Đảng bộ Khối Doanh nghiệp tỉnh", "", "Đảng bộ Khối", "");
            row(ws, 4, 2, "DV01", "Đảng bộ Công ty Điện lực", "KHOI", "Đảng bộ cấp trên cơ sở", "Điện lực tỉnh; PC tỉnh");
            row(ws, 5, 3, "DV02", "Đảng bộ Bưu điện tỉnh", "KHOI", "Đảng bộ cấp trên cơ sở", "Bưu điện");
            row(ws, 6, 4, "DV03", "Đảng bộ Công ty Cấp nước", "KHOI", "Đảng bộ cấp trên cơ sở", "Cấp nước");
            row(ws, 7, 5, "CB0101", "Chi bộ Phân xưởng Điện 1", "DV01", "Chi bộ", "");
            row(ws, 8, 6, "CB0301", "Chi bộ Ấp Bắc", "DV03", "Chi bộ", "");
            wb.finish();
        }
    }

    /** The same reference sent again a year later: DV02 renamed, CB0301 moved to DV02, DV03 merged into DV01. */
    static void unitsSentAgain(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "fixtures", "1.0");
            Worksheet ws = wb.newWorksheet("Danh mục đơn vị 2015");
            ws.value(0, 0, "DANH MỤC ĐƠN VỊ (CẬP NHẬT NĂM 2015)");
            row(ws, 2, (Object[]) UNIT_HEADER);
            row(ws, 3, 1, "KHOI", "Đảng bộ Khối Doanh nghiệp tỉnh", "", "Đảng bộ Khối", "");
            row(ws, 4, 2, "DV01", "Đảng bộ Công ty Điện lực", "KHOI", "Đảng bộ cấp trên cơ sở", "Điện lực tỉnh; PC tỉnh");
            row(ws, 5, 3, "DV02", "Đảng bộ Tổng công ty Bưu điện", "KHOI", "Đảng bộ cấp trên cơ sở", "Bưu điện; Đảng bộ Bưu điện tỉnh",
                    LocalDate.of(2015, 1, 1));
            row(ws, 6, 4, "DV03", "Đảng bộ Công ty Cấp nước", "KHOI", "Đảng bộ cấp trên cơ sở", "Cấp nước", "", LocalDate.of(2014, 12, 31), "DV01");
            row(ws, 7, 5, "CB0101", "Chi bộ Phân xưởng Điện 1", "DV01", "Chi bộ", "");
            row(ws, 8, 6, "CB0301", "Chi bộ Ấp Bắc", "DV02", "Chi bộ", "", LocalDate.of(2015, 1, 1));
            wb.finish();
        }
    }

    static final String[] INSPECTION_HEADER = {"STT", "Đơn vị", "Số quyết định", "Ngày quyết định", "Chủ thể kiểm tra", "Đối tượng",
        "Tên đối tượng", "Loại kiểm tra", "Có vi phạm"};

    static void mergedUnitCells(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "fixtures", "1.0");
            Worksheet ws = wb.newWorksheet("Kiểm tra 2014");
            ws.value(0, 0, "SỔ THEO DÕI KIỂM TRA NĂM 2014");
            ws.range(0, 0, 0, 8).merge();
            row(ws, 2, (Object[]) INSPECTION_HEADER);
            int r = 3;
            int stt = 1;
            for (List<Inspection> group : groups(INSPECTIONS.stream().filter(i -> i.file().equals(L1)).toList())) {
                int first = r;
                for (Inspection i : group) {
                    ws.value(r, 0, stt++);
                    if (r == first) {
                        ws.value(r, 1, i.unitAsWritten());
                    }
                    ws.value(r, 2, i.decisionNo());
                    ws.value(r, 3, i.start());
                    ws.style(r, 3).format("dd/mm/yyyy").set();
                    ws.value(r, 4, bodyLabel(i.body()));
                    ws.value(r, 5, subjectTypeLabel(i.subjectType()));
                    ws.value(r, 6, i.subject());
                    ws.value(r, 7, typeLabel(i.type()));
                    ws.value(r, 8, i.violation() ? "x" : "");
                    r++;
                }
                ws.range(first, 1, r - 1, 1).merge();
            }
            ws.value(r, 1, "Tổng cộng");
            ws.value(r, 6, stt - 1);
            ws.value(r + 2, 6, "Người lập biểu");
            wb.finish();
        }
    }

    static final String[] SUPERVISION_HEADER = {"STT", "Đơn vị", "Số kế hoạch", "Ngày giám sát", "Đối tượng", "Tên đối tượng",
        "Hình thức giám sát"};

    static void mergedUnitCellsXls(Path file) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Giám sát");
            MessyFixtures.put(sheet, 0, 0, "SỔ THEO DÕI GIÁM SÁT");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 6));
            MessyFixtures.row(sheet, 2, (Object[]) SUPERVISION_HEADER);
            int r = 3;
            int stt = 1;
            for (List<Supervision> group : groupsBy(SUPERVISIONS, Supervision::unitAsWritten)) {
                int first = r;
                for (Supervision s : group) {
                    MessyFixtures.row(sheet, r, stt++, r == first ? s.unitAsWritten() : "", s.planNo(),
                            s.start().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                            subjectTypeLabel(s.subjectType()), s.subject(), s.mode().equals("THEMATIC") ? "Chuyên đề" : "Thường xuyên");
                    r++;
                }
                sheet.addMergedRegion(new CellRangeAddress(first, r - 1, 1, 1));
            }
            MessyFixtures.row(sheet, r, "", "Cộng", "", "", "", stt - 1);
            wb.write(out);
        }
    }

    static void headingRows(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "fixtures", "1.0");
            Worksheet ws = wb.newWorksheet("Kiểm tra 6 tháng");
            ws.value(0, 0, "SỔ THEO DÕI KIỂM TRA 6 THÁNG ĐẦU NĂM 2014");
            ws.range(0, 0, 0, 6).merge();
            row(ws, 2, "STT", "Số quyết định", "Ngày quyết định", "Chủ thể kiểm tra", "Tên đối tượng", "Loại kiểm tra", "Có vi phạm");
            row(ws, 3, "1", "2", "3", "4", "5", "6", "7");
            List<Inspection> l3 = INSPECTIONS.stream().filter(i -> i.file().equals(L3)).toList();
            int[] r = {4};
            // I. a unit heading in one cell merged across the register, then subject-type headings numbered 1, 2
            heading(ws, r, "I. Đảng bộ Công ty Điện lực");
            heading(ws, r, "1. Tổ chức đảng");
            records(ws, r, l3.subList(0, 2));
            heading(ws, r, "2. Đảng viên");
            records(ws, r, l3.subList(2, 4));
            row(ws, r[0]++, "", "Cộng", "", "", "4");
            // II: the numbering in its own cell, the unit in capitals; subject types lettered, with lead words
            row(ws, r[0]++, "II", "ĐẢNG BỘ BƯU ĐIỆN TỈNH");
            heading(ws, r, "a) Tổ chức đảng");
            records(ws, r, l3.subList(4, 5));
            heading(ws, r, "b) Kiểm tra đảng viên");
            records(ws, r, l3.subList(5, 7));
            // III: the unit by its alias
            heading(ws, r, "III. Cấp nước");
            heading(ws, r, "1. Đảng viên");
            records(ws, r, l3.subList(7, 8));
            row(ws, r[0]++, "", "Tổng cộng", "", "", "8");
            r[0]++;
            ws.value(r[0]++, 4, "TM. ỦY BAN KIỂM TRA");
            ws.value(r[0], 4, "CHỦ NHIỆM");
            wb.finish();
        }
    }

    private static void heading(Worksheet ws, int[] r, String text) {
        ws.value(r[0], 0, text);
        ws.range(r[0], 0, r[0], 6).merge();
        r[0]++;
    }

    private static void records(Worksheet ws, int[] r, List<Inspection> records) {
        int stt = 1;
        for (Inspection i : records) {
            row(ws, r[0], stt++, i.decisionNo(), i.start().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                    bodyLabel(i.body()), i.subject(), typeLabel(i.type()), i.violation() ? "Có" : "Không");
            r[0]++;
        }
    }

    static void restartedNumbers(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "fixtures", "1.0");
            Worksheet ins = wb.newWorksheet("Kiểm tra 2013-2014");
            row(ins, 0, (Object[]) INSPECTION_HEADER);
            int r = 1;
            for (Inspection i : INSPECTIONS.stream().filter(i -> i.file().equals(L4)).toList()) {
                row(ins, r, r, i.unitAsWritten(), i.decisionNo(), i.start(), bodyLabel(i.body()), subjectTypeLabel(i.subjectType()), i.subject(),
                        typeLabel(i.type()), i.violation() ? "x" : "");
                ins.style(r, 3).format("dd/mm/yyyy").set();
                r++;
            }
            Worksheet disc = wb.newWorksheet("Kỷ luật 2013-2014");
            row(disc, 0, "STT", "Đơn vị", "Số quyết định", "Ngày quyết định", "Đối tượng", "Tên đối tượng", "Hình thức kỷ luật");
            r = 1;
            for (Discipline d : DISCIPLINES) {
                row(disc, r, r, d.unitCode(), d.decisionNo(), d.date(), subjectTypeLabel(d.subjectType()), d.subject(), formLabel(d.form()));
                disc.style(r, 3).format("dd/mm/yyyy").set();
                r++;
            }
            wb.finish();
        }
    }

    /** TCVN3 as a converter writes it: a capital toned vowel at the start of a word is the capital base letter and the small toned one. */
    static UnaryOperator<String> converterTcvn3() {
        UnaryOperator<String> tcvn3 = MessyFixtures.LegacyText.tcvn3();
        return text -> {
            StringBuilder out = new StringBuilder();
            for (String word : text.split("(?<= )")) {
                char first = word.charAt(0);
                String base = java.text.Normalizer.normalize(String.valueOf(first), java.text.Normalizer.Form.NFD);
                boolean tonedCapital = Character.isUpperCase(first) && base.length() > 1 && base.chars().skip(1).anyMatch(c -> "\u0300\u0301\u0303\u0309\u0323".indexOf(c) >= 0);
                if (tonedCapital) {
                    String capital = java.text.Normalizer.normalize(base.replaceAll("[\u0300\u0301\u0303\u0309\u0323]", ""), java.text.Normalizer.Form.NFC);
                    out.append(tcvn3.apply(capital)).append(tcvn3.apply(Character.toLowerCase(first) + word.substring(1)));
                } else {
                    out.append(tcvn3.apply(word));
                }
            }
            return out.toString();
        };
    }

    static void converterTcvn3(Path file) throws IOException {
        UnaryOperator<String> tcvn3 = converterTcvn3();
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "fixtures", "1.0");
            Worksheet ws = wb.newWorksheet("Kiem tra");
            ws.value(0, 0, tcvn3.apply("Ủy ban Kiểm tra Đảng ủy Khối"));
            String[] header = new String[INSPECTION_HEADER.length];
            for (int c = 0; c < header.length; c++) {
                header[c] = tcvn3.apply(INSPECTION_HEADER[c]);
            }
            row(ws, 2, (Object[]) header);
            int r = 3;
            for (Inspection i : INSPECTIONS.stream().filter(i -> i.file().equals(L5)).toList()) {
                row(ws, r, r - 2, tcvn3.apply(i.unitAsWritten()), tcvn3.apply(i.decisionNo()),
                        i.start().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                        tcvn3.apply(bodyLabel(i.body())), tcvn3.apply(subjectTypeLabel(i.subjectType())), tcvn3.apply(i.subject()),
                        tcvn3.apply(typeLabel(i.type())), i.violation() ? tcvn3.apply("Có") : tcvn3.apply("Không"));
                r++;
            }
            wb.finish();
        }
    }

    // ---------------------------------------------------------------- labels as offices write them

    static String bodyLabel(String code) {
        return switch (code) {
            case "COMMISSION" -> "Ủy ban Kiểm tra";
            case "COMMITTEE" -> "Cấp ủy";
            default -> "Ban Thường vụ";
        };
    }

    static String subjectTypeLabel(String code) {
        return code.equals(ORG) ? "Tổ chức đảng" : "Đảng viên";
    }

    static String typeLabel(String code) {
        return switch (code) {
            case "SIGNS_OF_VIOLATION" -> "Khi có dấu hiệu vi phạm";
            case "FINANCE" -> "Tài chính đảng";
            case "TASK_EXECUTION" -> "Thực hiện nhiệm vụ kiểm tra, giám sát";
            default -> "Chấp hành";
        };
    }

    static String formLabel(String code) {
        return code.equals("REPRIMAND") ? "Khiển trách" : "Cảnh cáo";
    }

    // ---------------------------------------------------------------- writing

    private static List<List<Inspection>> groups(List<Inspection> list) {
        return groupsBy(list, Inspection::unitAsWritten);
    }

    private static <T> List<List<T>> groupsBy(List<T> list, java.util.function.Function<T, String> key) {
        List<List<T>> groups = new ArrayList<>();
        String last = null;
        for (T item : list) {
            if (!key.apply(item).equals(last)) {
                groups.add(new ArrayList<>());
                last = key.apply(item);
            }
            groups.get(groups.size() - 1).add(item);
        }
        return groups;
    }

    static void row(Worksheet ws, int r, Object... values) {
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v == null || "".equals(v)) {
                continue;
            }
            if (v instanceof Number n) {
                ws.value(r, c, n);
            } else if (v instanceof LocalDate d) {
                ws.value(r, c, d);
                ws.style(r, c).format("dd/mm/yyyy").set();
            } else {
                ws.value(r, c, v.toString());
            }
        }
    }
}
