package vn.inspection.pipeline.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * How the committed ingest fixtures in {@code src/test/resources/fixtures/ingest/} were made (fastexcel
 * for .xlsx, exact bytes for .csv). The files are committed; run this class's main only to remake them
 * after changing it, and review the diff of the tests that read them.
 *
 * <pre>mvn -q install -DskipTests
 * java -cp jobs/app/target/test-classes:jobs/app/target/classes:$(cd jobs/app &amp;&amp; mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     vn.inspection.pipeline.ingest.FixtureWorkbooks jobs/app/src/test/resources/fixtures/ingest</pre>
 */
public final class FixtureWorkbooks {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "jobs/app/src/test/resources/fixtures/ingest");
        Files.createDirectories(dir);
        units(dir.resolve("don-vi.xlsx"));
        inspections(dir.resolve("kiem-tra-2014.xlsx"));
        rejects(dir.resolve("loi.xlsx"));
        letters(dir.resolve("don-thu-2013.csv"));
        Files.copy(dir.resolve("don-thu-2013.csv"), dir.resolve("don-thu-2013-gui-lai.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        supplement(dir.resolve("kiem-tra-2014-bo-sung.csv"));
        byte[] whole = Files.readAllBytes(dir.resolve("kiem-tra-2014.xlsx"));
        Path broken = dir.resolve("../broken");
        Files.createDirectories(broken);
        Files.write(broken.resolve("hong.xlsx"), Arrays.copyOf(whole, whole.length / 3));
    }

    static void units(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "fixtures", "1.0");
            Worksheet ws = wb.newWorksheet("Danh mục đơn vị");
            ws.value(0, 0, "ĐẢNG BỘ KHỐI CƠ QUAN MẪU");
            ws.value(1, 0, "DANH MỤC ĐƠN VỊ TRỰC THUỘC");
            row(ws, 3, "STT", "Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên", "Cấp", "Tên gọi khác", "Hiệu lực từ", "Hiệu lực đến", "Mã đơn vị kế thừa");
            row(ws, 4, 1, "DBK", "Đảng bộ Khối Cơ quan Mẫu", "", "Đảng bộ Khối", "Đảng ủy Khối");
            row(ws, 5, 2, "DU01", "Đảng ủy Bộ Công Thương Mẫu", "DBK", "Đảng bộ cấp trên cơ sở", "Bộ Công Thương Mẫu; BCTM");
            row(ws, 6, 3, "DU02", "Đảng ủy Bộ Tài chính Mẫu", "DBK", "Đảng bộ cấp trên cơ sở", "BTCM");
            row(ws, 7, 4, "DU03", "Đảng ủy Tổng cục Thống kê Mẫu", "DBK", "Đảng bộ cấp trên cơ sở", "", LocalDate.of(2010, 1, 1), "31/12/2013", "DU02");
            row(ws, 8, 5, "CB0101", "Chi bộ Vụ Tổng hợp", "DU01", "Chi bộ", "");
            row(ws, 9, 6, "CB0201", "Chi bộ Văn phòng", "DU02", "Chi bộ", "");
            ws.value(11, 5, "Người lập biểu");
            wb.finish();
        }
    }

    static void inspections(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "fixtures", "1.0");
            Worksheet ws = wb.newWorksheet("Quý I-2014");
            ws.value(0, 0, "ỦY BAN KIỂM TRA ĐẢNG ỦY KHỐI");
            ws.value(1, 0, "SỔ THEO DÕI CÔNG TÁC KIỂM TRA QUÝ I/2014");
            row(ws, 3, "STT", "Tên đơn vị", "Số QĐ", "Ngày QĐ", "Ngày kết luận", "Cơ quan kiểm tra", "Loại đối tượng", "Họ và tên",
                    "Nội dung kiểm tra", "Kết luận có vi phạm", "Phải kỷ luật");
            row(ws, 4, "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)");
            row(ws, 5, 1, "DU01", "01-QĐ/UBKT", LocalDate.of(2014, 1, 15), LocalDate.of(2014, 2, 20), "UBKT", "Đảng viên", "Nguyễn Văn An", "KTDHVP", "x", "x");
            row(ws, 6, 2, "Bộ Công Thương Mẫu", "02-QĐ/UBKT", "03/02/2014", "", "Cấp ủy", "Tổ chức đảng", "Chi bộ Vụ Tổng hợp", "Chấp hành", "Không", "");
            row(ws, 7, 3, "đảng ủy bộ tài chính mẫu", "03-QĐ/UBKT", "2014-03-10", "", "Ban Thường vụ", "Cấp ủy viên", "Trần Thị Bình",
                    "khi co dau hieu vi pham", "Có", "Không");
            // an Excel serial number in a plain number cell: 41716 is 18/03/2014
            row(ws, 8, 4, "BTCM", "", 41716, "", "BTV", "ĐV", "Lê Văn Cường", "Tài chính đảng", "0", "0");
            // the first row again, written differently: a duplicate
            row(ws, 9, 5, "du01", "01-QĐ/UBKT", LocalDate.of(2014, 1, 15), LocalDate.of(2014, 2, 20), "UBKT", "đảng viên", "NGUYỄN  VĂN AN", "KTDHVP", "x", "x");
            row(ws, 10, 6, "DU02", "04-QĐ/UBKT", "20.03.2014", "", "UBKT", "Đảng viên", "Phạm Thị Dung", "Thực hiện nhiệm vụ kiểm tra, giám sát", "✓", "");
            row(ws, 11, "Tổng cộng", "", "", "", "", "", "", "", "", "", "");
            ws.value(11, 7, 6);
            ws.value(13, 7, "TM. ỦY BAN KIỂM TRA");
            ws.value(14, 7, "CHỦ NHIỆM");
            ws.value(16, 7, "Hoàng Văn Em");

            Worksheet notes = wb.newWorksheet("Ghi chú");
            notes.value(0, 0, "Số liệu tổng hợp theo Hướng dẫn của Ủy ban Kiểm tra Trung ương.");
            notes.value(1, 0, "Đơn vị tính: lượt");

            Worksheet sup = wb.newWorksheet("Giám sát");
            sup.value(0, 0, "SỔ THEO DÕI CÔNG TÁC GIÁM SÁT NĂM 2014");
            row(sup, 2, "STT", "Đơn vị", "Quyết định", "", "Chủ thể giám sát", "Đối tượng giám sát", "", "Hình thức giám sát", "Có dấu hiệu vi phạm");
            sup.range(2, 2, 2, 3).merge();
            sup.range(2, 5, 2, 6).merge();
            row(sup, 3, "", "", "Số", "Ngày", "", "Loại đối tượng", "Tên đối tượng", "", "");
            row(sup, 4, 1, "DU01", "05-KH/UBKT", LocalDate.of(2014, 4, 2), "UBKT", "Tổ chức đảng", "Chi bộ Vụ Tổng hợp", "Chuyên đề", "Không");
            row(sup, 5, 2, "DU02", "06-KH/UBKT", LocalDate.of(2014, 5, 12), "Cấp ủy", "Đảng viên", "Võ Thị Giang", "Thường xuyên", "x");
            wb.finish();
        }
    }

    static void rejects(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "fixtures", "1.0");
            Worksheet ins = wb.newWorksheet("Kiểm tra");
            row(ins, 0, "STT", "Đơn vị", "Số quyết định", "Ngày quyết định", "Ngày kết thúc", "Đối tượng", "Tên đối tượng", "Loại kiểm tra");
            row(ins, 1, 1, "DU01", "R1", "10/01/2014", "", "Đảng viên", "", "Chấp hành");
            row(ins, 2, 2, "DU01", "R2", "10/01/2014", "", "Đảng viên", "Ngô Văn Hải", "Kiểm tra đột xuất");
            row(ins, 3, 3, "DU99", "R3", "10/01/2014", "", "Đảng viên", "Ngô Văn Hải", "Chấp hành");
            row(ins, 4, 4, "DU01", "R4", "mười tháng một", "", "Đảng viên", "Ngô Văn Hải", "Chấp hành");
            row(ins, 5, 5, "DU01", "R5", "31/02/2014", "", "Đảng viên", "Ngô Văn Hải", "Chấp hành");
            row(ins, 6, 6, "DU01", "R6", "01/01/2099", "", "Đảng viên", "Ngô Văn Hải", "Chấp hành");
            row(ins, 7, 7, "DU01", "R7", "01/01/1920", "", "Đảng viên", "Ngô Văn Hải", "Chấp hành");
            row(ins, 8, 8, "DU01", "R8", "10/03/2014", "01/03/2014", "Đảng viên", "Ngô Văn Hải", "Chấp hành");
            row(ins, 9, 9, "DU02", "R9", "11/03/2014", "", "Tổ chức đảng", "Chi bộ Văn phòng", "Chấp hành");

            Worksheet dis = wb.newWorksheet("Kỷ luật");
            row(dis, 0, "STT", "Đơn vị", "Số quyết định", "Ngày quyết định", "Đối tượng", "Tên đối tượng", "Hình thức kỷ luật");
            row(dis, 1, 1, "DU01", "K1", "12/05/2014", "Đảng viên", "Dương Văn Khánh", "Giải tán");
            row(dis, 2, 2, "DU01", "K2", "12/05/2014", "Tổ chức đảng", "Chi bộ Vụ Tổng hợp", "Khai trừ");
            row(dis, 3, 3, "DU01", "K3", "12/05/2014", "Tổ chức đảng", "Chi bộ Vụ Tổng hợp", "Cách chức");
            row(dis, 4, 4, "DU02", "K4", "13/05/2014", "Đảng viên", "Lý Thị Mai", "Cảnh cáo");

            Worksheet let = wb.newWorksheet("Đơn thư");
            row(let, 0, "STT", "Đơn vị", "Số vào sổ", "Ngày nhận", "Loại đơn", "Nặc danh", "Tình trạng", "Ngày giải quyết");
            row(let, 1, 1, "DU01", "D1", "15/05/2014", "Tố cáo", "", "Đã giải quyết", "10/05/2014");
            row(let, 2, 2, "DU02", "D2", "16/05/2014", "Tố cáo", "x", "Đang giải quyết", "");
            wb.finish();
        }
    }

    static void letters(Path file) throws IOException {
        String text = "\uFEFF"
                + "SỔ THEO DÕI ĐƠN THƯ NĂM 2013;;;;;;;;;;\r\n"
                + "STT;Đơn vị;Số đơn;Ngày nhận đơn;Loại đơn;Đơn nặc danh;Đối tượng;Họ tên;Tình trạng giải quyết;Ngày giải quyết;Kết luận\r\n"
                + "1;DU01;1;05/02/2013;Tố cáo;x;Đảng viên;Đặng Văn Hùng;Đã giải quyết;20/03/2013;Đúng một phần\r\n"
                + "2;\"Đảng ủy Bộ Tài chính Mẫu\";2;7/3/2013;\"Khiếu nại\";;Đảng viên;\"Bùi Thị Lan\";Đang giải quyết;;\r\n"
                + "3;DU02;3;12/04/2013;Phản ánh;;Tổ chức đảng;\"Chi bộ Văn phòng; tổ công tác\nsố 2\";Lưu đơn;;\r\n"
                + "Cộng;;;;;;;;;;\r\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static void supplement(Path file) throws IOException {
        String text = "Đơn vị,Số quyết định,Ngày quyết định,Đối tượng,Tên đối tượng,Loại kiểm tra\n"
                + "DU01,01-QĐ/UBKT,15/01/2014,Đảng viên,Nguyễn Văn An,Khi có dấu hiệu vi phạm\n"
                + "DU02,07-QĐ/UBKT,25/03/2014,Đảng viên,Hồ Văn Long,Chấp hành\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void row(Worksheet ws, int r, Object... values) {
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v instanceof LocalDate date) {
                ws.value(r, c, date);
                ws.style(r, c).format("dd/mm/yyyy").set();
            } else if (v instanceof Number n) {
                ws.value(r, c, n);
            } else if (v != null && !v.toString().isEmpty()) {
                ws.value(r, c, v.toString());
            }
        }
    }
}
