package vn.inspection.pipeline.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes realistic, deterministic registers of a fictional party bloc: a units reference (a bloc
 * committee, its subordinate committees and their branches) and rows of inspections, supervisions,
 * disciplines and letters, in the schemas' Vietnamese headers. The same seed always gives the same rows;
 * every row is valid, and no two rows share a natural key, so a generated batch ingests with no reject
 * and no duplicate. Rows are produced one at a time, so any number can be streamed to a file.
 */
public final class RegisterGenerator {
    public static final int COMMITTEES = 60;
    public static final int BRANCHES_PER_COMMITTEE = 3;
    private static final LocalDate FIRST = LocalDate.of(2013, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(2015, 12, 31).toEpochDay() - FIRST.toEpochDay());

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Xuân", "Hồng", "Công"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Phong", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tuấn", "Việt", "Yến"};
    private static final String[] BRANCH_NAMES = {"Chi bộ Văn phòng", "Chi bộ Vụ Tổng hợp", "Chi bộ Vụ Tổ chức cán bộ", "Chi bộ Vụ Kế hoạch - Tài chính", "Chi bộ Thanh tra"};

    /** The record types and headers the generator writes, in file order. */
    public enum Register {
        units(List.of("STT", "Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên", "Cấp", "Tên gọi khác")),
        inspection(List.of("STT", "Đơn vị", "Số quyết định", "Ngày quyết định", "Ngày kết thúc", "Chủ thể kiểm tra", "Đối tượng",
                "Tên đối tượng", "Loại kiểm tra", "Có vi phạm", "Phải thi hành kỷ luật")),
        supervision(List.of("STT", "Đơn vị", "Số kế hoạch", "Ngày giám sát", "Chủ thể giám sát", "Đối tượng", "Tên đối tượng",
                "Hình thức giám sát", "Phát hiện dấu hiệu vi phạm")),
        discipline(List.of("STT", "Đơn vị", "Số quyết định", "Ngày quyết định", "Cấp quyết định", "Đối tượng", "Tên đối tượng",
                "Hình thức kỷ luật", "Nội dung vi phạm")),
        complaint(List.of("STT", "Đơn vị", "Số vào sổ", "Ngày nhận", "Loại đơn", "Nặc danh", "Đối tượng", "Tên đối tượng",
                "Tình trạng", "Ngày giải quyết", "Kết quả giải quyết"));

        private final List<String> headers;

        Register(List<String> headers) {
            this.headers = headers;
        }

        public List<String> headers() {
            return headers;
        }
    }

    private final long seed;

    public RegisterGenerator(long seed) {
        this.seed = seed;
    }

    /** The units reference rows: the bloc, its committees, their branches. */
    public List<List<Object>> units() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(1, "DBK", "Đảng bộ Khối Cơ quan Mẫu", "", "Đảng bộ Khối", "Đảng ủy Khối"));
        int n = 2;
        for (int c = 1; c <= COMMITTEES; c++) {
            rows.add(List.of(n++, committeeCode(c), "Đảng ủy Cơ quan Mẫu số " + c, "DBK", "Đảng bộ cấp trên cơ sở", "Cơ quan Mẫu " + c));
            for (int b = 1; b <= BRANCHES_PER_COMMITTEE; b++) {
                rows.add(List.of(n++, committeeCode(c) + "-" + b, BRANCH_NAMES[(b - 1) % BRANCH_NAMES.length] + " - Cơ quan Mẫu số " + c,
                        committeeCode(c), "Chi bộ", ""));
            }
        }
        return rows;
    }

    public static String committeeCode(int c) {
        return String.format("DU%03d", c);
    }

    /** Row {@code index} (0-based) of a register; the same seed and index always give the same row. */
    public List<Object> row(Register register, long index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + register.ordinal() * 7_919L + index);
        long n = index + 1;
        String unit = unit(random);
        LocalDate date = FIRST.plusDays(random.nextInt(DAYS));
        boolean member = random.nextInt(100) < 85;
        String subjectType = member ? (random.nextInt(10) == 0 ? "Cấp ủy viên" : "Đảng viên") : "Tổ chức đảng";
        String subject = member ? person(random) : BRANCH_NAMES[random.nextInt(BRANCH_NAMES.length)] + " " + unit;
        return switch (register) {
            case inspection -> {
                String type = pick(random, "Khi có dấu hiệu vi phạm", "Chấp hành", "Chấp hành", "Chấp hành", "Tài chính đảng",
                        "Thực hiện nhiệm vụ kiểm tra, giám sát");
                boolean violation = random.nextInt(100) < 20;
                yield List.of(n, unit, n + "-QĐ/UBKT", date, date.plusDays(10 + random.nextInt(40)), pick(random, "UBKT", "Cấp ủy", "Ban Thường vụ"),
                        subjectType, subject, type, violation ? "x" : "", violation && random.nextBoolean() ? "x" : "");
            }
            case supervision -> List.of(n, unit, n + "-KH/UBKT", date, pick(random, "UBKT", "Cấp ủy", "Ban Thường vụ"), subjectType, subject,
                    pick(random, "Thường xuyên", "Thường xuyên", "Chuyên đề"), random.nextInt(100) < 5 ? "Có" : "Không");
            case discipline -> {
                String form = member ? pick(random, "Khiển trách", "Khiển trách", "Khiển trách", "Cảnh cáo", "Cảnh cáo", "Cách chức", "Khai trừ")
                        : pick(random, "Khiển trách", "Cảnh cáo", "Giải tán");
                yield List.of(n, unit, n + "-QĐ/KL", date, pick(random, "Chi bộ", "Đảng ủy cơ sở", "UBKT Đảng ủy Khối"), subjectType, subject,
                        form, pick(random, "Tài chính, ngân sách", "Phẩm chất đạo đức, lối sống", "Nguyên tắc tập trung dân chủ", "Chính sách dân số"));
            }
            case complaint -> {
                int status = random.nextInt(10);
                boolean resolved = status < 7;
                String kind = pick(random, "Tố cáo", "Tố cáo", "Khiếu nại kỷ luật", "Phản ánh, kiến nghị");
                yield List.of(n, unit, Long.toString(n), date, kind, random.nextInt(4) == 0 ? "x" : "", subjectType, subject,
                        resolved ? "Đã giải quyết" : status < 9 ? "Đang giải quyết" : "Lưu đơn",
                        resolved ? date.plusDays(15 + random.nextInt(60)) : "",
                        resolved && kind.equals("Tố cáo") ? pick(random, "Đúng", "Đúng một phần", "Sai", "Sai") : "");
            }
            case units -> throw new IllegalArgumentException("units rows come from units()");
        };
    }

    private static String unit(SplittableRandom random) {
        int c = 1 + random.nextInt(COMMITTEES);
        int b = random.nextInt(BRANCHES_PER_COMMITTEE + 1);
        return b == 0 ? committeeCode(c) : committeeCode(c) + "-" + b;
    }

    private static String person(SplittableRandom random) {
        return FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
    }

    private static String pick(SplittableRandom random, String... options) {
        return options[random.nextInt(options.length)];
    }
}
