package vn.inspection.pipeline.record;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import vn.inspection.pipeline.schema.FieldSpec;
import vn.inspection.pipeline.schema.FieldType;
import vn.inspection.pipeline.text.VietnameseText;

/**
 * Tells the rows below a register's header that hold no record, by their shape, and says which kind of noise
 * each is ({@link RowKind}): blank rows, column-number rows, the header repeated after a page break,
 * subtotals and totals in any wording ("Cộng", "Cộng tháng 7: 3 cuộc", "Cộng T11", "Cộng quý I", "Tổng cộng",
 * "Tổng số", "Trong đó: …", or counts alone), the title repeated on a new page, the signature block and the
 * notes under it. Rows it does not tell
 * ({@code null}) may be records or group headings ({@link GroupRows} decides those).
 *
 * <p>Nothing here ends a register: a subtotal or a total is one row of noise, and the records after it are
 * read. After a signature block (or notes) rows are signature or notes, except a row shaped like a record (it
 * fills most of the register's columns): that row is read as a record and counted in
 * {@link #recordsAfterFooter()}, so the summary can flag it. A word alone never decides: "Tổng công ty …" is a
 * corporation and a row with a date where the register has its dates is a record, whatever its first cell says.
 *
 * <p>One instance per sheet, fed the rows below the header in order.
 */
public final class RowClassifier {
    /** The words a total or subtotal label starts with, as match keys (no diacritics). */
    private static final Pattern TOTAL_WORDS = Pattern.compile("(tong cong|tong so|tong|cong don|cong|luy ke)( (.*))?");
    /** What may follow a bare "Cộng" or "Tổng": nothing, a number, a period ("tháng 7", "T11", "quý I", "năm"). */
    private static final Pattern PERIOD_AFTER = Pattern.compile("(\\d.*|(thang|t|quy|q|nam|ky|dot|hoc ky|6 thang|sau thang|"
            + "9 thang|chin thang|nhung|toan|chung|ca|cac|so|tu|den|i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\\b.*|t\\d+.*|q\\d+.*)");
    /** The words as typed with diacritics: "cộng", not "công" (a corporation) or "cống". */
    private static final Set<String> TOTAL_FIRST_WORDS = Set.of("tổng", "cộng", "luỹ", "lũy", "tong", "cong", "luy");
    private static final List<String> SIGNATURE_STARTS = List.of(
            "tm ", "t m ", "tm.", "nguoi lap", "xac nhan", "thu truong", "chu nhiem", "pho chu nhiem",
            "bi thu", "pho bi thu", "ky ten", "ky ghi ro", "kt ", "uy vien");
    private static final List<String> NOTES_STARTS = List.of(
            "ghi chu", "chu thich", "luu y", "chu y", "nguon so lieu", "noi nhan", "nhu tren", "luu vp", "luu van phong");
    private static final Pattern PLACE_DATE = Pattern.compile(".*\\bngay\\s+\\d{1,2}\\s+thang\\s+\\d{1,2}\\s+nam\\s+\\d{4}.*");
    private static final Pattern COUNT = Pattern.compile("[\\d.,\\s%()]+");

    /** Words a register's title says what it is with: a row made of a title row's texts is the title repeated. */
    private static final List<String> TITLE_WORDS = List.of("so theo doi", "bao cao", "danh sach", "bieu", "tong hop", "kem theo",
            "tiep theo", "dang cong san viet nam", "doc lap tu do hanh phuc", "so lieu");

    private final SheetLayout layout;
    private final Set<String> headerKeys = new HashSet<>();
    private final Set<String> titleKeys = new HashSet<>();
    private RowKind previous;
    private RowKind footer;
    private boolean afterTotal;
    private int recordsAfterFooter;

    /** A classifier that knows nothing of the register's columns (every test of shape falls back on counts). */
    public RowClassifier() {
        this.layout = null;
    }

    /**
     * A classifier for the register of {@code layout} under a title block ({@code titleRows}) and a header
     * ({@code headerRows}): a row made of the header's texts (or of the schema's names for the register's
     * fields) is the header repeated, one equal to a row of the title that says what the register is ("SỔ THEO
     * DÕI …", "(tiếp theo)") is the title repeated on a new page.
     */
    public RowClassifier(SheetLayout layout, List<List<String>> titleRows, List<List<String>> headerRows) {
        this.layout = layout;
        for (List<String> row : titleRows) {
            String key = rowKey(row);
            if (TITLE_WORDS.stream().anyMatch(w -> (" " + key + " ").contains(" " + w + " "))) {
                this.titleKeys.add(key);
            }
        }
        for (List<String> row : headerRows) {
            for (String cell : row) {
                String key = VietnameseText.matchKey(cell);
                if (!key.isEmpty() && !isCount(cell)) {
                    headerKeys.add(key);
                }
            }
        }
        for (FieldSpec field : layout.columns().values()) {
            field.headerNames().forEach(name -> headerKeys.add(VietnameseText.matchKey(name)));
        }
    }

