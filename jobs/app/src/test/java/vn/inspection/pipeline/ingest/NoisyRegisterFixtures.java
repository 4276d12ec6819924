package vn.inspection.pipeline.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * How the committed fixtures in {@code src/test/resources/fixtures/noisy/} were made: two classes of register
 * that once lost whole blocks of records, made the way offices make them (our own names and data).
 * <ul>
 *   <li>{@code n1}: a year of inspections with a subtotal after every month in the wordings offices use
 *       ("Cộng tháng 7: 3 cuộc", "Cộng T11: 4 cuộc", "Cộng quý III", and a plain "Cộng" after September), the
 *       header and its column numbers repeated every 22 rows as after a printed page break, blank spacer rows,
 *       a "TỔNG CỘNG" row, a signature block and notes under it;</li>
 *   <li>{@code n2}: the same records where every subtotal is a plain "Cộng";</li>
 *   <li>{@code n3}: a year of letters exported from an old system: Windows-1258, {@code ;}-separated, CRLF,
 *       and a quoted "Nội dung đơn" whose text holds {@code ;}, {@code ,}, quotes and line breaks (every fourth
 *       row).</li>
 * </ul>
 * {@code don-vi.xlsx} is the office layouts' units reference. The records are the lists below; the noise each
 * register holds is counted in {@link #N1_NOISE} and {@link #N3_NOISE}. The files are committed; run main only
 * to remake them.
 */
public final class NoisyRegisterFixtures {
    static final String N1 = "n1-kiem-tra-2014-cong-thang.xlsx";
    static final String N2 = "n2-kiem-tra-2014-chi-cong.xlsx";
    static final String N3 = "n3-don-thu-2013-cp1258-nhieu-dong.csv";

    /** One inspection as written: the unit as the register names it, and the code the lake must hold. */
    record Inspection(String unitCode, String unitAsWritten, String decisionNo, LocalDate start, String subjectType, String subject, String type) {
    }

    /** One letter as written. */
    record Letter(String letterNo, LocalDate received, String unitCode, String unitAsWritten, String kind, String content, String status,
                  LocalDate resolved) {
    }

    private static final String[][] UNITS = {{"DV01", "Đảng bộ Công ty Điện lực"}, {"DV02", "Bưu điện"}, {"DV03", "Cấp nước"},
        {"CB0101", "CB0101"}, {"CB0301", "Chi bộ Ấp Bắc"}};
    private static final String[] MEMBERS = {"Đinh Công Tráng", "Lò Thị Xuân", "Hà Văn Khiêm", "Quách Thị Yến", "Mạc Đăng Khoa",
        "Tạ Quang Bửu", "Kiều Thị Ngân", "Triệu Văn Sáng", "Âu Thị Hằng", "Thân Văn Lợi"};
    private static final String[] ORGS = {"Chi bộ Tổ Vận hành", "Chi bộ Phòng Kế toán", "Chi bộ Đội Xe", "Chi bộ Kho Vật tư"};
    private static final String[] TYPES = {"SIGNS_OF_VIOLATION", "COMPLIANCE", "FINANCE", "TASK_EXECUTION"};

    /** Records per month of n1 and n2 (94 in all; 42 of them in October to December). */
    static final int[] PER_MONTH = {6, 6, 7, 5, 6, 5, 3, 9, 5, 14, 16, 12};
    /** Every inspection of n1 (and n2), in the order of the rows. */
    static final List<Inspection> INSPECTIONS = inspections();
    /** Every letter of n3, in the order of the rows. */
    static final List<Letter> LETTERS = letters();

    static final String[] INSPECTION_HEADER = {"STT", "Đơn vị", "Số quyết định", "Ngày quyết định", "Đối tượng", "Tên đối tượng",
        "Loại kiểm tra", "Ghi chú"};
    /** The rows in {@code n1} between records every so many rows: a printed page holds 22. */
    static final int PAGE = 22;

    private NoisyRegisterFixtures() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "jobs/app/src/test/resources/fixtures").resolve("noisy");
        Files.createDirectories(dir);
        OfficeLayoutFixtures.units(dir.resolve("don-vi.xlsx"));
        monthlySubtotals(dir.resolve(N1), false);
        monthlySubtotals(dir.resolve(N2), true);
        Files.write(dir.resolve(N3), MessyFixtures.cp1258(lettersCsv()));
    }

    private static List<Inspection> inspections() {
        Random random = new Random(20141231L);
        List<Inspection> list = new ArrayList<>();
        int n = 1;
        for (int month = 1; month <= 12; month++) {
            for (int i = 0; i < PER_MONTH[month - 1]; i++) {
                String[] unit = UNITS[random.nextInt(UNITS.length)];
                boolean member = random.nextBoolean();
                String subject = member ? MEMBERS[random.nextInt(MEMBERS.length)] : ORGS[random.nextInt(ORGS.length)];
                LocalDate start = LocalDate.of(2014, month, 1 + (i * 27) / Math.max(1, PER_MONTH[month - 1]));
                list.add(new Inspection(unit[0], unit[1], String.format("%03d-QĐ/UBKT", n++), start, member ? "MEMBER" : "ORG", subject,
                        TYPES[random.nextInt(TYPES.length)]));
            }
        }
        return List.copyOf(list);
    }

    /** n1: the subtotal after each month in its wording; n2 ({@code plain}): a plain "Cộng" after every month. */
    static String subtotal(int month, int count, boolean plain) {
        if (plain) {
            return "Cộng";
        }
        return switch (month) {
            case 9 -> "Cộng";
            case 11 -> "Cộng T11: " + count + " cuộc";
            case 12 -> "Cộng quý IV";
            case 8 -> "CỘNG THÁNG 8";
            default -> "Cộng tháng " + month + ": " + count + " cuộc";
        };
    }

    /** The noise rows of n1 and n2 by kind, as the summary must count them. */
    static final java.util.Map<String, Long> N1_NOISE = n1Noise();

    private static java.util.Map<String, Long> n1Noise() {
        int pages = pageBreaks();
        java.util.Map<String, Long> noise = new java.util.LinkedHashMap<>();
        // blank: the row under the title block, a spacer before each month but the first, one before each repeated
        // header, two before the place and date, three between the titles and the signers' names
        noise.put("blank", 1L + 11 + pages + 2 + 3);
        noise.put("title", 3L);
        noise.put("header", 1L);
        noise.put("repeated_header", (long) pages);
        noise.put("column_numbers", 1L + pages);
        noise.put("subtotal", 12L);
        noise.put("total", 1L);
        noise.put("signature", 4L);
        noise.put("notes", 2L);
        return noise;
    }

    /** How many times the header is repeated in n1: before every record that starts a new printed page. */
    static int pageBreaks() {
        return layoutN1(null, false);
    }

    static void monthlySubtotals(Path file, boolean plain) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "fixtures", "1.0");
            Worksheet ws = wb.newWorksheet("Năm 2014");
            layoutN1(ws, plain);
            wb.finish();
        }
    }

    /** Lays n1 (or n2) out in {@code ws}, or only counts its page breaks when {@code ws} is null. */
    private static int layoutN1(Worksheet ws, boolean plain) {
        int r = 0;
        put(ws, r++, "ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH");
        put(ws, r++, "ỦY BAN KIỂM TRA");
        put(ws, r++, "SỔ THEO DÕI CÔNG TÁC KIỂM TRA NĂM 2014");
        r++; // blank
        put(ws, r++, (Object[]) INSPECTION_HEADER);
        put(ws, r++, "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)");
        int pages = 0;
        int onPage = 0;
        int index = 0;
        for (int month = 1; month <= 12; month++) {
            if (month > 1) {
                r++; // a spacer row between months
            }
            for (int i = 0; i < PER_MONTH[month - 1]; i++) {
                if (onPage == PAGE) {
                    r++; // the page's end
                    put(ws, r++, (Object[]) INSPECTION_HEADER);
                    put(ws, r++, "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)");
                    pages++;
                    onPage = 0;
                }
                Inspection x = INSPECTIONS.get(index++);
                put(ws, r++, index, x.unitAsWritten(), x.decisionNo(), x.start(), x.subjectType().equals("MEMBER") ? "Đảng viên" : "Tổ chức đảng",
                        x.subject(), typeLabel(x.type()), "");
                onPage++;
            }
            put(ws, r++, "", subtotal(month, PER_MONTH[month - 1], plain), "", "", "", PER_MONTH[month - 1]);
            onPage++;
        }
        put(ws, r++, "", "TỔNG CỘNG", "", "", "", INSPECTIONS.size());
        r += 2;
        put(ws, r++, "", "", "", "", "", "Hà Nội, ngày 31 tháng 12 năm 2014");
        put(ws, r++, "", "NGƯỜI LẬP BIỂU", "", "", "", "TM. ỦY BAN KIỂM TRA");
        put(ws, r++, "", "", "", "", "", "CHỦ NHIỆM");
        r += 3;
        put(ws, r++, "", "Lưu Thị Nguyệt", "", "", "", "Hoàng Minh Chính");
        put(ws, r++, "Ghi chú: số liệu tính đến hết ngày 31/12/2014.");
        put(ws, r, "- Các cuộc kiểm tra của chi bộ, xem sổ riêng.");
        return pages;
    }

    static String typeLabel(String code) {
        return switch (code) {
            case "SIGNS_OF_VIOLATION" -> "Khi có dấu hiệu vi phạm";
            case "COMPLIANCE" -> "Chấp hành";
            case "FINANCE" -> "Tài chính đảng";
            default -> "Thực hiện nhiệm vụ kiểm tra, giám sát";
        };
    }

    /** A row of values (numbers, dates as dd/mm/yyyy, text) into the sheet; nothing when only counting ({@code ws} null). */
    private static void put(Worksheet ws, int r, Object... values) {
        if (ws != null) {
            OfficeLayoutFixtures.row(ws, r, values);
        }
    }

    private static List<Letter> letters() {
        Random random = new Random(2013L);
        String[] kinds = {"Tố cáo", "Khiếu nại kỷ luật", "Phản ánh, kiến nghị"};
        List<Letter> list = new ArrayList<>();
        for (int i = 1; i <= 48; i++) {
            String[] unit = UNITS[random.nextInt(UNITS.length)];
            LocalDate received = LocalDate.of(2013, 1 + (i - 1) / 4, 2 + (i % 4) * 6);
            String content = i % 4 == 0
                    ? "Phản ánh đồng chí " + MEMBERS[i % MEMBERS.length] + " vi phạm; cụ thể:\r\n- sử dụng xe công, \"đi việc riêng\";\n- nhận quà, tiền mặt của cấp dưới."
                    : "Nội dung thuộc lĩnh vực " + (i % 2 == 0 ? "tài chính" : "đất đai");
            boolean resolved = i % 3 != 0;
            list.add(new Letter(String.format("%03d/ĐT", i), received, unit[0], unit[1], kinds[random.nextInt(kinds.length)], content,
                    resolved ? "Đã giải quyết" : "Đang giải quyết", resolved ? received.plusDays(20 + i % 7) : null));
        }
        return List.copyOf(list);
    }

    /** The noise rows of n3 by kind. */
    static final java.util.Map<String, Long> N3_NOISE = java.util.Map.of("title", 2L, "blank", 1L, "header", 1L, "total", 1L);

    static String lettersCsv() {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        StringBuilder csv = new StringBuilder();
        csv.append("ỦY BAN KIỂM TRA ĐẢNG ỦY KHỐI;;;;;;;;;;\r\n");
        csv.append("SỔ THEO DÕI ĐƠN THƯ NĂM 2013 (xuất từ phần mềm quản lý đơn thư);;;;;;;;;;\r\n");
        csv.append(";;;;;;;;;;\r\n");
        csv.append("STT;Số vào sổ;Ngày nhận;Đơn vị;Loại đơn;Nặc danh;Tên đối tượng;Nội dung đơn;Tình trạng;Ngày giải quyết;Kết quả giải quyết\r\n");
        int n = 1;
        for (Letter l : LETTERS) {
            String content = l.content().contains(";") || l.content().contains("\"") || l.content().contains("\n")
                    ? "\"" + l.content().replace("\"", "\"\"") + "\"" : l.content();
            csv.append(n++).append(';').append(l.letterNo()).append(';').append(l.received().format(day)).append(';').append(l.unitAsWritten())
                    .append(';').append(l.kind()).append(';').append(n % 5 == 0 ? "x" : "").append(';').append(n % 2 == 0 ? "" : MEMBERS[n % MEMBERS.length])
                    .append(';').append(content).append(';').append(l.status()).append(';')
                    .append(l.resolved() == null ? "" : l.resolved().format(day)).append(';')
                    .append(l.resolved() == null ? "" : (n % 2 == 0 ? "Đúng một phần" : "Sai")).append("\r\n");
        }
        csv.append("Tổng số: ").append(LETTERS.size()).append(" đơn;;;;;;;;;;\r\n");
        return csv.toString();
    }
}
