package vn.inspection.pipeline.record;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.inspection.pipeline.text.VietnameseText;

/**
 * A row that may head a group of records: one or two filled cells, either a numbering cell and a label
 * ("II" | "ĐẢNG BỘ BƯU ĐIỆN TỈNH"), or one cell, often merged across the register, with or without a
 * numbering ("I. Đảng bộ Công ty Điện lực", "a) Tổ chức đảng", "Đảng viên"). Whether it heads a group is
 * decided by {@link GroupRows}: a label that names a unit or a value, or a Roman or letter numbering.
 */
public record GroupHeading(Numbering numbering, String label) {

    /** How a heading is numbered. */
    public enum Numbering {
        /** I, II, III (or i, ii). */
        ROMAN,
        /** 1, 2, 3. */
        ARABIC,
        /** A, B, c. */
        LETTER,
        /** No numbering. */
        NONE;

        /** Numbered the way registers number groups (not records): I, II or A, B. */
        public boolean groupsOnly() {
            return this == ROMAN || this == LETTER;
        }
    }

    private static final Pattern ROMAN = Pattern.compile("(?i)[ivxlc]+");
    private static final Pattern ARABIC = Pattern.compile("\\d{1,3}");
    private static final Pattern LETTER = Pattern.compile("[A-Za-z]");
    /** A numbering cell: "II", "II.", "(2)", "2)", "a.", "B -". */
    private static final Pattern NUMBER_CELL = Pattern.compile("\\(?\\s*([A-Za-z]+|\\d{1,3})\\s*[.):\\-/]?\\s*");
    /** A numbering at the start of a label: "I. ", "II- ", "2) ", "a/ ", or a Roman numeral and a space ("II Đảng bộ"). */
    private static final Pattern NUMBER_PREFIX = Pattern.compile("\\(?\\s*([A-Za-z]{1,5}|\\d{1,3})\\s*[.):\\-/]\\s*(.+)|([IVXLC]{1,5})\\s+(\\p{L}.*)");

    /** The heading a row may be, or empty when it has more than two filled cells or none. */
    public static Optional<GroupHeading> parse(List<String> row) {
        int filled = 0;
        for (String cell : row) {
            if (!VietnameseText.isBlank(cell) && ++filled > 2) {
                return Optional.empty(); // a record: a heading fills one or two cells
            }
        }
        String first = null;
        String second = null;
        for (String cell : row) {
            if (cell == null || cell.isBlank()) {
                continue;
            }
            String text = VietnameseText.clean(cell);
            if (text.isEmpty()) {
                continue;
            }
            if (first == null) {
                first = text;
            } else if (second == null) {
                second = text;
            } else {
                return Optional.empty();
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        if (second != null) {
            Matcher number = NUMBER_CELL.matcher(first);
            if (!number.matches()) {
                return Optional.empty();
            }
            Numbering kind = kind(number.group(1));
            return kind == null ? Optional.empty() : Optional.of(new GroupHeading(kind, label(second)));
        }
        Matcher cellNumber = NUMBER_CELL.matcher(first);
        if (cellNumber.matches() && kind(cellNumber.group(1)) != null) {
            return Optional.of(new GroupHeading(kind(cellNumber.group(1)), ""));
        }
        Matcher prefix = NUMBER_PREFIX.matcher(first);
        if (prefix.matches()) {
            String token = prefix.group(1) != null ? prefix.group(1) : prefix.group(3);
            String rest = prefix.group(1) != null ? prefix.group(2) : prefix.group(4);
            Numbering kind = kind(token);
            if (kind != null) {
                return Optional.of(new GroupHeading(kind, label(rest)));
            }
        }
        return Optional.of(new GroupHeading(Numbering.NONE, label(first)));
    }

    private static Numbering kind(String token) {
        if (ARABIC.matcher(token).matches()) {
            return Numbering.ARABIC;
        }
        if (ROMAN.matcher(token).matches() && (token.equals(token.toUpperCase()) || token.equals(token.toLowerCase()))) {
            return Numbering.ROMAN;
        }
        return LETTER.matcher(token).matches() ? Numbering.LETTER : null;
    }

    private static String label(String text) {
        String label = VietnameseText.clean(text);
        while (!label.isEmpty() && ":.-–".indexOf(label.charAt(label.length() - 1)) >= 0) {
            label = label.substring(0, label.length() - 1).strip();
        }
        return label;
    }
}