    /** Rows after a signature block (or notes) that were shaped like records, and so left to be read as records. */
    public int recordsAfterFooter() {
        return recordsAfterFooter;
    }

    /** The kind of noise the row is, or null when it may be a record (or a group heading). */
    public RowKind classify(List<String> row) {
        RowKind kind = kind(row);
        previous = kind == RowKind.BLANK ? previous : kind;
        return kind;
    }

    private RowKind kind(List<String> row) {
        int filled = 0;
        String label = null;
        boolean allCounts = true;
        for (String cell : row) {
            if (!hasLetterOrDigit(cell)) {
                continue; // blank, or punctuation alone ("-", "…")
            }
            filled++;
            boolean count = isCount(cell);
            allCounts &= count;
            if (label == null && !count) {
                label = cell;
            }
        }
        if (filled == 0) {
            return RowKind.BLANK;
        }
        if (footer != null) {
            if (recordShaped(row, filled)) {
                recordsAfterFooter++;
                return null;
            }
            RowKind starts = label == null || filled > 3 ? null : footerStart(VietnameseText.matchKey(label), filled);
            if (starts != null) {
                footer = starts;
            }
            return footer;
        }
        if (LayoutDetector.isColumnNumberRow(row)) {
            return RowKind.COLUMN_NUMBERS;
        }
        if (label == null) {
            // counts alone (a total whose label sits in a merged cell above, or was left out); one number alone may number a group
            return filled >= 2 && allCounts && !hasDate(row) ? RowKind.SUBTOTAL : null;
        }
        // the label's match key once: the tests below are made for every row of a register, so they stay cheap
        String first = VietnameseText.matchKey(label);
        if (isRepeatedHeader(row, first)) {
            return RowKind.REPEATED_HEADER;
        }
        if (filled <= 3 && (!titleKeys.isEmpty() && titleKeys.contains(rowKey(row)) || first.equals("tiep theo"))) {
            return RowKind.TITLE;
        }
        RowKind total = total(label, first);
        if (total != null && !hasDate(row)) {
            afterTotal |= total == RowKind.TOTAL;
            return total;
        }
        RowKind starts = footerStart(first, filled);
        if (starts != null) {
            footer = starts;
            return starts;
        }
        if (afterTotal && filled <= 2 && !recordShaped(row, filled)
                && GroupHeading.parse(row).map(h -> !h.numbering().groupsOnly()).orElse(true)) {
            return RowKind.NOTES; // a line of text under the grand total ("Số liệu tính đến …"), not a group of records
        }
        return null;
    }

    /** A signature or notes block starting with this row (its first text as a match key), or null. */
    private static RowKind footerStart(String first, int filled) {
        if (filled > 3) {
            return null;
        }
        for (String start : NOTES_STARTS) {
            if ((first + " ").startsWith(start + " ")) {
                return RowKind.NOTES;
            }
        }
        for (String start : SIGNATURE_STARTS) {
            if ((first + " ").startsWith(start)) {
                return RowKind.SIGNATURE;
            }
        }
        if (filled <= 2 && PLACE_DATE.matcher(first).matches()) {
            return RowKind.SIGNATURE;
        }
        return null;
    }

    /**
     * TOTAL or SUBTOTAL when the label is one ("Tổng cộng", "Cộng tháng 7: 3 cuộc"), else null. The first word
     * must be the word as written with its diacritics ("cộng", not "công") or written without any; a bare
     * "Cộng" or "Tổng" must be followed by nothing, a number or a period, so "Cộng đồng …" stays a record.
     */
    static RowKind total(String label) {
        return total(label, VietnameseText.matchKey(label));
    }

