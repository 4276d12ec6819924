package vn.inspection.pipeline.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.inspection.pipeline.text.VietnameseText;

/**
 * How the committed sample registers in {@code data-samples/} were made: the registers of a fictional party
 * bloc ("Đảng bộ Khối các cơ quan Vạn Xuân", 61 subordinate committees and their branches) for 2013 and 2014,
 * modelled on seed 004. Everything is synthetic: unit names are invented, member names are random
 * combinations of common family, middle and given names.
 *
 * <p>The builder first decides every record (deterministically, from one seed), so the figures are exact by
 * construction: in the first half of 2014, 423 organizations and 2,528 members inspected, 4 members on signs of
 * violation, 363 organizations and 3,050 members supervised, 3 thematic supervisions, fewer letters than in the
 * first half of 2013. Then it renders those records across the files offices send (per quarter or half-year,
 * .xlsx with title rows, merged two-row headers, column numbers, totals and signatures; an .xls; a
 * Windows-1258 CSV; a register typed in TCVN3), adds a few planted bad rows, a re-sent copy and a supplement that
 * repeats rows, and prints the planted counts of every metric of {@code schemas/metrics.json} per half-year.
 *
 * <p>Run from the repository root after {@code mvn -q -o install -DskipTests} (it replaces the spreadsheets in the
 * folder, keeps its README.md, and prints the planted counts):
 * <pre>
 * mvn -q -o -pl jobs/app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * java -cp jobs/app/target/test-classes:jobs/app/target/classes:$(cat jobs/app/target/cp.txt) \
 *     vn.inspection.pipeline.samples.SampleData data-samples
 * </pre>
 * Two runs give byte-identical files (fixed seed, fixed zip entry times and document dates).
 * The TCVN3 register is encoded with the table {@code /legacy/tcvn3.tsv} (inverted); it is looked up on the
 * classpath, else at the path of the system property {@code samples.tcvn3-table}; without it the builder stops
 * rather than write a different file.
 */
public final class SampleData {
    static final long SEED = 20140708L;
    static final String BLOC = "Vạn Xuân";
    static final String PLACE = "Vạn Xuân";
    static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter DMY_SHORT = DateTimeFormatter.ofPattern("d/M/yyyy");

    /** The half-years the samples cover. */
    public record Half(int year, int half) {
        public LocalDate from() {
            return LocalDate.of(year, half == 1 ? 1 : 7, 1);
        }

        public LocalDate to() {
            return half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
        }

        public String id() {
            return year + "-H" + half;
        }

        public boolean contains(LocalDate d) {
            return d != null && !d.isBefore(from()) && !d.isAfter(to());
        }
    }

    public static final List<Half> HALVES = List.of(new Half(2013, 1), new Half(2013, 2), new Half(2014, 1), new Half(2014, 2));

    /** What each half-year must hold (inspections and supervisions exactly; disciplines at least; letters exactly). */
    record Targets(Half half, int insOrg, int insMem, int signsOrg, int signsMem, int supOrg, int supMem, int thematic,
                   int discMem, int discOrg, int letters) {
    }

    static final List<Targets> TARGETS = List.of(
            new Targets(HALVES.get(0), 401, 2390, 1, 5, 341, 2905, 2, 52, 2, 92),
            new Targets(HALVES.get(1), 452, 2617, 0, 6, 388, 3118, 4, 61, 1, 85),
            // seed 004: 423 organizations and 2,528 members inspected, 4 members on signs of violation,
            // 363 organizations and 3,050 members supervised, 3 thematic supervisions; fewer letters than H1 2013
            new Targets(HALVES.get(2), 423, 2528, 0, 4, 363, 3050, 3, 47, 1, 71),
            new Targets(HALVES.get(3), 446, 2705, 1, 3, 379, 3176, 4, 58, 2, 78));

