package vn.inspection.pipeline.record;

import java.util.Locale;

/**
 * The kinds of rows a register holds that are not records (the noise of office spreadsheets). Every row of a
 * sheet is either a record (accepted, a duplicate, rejected) or one of these; the ingest counts them by kind
 * so that the rows of a sheet always add up.
 */
public enum RowKind {
    /** Nothing in it (also the rows a sheet skips: row 7 after row 5 means row 6 was blank). */
    BLANK,
    /** Above the header: the national header, the issuing body, the register's title, its period. */
    TITLE,
    /** The header row or rows. */
    HEADER,
    /** The header written again below the first records (after a printed page break). */
    REPEATED_HEADER,
    /** A row of column numbers, "(1) (2) (3)" or "1 2 3", under the header or repeated. */
    COLUMN_NUMBERS,
    /** A row that heads a group of records ("I. Đảng bộ …", "Tháng 7"); it may set a field for the rows below. */
    GROUP_HEADING,
    /** A subtotal: "Cộng", "Cộng tháng 7: 3 cuộc", "Cộng T11", "Cộng quý I", or counts alone under a label. */
    SUBTOTAL,
    /** A total: "Tổng cộng", "Tổng số", "Tổng". */
    TOTAL,
    /** The signature block: place and date, "TM. ỦY BAN KIỂM TRA", "Người lập biểu", the signers' names. */
    SIGNATURE,
    /** Notes under the register: "Ghi chú", "Nơi nhận" and the lines that follow them. */
    NOTES,
    /** A row of a sheet that holds no register (a summary sheet, a cover sheet). */
    NOT_A_REGISTER;

    /** The name in summaries and JSON: {@code repeated_header}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name a clerk reads: "repeated header". */
    public String label() {
        return key().replace('_', ' ');
    }

    public static RowKind ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
