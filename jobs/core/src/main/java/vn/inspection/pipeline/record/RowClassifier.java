package vn.inspection.pipeline.record;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import vn.inspection.pipeline.text.VietnameseText;

/**
 * Tells the rows of a register that hold no record: blank rows, a repeated column-number row, the totals
 * row ("Tổng cộng", "Cộng", "Tổng số") and everything after it, and a signature block ("TM. ỦY BAN KIỂM
 * TRA", "Người lập biểu", "Hà Nội, ngày …"); and flags group headings numbered I, II, III or A, B
 * ("group heading"), which {@link GroupRows} reads for what they set. One instance per sheet: once the
 * signature block is seen, the rest of the sheet is footer; after a totals row too, unless a heading
 * numbered I, II or A, B follows it (a subtotal "Cộng" closing one group of several).
 */
public final class RowClassifier {
    private static final Set<String> TOTALS = Set.of("tong cong", "cong", "tong so", "tong", "cong tong", "tong cong chung");
    private static final Pattern ROMAN_OR_LETTER = Pattern.compile("(?i)([ivxlc]+|[a-h])\\s*[.)]?");
    private static final List<String> SIGNATURE_STARTS = List.of(
            "tm ", "t m ", "tm.", "nguoi lap", "noi nhan", "xac nhan", "thu truong", "chu nhiem", "pho chu nhiem",
            "bi thu", "pho bi thu", "ky ten", "ky ghi ro", "kt ", "uy vien");
    private static final Pattern PLACE_DATE = Pattern.compile(".*\\bngay\\s+\\d{1,2}\\s+thang\\s+\\d{1,2}\\s+nam\\s+\\d{4}.*");

    /** The reason given for a heading numbered I, II or A, B: a group row, not footer, not a record. */
    public static final String GROUP_HEADING = "group heading";

    private boolean footer;
    private boolean afterTotals;

    /** Why the row holds no record, or null when it may be a record; {@link #GROUP_HEADING} for a group heading. */
    public String classify(List<String> row) {
        if (footer) {
            if (afterTotals && isNumberedHeading(row)) {
                footer = false;
                afterTotals = false;
                return GROUP_HEADING;
            }
            if (afterTotals && row.stream().anyMatch(c -> c != null && !c.isBlank())) {
                afterTotals = false; // only a heading right after the totals row (blank rows aside) goes on
            }
            return "footer";
        }
        String first = null;
        String firstClean = "";
        int filled = 0;
        for (String cell : row) {
            if (cell == null || cell.isBlank()) {
                continue;
            }
            filled++;
            if (filled > 3) {
                continue;
            }
            // match keys only for the first cells: totals and signatures stand there
            String key = VietnameseText.matchKey(cell);
            if (key.isEmpty()) {
                filled--;
                continue;
            }
            if (first == null) {
                first = key;
                firstClean = VietnameseText.clean(cell);
            }
            // exact keys, or the words with their diacritics: "tong cong ty" is a corporation (Tổng công ty), not a total
            if (TOTALS.contains(key) || (key.startsWith("tong cong") && VietnameseText.identityKey(cell).startsWith("tổng cộng"))) {
                footer = true;
                afterTotals = true;
                return "totals";
            }
        }
        if (first == null) {
            return "blank";
        }
        if (LayoutDetector.isColumnNumberRow(row)) {
            return "column numbers";
        }
        for (String start : SIGNATURE_STARTS) {
            if ((first + " ").startsWith(start)) {
                footer = true;
                return "signature";
            }
        }
        if (filled <= 2 && PLACE_DATE.matcher(first).matches()) {
            footer = true;
            return "signature";
        }
        if (filled <= 2 && ROMAN_OR_LETTER.matcher(firstClean).matches()) {
            return GROUP_HEADING;
        }
        if (filled == 1 && GroupHeading.parse(row).map(h -> h.numbering().groupsOnly() && !h.label().isEmpty()).orElse(false)) {
            return GROUP_HEADING;
        }
        return null;
    }

    /** A heading numbered I, II or A, B after a totals row: the register goes on with another group. */
    private static boolean isNumberedHeading(List<String> row) {
        return GroupHeading.parse(row).map(h -> h.numbering().groupsOnly() && !h.label().isEmpty()).orElse(false);
    }
}