    private static RowKind total(String label, String key) {
        if (key.equals("trong do") || key.startsWith("trong do ")) {
            String[] typed = VietnameseText.identityKey(label).split(" ");
            // "Trong đó: đảng viên …", the breakdown under a total; "Trọng …" is a name
            return typed.length > 1 && typed[0].equals("trong") && typed[1].replaceAll("[^\\p{L}]", "").matches("đó|do")
                    ? RowKind.SUBTOTAL : null;
        }
        var words = TOTAL_WORDS.matcher(key);
        if (!words.matches()) {
            return null;
        }
        String typed = VietnameseText.identityKey(label);
        int space = typed.indexOf(' ');
        String firstWord = (space < 0 ? typed : typed.substring(0, space)).replaceAll("[^\\p{L}]", "");
        if (!TOTAL_FIRST_WORDS.contains(firstWord)) {
            return null;
        }
        String lead = words.group(1);
        String rest = words.group(3) == null ? "" : words.group(3);
        boolean twoWords = lead.contains(" ");
        if (twoWords && lead.startsWith("tong")) {
            String second = typed.split(" ").length > 1 ? typed.split(" ")[1].replaceAll("[^\\p{L}]", "") : "";
            if (!Set.of("cộng", "số", "cong", "so").contains(second)) {
                return null;
            }
        }
        if (!twoWords && !rest.isEmpty() && !PERIOD_AFTER.matcher(rest).matches()) {
            return null;
        }
        boolean grand = lead.startsWith("tong") && (rest.isEmpty() || rest.matches("[\\d ].*|so.*|cong.*|chung.*|ca .*|toan.*"));
        return grand ? RowKind.TOTAL : RowKind.SUBTOTAL;
    }

    /** A row's texts as one match key ("so theo doi kiem tra nam 2014"). */
    private static String rowKey(List<String> row) {
        StringBuilder key = new StringBuilder();
        for (String cell : row) {
            String k = VietnameseText.matchKey(cell);
            if (!k.isEmpty()) {
                key.append(key.length() == 0 ? "" : " ").append(k);
            }
        }
        return key.toString();
    }

    /**
     * The header written again: at least two of its texts and nothing else but counts; or, right under a repeated
     * header row, a row of its texts alone (the second row of a two-row header).
     */
    private boolean isRepeatedHeader(List<String> row, String labelKey) {
        if (headerKeys.isEmpty()) {
            return false;
        }
        if (!headerKeys.contains(labelKey) && previous != RowKind.REPEATED_HEADER && !secondTextKnown(row)) {
            return false; // three in four of its texts are the header's: so is the first or the second (unless it has eight or more)
        }
        int texts = 0;
        int known = 0;
        for (String cell : row) {
            String key = VietnameseText.matchKey(cell);
            if (key.isEmpty() || isCount(cell)) {
                continue;
            }
            texts++;
            if (headerKeys.contains(key)) {
                known++;
            }
        }
        return known >= 2 && known * 4 >= texts * 3 || previous == RowKind.REPEATED_HEADER && known >= 1 && known == texts;
    }

    /** Whether the second text cell of the row (counts aside) is one of the header's texts. */
    private boolean secondTextKnown(List<String> row) {
        int texts = 0;
        for (String cell : row) {
            if (hasLetterOrDigit(cell) && !isCount(cell) && ++texts == 2) {
                return headerKeys.contains(VietnameseText.matchKey(cell));
            }
        }
        return false;
    }

    /** A letter or a digit somewhere in the cell: what is not blank or punctuation alone. */
    private static boolean hasLetterOrDigit(String cell) {
        if (cell == null) {
            return false;
        }
        for (int i = 0; i < cell.length(); i++) {
            if (Character.isLetterOrDigit(cell.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a cell of a date column holds a date: a row placed in time is a record, whatever it starts with. */
    private boolean hasDate(List<String> row) {
        if (layout == null) {
            return row.stream().anyMatch(c -> !VietnameseText.isBlank(c) && !isCount(c) && DateValues.parse(VietnameseText.clean(c)).ok());
        }
        for (var column : layout.columns().entrySet()) {
            if (column.getValue().type() == FieldType.DATE && column.getKey() < row.size()) {
                String cell = row.get(column.getKey());
                if (!VietnameseText.isBlank(cell) && DateValues.parse(VietnameseText.clean(cell)).ok()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Shaped like a record: at least three of the register's columns filled, and either every required column
     * the register has, or half of its columns. Such a row is a record, even below a signature block.
     */
    private boolean recordShaped(List<String> row, int filled) {
        if (layout == null) {
            return filled >= 4;
        }
        int mapped = 0;
        boolean required = true;
        for (var column : layout.columns().entrySet()) {
            boolean has = column.getKey() < row.size() && !VietnameseText.isBlank(row.get(column.getKey()));
            if (has) {
                mapped++;
            } else if (column.getValue().required()) {
                required = false;
            }
        }
        return mapped >= 3 && (required || mapped * 2 >= layout.columns().size());
    }

    private static boolean isCount(String cell) {
        return COUNT.matcher(cell).matches();
    }
}