    private SampleData() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "data-samples");
        Plan plan = plan(Tcvn3.encoder());
        plan.write(dir);
        plan.printSummary(System.out);
    }

    /** Every record, file and planted row, without writing anything; the TCVN3 register's text goes through {@code tcvn3}. */
    public static Plan plan(UnaryOperator<String> tcvn3) {
        Generator generator = new Generator();
        generator.generate();
        return new Renderer(generator, tcvn3).render();
    }

    // ====================================================================== model

    /** A unit of the bloc: the bloc, a committee (kind U: above-base, D: base committee, C: base branch) or a branch. */
    public static final class Unit {
        final String code;
        final String name;
        final String kind;
        final Unit parent;
        /** Committees: the agency ("Bộ Thủy lợi và Đê điều"); branches: the department ("Vụ Pháp chế"). */
        final String shortName;
        final List<String> aliases = new ArrayList<>();
        LocalDate validFrom;
        LocalDate validTo;
        Unit successor;
        final List<Unit> branches = new ArrayList<>();
        final List<Member> roster = new ArrayList<>();

        Unit(String code, String name, String kind, Unit parent, String shortName) {
            this.code = code;
            this.name = name;
            this.kind = kind;
            this.parent = parent;
            this.shortName = shortName;
        }

        public String code() {
            return code;
        }

        public String name() {
            return name;
        }

        public String level() {
            return switch (kind) {
                case "BLOC" -> "BLOC";
                case "U" -> "UPPER_BASE";
                case "D", "C" -> "BASE";
                default -> "BRANCH";
            };
        }

        public String parentCode() {
            return parent == null ? null : parent.code;
        }

        public LocalDate validTo() {
            return validTo;
        }

        public String successorCode() {
            return successor == null ? null : successor.code;
        }

        String levelLabel() {
            return switch (kind) {
                case "BLOC" -> "Đảng bộ Khối";
                case "U" -> "Đảng bộ cấp trên cơ sở";
                case "D" -> "Đảng bộ cơ sở";
                case "C" -> "Chi bộ cơ sở";
                default -> "Chi bộ";
            };
        }

        boolean isBranch() {
            return kind.equals("BRANCH");
        }

        /** What a register writes in its subject column for this organization. */
        String subjectName() {
            return isBranch() ? "Chi bộ " + shortName : name;
        }

        Unit committee() {
            return isBranch() ? parent : this;
        }

        boolean activeOn(LocalDate d) {
            return (validFrom == null || !d.isBefore(validFrom)) && (validTo == null || !d.isAfter(validTo));
        }
    }

    record Member(String name, Unit branch, boolean committeeMember, LocalDate from) {
    }

    /** One record: canonical values (the codes the lake stores), and what is needed to render it. */
    public static final class Rec {
        public final String type;
        Unit unit;
        final Map<String, Object> v = new LinkedHashMap<>();
        Member member;
        Batch batch;
        /** Raw cell values that replace the rendered ones (planted bad rows). */
        Map<String, Object> override = Map.of();
        /** Re-picks the subject when the natural key is taken (keeps everything that is counted). */
        Runnable reroll;
        String file;
        String sheet;
        int row;
        /** For a planted bad row: the field the ingest must reject it for, and the reason it must give. */
        String plantedField;
        String plantedReason;

        Rec(String type, Unit unit) {
            this.type = type;
            this.unit = unit;
        }

        public Object get(String field) {
            return v.get(field);
        }

        public LocalDate date(String field) {
            return (LocalDate) v.get(field);
        }

        public String file() {
            return file;
        }

        public String unitCode() {
            return unit.code;
        }

        public String sheet() {
            return sheet;
        }

        public int row() {
            return row;
        }

        /** The canonical values: the codes, dates, booleans and texts the lake must hold (member names in clear). */
        public Map<String, Object> values() {
            return java.util.Collections.unmodifiableMap(v);
        }

        boolean is(String field, Object value) {
            return value.equals(v.get(field));
        }

        LocalDate periodDate() {
            return switch (type) {
                case "inspection", "supervision" -> date("start_date");
                case "discipline" -> date("decision_date");
                default -> date("received_date");
            };
        }

        Rec copy() {
            Rec r = new Rec(type, unit);
            r.v.putAll(v);
            r.member = member;
            return r;
        }
    }

    /** Records that share one decision or plan number, numbered at the end in date order per issuer and year. */
    static final class Batch {
        final Unit issuer;
        final String suffix;
        final LocalDate date;
        final String field;
        final List<Rec> recs = new ArrayList<>();

        Batch(Unit issuer, String suffix, LocalDate date, String field) {
            this.issuer = issuer;
            this.suffix = suffix;
            this.date = date;
            this.field = field;
        }
    }

    /** A planted row the ingest must reject: where it is and the reason it must give. */
    public record Planted(String file, String sheet, int row, String recordType, String field, String reason) {
    }

    // ====================================================================== generation

    static final String[][] COMMITTEES = {
            // kind, agency (short name)
            {"U", "Bộ Kế hoạch và Phát triển Vùng"}, {"U", "Bộ Tài chính Công"}, {"U", "Bộ Thủy lợi và Đê điều"},
            {"U", "Bộ Giao thông Đường thủy"}, {"U", "Bộ Năng lượng Tái tạo"}, {"U", "Bộ Lương thực và Thực phẩm"},
            {"U", "Bộ Văn hóa Dân gian"}, {"U", "Bộ Khoa học Biển"}, {"U", "Bộ Nhà ở và Đô thị"},
            {"U", "Bộ Lao động và Nghề nghiệp"}, {"U", "Bộ Y tế Cộng đồng"}, {"U", "Bộ Giáo dục Phổ thông"},
            {"U", "Bộ Tài nguyên Rừng"}, {"U", "Bộ Thương mại Biên mậu"}, {"U", "Bộ Bưu chính và Truyền thanh"},
            {"U", "Bộ Khí tượng và Phòng chống Thiên tai"}, {"U", "Bộ Công nghiệp Nhẹ"}, {"U", "Bộ Du lịch và Di sản"},
            {"U", "Bộ Tư pháp Hành chính"}, {"U", "Bộ Ngoại vụ Vạn Xuân"}, {"U", "Bộ Dân tộc và Miền núi"},
            {"U", "Bộ Nông thôn Mới"}, {"U", "Ngân hàng Phát triển Vạn Xuân"}, {"U", "Kiểm toán Công Vạn Xuân"},
            {"U", "Thông tấn xã Vạn Xuân"}, {"U", "Đài Phát thanh Vạn Xuân"}, {"U", "Viện Hàn lâm Khoa học Vạn Xuân"},
            {"U", "Tổng cục Thống kê Vùng"}, {"U", "Tổng cục Dự trữ Lương thực"}, {"U", "Tổng cục Đo đạc và Bản đồ"},
            {"U", "Văn phòng Hội đồng Vạn Xuân"}, {"U", "Ủy ban Dân số và Gia đình"},
            {"D", "Học viện Hành chính Vạn Xuân"}, {"D", "Báo Tiếng nói Vạn Xuân"}, {"D", "Nhà xuất bản Vạn Xuân"},
            {"D", "Tạp chí Lý luận Vạn Xuân"}, {"D", "Bảo hiểm Xã hội Vạn Xuân"}, {"D", "Ngân hàng Chính sách Vạn Xuân"},
            {"D", "Viện Nghiên cứu Chính sách Công"}, {"D", "Trường Bồi dưỡng Cán bộ Vạn Xuân"},
            {"D", "Ban Quản lý Công viên Tưởng niệm"}, {"D", "Cục Lưu trữ Vạn Xuân"}, {"D", "Ủy ban Hợp tác Quốc tế"},
            {"D", "Hội đồng Lý luận Vạn Xuân"}, {"D", "Cục Quản trị Tài vụ"}, {"D", "Trung tâm Thông tin Khoa học"},
            {"D", "Liên hiệp các Hội Văn học Nghệ thuật Vạn Xuân"}, {"D", "Hội Nông dân Vạn Xuân"},
            {"D", "Hội Cựu chiến binh Vạn Xuân"}, {"D", "Hội Liên hiệp Phụ nữ Vạn Xuân"}, {"D", "Đoàn Thanh niên Vạn Xuân"},
            {"D", "Liên đoàn Lao động Vạn Xuân"}, {"D", "Mặt trận Đoàn kết Vạn Xuân"},
            {"C", "Ban Tôn giáo Vạn Xuân"}, {"C", "Văn phòng Ban Chỉ đạo Vùng Cao"}, {"C", "Ủy ban Biên giới Vạn Xuân"},
            {"C", "Hội Nhà báo Vạn Xuân"}, {"C", "Hội Luật gia Vạn Xuân"}, {"C", "Liên minh Hợp tác xã Vạn Xuân"},
            {"C", "Hội Chữ thập đỏ Vạn Xuân"}, {"C", "Hội Khuyến học Vạn Xuân"},
            // merged into DU17 on 1 July 2013
            {"C", "Cục Công nghiệp Địa phương"}};
    static final int MERGED = 62;
    static final int SUCCESSOR = 17;
    static final LocalDate MERGER = LocalDate.of(2013, 7, 1);

    static final String[] MINISTRY_DEPARTMENTS = {"Văn phòng", "Vụ Tổ chức cán bộ", "Vụ Kế hoạch - Tài chính", "Vụ Pháp chế",
            "Vụ Hợp tác quốc tế", "Thanh tra", "Vụ Khoa học và Công nghệ", "Vụ Thi đua - Khen thưởng", "Cục Quản lý chất lượng",
            "Trung tâm Thông tin", "Viện Chiến lược", "Vụ Tổng hợp", "Cục Kiểm tra", "Trung tâm Đào tạo"};
    static final String[] AGENCY_DEPARTMENTS = {"Văn phòng", "Phòng Tổ chức - Hành chính", "Phòng Kế hoạch - Tài chính",
            "Ban Biên tập", "Phòng Nghiên cứu", "Trung tâm Dịch vụ", "Phòng Đào tạo"};

    static final String[] FAMILY = {"Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Trần",
            "Lê", "Lê", "Lê", "Phạm", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
            "Lý", "Đinh", "Trịnh", "Đoàn", "Lưu", "Mai", "Tạ", "Cao", "Chu", "Lâm", "Tô", "Hà", "Kiều", "Quách", "Trương",
            "Lương", "Vương", "Thái", "Phùng", "Nghiêm", "Khuất", "Triệu"};
    static final String[] MALE_MIDDLE = {"Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Công", "Xuân", "Mạnh",
            "Việt", "Đình", "Tiến", "Ngọc", "Anh", "Trọng", "Quốc", "Duy", "Thế", "Bá", "Huy"};
    static final String[] FEMALE_MIDDLE = {"Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Minh", "Kim", "Hồng", "Thúy", "Phương",
            "Bích", "Thùy", "Hải", "Diệu", "Lan"};
    static final String[] SECOND_MIDDLE = {"Thu", "Ngọc", "Minh", "Kim", "Hồng", "Phương", "Bích", "Thanh", "Hải", "Diệu", "Mai"};
    static final String[] MALE_GIVEN = {"An", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đông", "Giang", "Hải", "Hiếu", "Hoàng",
            "Hùng", "Huy", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân",
            "Quang", "Sơn", "Tài", "Thành", "Thắng", "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Hưng", "Hòa",
            "Tâm", "Hiển", "Khải", "Lợi", "Thuận", "Trí", "Đức", "Hậu", "Kiệt"};
    static final String[] FEMALE_GIVEN = {"Anh", "Bích", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng",
            "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "Ngân", "Nga", "Ngọc", "Nhung", "Oanh", "Phượng", "Quyên",
            "Quỳnh", "Tâm", "Thảo", "Thu", "Thủy", "Trang", "Uyên", "Vân", "Yến", "Hòa", "Thư", "Diệp", "Xuân"};
    /** Names of well-known public figures that random combinations could give: never used. */
    static final Set<String> NOT_USED = Set.of("Lê Đức Anh", "Nguyễn Xuân Phúc", "Nguyễn Thị Kim Ngân", "Nguyễn Văn An",
            "Nguyễn Văn Linh", "Nguyễn Minh Triết", "Trần Đức Lương", "Phạm Minh Chính", "Nguyễn Văn Thắng", "Võ Văn Kiệt",
            "Trương Tấn Sang", "Nguyễn Tấn Dũng", "Trần Đại Quang", "Võ Văn Thưởng", "Đào Ngọc Dung");

    static final String[] VIOLATION_AREAS = {"Vi phạm nguyên tắc tập trung dân chủ", "Vi phạm quy định về quản lý tài chính, tài sản",
            "Thiếu trách nhiệm, buông lỏng lãnh đạo, quản lý", "Suy thoái về phẩm chất đạo đức, lối sống",
            "Vi phạm chính sách dân số - kế hoạch hóa gia đình", "Vi phạm những điều đảng viên không được làm",
            "Vi phạm quy định về công tác cán bộ", "Vi phạm quy định về đất đai, đầu tư, xây dựng",
            "Vi phạm chính sách dân số - kế hoạch hóa gia đình", "Thiếu trách nhiệm, buông lỏng lãnh đạo, quản lý"};

    /** Public holidays of 2013 and 2014 (no register date falls on them), and the Tết breaks (exclusive bounds). */
    static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2013, 1, 1), LocalDate.of(2013, 4, 19), LocalDate.of(2013, 4, 29),
            LocalDate.of(2013, 4, 30), LocalDate.of(2013, 5, 1), LocalDate.of(2013, 9, 2), LocalDate.of(2014, 1, 1),
            LocalDate.of(2014, 4, 9), LocalDate.of(2014, 4, 30), LocalDate.of(2014, 5, 1), LocalDate.of(2014, 5, 2), LocalDate.of(2014, 9, 1),
            LocalDate.of(2014, 9, 2));
    static final List<LocalDate> TET_2013 = List.of(LocalDate.of(2013, 2, 8), LocalDate.of(2013, 2, 18));
    static final List<LocalDate> TET_2014 = List.of(LocalDate.of(2014, 1, 28), LocalDate.of(2014, 2, 7));

    static final class Generator {
        final Random rnd = new Random(SEED);
        Unit bloc;
        final List<Unit> committees = new ArrayList<>();
        final List<Unit> units = new ArrayList<>();
        final List<Rec> inspections = new ArrayList<>();
        final List<Rec> supervisions = new ArrayList<>();
        final List<Rec> disciplines = new ArrayList<>();
        final List<Rec> letters = new ArrayList<>();
        final List<Batch> batches = new ArrayList<>();
        final Set<String> names = new HashSet<>();

        void generate() {
            units();
            for (Targets t : TARGETS) {
                inspections(t);
                supervisions(t);
            }
            List<Rec> derived = derivedDisciplines();
            for (Targets t : TARGETS) {
                disciplines(t, derived);
                letters(t);
            }
            numberBatches();
            numberLetters();
            claimKeys(inspections);
            claimKeys(supervisions);
            claimKeys(disciplines);
            claimKeys(letters);
        }

        // ------------------------------------------------------------ units and members

        void units() {
            bloc = new Unit("DBK", "Đảng bộ Khối các cơ quan " + BLOC, "BLOC", null, "Đảng bộ Khối");
            bloc.aliases.add("Đảng ủy Khối các cơ quan " + BLOC);
            bloc.aliases.add("Đảng ủy Khối");
            bloc.validFrom = LocalDate.of(2007, 1, 1);
            units.add(bloc);
            Set<String> abbreviations = new HashSet<>();
            for (int i = 0; i < COMMITTEES.length; i++) {
                String kind = COMMITTEES[i][0];
                String agency = COMMITTEES[i][1];
                String code = String.format("DU%02d", i + 1);
                Unit c = new Unit(code, (kind.equals("C") ? "Chi bộ " : "Đảng bộ ") + agency, kind, bloc, agency);
                if (!kind.equals("C")) {
                    c.aliases.add("Đảng ủy " + agency);
                }
                c.aliases.add(agency);
                String abbreviation = abbreviation(agency);
                if (abbreviations.add(abbreviation)) {
                    c.aliases.add(abbreviation);
                }
                committees.add(c);
                units.add(c);
                int count = switch (kind) {
                    case "U" -> 6 + rnd.nextInt(4);
                    case "D" -> 3 + rnd.nextInt(3);
                    default -> 0;
                };
                String[] pool = kind.equals("U") ? MINISTRY_DEPARTMENTS : AGENCY_DEPARTMENTS;
                List<String> departments = new ArrayList<>(List.of(pool));
                java.util.Collections.shuffle(departments, rnd);
                // the office always has a branch
                departments.remove("Văn phòng");
                departments.add(0, "Văn phòng");
                for (int b = 0; b < count; b++) {
                    addBranch(c, departments.get(b));
                }
            }
            Unit merged = committees.get(MERGED - 1);
            Unit successor = committees.get(SUCCESSOR - 1);
            merged.validFrom = LocalDate.of(2008, 3, 1);
            merged.validTo = MERGER.minusDays(1);
            merged.successor = successor;
            Unit takenOver = addBranch(successor, merged.shortName);
            takenOver.validFrom = MERGER;

            for (Unit c : committees) {
                int size = switch (c.kind) {
                    case "U" -> c.branches.size() * 26 + rnd.nextInt(20);
                    case "D" -> c.branches.size() * 20 + rnd.nextInt(10);
                    default -> 18 + rnd.nextInt(12);
                };
                List<Unit> regular = c.branches.stream().filter(b -> b.validFrom == null).toList();
                for (int m = 0; m < size; m++) {
                    Unit branch = regular.isEmpty() ? null : regular.get(rnd.nextInt(regular.size()));
                    c.roster.add(new Member(newName(), branch, rnd.nextInt(100) < 12, null));
                }
            }
            // the members of the merged branch carry on under the successor, in the branch that took them over
            for (Member m : merged.roster) {
                successor.roster.add(new Member(m.name(), takenOver, m.committeeMember(), MERGER));
            }
            checkNamesAreUnique();
        }

        Unit addBranch(Unit c, String department) {
            String code = c.code.replace("DU", "CB") + String.format("%02d", c.branches.size() + 1);
            Unit b = new Unit(code, "Chi bộ " + department + ", " + c.shortName, "BRANCH", c, department);
            c.branches.add(b);
            units.add(b);
            return b;
        }

        static String abbreviation(String agency) {
            StringBuilder out = new StringBuilder();
            for (String word : agency.split(" ")) {
                if (word.equals("và") || word.equals("các") || word.isEmpty()) {
                    continue;
                }
                String first = word.substring(0, 1);
                if (!first.equals("Đ") && !first.equals("đ")) {
                    first = Normalizer.normalize(first, Normalizer.Form.NFD).substring(0, 1);
                }
                out.append(first.toUpperCase(Locale.ROOT));
            }
            return out.toString();
        }

        void checkNamesAreUnique() {
            Map<String, String> keys = new HashMap<>();
            for (Unit u : units) {
                List<String> all = new ArrayList<>(u.aliases);
                all.add(u.code);
                all.add(u.name);
                for (String n : all) {
                    String previous = keys.put(VietnameseText.matchKey(n), u.code);
                    if (previous != null && !previous.equals(u.code)) {
                        throw new IllegalStateException("unit name '" + n + "' of " + u.code + " is also a name of " + previous);
                    }
                }
            }
        }

        String newName() {
            while (true) {
                boolean female = rnd.nextInt(100) < 42;
                String family = pick(FAMILY);
                String name;
                if (female) {
                    // "Nguyễn Thị Thu Hà": a fifth of the women have Thị and a second middle name
                    String middle = rnd.nextInt(100) < 20 ? "Thị " + pick(SECOND_MIDDLE) : pick(FEMALE_MIDDLE);
                    name = family + " " + middle + " " + pick(FEMALE_GIVEN);
                } else {
                    name = family + " " + pick(MALE_MIDDLE) + " " + pick(MALE_GIVEN);
                }
                String[] words = name.split(" ");
                boolean repeated = words.length == 4 && words[1].equals(words[2]) || words[words.length - 2].equals(words[words.length - 1]);
                if (!repeated && !NOT_USED.contains(name) && names.add(VietnameseText.identityKey(name))) {
                    return name;
                }
            }
        }

        // ------------------------------------------------------------ helpers

        <T> T pick(T[] values) {
            return values[rnd.nextInt(values.length)];
        }

        <T> T pick(List<T> values) {
            return values.get(rnd.nextInt(values.size()));
        }

        Unit weighted(List<Unit> candidates, java.util.function.ToIntFunction<Unit> weight) {
            int total = candidates.stream().mapToInt(weight).sum();
            int x = rnd.nextInt(total);
            for (Unit u : candidates) {
                x -= weight.applyAsInt(u);
                if (x < 0) {
                    return u;
                }
            }
            throw new IllegalStateException();
        }

        LocalDate workday(LocalDate from, LocalDate to) {
            int days = (int) java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
            while (true) {
                LocalDate d = from.plusDays(rnd.nextInt(days));
                DayOfWeek w = d.getDayOfWeek();
                if (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !HOLIDAYS.contains(d)
                        && !(d.isAfter(TET_2013.get(0)) && d.isBefore(TET_2013.get(1)))
                        && !(d.isAfter(TET_2014.get(0)) && d.isBefore(TET_2014.get(1)))) {
                    return d;
                }
            }
        }

        List<Unit> active(Half h) {
            return committees.stream().filter(c -> c.validTo == null || !c.validTo.isBefore(h.to())).toList();
        }

        List<Member> pool(Unit unit, LocalDate date) {
            Unit c = unit.committee();
            return c.roster.stream()
                    .filter(m -> m.from() == null || !date.isBefore(m.from()))
                    .filter(m -> !unit.isBranch() || m.branch() == unit)
                    .toList();
        }

        List<Unit> branchesOn(Unit c, LocalDate date) {
            return c.branches.stream().filter(b -> b.activeOn(date)).toList();
        }

        Batch batch(Unit issuer, String suffix, LocalDate date, String field) {
            Batch b = new Batch(issuer, suffix, date, field);
            batches.add(b);
            return b;
        }

        void setMember(Rec r, Member m) {
            r.member = m;
            r.v.put("subject_type", "MEMBER");
            r.v.put("subject", m.name());
            r.v.put("committee_member", m.committeeMember());
        }

        void setOrg(Rec r, Unit org) {
            r.member = null;
            r.v.put("subject_type", "ORG");
            r.v.put("subject", org.subjectName());
            r.v.put("committee_member", false);
        }

        Rec memberRec(String type, Unit unit, LocalDate date) {
            Rec r = new Rec(type, unit);
            List<Member> pool = pool(unit, date);
            setMember(r, pick(pool));
            r.reroll = () -> setMember(r, pick(pool));
            return r;
        }

        /** An organization record about a branch of committee {@code c} (or about {@code c} itself when it has none). */
        Rec branchRec(String type, Unit c, LocalDate date) {
            Rec r = new Rec(type, c);
            List<Unit> branches = branchesOn(c, date);
            if (branches.isEmpty()) {
                setOrg(r, c);
                r.reroll = () -> {
                    throw new IllegalStateException("no other organization in " + c.code);
                };
            } else {
                setOrg(r, pick(branches));
                r.reroll = () -> setOrg(r, pick(branches));
            }
            return r;
        }

        /** An organization record by the bloc about a whole committee. */
        Rec committeeRec(String type, List<Unit> active) {
            Rec r = new Rec(type, pick(active));
            setOrg(r, r.unit);
            r.reroll = () -> {
                r.unit = pick(active);
                setOrg(r, r.unit);
            };
            return r;
        }

        static LocalDate quarterEnd(LocalDate d) {
            int q = (d.getMonthValue() - 1) / 3;
            return LocalDate.of(d.getYear(), q * 3 + 3, 1).plusMonths(1).minusDays(1);
        }

        // ------------------------------------------------------------ inspections

        void inspections(Targets t) {
            Half h = t.half();
            List<Unit> active = active(h);
            List<Unit> withBranches = active.stream().filter(c -> !c.branches.isEmpty()).toList();
            List<Rec> orgs = new ArrayList<>();
            // on signs of violation: organizations, by the bloc's commission
            for (int i = 0; i < t.signsOrg(); i++) {
                LocalDate date = workday(h.from(), h.to());
                Unit c = pick(withBranches);
                Rec r = branchRec("inspection", c, date);
                inspection(r, batch(bloc, "QĐ/UBKTĐUK", date, "decision_no"), date, "COMMISSION", "SIGNS_OF_VIOLATION");
                orgs.add(r);
            }
            // the bloc's standing committee and commission inspect whole committees
            int byBloc = 12 + rnd.nextInt(7);
            for (int i = 0; i < byBloc; i++) {
                LocalDate date = workday(h.from(), h.to());
                boolean standing = rnd.nextBoolean();
                Rec r = committeeRec("inspection", active);
                String type = standing ? "COMPLIANCE" : (rnd.nextInt(10) < 6 ? "TASK_EXECUTION" : "FINANCE");
                inspection(r, batch(bloc, standing ? "QĐ/ĐUK" : "QĐ/UBKTĐUK", date, "decision_no"), date,
                        standing ? "STANDING_COMMITTEE" : "COMMISSION", type);
                orgs.add(r);
            }
            // committees inspect their branches, one to three in one decision
            while (orgs.size() < t.insOrg()) {
                LocalDate date = workday(h.from(), h.to());
                Unit c = weighted(withBranches, u -> u.branches.size());
                int roll = rnd.nextInt(10);
                String body = roll < 4 ? "COMMITTEE" : roll < 6 ? "STANDING_COMMITTEE" : "COMMISSION";
                String type = body.equals("COMMISSION") ? (rnd.nextInt(10) < 6 ? "TASK_EXECUTION" : "FINANCE")
                        : (rnd.nextInt(10) < 8 ? "COMPLIANCE" : "TASK_EXECUTION");
                Batch b = batch(c, body.equals("COMMISSION") ? "QĐ/UBKT" : "QĐ/ĐU", date, "decision_no");
                int k = Math.min(1 + rnd.nextInt(3), t.insOrg() - orgs.size());
                k = Math.min(k, branchesOn(c, date).size());
                for (int i = 0; i < k; i++) {
                    Rec r = branchRec("inspection", c, date);
                    inspection(r, b, date, body, type);
                    orgs.add(r);
                }
            }
            inspections.addAll(orgs);

            List<Rec> members = new ArrayList<>();
            for (int i = 0; i < t.signsMem(); i++) {
                LocalDate date = workday(h.from(), h.to());
                Unit c = weighted(active, u -> u.roster.size());
                boolean byBloc2 = rnd.nextInt(3) == 0 || c.kind.equals("C");
                Rec r = memberRec("inspection", c, date);
                inspection(r, batch(byBloc2 ? bloc : c, byBloc2 ? "QĐ/UBKTĐUK" : "QĐ/UBKT", date, "decision_no"), date,
                        "COMMISSION", "SIGNS_OF_VIOLATION");
                // all but one of them found a violation (when concluded)
                if (i == 0) {
                    r.v.put("violation", false);
                    r.v.put("discipline_required", false);
                }
                members.add(r);
            }
            while (members.size() < t.insMem()) {
                LocalDate date = workday(h.from(), h.to());
                Unit c = weighted(active, u -> u.roster.size());
                int k = Math.min(1 + rnd.nextInt(8), t.insMem() - members.size());
                List<Unit> branches = branchesOn(c, date);
                if (!branches.isEmpty() && rnd.nextInt(100) < 35) {
                    // a branch inspects its own members: its committee (chi ủy), rarely with a decision number
                    Unit branch = pick(branches);
                    if (pool(branch, date).isEmpty()) {
                        continue;
                    }
                    Batch b = rnd.nextInt(100) < 20 ? batch(branch, "QĐ/CB", date, "decision_no") : null;
                    for (int i = 0; i < k; i++) {
                        Rec r = memberRec("inspection", branch, date);
                        inspection(r, b, date, "COMMITTEE", "COMPLIANCE");
                        members.add(r);
                    }
                } else {
                    int roll = rnd.nextInt(10);
                    String body = c.kind.equals("C") ? "COMMITTEE" : roll < 6 ? "COMMITTEE" : roll < 7 ? "STANDING_COMMITTEE" : "COMMISSION";
                    String suffix = c.kind.equals("C") ? "QĐ/CB" : body.equals("COMMISSION") ? "QĐ/UBKT" : "QĐ/ĐU";
                    Batch b = rnd.nextInt(100) < 85 ? batch(c, suffix, date, "decision_no") : null;
                    for (int i = 0; i < k; i++) {
                        Rec r = memberRec("inspection", c, date);
                        inspection(r, b, date, body, "COMPLIANCE");
                        members.add(r);
                    }
                }
            }
            inspections.addAll(members);
        }

        void inspection(Rec r, Batch b, LocalDate start, String body, String type) {
            r.batch = b;
            if (b != null) {
                b.recs.add(r);
            } else {
                r.v.put("decision_no", null);
            }
            r.v.put("start_date", start);
            boolean org = r.is("subject_type", "ORG");
            boolean signs = type.equals("SIGNS_OF_VIOLATION");
            LocalDate end = start.plusDays(signs ? 25 + rnd.nextInt(40) : org ? 20 + rnd.nextInt(45) : 10 + rnd.nextInt(35));
            boolean concluded = !end.isAfter(quarterEnd(start).plusDays(10)) && rnd.nextInt(100) < 96;
            r.v.put("end_date", concluded ? end : null);
            r.v.put("body", body);
            r.v.put("type", type);
            boolean violation = concluded && (signs || rnd.nextInt(1000) < (org ? 60 : 25));
            // a discipline follows within 40 days: not for the merged committee, and within the samples' two years
            boolean discipline = violation && rnd.nextInt(100) < (signs ? 60 : org ? 15 : 45)
                    && end.plusDays(40).getYear() <= 2014 && r.unit.committee().validTo == null;
            r.v.put("violation", violation);
            r.v.put("discipline_required", discipline);
            if (!r.v.containsKey("committee_member")) {
                r.v.put("committee_member", false);
            }
        }

        // ------------------------------------------------------------ supervisions

        void supervisions(Targets t) {
            Half h = t.half();
            List<Unit> active = active(h);
            List<Unit> withBranches = active.stream().filter(c -> !c.branches.isEmpty()).toList();
            List<Rec> orgs = new ArrayList<>();
            for (int i = 0; i < t.thematic(); i++) {
                LocalDate date = workday(h.from(), h.to());
                boolean standing = i % 2 == 0;
                Rec r = committeeRec("supervision", active);
                supervision(r, batch(bloc, standing ? "KH/ĐUK" : "KH/UBKTĐUK", date, "plan_no"), date,
                        standing ? "STANDING_COMMITTEE" : "COMMISSION", "THEMATIC");
                orgs.add(r);
            }
            int byBloc = 8 + rnd.nextInt(7);
            for (int i = 0; i < byBloc; i++) {
                LocalDate date = workday(h.from(), h.to());
                Rec r = committeeRec("supervision", active);
                supervision(r, batch(bloc, "KH/UBKTĐUK", date, "plan_no"), date, "COMMISSION", "REGULAR");
                orgs.add(r);
            }
            while (orgs.size() < t.supOrg()) {
                LocalDate date = workday(h.from(), h.to());
                Unit c = weighted(withBranches, u -> u.branches.size());
                int roll = rnd.nextInt(10);
                String body = roll < 4 ? "COMMITTEE" : roll < 6 ? "STANDING_COMMITTEE" : "COMMISSION";
                Batch b = batch(c, body.equals("COMMISSION") ? "KH/UBKT" : "KH/ĐU", date, "plan_no");
                int k = Math.min(1 + rnd.nextInt(4), t.supOrg() - orgs.size());
                k = Math.min(k, branchesOn(c, date).size());
                for (int i = 0; i < k; i++) {
                    Rec r = branchRec("supervision", c, date);
                    supervision(r, b, date, body, "REGULAR");
                    orgs.add(r);
                }
            }
            supervisions.addAll(orgs);

            List<Rec> members = new ArrayList<>();
            while (members.size() < t.supMem()) {
                LocalDate date = workday(h.from(), h.to());
                Unit c = weighted(active, u -> u.roster.size());
                int k = Math.min(3 + rnd.nextInt(12), t.supMem() - members.size());
                List<Unit> branches = branchesOn(c, date);
                if (!branches.isEmpty() && rnd.nextInt(100) < 40) {
                    Unit branch = pick(branches);
                    if (pool(branch, date).isEmpty()) {
                        continue;
                    }
                    Batch b = rnd.nextInt(100) < 75 ? batch(branch, "KH/CB", date, "plan_no") : null;
                    for (int i = 0; i < k; i++) {
                        Rec r = memberRec("supervision", branch, date);
                        supervision(r, b, date, "COMMITTEE", "REGULAR");
                        members.add(r);
                    }
                } else {
                    int roll = rnd.nextInt(10);
                    String body = c.kind.equals("C") ? "COMMITTEE" : roll < 6 ? "COMMITTEE" : roll < 7 ? "STANDING_COMMITTEE" : "COMMISSION";
                    String suffix = c.kind.equals("C") ? "KH/CB" : body.equals("COMMISSION") ? "KH/UBKT" : "KH/ĐU";
                    Batch b = rnd.nextInt(100) < 90 ? batch(c, suffix, date, "plan_no") : null;
                    for (int i = 0; i < k; i++) {
                        Rec r = memberRec("supervision", c, date);
                        supervision(r, b, date, body, "REGULAR");
                        members.add(r);
                    }
                }
            }
            supervisions.addAll(members);
        }

        void supervision(Rec r, Batch b, LocalDate start, String body, String mode) {
            r.batch = b;
            if (b != null) {
                b.recs.add(r);
            } else {
                r.v.put("plan_no", null);
            }
            r.v.put("start_date", start);
            r.v.put("body", body);
            r.v.put("mode", mode);
            r.v.put("signs_found", rnd.nextInt(1000) < (mode.equals("THEMATIC") ? 0 : 12));
        }

        // ------------------------------------------------------------ disciplines

        /** Every inspection that concluded a discipline was required gives a decision 10-40 days after its conclusion. */
        List<Rec> derivedDisciplines() {
            List<Rec> derived = new ArrayList<>();
            for (Rec i : inspections) {
                if (!Boolean.TRUE.equals(i.get("discipline_required"))) {
                    continue;
                }
                LocalDate date = i.date("end_date").plusDays(10 + rnd.nextInt(30));
                while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY || HOLIDAYS.contains(date)) {
                    date = date.plusDays(1);
                }
                Rec d = new Rec("discipline", i.unit);
                d.v.put("decision_date", date);
                if (i.member != null) {
                    setMember(d, i.member);
                    List<Member> pool = pool(i.unit, date);
                    d.reroll = () -> setMember(d, pick(pool));
                } else {
                    d.v.put("subject_type", "ORG");
                    d.v.put("subject", i.get("subject"));
                    d.v.put("committee_member", false);
                    d.reroll = () -> {
                        throw new IllegalStateException("organization discipline key taken: " + d.v);
                    };
                }
                derived.add(d);
            }
            return derived;
        }

        void disciplines(Targets t, List<Rec> derived) {
            Half h = t.half();
            List<Unit> active = active(h);
            List<Rec> members = new ArrayList<>();
            List<Rec> orgs = new ArrayList<>();
            for (Rec d : derived) {
                if (h.contains(d.date("decision_date"))) {
                    (d.is("subject_type", "ORG") ? orgs : members).add(d);
                }
            }
            while (members.size() < t.discMem()) {
                LocalDate date = workday(h.from(), h.to());
                Unit c = weighted(active, u -> u.roster.size());
                List<Unit> branches = branchesOn(c, date);
                Unit unit = !branches.isEmpty() && rnd.nextInt(100) < 30 ? pick(branches) : c;
                if (pool(unit, date).isEmpty()) {
                    continue;
                }
                Rec d = memberRec("discipline", unit, date);
                d.v.put("decision_date", date);
                members.add(d);
            }
            List<Unit> withBranches = active.stream().filter(c -> !c.branches.isEmpty()).toList();
            while (orgs.size() < t.discOrg()) {
                LocalDate date = workday(h.from(), h.to());
                Rec d = branchRec("discipline", pick(withBranches), date);
                d.v.put("decision_date", date);
                orgs.add(d);
            }
            // forms in realistic proportions: reprimand most, then warning; few dismissals and expulsions
            java.util.Collections.shuffle(members, rnd);
            int n = members.size();
            int expulsions = Math.round(n * 0.08f);
            int dismissals = Math.max(1, Math.round(n * 0.035f));
            int warnings = Math.round(n * 0.30f);
            for (int i = 0; i < n; i++) {
                String form = i < expulsions ? "EXPULSION" : i < expulsions + dismissals ? "DISMISSAL"
                        : i < expulsions + dismissals + warnings ? "WARNING" : "REPRIMAND";
                discipline(members.get(i), form);
            }
            for (int i = 0; i < orgs.size(); i++) {
                discipline(orgs.get(i), i == 1 ? "WARNING" : "REPRIMAND");
            }
            if (h.year() == 2014 && h.half() == 2) {
                // the one dissolution: a branch dissolved by the bloc's standing committee
                LocalDate date = workday(LocalDate.of(2014, 10, 1), LocalDate.of(2014, 11, 28));
                Rec d = branchRec("discipline", pick(withBranches), date);
                d.v.put("decision_date", date);
                discipline(d, "DISSOLUTION");
                orgs.add(d);
            }
            disciplines.addAll(orgs);
            disciplines.addAll(members);
        }

        void discipline(Rec d, String form) {
            d.v.put("form", form);
            LocalDate date = d.date("decision_date");
            Unit c = d.unit.committee();
            boolean member = d.is("subject_type", "MEMBER");
            boolean baseBranch = c.kind.equals("C");
            String body;
            Unit issuer;
            String suffix;
            int roll = rnd.nextInt(10);
            if (form.equals("DISSOLUTION") || !member && roll < 5 || member && form.equals("EXPULSION") && roll < 4) {
                body = form.equals("DISSOLUTION") || roll < 2 ? "Ban Thường vụ Đảng ủy Khối" : "Ủy ban Kiểm tra Đảng ủy Khối";
                issuer = bloc;
                suffix = body.startsWith("Ban") ? "QĐ/ĐUK" : "QĐ/UBKTĐUK";
            } else if (!member || form.equals("EXPULSION") || form.equals("DISMISSAL")) {
                body = baseBranch ? "Chi bộ cơ sở" : roll < 6 ? "Ban Thường vụ Đảng ủy" : "Ủy ban Kiểm tra Đảng ủy";
                issuer = c;
                suffix = baseBranch ? "QĐ/CB" : body.startsWith("Ban") ? "QĐ/ĐU" : "QĐ/UBKT";
            } else if (roll < 6) {
                body = "Chi bộ";
                issuer = d.unit;
                suffix = "QĐ/CB";
            } else {
                body = baseBranch ? "Chi bộ cơ sở" : roll < 8 ? "Đảng ủy cơ sở" : "Ủy ban Kiểm tra Đảng ủy";
                issuer = c;
                suffix = baseBranch ? "QĐ/CB" : body.startsWith("Đảng") ? "QĐ/ĐU" : "QĐ/UBKT";
            }
            d.v.put("body", body);
            d.v.put("violation_area", form.equals("DISSOLUTION") ? "Mất đoàn kết nghiêm trọng, không hoàn thành nhiệm vụ nhiều năm liền"
                    : member ? pick(VIOLATION_AREAS) : pick(new String[] {"Vi phạm nguyên tắc tập trung dân chủ",
                    "Thiếu trách nhiệm, buông lỏng lãnh đạo, quản lý", "Vi phạm quy định về quản lý tài chính, tài sản"}));
            Batch b = batch(issuer, suffix, date, "decision_no");
            b.recs.add(d);
            d.batch = b;
        }

        // ------------------------------------------------------------ letters

        void letters(Targets t) {
            Half h = t.half();
            List<Unit> active = active(h);
            LocalDate snapshot = h.year() == 2013 ? LocalDate.of(2013, 12, 31) : h.to();
            for (int i = 0; i < t.letters(); i++) {
                LocalDate received = workday(h.from(), h.to());
                Unit c = weighted(active, u -> u.roster.size());
                List<Unit> branches = branchesOn(c, received);
                Unit unit = !branches.isEmpty() && rnd.nextInt(100) < 25 ? pick(branches) : c;
                Rec r = new Rec("complaint", unit);
                r.v.put("letter_no", null);
                r.v.put("received_date", received);
                int roll = rnd.nextInt(100);
                String kind = roll < 45 ? "DENUNCIATION" : roll < 57 ? "APPEAL" : "PETITION";
                r.v.put("kind", kind);
                boolean anonymous = kind.equals("DENUNCIATION") ? rnd.nextInt(100) < 32 : kind.equals("PETITION") && rnd.nextInt(100) < 15;
                r.v.put("anonymous", anonymous);
                List<Member> pool = pool(unit, received);
                int about = rnd.nextInt(100);
                if (kind.equals("APPEAL") || kind.equals("DENUNCIATION") && about < 80 || kind.equals("PETITION") && about < 20) {
                    setMember(r, pick(pool.isEmpty() ? pool(c, received) : pool));
                } else if (kind.equals("DENUNCIATION") || about < 50) {
                    setOrg(r, unit.isBranch() ? unit : branches.isEmpty() ? c : pick(branches));
                } else {
                    r.v.put("subject_type", null);
                    r.v.put("subject", null);
                    r.v.put("committee_member", false);
                }
                // a letter's register does not say whether the person is a committee member
                r.v.put("committee_member", false);
                String status;
                LocalDate resolved = received.plusDays(12 + rnd.nextInt(70));
                if (anonymous && kind.equals("DENUNCIATION") && rnd.nextInt(100) < 45 || kind.equals("PETITION") && rnd.nextInt(100) < 10) {
                    status = "FILED";
                } else if (resolved.isAfter(snapshot)) {
                    status = "IN_PROGRESS";
                } else {
                    status = "RESOLVED";
                }
                r.v.put("status", status);
                r.v.put("resolved_date", status.equals("RESOLVED") ? resolved : null);
                String outcome = null;
                if (status.equals("RESOLVED") && !kind.equals("PETITION")) {
                    int o = rnd.nextInt(100);
                    outcome = kind.equals("DENUNCIATION") ? (o < 20 ? "FOUNDED" : o < 55 ? "PARTLY_FOUNDED" : "UNFOUNDED")
                            : (o < 15 ? "FOUNDED" : o < 25 ? "PARTLY_FOUNDED" : "UNFOUNDED");
                }
                r.v.put("outcome", outcome);
                letters.add(r);
            }
        }

        // ------------------------------------------------------------ numbers and natural keys

        void numberBatches() {
            // party committees number their documents through the term (2010-2015), not per year
            Map<String, List<Batch>> byIssuer = new TreeMap<>();
            for (Batch b : batches) {
                byIssuer.computeIfAbsent(b.issuer.code + "|" + b.suffix, k -> new ArrayList<>()).add(b);
            }
            for (List<Batch> list : byIssuer.values()) {
                list.sort(Comparator.comparing((Batch b) -> b.date));
                int n = 8 + rnd.nextInt(60);
                for (Batch b : list) {
                    n += 1 + (rnd.nextInt(10) < 7 ? 0 : rnd.nextInt(4));
                    String number = String.format("%02d", n) + "-" + b.suffix;
                    for (Rec r : b.recs) {
                        r.v.put(b.field, number);
                    }
                }
            }
        }

        void numberLetters() {
            for (int year : new int[] {2013, 2014}) {
                List<Rec> ofYear = letters.stream().filter(r -> r.date("received_date").getYear() == year)
                        .sorted(Comparator.comparing((Rec r) -> r.date("received_date"))).toList();
                for (int i = 0; i < ofYear.size(); i++) {
                    ofYear.get(i).v.put("letter_no", String.valueOf(i + 1));
                }
            }
        }

        void claimKeys(List<Rec> recs) {
            Set<String> keys = new HashSet<>();
            List<Rec> inOrder = recs.stream().sorted(Comparator.comparing(Rec::periodDate)).toList();
            for (Rec r : inOrder) {
                int tries = 0;
                while (!keys.add(naturalKey(r))) {
                    if (++tries > 200 || r.reroll == null) {
                        throw new IllegalStateException("cannot give a unique natural key to " + r.type + " " + r.v);
                    }
                    r.reroll.run();
                }
            }
        }
    }

    /**
     * The natural key the builder keeps unique, on canonical values: the ingest's (schemas/*.json natural_key)
     * without the year of inspections and disciplines. Coarser than the ingest's, so a plan unique under it is
     * unique under the ingest's too, and the committed samples did not change when the year joined the key.
     */
    static String naturalKey(Rec r) {
        List<String> fields = switch (r.type) {
            case "inspection" -> r.get("decision_no") != null ? List.of("decision_no", "subject_type", "subject")
                    : List.of("start_date", "type", "subject_type", "subject");
            case "supervision" -> List.of("plan_no", "start_date", "subject_type", "subject");
            case "discipline" -> List.of("decision_no", "subject_type", "subject", "form");
            default -> r.get("letter_no") != null ? List.of("letter_no", "received_date") : List.of("received_date", "kind", "subject");
        };
        StringBuilder key = new StringBuilder(r.type).append('|').append(r.unit.code);
        for (String f : fields) {
            Object value = r.get(f);
            key.append('|').append(value instanceof String s ? VietnameseText.identityKey(s) : String.valueOf(value));
        }
        return key.toString();
    }

    // ====================================================================== rendering

    enum Format { XLSX, XLS, CSV_CP1258, COPY }

    /** One output file: its sheets (or the file it copies byte for byte). */
    record OutFile(String name, Format format, List<Grid> sheets, LocalDateTime stamp, String copyOf) {
    }

    /** The cells of one sheet before it is written in a file format. */
    static final class Grid {
        final String name;
        final TreeMap<Integer, TreeMap<Integer, Object>> cells = new TreeMap<>();
        final List<int[]> merges = new ArrayList<>();
        final Set<Integer> bold = new HashSet<>();
        final Map<Integer, Integer> widths = new HashMap<>();
        final UnaryOperator<String> text;
        int width;

        Grid(String name, UnaryOperator<String> text) {
            this.name = name;
            this.text = text;
        }

        void put(int r, int c, Object value) {
            if (value == null || value instanceof String s && s.isEmpty()) {
                return;
            }
            cells.computeIfAbsent(r, k -> new TreeMap<>()).put(c, value instanceof String s ? text.apply(s) : value);
            width = Math.max(width, c + 1);
        }

        void row(int r, Object... values) {
            for (int c = 0; c < values.length; c++) {
                put(r, c, values[c]);
            }
        }

        void merge(int r1, int c1, int r2, int c2) {
            merges.add(new int[] {r1, c1, r2, c2});
        }

        int next() {
            return cells.isEmpty() ? 0 : cells.lastKey() + 1;
        }
    }

    /** A column of a register: its header (under a group header in a two-row header), the field it shows, how. */
    record Col(String group, String header, String field, Function<Rec, Object> value) {
    }

    enum UnitStyle { CODE, NAME, ALIAS, MIXED }

    enum DateStyle { CELL, TEXT, TEXT_SHORT }

    static final Map<String, String[]> LABELS = new HashMap<>();

    static {
        LABELS.put("COMMITTEE", new String[] {"Cấp ủy", "Đảng ủy"});
        LABELS.put("STANDING_COMMITTEE", new String[] {"Ban Thường vụ", "BTV"});
        LABELS.put("COMMISSION", new String[] {"Ủy ban Kiểm tra", "UBKT"});
        LABELS.put("ORG", new String[] {"Tổ chức đảng", "TCĐ"});
        LABELS.put("MEMBER", new String[] {"Đảng viên", "ĐV"});
        LABELS.put("SIGNS_OF_VIOLATION", new String[] {"Khi có dấu hiệu vi phạm", "KTDHVP"});
        LABELS.put("TASK_EXECUTION", new String[] {"Thực hiện nhiệm vụ kiểm tra, giám sát", "Thực hiện nhiệm vụ kiểm tra, giám sát, thi hành kỷ luật đảng"});
        LABELS.put("FINANCE", new String[] {"Tài chính đảng", "Kiểm tra tài chính"});
        LABELS.put("COMPLIANCE", new String[] {"Kiểm tra chấp hành", "Chấp hành"});
        LABELS.put("REGULAR", new String[] {"Thường xuyên", "Giám sát thường xuyên"});
        LABELS.put("THEMATIC", new String[] {"Chuyên đề", "Giám sát chuyên đề"});
        LABELS.put("REPRIMAND", new String[] {"Khiển trách", "Khiển trách"});
        LABELS.put("WARNING", new String[] {"Cảnh cáo", "Cảnh cáo"});
        LABELS.put("DISMISSAL", new String[] {"Cách chức", "Cách chức"});
        LABELS.put("EXPULSION", new String[] {"Khai trừ", "Khai trừ"});
        LABELS.put("DISSOLUTION", new String[] {"Giải tán", "Giải tán"});
        LABELS.put("DENUNCIATION", new String[] {"Tố cáo", "Đơn tố cáo"});
        LABELS.put("APPEAL", new String[] {"Khiếu nại kỷ luật", "Khiếu nại"});
        LABELS.put("PETITION", new String[] {"Phản ánh, kiến nghị", "Kiến nghị"});
        LABELS.put("RESOLVED", new String[] {"Đã giải quyết", "Đã GQ"});
        LABELS.put("IN_PROGRESS", new String[] {"Đang giải quyết", "Đang GQ"});
        LABELS.put("FILED", new String[] {"Lưu đơn", "Không đủ điều kiện giải quyết"});
        LABELS.put("FOUNDED", new String[] {"Đúng", "Tố cáo đúng"});
        LABELS.put("PARTLY_FOUNDED", new String[] {"Đúng một phần", "Có đúng có sai"});
        LABELS.put("UNFOUNDED", new String[] {"Sai", "Không đúng"});
    }

    /** How one file writes its values. */
    static final class Style {
        final Random rnd;
        final UnitStyle units;
        final DateStyle dates;
        final int labels;
        /** Booleans as "x"/blank, else "Có"/"Không". */
        final boolean crosses;
        /** Committee members flagged in a column of their own, else by "Cấp ủy viên" in the subject-type column. */
        final boolean memberColumn;

        Style(String file, UnitStyle units, DateStyle dates, int labels, boolean crosses, boolean memberColumn) {
            this.rnd = new Random(file.hashCode());
            this.units = units;
            this.dates = dates;
            this.labels = labels;
            this.crosses = crosses;
            this.memberColumn = memberColumn;
        }

        Object unit(Rec r) {
            Unit u = r.unit;
            UnitStyle s = units == UnitStyle.MIXED ? UnitStyle.values()[rnd.nextInt(3)] : units;
            return switch (s) {
                case CODE -> u.code;
                case ALIAS -> u.aliases.isEmpty() ? u.name : u.aliases.get(rnd.nextInt(u.aliases.size()));
                default -> u.name;
            };
        }

        Object date(LocalDate d) {
            if (d == null) {
                return null;
            }
            return switch (dates) {
                case CELL -> d;
                case TEXT -> d.format(DMY);
                case TEXT_SHORT -> d.format(DMY_SHORT);
            };
        }

        Object label(Object code) {
            return code == null ? null : LABELS.get(code.toString())[labels];
        }

        Object body(Rec r) {
            String code = (String) r.get("body");
            if ("COMMITTEE".equals(code) && (r.unit.isBranch() || r.unit.kind.equals("C"))) {
                return "Chi ủy";
            }
            return label(code);
        }

        Object subjectType(Rec r) {
            if (!memberColumn && Boolean.TRUE.equals(r.get("committee_member"))) {
                return "Cấp ủy viên";
            }
            return label(r.get("subject_type"));
        }

        Object bool(Object value) {
            boolean yes = Boolean.TRUE.equals(value);
            return crosses ? (yes ? "x" : "") : (yes ? "Có" : "Không");
        }

        Object member(Rec r) {
            return memberColumn && Boolean.TRUE.equals(r.get("committee_member")) ? "x" : "";
        }
    }

    /** The header, title and footer of a register sheet, and the rows it holds. */
    static final class Register {
        String sheet;
        String office = "ỦY BAN KIỂM TRA";
        String title;
        String subtitle;
        List<Col> cols;
        boolean twoRow = true;
        /** "(1) (2) …", "1 2 3 …", or null for none. */
        String columnNumbers = "paren";
        /** Section headings by subject type (I. organizations, II. members), or none. */
        String[] sections;
        String totals = "Tổng cộng";
        LocalDate signed;
        String signer = "Trịnh Quang Khải";
        String role = "CHỦ NHIỆM";
        List<Rec> rows = new ArrayList<>();
    }

    static final class Renderer {
        final Generator g;
        final UnaryOperator<String> tcvn3;
        final List<OutFile> files = new ArrayList<>();
        final List<Planted> planted = new ArrayList<>();
        final Map<String, Integer> repeated = new LinkedHashMap<>();
        final Random rnd = new Random(SEED + 1);

        Renderer(Generator g, UnaryOperator<String> tcvn3) {
            this.g = g;
            this.tcvn3 = tcvn3;
        }

        Plan render() {
            unitsFile();
            inspectionFiles();
            supervisionFiles();
            disciplineFiles();
            letterFiles();
            List<Rec> all = new ArrayList<>();
            Stream.of(g.inspections, g.supervisions, g.disciplines, g.letters).forEach(all::addAll);
            for (Rec r : all) {
                if (r.file == null) {
                    throw new IllegalStateException("record in no file: " + r.type + " " + r.v);
                }
            }
            return new Plan(g.units, all, files, planted, repeated);
        }

        static List<Rec> in(List<Rec> recs, LocalDate from, LocalDate to) {
            return recs.stream().filter(r -> {
                LocalDate d = r.periodDate();
                return !d.isBefore(from) && !d.isAfter(to);
            }).toList();
        }

        static LocalDate d(int y, int m, int day) {
            return LocalDate.of(y, m, day);
        }

        // ------------------------------------------------------------ units

        void unitsFile() {
            Grid top = new Grid("Đơn vị trực thuộc", UnaryOperator.identity());
            Grid branches = new Grid("Chi bộ", UnaryOperator.identity());
            for (Grid grid : List.of(top, branches)) {
                grid.row(0, "ĐẢNG BỘ KHỐI CÁC CƠ QUAN " + BLOC.toUpperCase(Locale.ROOT));
                grid.row(1, "BAN TỔ CHỨC");
                grid.put(3, 0, grid == top ? "DANH MỤC ĐẢNG BỘ, CHI BỘ CƠ SỞ TRỰC THUỘC ĐẢNG BỘ KHỐI"
                        : "DANH MỤC CHI BỘ TRỰC THUỘC CÁC ĐẢNG BỘ");
                grid.merge(3, 0, 3, 9);
                grid.put(4, 0, "(Cập nhật đến ngày 31/12/2014)");
                grid.merge(4, 0, 4, 9);
                grid.row(6, "STT", "Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên", "Cấp", "Tên gọi khác", "Hiệu lực từ",
                        "Hiệu lực đến", "Mã đơn vị kế thừa", "Ghi chú");
                grid.bold.addAll(List.of(0, 1, 3, 6));
                grid.widths.putAll(Map.of(0, 6, 1, 11, 2, 58, 3, 12, 4, 22, 5, 52, 6, 12, 7, 12, 8, 12, 9, 40));
            }
            int r = 7;
            int n = 1;
            for (Unit u : g.units) {
                if (u.isBranch()) {
                    continue;
                }
                unitRow(top, r++, n++, u);
            }
            r = 7;
            n = 1;
            for (Unit c : g.committees) {
                for (Unit b : c.branches) {
                    unitRow(branches, r++, n++, b);
                }
            }
            for (Grid grid : List.of(top, branches)) {
                int end = grid.next() + 1;
                grid.put(end, 5, PLACE + ", ngày 05 tháng 01 năm 2015");
                grid.put(end + 1, 1, "NGƯỜI LẬP BIỂU");
                grid.put(end + 1, 5, "TRƯỞNG BAN");
                grid.put(end + 4, 1, "Lưu Thị Thanh Tâm");
                grid.put(end + 4, 5, "Phùng Văn Thuận");
            }
            files.add(new OutFile("don-vi.xlsx", Format.XLSX, List.of(top, branches), LocalDateTime.of(2015, 1, 5, 9, 0), null));
        }

        void unitRow(Grid grid, int r, int n, Unit u) {
            String note = null;
            if (u.successor != null) {
                note = "Sáp nhập vào " + u.successor.name + " từ ngày 01/7/2013";
            } else if (u.validFrom != null && u.isBranch()) {
                note = "Tiếp nhận từ " + g.committees.get(MERGED - 1).name + " ngày 01/7/2013";
            }
            grid.row(r, n, u.code, u.name, u.parent == null ? "" : u.parent.code, u.levelLabel(), String.join("; ", u.aliases),
                    u.validFrom, u.validTo, u.successor == null ? "" : u.successor.code, note);
        }

        // ------------------------------------------------------------ inspections

        List<Col> inspectionCols(Style s) {
            List<Col> cols = new ArrayList<>(List.of(
                    new Col(null, "STT", "stt", r -> null),
                    new Col(null, "Đơn vị", "unit", s::unit),
                    new Col("Quyết định", "Số", "decision_no", r -> r.get("decision_no")),
                    new Col("Quyết định", "Ngày", "start_date", r -> s.date(r.date("start_date"))),
                    new Col(null, "Ngày kết luận", "end_date", r -> s.date(r.date("end_date"))),
                    new Col(null, "Chủ thể kiểm tra", "body", s::body),
                    new Col("Đối tượng kiểm tra", "Loại đối tượng", "subject_type", s::subjectType),
                    new Col("Đối tượng kiểm tra", "Tên đối tượng", "subject", r -> r.get("subject")),
                    new Col(null, "Loại kiểm tra", "type", r -> s.label(r.get("type"))),
                    new Col("Kết luận", "Có vi phạm", "violation", r -> s.bool(r.get("violation"))),
                    new Col("Kết luận", "Phải thi hành kỷ luật", "discipline_required", r -> s.bool(r.get("discipline_required")))));
            if (s.memberColumn) {
                cols.add(new Col(null, "Cấp ủy viên", "committee_member", s::member));
            }
            cols.add(new Col(null, "Ghi chú", "note", r -> null));
            return cols;
        }

        /** The same columns under one header row, as the .xls and the supplement write them. */
        List<Col> inspectionColsFlat(Style s) {
            return List.of(
                    new Col(null, "STT", "stt", r -> null),
                    new Col(null, "Tên đơn vị", "unit", s::unit),
                    new Col(null, "Số QĐ", "decision_no", r -> r.get("decision_no")),
                    new Col(null, "Ngày QĐ", "start_date", r -> s.date(r.date("start_date"))),
                    new Col(null, "Ngày kết thúc", "end_date", r -> s.date(r.date("end_date"))),
                    new Col(null, "Cơ quan kiểm tra", "body", s::body),
                    new Col(null, "Đối tượng", "subject_type", s::subjectType),
                    new Col(null, "Tên đối tượng", "subject", r -> r.get("subject")),
                    new Col(null, "Nội dung kiểm tra", "type", r -> s.label(r.get("type"))),
                    new Col(null, "Kết luận có vi phạm", "violation", r -> s.bool(r.get("violation"))),
                    new Col(null, "Phải kỷ luật", "discipline_required", r -> s.bool(r.get("discipline_required"))));
        }

        Register inspectionRegister(String sheet, String period, List<Rec> recs, List<Col> cols, LocalDate signed) {
            Register reg = new Register();
            reg.sheet = sheet;
            reg.title = "SỔ THEO DÕI CÔNG TÁC KIỂM TRA " + period;
            reg.subtitle = "(Tổng hợp từ báo cáo của các đảng ủy, chi bộ cơ sở trực thuộc)";
            reg.cols = cols;
            reg.sections = new String[] {"KIỂM TRA TỔ CHỨC ĐẢNG", "KIỂM TRA ĐẢNG VIÊN"};
            reg.rows.addAll(sorted(recs, "start_date"));
            reg.signed = signed;
            return reg;
        }

        static List<Rec> sorted(List<Rec> recs, String dateField) {
            return recs.stream().sorted(Comparator.comparing((Rec r) -> "ORG".equals(r.get("subject_type")) ? 0 : 1)
                    .thenComparing(r -> r.date(dateField))
                    .thenComparing(r -> r.get("decision_no") == null ? "" : String.valueOf(r.get("decision_no")))
                    .thenComparing(r -> r.unit.code)).toList();
        }

        void inspectionFiles() {
            List<Rec> all = g.inspections;
            // 6 tháng đầu năm 2013: .xlsx, units by name, committee members in their own column
            Style s1 = new Style("kiem-tra-2013-6-thang-dau.xlsx", UnitStyle.NAME, DateStyle.CELL, 0, true, true);
            Register r1 = inspectionRegister("6 tháng đầu 2013", "6 THÁNG ĐẦU NĂM 2013", in(all, d(2013, 1, 1), d(2013, 6, 30)),
                    inspectionCols(s1), d(2013, 7, 5));
            xlsx("kiem-tra-2013-6-thang-dau.xlsx", LocalDateTime.of(2013, 7, 5, 16, 30), r1);

            // 6 tháng cuối năm 2013: a legacy .xls, one header row, values abbreviated, one bad row (end before start)
            Style s2 = new Style("kiem-tra-2013-6-thang-cuoi.xls", UnitStyle.MIXED, DateStyle.CELL, 1, false, false);
            Register r2 = inspectionRegister("KT 6 thang cuoi 2013", "6 THÁNG CUỐI NĂM 2013", in(all, d(2013, 7, 1), d(2013, 12, 31)),
                    inspectionColsFlat(s2), d(2014, 1, 6));
            r2.twoRow = false;
            r2.columnNumbers = "plain";
            Rec bad1 = badMember(r2.rows, "inspection");
            bad1.v.put("end_date", bad1.date("start_date").minusDays(9));
            bad1.v.put("violation", false);
            bad1.v.put("discipline_required", false);
            plant(r2, bad1, "end_date", "is before start_date");
            file("kiem-tra-2013-6-thang-cuoi.xls", Format.XLS, LocalDateTime.of(2014, 1, 6, 10, 0), r2);

            // quý I/2014: units by code; one bad row (31/02/2014); re-sent later byte for byte
            Style s3 = new Style("kiem-tra-2014-q1.xlsx", UnitStyle.CODE, DateStyle.CELL, 0, true, true);
            Register r3 = inspectionRegister("Quý I-2014", "QUÝ I NĂM 2014", in(all, d(2014, 1, 1), d(2014, 3, 31)),
                    inspectionCols(s3), d(2014, 4, 4));
            Rec bad2 = badMember(r3.rows, "inspection");
            bad2.override = Map.of("start_date", "31/02/2014");
            plant(r3, bad2, "start_date", "is not a date that exists");
            xlsx("kiem-tra-2014-q1.xlsx", LocalDateTime.of(2014, 4, 4, 15, 0), r3);
            files.add(new OutFile("kiem-tra-2014-quy-I-gui-lai.xlsx", Format.COPY, List.of(), null, "kiem-tra-2014-q1.xlsx"));

            // quý II/2014: units by alias or name, dates typed as text; three records come later in a supplement
            List<Rec> q2 = in(all, d(2014, 4, 1), d(2014, 6, 30));
            List<Rec> q2Members = q2.stream().filter(r -> r.is("subject_type", "MEMBER") && r.get("decision_no") != null).toList();
            List<Rec> late = new ArrayList<>();
            while (late.size() < 3) {
                Rec r = q2Members.get(rnd.nextInt(q2Members.size()));
                if (!late.contains(r)) {
                    late.add(r);
                }
            }
            Style s4 = new Style("kiem-tra-2014-q2.xlsx", UnitStyle.ALIAS, DateStyle.TEXT, 0, true, true);
            Register r4 = inspectionRegister("Quý II-2014", "QUÝ II NĂM 2014", q2.stream().filter(r -> !late.contains(r)).toList(),
                    inspectionCols(s4), d(2014, 7, 3));
            Rec bad3 = badMember(r4.rows, "inspection");
            bad3.override = Map.of("unit", "Đảng ủy Cục Hải văn Vạn Xuân");
            plant(r4, bad3, "unit", "unknown unit");
            xlsx("kiem-tra-2014-q2.xlsx", LocalDateTime.of(2014, 7, 3, 9, 15), r4);

            // the supplement: the three late records, and four rows of the quarter's register sent again
            Style s5 = new Style("kiem-tra-2014-quy-II-bo-sung.xlsx", UnitStyle.CODE, DateStyle.TEXT_SHORT, 1, false, false);
            Register r5 = new Register();
            r5.sheet = "Bổ sung";
            r5.title = "DANH SÁCH BỔ SUNG ĐẢNG VIÊN ĐƯỢC KIỂM TRA QUÝ II NĂM 2014";
            r5.subtitle = "(Kèm theo Công văn số 118-CV/UBKT ngày 15/7/2014)";
            r5.cols = inspectionColsFlat(s5);
            r5.twoRow = false;
            r5.columnNumbers = null;
            r5.signed = d(2014, 7, 15);
            List<Rec> again = r4.rows.stream().filter(r -> r.is("subject_type", "MEMBER") && r.override.isEmpty()).skip(40).limit(4).toList();
            List<Rec> supplement = new ArrayList<>(late);
            supplement.addAll(again);
            r5.rows.addAll(supplement);
            repeated.put("kiem-tra-2014-quy-II-bo-sung.xlsx", again.size());
            xlsx("kiem-tra-2014-quy-II-bo-sung.xlsx", LocalDateTime.of(2014, 7, 15, 8, 45), r5, again);

            // 6 tháng cuối năm 2014: one workbook, a sheet per quarter and a notes sheet
            Style s6 = new Style("kiem-tra-2014-6-thang-cuoi.xlsx", UnitStyle.CODE, DateStyle.CELL, 0, true, true);
            Register q3 = inspectionRegister("Quý III", "QUÝ III NĂM 2014", in(all, d(2014, 7, 1), d(2014, 9, 30)), inspectionCols(s6), d(2015, 1, 7));
            Register q4 = inspectionRegister("Quý IV", "QUÝ IV NĂM 2014", in(all, d(2014, 10, 1), d(2014, 12, 31)), inspectionCols(s6), d(2015, 1, 7));
            Grid notes = new Grid("Ghi chú", UnaryOperator.identity());
            notes.row(0, "Số liệu tổng hợp theo Hướng dẫn của Ủy ban Kiểm tra Đảng ủy Khối; đơn vị tính: lượt.");
            notes.row(1, "Cột \"Đơn vị\" ghi mã đơn vị theo Danh mục đơn vị của Ban Tổ chức Đảng ủy Khối.");
            files.add(new OutFile("kiem-tra-2014-6-thang-cuoi.xlsx", Format.XLSX,
                    List.of(grid("kiem-tra-2014-6-thang-cuoi.xlsx", q3, List.of()), grid("kiem-tra-2014-6-thang-cuoi.xlsx", q4, List.of()), notes),
                    LocalDateTime.of(2015, 1, 7, 14, 0), null));
        }

        // ------------------------------------------------------------ supervisions

        List<Col> supervisionCols(Style s) {
            List<Col> cols = new ArrayList<>(List.of(
                    new Col(null, "STT", "stt", r -> null),
                    new Col(null, "Đơn vị", "unit", s::unit),
                    new Col("Kế hoạch giám sát", "Số KH", "plan_no", r -> r.get("plan_no")),
                    new Col("Kế hoạch giám sát", "Ngày giám sát", "start_date", r -> s.date(r.date("start_date"))),
                    new Col(null, "Chủ thể giám sát", "body", s::body),
                    new Col("Đối tượng giám sát", "Loại đối tượng", "subject_type", s::subjectType),
                    new Col("Đối tượng giám sát", "Tên đối tượng", "subject", r -> r.get("subject")),
                    new Col(null, "Hình thức giám sát", "mode", r -> s.label(r.get("mode"))),
                    new Col(null, "Phát hiện dấu hiệu vi phạm", "signs_found", r -> s.bool(r.get("signs_found")))));
            if (s.memberColumn) {
                cols.add(new Col(null, "Cấp ủy viên", "committee_member", s::member));
            }
            cols.add(new Col(null, "Ghi chú", "note", r -> null));
            return cols;
        }

        List<Col> supervisionColsFlat(Style s, String subjectHeader) {
            return List.of(
                    new Col(null, "STT", "stt", r -> null),
                    new Col(null, "Tên đơn vị", "unit", s::unit),
                    new Col(null, "Số kế hoạch", "plan_no", r -> r.get("plan_no")),
                    new Col(null, "Ngày bắt đầu", "start_date", r -> s.date(r.date("start_date"))),
                    new Col(null, "Chủ thể", "body", s::body),
                    new Col(null, "Đối tượng", "subject_type", s::subjectType),
                    new Col(null, subjectHeader, "subject", r -> r.get("subject")),
                    new Col(null, "Hình thức giám sát", "mode", r -> s.label(r.get("mode"))),
                    new Col(null, "Có dấu hiệu vi phạm", "signs_found", r -> s.bool(r.get("signs_found"))));
        }

        Register supervisionRegister(String sheet, String period, List<Rec> recs, List<Col> cols, LocalDate signed) {
            Register reg = new Register();
            reg.sheet = sheet;
            reg.title = "SỔ THEO DÕI CÔNG TÁC GIÁM SÁT " + period;
            reg.subtitle = "(Tổng hợp từ báo cáo của các đảng ủy, chi bộ cơ sở trực thuộc)";
            reg.cols = cols;
            reg.sections = new String[] {"GIÁM SÁT TỔ CHỨC ĐẢNG", "GIÁM SÁT ĐẢNG VIÊN"};
            reg.rows.addAll(recs.stream().sorted(Comparator.comparing((Rec r) -> "ORG".equals(r.get("subject_type")) ? 0 : 1)
                    .thenComparing(r -> r.date("start_date"))
                    .thenComparing(r -> r.get("plan_no") == null ? "" : String.valueOf(r.get("plan_no")))
                    .thenComparing(r -> r.unit.code)).toList());
            reg.signed = signed;
            return reg;
        }

        void supervisionFiles() {
            List<Rec> all = g.supervisions;
            Style s1 = new Style("giam-sat-2013-6-thang-dau.xlsx", UnitStyle.NAME, DateStyle.CELL, 0, true, true);
            xlsx("giam-sat-2013-6-thang-dau.xlsx", LocalDateTime.of(2013, 7, 8, 10, 0),
                    supervisionRegister("6 tháng đầu 2013", "6 THÁNG ĐẦU NĂM 2013", in(all, d(2013, 1, 1), d(2013, 6, 30)), supervisionCols(s1), d(2013, 7, 8)));

            Style s2 = new Style("giam-sat-2013-6-thang-cuoi.xlsx", UnitStyle.CODE, DateStyle.TEXT_SHORT, 1, false, false);
            xlsx("giam-sat-2013-6-thang-cuoi.xlsx", LocalDateTime.of(2014, 1, 8, 10, 0),
                    supervisionRegister("6 tháng cuối 2013", "6 THÁNG CUỐI NĂM 2013", in(all, d(2013, 7, 1), d(2013, 12, 31)), supervisionCols(s2), d(2014, 1, 8)));

            Style s3 = new Style("giam-sat-2014-q1.xlsx", UnitStyle.MIXED, DateStyle.CELL, 0, true, true);
            Register r3 = supervisionRegister("Quý I-2014", "QUÝ I NĂM 2014", in(all, d(2014, 1, 1), d(2014, 3, 31)), supervisionCols(s3), d(2014, 4, 7));
            Rec bad = badMember(r3.rows, "supervision");
            bad.override = Map.of("subject", "");
            plant(r3, bad, "subject", "required value missing");
            xlsx("giam-sat-2014-q1.xlsx", LocalDateTime.of(2014, 4, 7, 11, 0), r3);

            Style s4 = new Style("giam-sat-2014-q2.xlsx", UnitStyle.CODE, DateStyle.CELL, 0, true, true);
            xlsx("giam-sat-2014-q2.xlsx", LocalDateTime.of(2014, 7, 4, 16, 0),
                    supervisionRegister("Quý II-2014", "QUÝ II NĂM 2014", in(all, d(2014, 4, 1), d(2014, 6, 30)), supervisionCols(s4), d(2014, 7, 4)));

            // 6 tháng cuối năm 2014: organizations and members on separate sheets, one header row each
            List<Rec> h2 = in(all, d(2014, 7, 1), d(2014, 12, 31));
            Style s5 = new Style("giam-sat-2014-6-thang-cuoi.xlsx", UnitStyle.ALIAS, DateStyle.CELL, 1, false, false);
            Register orgs = supervisionRegister("Tổ chức đảng", "TỔ CHỨC ĐẢNG 6 THÁNG CUỐI NĂM 2014",
                    h2.stream().filter(r -> r.is("subject_type", "ORG")).toList(), supervisionColsFlat(s5, "Tên tổ chức đảng"), d(2015, 1, 8));
            Register members = supervisionRegister("Đảng viên", "ĐẢNG VIÊN 6 THÁNG CUỐI NĂM 2014",
                    h2.stream().filter(r -> r.is("subject_type", "MEMBER")).toList(), supervisionColsFlat(s5, "Họ và tên"), d(2015, 1, 8));
            for (Register reg : List.of(orgs, members)) {
                reg.twoRow = false;
                reg.sections = null;
                reg.columnNumbers = "plain";
            }
            Rec bad2 = badMember(members.rows, "supervision");
            bad2.override = Map.of("mode", "Đột xuất");
            plant(members, bad2, "mode", "is not a recognised value");
            files.add(new OutFile("giam-sat-2014-6-thang-cuoi.xlsx", Format.XLSX,
                    List.of(grid("giam-sat-2014-6-thang-cuoi.xlsx", orgs, List.of()), grid("giam-sat-2014-6-thang-cuoi.xlsx", members, List.of())),
                    LocalDateTime.of(2015, 1, 8, 9, 30), null));
        }

        // ------------------------------------------------------------ disciplines

        List<Col> disciplineCols(Style s) {
            List<Col> cols = new ArrayList<>(List.of(
                    new Col(null, "STT", "stt", r -> null),
                    new Col(null, "Đơn vị", "unit", s::unit),
                    new Col("Quyết định", "Số", "decision_no", r -> r.get("decision_no")),
                    new Col("Quyết định", "Ngày", "decision_date", r -> s.date(r.date("decision_date"))),
                    new Col(null, "Cấp quyết định", "body", r -> r.get("body")),
                    new Col("Đối tượng bị kỷ luật", "Loại đối tượng", "subject_type", s::subjectType),
                    new Col("Đối tượng bị kỷ luật", "Tên đối tượng", "subject", r -> r.get("subject")),
                    new Col(null, "Hình thức kỷ luật", "form", r -> s.label(r.get("form"))),
                    new Col(null, "Nội dung vi phạm", "violation_area", r -> r.get("violation_area"))));
            if (s.memberColumn) {
                cols.add(new Col(null, "Cấp ủy viên", "committee_member", s::member));
            }
            return cols;
        }

        Register disciplineRegister(String sheet, String period, List<Rec> recs, List<Col> cols, LocalDate signed) {
            Register reg = new Register();
            reg.sheet = sheet;
            reg.title = "SỔ THEO DÕI THI HÀNH KỶ LUẬT ĐẢNG " + period;
            reg.subtitle = "(Tổng hợp quyết định kỷ luật của các cấp trong Đảng bộ Khối)";
            reg.cols = cols;
            reg.sections = new String[] {"TỔ CHỨC ĐẢNG BỊ KỶ LUẬT", "ĐẢNG VIÊN BỊ KỶ LUẬT"};
            reg.rows.addAll(sorted(recs, "decision_date"));
            reg.signed = signed;
            return reg;
        }

        void disciplineFiles() {
            List<Rec> all = g.disciplines;
            // 2013, typed with a TCVN3 (.VnTime) font: every text cell goes through the tcvn3 hook
            Style s1 = new Style("ky-luat-2013-vntime.xlsx", UnitStyle.NAME, DateStyle.CELL, 0, false, false);
            Register r1 = disciplineRegister("KL 2013", "NĂM 2013", in(all, d(2013, 1, 1), d(2013, 12, 31)), List.of(
                    new Col(null, "STT", "stt", r -> null),
                    new Col(null, "Tên đơn vị", "unit", s1::unit),
                    new Col(null, "Số QĐ", "decision_no", r -> r.get("decision_no")),
                    new Col(null, "Ngày kỷ luật", "decision_date", r -> s1.date(r.date("decision_date"))),
                    new Col(null, "Cấp kỷ luật", "body", r -> r.get("body")),
                    new Col(null, "Đối tượng", "subject_type", s1::subjectType),
                    new Col(null, "Họ và tên", "subject", r -> r.get("subject")),
                    new Col(null, "Hình thức kỷ luật", "form", r -> s1.label(r.get("form"))),
                    new Col(null, "Lĩnh vực vi phạm", "violation_area", r -> r.get("violation_area"))), d(2014, 1, 10));
            r1.twoRow = false;
            r1.columnNumbers = "plain";
            r1.sections = null;
            files.add(new OutFile("ky-luat-2013-vntime.xlsx", Format.XLSX,
                    List.of(grid("ky-luat-2013-vntime.xlsx", r1, List.of(), tcvn3)), LocalDateTime.of(2014, 1, 10, 8, 0), null));

            Style s2 = new Style("ky-luat-2014-6-thang-dau.xlsx", UnitStyle.MIXED, DateStyle.CELL, 0, true, true);
            Register r2 = disciplineRegister("6 tháng đầu 2014", "6 THÁNG ĐẦU NĂM 2014", in(all, d(2014, 1, 1), d(2014, 6, 30)), disciplineCols(s2), d(2014, 7, 7));
            Rec bad1 = badMember(r2.rows, "discipline");
            bad1.v.put("form", "DISSOLUTION");
            plant(r2, bad1, "form", "applies to organizations, not to a party member");
            xlsx("ky-luat-2014-6-thang-dau.xlsx", LocalDateTime.of(2014, 7, 7, 9, 0), r2);

            Style s3 = new Style("ky-luat-2014-6-thang-cuoi.xlsx", UnitStyle.CODE, DateStyle.TEXT, 0, true, false);
            Register r3 = disciplineRegister("6 tháng cuối 2014", "6 THÁNG CUỐI NĂM 2014", in(all, d(2014, 7, 1), d(2014, 12, 31)), disciplineCols(s3), d(2015, 1, 9));
            // an organization "expelled": a form for members only
            Rec org = r3.rows.stream().filter(r -> r.is("subject_type", "ORG") && !r.is("form", "DISSOLUTION")).reduce((a, b) -> b).orElseThrow();
            Rec bad2 = org.copy();
            bad2.v.put("form", "EXPULSION");
            bad2.v.put("subject", "Chi bộ Phòng Quản trị");
            bad2.v.put("decision_no", bump(org.get("decision_no").toString()));
            plant(r3, bad2, "form", "apply to party members, not to an organization");
            xlsx("ky-luat-2014-6-thang-cuoi.xlsx", LocalDateTime.of(2015, 1, 9, 9, 0), r3);
        }

        static String bump(String number) {
            int dash = number.indexOf('-');
            return String.format("%02d", Integer.parseInt(number.substring(0, dash)) + 1) + number.substring(dash);
        }

        // ------------------------------------------------------------ letters

        List<Col> letterCols(Style s) {
            return List.of(
                    new Col(null, "STT", "stt", r -> null),
                    new Col(null, "Số vào sổ", "letter_no", r -> r.get("letter_no")),
                    new Col(null, "Ngày nhận", "received_date", r -> s.date(r.date("received_date"))),
                    new Col(null, "Đơn vị", "unit", s::unit),
                    new Col(null, "Loại đơn", "kind", r -> s.label(r.get("kind"))),
                    new Col(null, "Nặc danh", "anonymous", r -> s.bool(r.get("anonymous"))),
                    new Col("Người, tổ chức bị tố cáo, khiếu nại", "Loại đối tượng", "subject_type", r -> s.label(r.get("subject_type"))),
                    new Col("Người, tổ chức bị tố cáo, khiếu nại", "Tên đối tượng", "subject", r -> r.get("subject")),
                    new Col("Kết quả xử lý", "Tình trạng", "status", r -> s.label(r.get("status"))),
                    new Col("Kết quả xử lý", "Ngày giải quyết", "resolved_date", r -> s.date(r.date("resolved_date"))),
                    new Col("Kết quả xử lý", "Kết quả giải quyết", "outcome", r -> s.label(r.get("outcome"))),
                    new Col(null, "Ghi chú", "note", r -> null));
        }

        Register letterRegister(String sheet, String period, List<Rec> recs, List<Col> cols, LocalDate signed) {
            Register reg = new Register();
            reg.sheet = sheet;
            reg.title = "SỔ THEO DÕI TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ " + period;
            reg.subtitle = "(Đơn thư gửi Ủy ban Kiểm tra Đảng ủy Khối)";
            reg.cols = cols;
            reg.rows.addAll(recs.stream().sorted(Comparator.comparing((Rec r) -> r.date("received_date"))
                    .thenComparing(r -> Integer.parseInt(r.get("letter_no").toString()))).toList());
            reg.signed = signed;
            return reg;
        }

        void letterFiles() {
            List<Rec> all = g.letters;
            // 2013: Excel's CSV on Vietnamese Windows (Windows-1258, semicolons), units by name
            Style s1 = new Style("don-thu-2013.csv", UnitStyle.NAME, DateStyle.TEXT, 0, true, false);
            Register r1 = new Register();
            r1.sheet = "don-thu-2013.csv";
            r1.title = "SỔ THEO DÕI ĐƠN THƯ NĂM 2013";
            r1.cols = List.of(
                    new Col(null, "STT", "stt", r -> null),
                    new Col(null, "Số đơn", "letter_no", r -> r.get("letter_no")),
                    new Col(null, "Ngày nhận đơn", "received_date", r -> s1.date(r.date("received_date"))),
                    new Col(null, "Đơn vị", "unit", s1::unit),
                    new Col(null, "Loại đơn", "kind", r -> s1.label(r.get("kind"))),
                    new Col(null, "Đơn nặc danh", "anonymous", r -> s1.bool(r.get("anonymous"))),
                    new Col(null, "Đối tượng", "subject_type", r -> s1.label(r.get("subject_type"))),
                    new Col(null, "Họ tên", "subject", r -> r.get("subject")),
                    new Col(null, "Tình trạng giải quyết", "status", r -> s1.label(r.get("status"))),
                    new Col(null, "Ngày giải quyết", "resolved_date", r -> s1.date(r.date("resolved_date"))),
                    new Col(null, "Kết luận", "outcome", r -> s1.label(r.get("outcome"))));
            r1.twoRow = false;
            r1.columnNumbers = null;
            r1.totals = "Cộng";
            r1.rows.addAll(letterRegister("", "", in(all, d(2013, 1, 1), d(2013, 12, 31)), r1.cols, null).rows);
            r1.signed = d(2014, 1, 3);
            // letter 58 entered a second time, its kind left blank
            Rec bad1 = r1.rows.get(57).copy();
            bad1.v.put("letter_no", r1.rows.get(57).get("letter_no") + "a");
            bad1.override = Map.of("kind", "");
            plant(r1, bad1, "kind", "required value missing");
            Grid csv = grid("don-thu-2013.csv", r1, List.of());
            files.add(new OutFile("don-thu-2013.csv", Format.CSV_CP1258, List.of(csv), null, null));

            Style s2 = new Style("don-thu-2014-6-thang-dau.xlsx", UnitStyle.MIXED, DateStyle.CELL, 0, true, false);
            Register r2 = letterRegister("6 tháng đầu 2014", "6 THÁNG ĐẦU NĂM 2014", in(all, d(2014, 1, 1), d(2014, 6, 30)), letterCols(s2), d(2014, 7, 2));
            Rec bad2 = r2.rows.get(30).copy();
            bad2.v.put("letter_no", r2.rows.get(30).get("letter_no") + "b");
            bad2.v.put("status", "RESOLVED");
            bad2.v.put("resolved_date", bad2.date("received_date").minusDays(6));
            bad2.v.put("outcome", "DENUNCIATION".equals(bad2.get("kind")) || "APPEAL".equals(bad2.get("kind")) ? "UNFOUNDED" : null);
            plant(r2, bad2, "resolved_date", "is before received_date");
            xlsx("don-thu-2014-6-thang-dau.xlsx", LocalDateTime.of(2014, 7, 2, 15, 0), r2);

            Style s3 = new Style("don-thu-2014-6-thang-cuoi.xlsx", UnitStyle.CODE, DateStyle.CELL, 1, true, false);
            xlsx("don-thu-2014-6-thang-cuoi.xlsx", LocalDateTime.of(2015, 1, 6, 15, 0),
                    letterRegister("6 tháng cuối 2014", "6 THÁNG CUỐI NĂM 2014", in(all, d(2014, 7, 1), d(2014, 12, 31)), letterCols(s3), d(2015, 1, 6)));
        }

        // ------------------------------------------------------------ planted rows

        /** A new member record like the ones of this register (another member, not a record of the plan). */
        Rec badMember(List<Rec> rows, String type) {
            Rec model = rows.stream().filter(r -> r.is("subject_type", "MEMBER") && r.member != null).skip(rows.size() / 3).findFirst().orElseThrow();
            Rec bad = model.copy();
            Member stranger = new Member(g.newName(), model.member.branch(), false, null);
            bad.member = stranger;
            bad.v.put("subject", stranger.name());
            bad.v.put("committee_member", false);
            return bad;
        }

        /** Puts a bad row into a register where its date puts it (among the rows of its subject type, when sectioned). */
        void plant(Register reg, Rec bad, String field, String reason) {
            int at = -1;
            for (int i = 0; i < reg.rows.size(); i++) {
                Rec r = reg.rows.get(i);
                boolean sameSection = reg.sections == null || java.util.Objects.equals(r.get("subject_type"), bad.get("subject_type"));
                if (sameSection && (at < 0 || !r.periodDate().isAfter(bad.periodDate()))) {
                    at = i + 1;
                }
            }
            reg.rows.add(at < 0 ? reg.rows.size() : at, bad);
            bad.plantedField = field;
            bad.plantedReason = reason;
        }

        // ------------------------------------------------------------ register → grid

        void xlsx(String file, LocalDateTime stamp, Register reg) {
            xlsx(file, stamp, reg, List.of());
        }

        void xlsx(String file, LocalDateTime stamp, Register reg, List<Rec> repeats) {
            files.add(new OutFile(file, Format.XLSX, List.of(grid(file, reg, repeats)), stamp, null));
        }

        void file(String file, Format format, LocalDateTime stamp, Register reg) {
            files.add(new OutFile(file, format, List.of(grid(file, reg, List.of())), stamp, null));
        }

        Grid grid(String file, Register reg, List<Rec> repeats) {
            return grid(file, reg, repeats, UnaryOperator.identity());
        }

        /** Lays a register out: title rows, header (one or two rows), column numbers, sections, rows, totals, signatures. */
        Grid grid(String file, Register reg, List<Rec> repeats, UnaryOperator<String> text) {
            Grid grid = new Grid(reg.sheet, text);
            int width = reg.cols.size();
            boolean csv = file.endsWith(".csv");
            int right = Math.max(width - 4, 2);
            int r = 0;
            if (!csv) {
                grid.put(0, 0, "ĐẢNG BỘ KHỐI CÁC CƠ QUAN " + BLOC.toUpperCase(Locale.ROOT));
                grid.put(0, right, "ĐẢNG CỘNG SẢN VIỆT NAM");
                grid.put(1, 0, reg.office);
                grid.bold.addAll(List.of(0, 1));
                r = 3;
            }
            grid.put(r, 0, reg.title);
            grid.bold.add(r);
            if (!csv) {
                grid.merge(r, 0, r, width - 1);
            }
            r++;
            if (reg.subtitle != null) {
                grid.put(r, 0, reg.subtitle);
                if (!csv) {
                    grid.merge(r, 0, r, width - 1);
                }
                r++;
            }
            r++;
            // header
            int header = r;
            if (reg.twoRow) {
                for (int c = 0; c < width; c++) {
                    Col col = reg.cols.get(c);
                    if (col.group() == null) {
                        grid.put(r, c, col.header());
                        grid.merge(r, c, r + 1, c);
                    } else {
                        if (c == 0 || !col.group().equals(reg.cols.get(c - 1).group())) {
                            grid.put(r, c, col.group());
                            int last = c;
                            while (last + 1 < width && col.group().equals(reg.cols.get(last + 1).group())) {
                                last++;
                            }
                            grid.merge(r, c, r, last);
                        }
                        grid.put(r + 1, c, col.header());
                    }
                }
                grid.bold.add(r);
                grid.bold.add(r + 1);
                r += 2;
            } else {
                for (int c = 0; c < width; c++) {
                    grid.put(r, c, reg.cols.get(c).header());
                }
                grid.bold.add(r);
                r++;
            }
            if (reg.columnNumbers != null) {
                for (int c = 0; c < width; c++) {
                    grid.put(r, c, reg.columnNumbers.equals("paren") ? "(" + (c + 1) + ")" : (Object) (c + 1));
                }
                r++;
            }
            // rows
            int stt = 0;
            String section = null;
            int sectionNo = 0;
            Set<Rec> repeated = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            repeated.addAll(repeats);
            for (Rec rec : reg.rows) {
                if (reg.sections != null) {
                    String s = "ORG".equals(rec.get("subject_type")) ? reg.sections[0] : reg.sections[1];
                    if (!s.equals(section)) {
                        section = s;
                        sectionNo++;
                        grid.put(r, 0, sectionNo == 1 ? "I" : "II");
                        grid.put(r, 1, s);
                        grid.bold.add(r);
                        r++;
                    }
                }
                stt++;
                for (int c = 0; c < width; c++) {
                    Col col = reg.cols.get(c);
                    Object value = col.field().equals("stt") ? (Object) stt
                            : rec.override.containsKey(col.field()) ? rec.override.get(col.field()) : col.value().apply(rec);
                    grid.put(r, c, value);
                }
                if (rec.plantedField != null) {
                    planted.add(new Planted(file, reg.sheet, r + 1, rec.type, rec.plantedField, rec.plantedReason));
                } else if (!repeated.contains(rec)) {
                    if (rec.file != null) {
                        throw new IllegalStateException("record rendered twice: " + rec.v);
                    }
                    rec.file = file;
                    rec.sheet = reg.sheet;
                    rec.row = r + 1;
                }
                r++;
            }
            // totals and signatures
            grid.put(r, 0, reg.totals);
            if (!csv) {
                grid.merge(r, 0, r, 1);
                int subject = -1;
                for (int c = 0; c < width; c++) {
                    if (reg.cols.get(c).field().equals("subject")) {
                        subject = c;
                    }
                }
                grid.put(r, subject, stt);
            } else {
                grid.put(r, 1, stt);
            }
            grid.bold.add(r);
            r += 2;
            if (reg.signed != null) {
                grid.put(r, right, String.format("%s, ngày %02d tháng %d năm %d", PLACE, reg.signed.getDayOfMonth(),
                        reg.signed.getMonthValue(), reg.signed.getYear()));
                grid.put(r + 1, 1, "NGƯỜI LẬP BIỂU");
                grid.put(r + 1, right, "TM. " + reg.office);
                grid.put(r + 2, right, reg.role);
                grid.put(r + 5, 1, "Lưu Thị Thanh Tâm");
                grid.put(r + 5, right, reg.signer);
                grid.bold.addAll(List.of(r + 1, r + 2));
            }
            // widths
            for (int c = 0; c < width; c++) {
                String field = reg.cols.get(c).field();
                grid.widths.put(c, switch (field) {
                    case "stt" -> 6;
                    case "unit" -> 34;
                    case "subject" -> 30;
                    case "type", "violation_area", "body" -> 26;
                    case "note" -> 14;
                    default -> 14;
                });
            }
            grid.width = Math.max(grid.width, width);
            return grid;
        }
    }

    // ====================================================================== the plan

    /** Everything the builder decided: units, accepted records, files, planted bad rows, repeated rows. */
    public static final class Plan {
        public final List<Unit> units;
        public final List<Rec> records;
        final List<OutFile> files;
        public final List<Planted> planted;
        /** File name → rows in it that repeat rows of an earlier file. */
        public final Map<String, Integer> repeated;

        Plan(List<Unit> units, List<Rec> records, List<OutFile> files, List<Planted> planted, Map<String, Integer> repeated) {
            this.units = units;
            this.records = records;
            this.files = files;
            this.planted = planted;
            this.repeated = repeated;
        }

        public List<String> fileNames() {
            return files.stream().map(OutFile::name).toList();
        }

        /** The re-sent copy and the file it copies. */
        public Map<String, String> copies() {
            Map<String, String> copies = new LinkedHashMap<>();
            files.stream().filter(f -> f.copyOf() != null).forEach(f -> copies.put(f.name(), f.copyOf()));
            return copies;
        }

        /** The records a metric of the catalog counts in a period (records of the files kept by {@code files}). */
        public long count(JsonNode metric, LocalDate from, LocalDate to) {
            String type = metric.get("record_type").asText();
            String dateField = metric.get("date").asText();
            return records.stream()
                    .filter(r -> r.type.equals(type))
                    .filter(r -> {
                        LocalDate d = r.date(dateField);
                        return d != null && !d.isBefore(from) && !d.isAfter(to);
                    })
                    .filter(r -> matches(metric.get("filter"), r))
                    .count();
        }

        static boolean matches(JsonNode filter, Rec r) {
            for (java.util.Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Object value = r.get(e.getKey());
                boolean any = false;
                for (JsonNode allowed : e.getValue()) {
                    any |= allowed.isBoolean() ? Boolean.valueOf(allowed.asBoolean()).equals(value) : allowed.asText().equals(value);
                }
                if (!any) {
                    return false;
                }
            }
            return true;
        }

        public static JsonNode metrics() {
            try (InputStream in = SampleData.class.getClassLoader().getResourceAsStream("schemas/metrics.json")) {
                if (in == null) {
                    throw new IllegalStateException("schemas/metrics.json is not on the classpath");
                }
                return new ObjectMapper().readTree(in).get("metrics");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        public void printSummary(PrintStream out) {
            out.println("Sample registers of the fictional " + "Đảng bộ Khối các cơ quan " + BLOC + " (synthetic data)");
            long committees = units.stream().filter(u -> u.kind.matches("[UDC]")).count();
            out.printf("units: %d (1 bloc, %d committees of which 1 merged in 2013, %d branches)%n", units.size(), committees,
                    units.stream().filter(Unit::isBranch).count());
            out.printf("%-30s %10s %10s %10s %10s%n", "metric (planted)", "2013-H1", "2013-H2", "2014-H1", "2014-H2");
            for (JsonNode metric : metrics()) {
                StringBuilder line = new StringBuilder(String.format("%-30s", metric.get("id").asText()));
                for (Half h : HALVES) {
                    line.append(String.format(" %10d", count(metric, h.from(), h.to())));
                }
                out.println(line);
            }
            out.println("planted bad rows (must be rejected): " + planted.size());
            for (Planted p : planted) {
                out.printf("  %s / %s row %d: %s — %s%n", p.file(), p.sheet(), p.row(), p.field(), p.reason());
            }
            copies().forEach((copy, original) -> out.println("re-sent copy: " + copy + " = " + original + " byte for byte"));
            repeated.forEach((file, n) -> out.println("repeated rows: " + n + " in " + file));
            Map<String, Long> perFile = new TreeMap<>();
            records.forEach(r -> perFile.merge(r.file, 1L, Long::sum));
            out.println("accepted records per file:");
            perFile.forEach((f, n) -> out.printf("  %-40s %6d%n", f, n));
        }

        // ------------------------------------------------------------ writing

        public void write(Path dir) throws IOException {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.toList()) {
                    String n = p.getFileName().toString();
                    if (Files.isRegularFile(p) && n.matches("(?i).*\\.(xlsx|xls|csv|txt)")) {
                        Files.delete(p);
                    }
                }
            }
            for (OutFile f : files) {
                Path target = dir.resolve(f.name());
                switch (f.format()) {
                    case XLSX -> Files.write(target, xlsx(f));
                    case XLS -> Files.write(target, xls(f));
                    case CSV_CP1258 -> Files.write(target, csv(f.sheets().get(0)));
                    case COPY -> Files.copy(dir.resolve(f.copyOf()), target);
                }
            }
        }

        static byte[] xlsx(OutFile f) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Workbook wb = new Workbook(bytes, "SampleData", "1.0");
            for (Grid grid : f.sheets()) {
                Worksheet ws = wb.newWorksheet(grid.name);
                grid.widths.forEach((c, w) -> ws.width(c, w));
                for (Map.Entry<Integer, TreeMap<Integer, Object>> row : grid.cells.entrySet()) {
                    int r = row.getKey();
                    boolean bold = grid.bold.contains(r);
                    for (Map.Entry<Integer, Object> cell : row.getValue().entrySet()) {
                        int c = cell.getKey();
                        Object v = cell.getValue();
                        if (v instanceof LocalDate date) {
                            ws.value(r, c, date);
                            ws.style(r, c).format("dd/mm/yyyy").set();
                        } else if (v instanceof Number n) {
                            ws.value(r, c, n);
                        } else {
                            ws.value(r, c, v.toString());
                        }
                        if (bold) {
                            ws.style(r, c).bold().set();
                        }
                    }
                }
                for (int[] m : grid.merges) {
                    ws.range(m[0], m[1], m[2], m[3]).merge();
                }
            }
            wb.finish();
            return stableZip(bytes.toByteArray(), f.stamp());
        }

        /** The same zip with fixed entry times and creation date, so the builder makes the same bytes every run. */
        static byte[] stableZip(byte[] zip, LocalDateTime stamp) throws IOException {
            String iso = stamp.toString() + ":00Z";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // read through the central directory: the streamed writer's local headers carry no sizes
            Path temp = Files.createTempFile("sample", ".xlsx");
            Files.write(temp, zip);
            try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(temp.toFile()); ZipOutputStream z = new ZipOutputStream(out)) {
                for (ZipEntry e : java.util.Collections.list(in.entries())) {
                    byte[] data;
                    try (InputStream entry = in.getInputStream(e)) {
                        data = entry.readAllBytes();
                    }
                    if (e.getName().equals("docProps/core.xml")) {
                        String xml = new String(data, StandardCharsets.UTF_8)
                                .replaceAll("(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:(created|modified)>)", "$1" + iso + "$3");
                        data = xml.getBytes(StandardCharsets.UTF_8);
                    }
                    if (e.getName().startsWith("xl/worksheets/")) {
                        data = sortedMerges(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    }
                    ZipEntry entry = new ZipEntry(e.getName());
                    entry.setTimeLocal(stamp);
                    z.putNextEntry(entry);
                    z.write(data);
                    z.closeEntry();
                }
            } finally {
                Files.delete(temp);
            }
            return out.toByteArray();
        }

        /** The merged ranges of a sheet in a fixed order (the writer keeps them in a hash set). */
        static String sortedMerges(String xml) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(<mergeCells[^>]*>)(.*?)(</mergeCells>)").matcher(xml);
            if (!m.find()) {
                return xml;
            }
            List<String> cells = new ArrayList<>(List.of(m.group(2).split("(?<=/>)")));
            cells.sort(Comparator.naturalOrder());
            return xml.substring(0, m.start()) + m.group(1) + String.join("", cells) + m.group(3) + xml.substring(m.end());
        }

        static byte[] xls(OutFile f) throws IOException {
            try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                wb.createInformationProperties();
                wb.getSummaryInformation().getFirstSection().setCodepage(org.apache.poi.util.CodePageUtil.CP_WINDOWS_1252);
                wb.getDocumentSummaryInformation().getFirstSection().setCodepage(org.apache.poi.util.CodePageUtil.CP_WINDOWS_1252);
                wb.getSummaryInformation().setApplicationName("SampleData (Apache POI)");
                Font boldFont = wb.createFont();
                boldFont.setBold(true);
                CellStyle bold = wb.createCellStyle();
                bold.setFont(boldFont);
                bold.setWrapText(true);
                bold.setAlignment(HorizontalAlignment.CENTER);
                CellStyle date = wb.createCellStyle();
                date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
                for (Grid grid : f.sheets()) {
                    Sheet sheet = wb.createSheet(grid.name);
                    grid.widths.forEach((c, w) -> sheet.setColumnWidth(c, w * 256));
                    for (Map.Entry<Integer, TreeMap<Integer, Object>> row : grid.cells.entrySet()) {
                        Row xr = sheet.createRow(row.getKey());
                        boolean isBold = grid.bold.contains(row.getKey());
                        for (Map.Entry<Integer, Object> cell : row.getValue().entrySet()) {
                            Cell xc = xr.createCell(cell.getKey());
                            Object v = cell.getValue();
                            if (v instanceof LocalDate d) {
                                xc.setCellValue(d);
                                xc.setCellStyle(date);
                            } else if (v instanceof Number n) {
                                xc.setCellValue(n.doubleValue());
                            } else {
                                xc.setCellValue(v.toString());
                            }
                            if (isBold) {
                                xc.setCellStyle(bold);
                            }
                        }
                    }
                    for (int[] m : grid.merges) {
                        sheet.addMergedRegion(new CellRangeAddress(m[0], m[2], m[1], m[3]));
                    }
                }
                wb.write(out);
                return out.toByteArray();
            }
        }

        /** Excel's "CSV" on Vietnamese Windows: Windows-1258, semicolons, CRLF, every line as wide as the sheet. */
        static byte[] csv(Grid grid) {
            StringBuilder text = new StringBuilder();
            int last = grid.cells.isEmpty() ? -1 : grid.cells.lastKey();
            for (int r = 0; r <= last; r++) {
                Map<Integer, Object> row = grid.cells.getOrDefault(r, new TreeMap<>());
                for (int c = 0; c < grid.width; c++) {
                    if (c > 0) {
                        text.append(';');
                    }
                    Object v = row.get(c);
                    String s = v == null ? "" : v instanceof LocalDate d ? d.format(DMY) : v.toString();
                    if (s.contains(";") || s.contains("\"") || s.contains("\n")) {
                        s = "\"" + s.replace("\"", "\"\"") + "\"";
                    }
                    text.append(s);
                }
                text.append("\r\n");
            }
            return vn.inspection.pipeline.ingest.MessyFixtures.cp1258(text.toString());
        }
    }

    // ====================================================================== TCVN3

    /**
     * The TCVN3 (.VnTime) encoder: the inverse of the table {@code legacy/tcvn3.tsv} (legacy character TAB Unicode
     * character; its first section is what the .VnTime fonts encode). Capitals with a tone mark, which .VnTime
     * has no code for, are typed with the lowercase code, as with a .VnTimeH font.
     */
    static final class Tcvn3 {
        static final String PROPERTY = "samples.tcvn3-table";

        static UnaryOperator<String> encoder() throws IOException {
            InputStream in = SampleData.class.getResourceAsStream("/legacy/tcvn3.tsv");
            if (in == null && System.getProperty(PROPERTY) != null) {
                in = Files.newInputStream(Path.of(System.getProperty(PROPERTY)));
            }
            if (in == null) {
                throw new IllegalStateException("the TCVN3 table legacy/tcvn3.tsv is neither on the classpath nor given by -D" + PROPERTY);
            }
            try (InputStream table = in) {
                return fromTable(new String(table.readAllBytes(), StandardCharsets.UTF_8));
            }
        }

        static UnaryOperator<String> fromTable(String table) {
            Map<Character, String> codes = new HashMap<>();
            boolean sections = table.contains("# --- Section 1");
            boolean inFirst = !sections;
            for (String line : table.split("\r?\n")) {
                if (line.startsWith("# --- Section")) {
                    inFirst = line.startsWith("# --- Section 1");
                    continue;
                }
                if (line.isBlank() || line.startsWith("#") || !inFirst) {
                    continue;
                }
                String[] parts = line.split("\t");
                String legacy = unescape(parts[0]);
                String unicode = unescape(parts[1]);
                if (unicode.length() == 1) {
                    codes.putIfAbsent(unicode.charAt(0), legacy);
                }
            }
            return text -> {
                StringBuilder out = new StringBuilder();
                // .VnTime has no capital Ủ: typists wrote "Uỷ" (U + ỷ), as in "Uû ban KiÓm tra"
                String typed = Normalizer.normalize(text, Normalizer.Form.NFC).replace("Ủy", "Uỷ");
                for (char ch : typed.toCharArray()) {
                    String code = codes.get(ch);
                    if (code == null && Character.isUpperCase(ch)) {
                        code = codes.get(Character.toLowerCase(ch));
                    }
                    if (code != null) {
                        out.append(code);
                    } else if (ch < 0x80) {
                        out.append(ch);
                    } else {
                        throw new IllegalArgumentException("no TCVN3 code for '" + ch + "' in: " + text);
                    }
                }
                return out.toString();
            };
        }

        static String unescape(String s) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                if (s.startsWith("\\u", i) && i + 6 <= s.length()) {
                    out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                    i += 5;
                } else {
                    out.append(s.charAt(i));
                }
            }
            return out.toString();
        }
    }
}
