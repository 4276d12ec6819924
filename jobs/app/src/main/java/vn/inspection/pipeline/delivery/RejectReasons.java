package vn.inspection.pipeline.delivery;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.schema.SchemaCatalog;

/**
 * A rejected row's reason in plain Vietnamese for the clerk who typed the row: what is wrong and what to fix
 * ("Ngày 31/02/2014 không tồn tại: hãy sửa lại ngày cho đúng"), with the column named as the register heads it. The
 * ingest words its reasons in English for the operator (the rejects report); this reads those words, each known
 * kind of reason once, and keeps the English after a Vietnamese lead-in for a reason it does not know.
 */
public final class RejectReasons {
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final Pattern REQUIRED_VALUE = Pattern.compile("required value missing \\(column '(.*)'\\)");
    private static final Pattern REQUIRED_COLUMN = Pattern.compile("required column missing \\(expected a header (.*?)(, or a group row above the records naming it)?\\)");
    private static final Pattern NOT_RECOGNISED = Pattern.compile("'(.*)' is not a recognised value \\(expected one of (.*)\\)");
    private static final Pattern UNKNOWN_UNIT = Pattern.compile("unknown unit '(.*?)' \\([^)]*\\)( — parked.*)?");
    private static final Pattern AMBIGUOUS_UNIT = Pattern.compile("unit name '(.*)' is ambiguous \\(units \\[(.*)]\\): use the unit code");
    private static final Pattern NOT_A_DATE = Pattern.compile("'(.*)' is not a date \\(.*\\)");
    private static final Pattern NO_SUCH_DATE = Pattern.compile("'(.*)' is not a date that exists \\(.*\\)");
    private static final Pattern FUTURE = Pattern.compile("date (\\d{4}-\\d{2}-\\d{2}) is in the future");
    private static final Pattern TOO_EARLY = Pattern.compile("date (\\d{4}-\\d{2}-\\d{2}) is before (\\d{4})-\\d{2}-\\d{2}");
    private static final Pattern NOT_BEFORE = Pattern.compile("(\\w+) (\\d{4}-\\d{2}-\\d{2}) is before (\\w+) (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern ONE_OF_SEVERAL = Pattern.compile("(\\w+): (.*)");

    private final SchemaCatalog schemas;

    public RejectReasons(SchemaCatalog schemas) {
        this.schemas = schemas;
    }

    /** The column as the register heads it ({@code start_date} of an inspection: "Ngày quyết định"). */
    public String column(String recordType, String field) {
        if (field == null || field.isBlank()) {
            return "";
        }
        try {
            RecordSchema schema = schemas.schema(recordType);
            return schema.hasField(field) ? schema.field(field).header() : field;
        } catch (RuntimeException e) {
            return field;
        }
    }

    /** The reason in Vietnamese; several reasons of one row ("field: reason; field: reason") each translated. */
    public String vietnamese(String recordType, String field, String reason) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        String single = one(recordType, field, reason);
        if (single != null) {
            return single;
        }
        List<String> parts = new ArrayList<>();
        boolean all = true;
        for (String part : reason.split("; (?=\\w+: )")) {
            Matcher m = ONE_OF_SEVERAL.matcher(part);
            String translated = m.matches() ? one(recordType, m.group(1), m.group(2)) : null;
            if (translated == null) {
                all = false;
                break;
            }
            parts.add(translated);
        }
        if (all && parts.size() > 1) {
            return String.join(" ", parts);
        }
        return "Dòng chưa nhập được (" + reason + "): hãy kiểm tra lại dòng này.";
    }

    private String one(String recordType, String field, String reason) {
        String column = column(recordType, field);
        Matcher m;
        if ((m = REQUIRED_VALUE.matcher(reason)).matches()) {
            return "Thiếu " + quoted(m.group(1)) + ": cột này phải có giá trị.";
        }
        if ((m = REQUIRED_COLUMN.matcher(reason)).matches()) {
            return "Sổ không có cột " + quoted(column) + " (tiêu đề " + m.group(1).replace("' or '", "' hoặc '") + ")"
                    + (m.group(2) != null ? " và không có dòng tiêu đề nhóm ghi giá trị này" : "") + ": hãy thêm cột này.";
        }
        if ((m = NOT_RECOGNISED.matcher(reason)).matches()) {
            return quoted(m.group(1)) + " ở cột " + quoted(column) + " không phải giá trị được chấp nhận: hãy ghi một trong các giá trị "
                    + m.group(2) + ".";
        }
        if ((m = UNKNOWN_UNIT.matcher(reason)).matches()) {
            if (m.group(2) != null) {
                // parked: the row waits for a units reference that names the unit
                return "Đơn vị " + quoted(m.group(1)) + " không có trong danh mục đơn vị: dòng được giữ lại và sẽ được nhập khi danh mục có "
                        + "đơn vị này; nếu ghi nhầm, hãy ghi mã hoặc tên đơn vị như trong danh mục (trang \"Đơn vị\" của tệp này).";
            }
            return "Đơn vị " + quoted(m.group(1)) + " không có trong danh mục đơn vị: hãy ghi mã hoặc tên đơn vị như trong danh mục "
                    + "(trang \"Đơn vị\" của tệp này).";
        }
        if ((m = AMBIGUOUS_UNIT.matcher(reason)).matches()) {
            return "Tên đơn vị " + quoted(m.group(1)) + " trùng với nhiều đơn vị (" + m.group(2) + "): hãy ghi mã đơn vị.";
        }
        if ((m = NO_SUCH_DATE.matcher(reason)).matches()) {
            return "Ngày " + m.group(1) + " không tồn tại: hãy sửa lại " + lower(column) + " cho đúng.";
        }
        if ((m = NOT_A_DATE.matcher(reason)).matches()) {
            return quoted(m.group(1)) + " ở cột " + quoted(column) + " không phải là ngày: hãy ghi ngày dạng ngày/tháng/năm, ví dụ 15/03/2014.";
        }
        if ((m = FUTURE.matcher(reason)).matches()) {
            return "Ngày " + dmy(m.group(1)) + " ở cột " + quoted(column) + " là ngày trong tương lai: hãy kiểm tra lại ngày, tháng, năm.";
        }
        if ((m = TOO_EARLY.matcher(reason)).matches()) {
            return "Ngày " + dmy(m.group(1)) + " ở cột " + quoted(column) + " trước năm " + m.group(2) + ": hãy kiểm tra lại năm.";
        }
        if ((m = NOT_BEFORE.matcher(reason)).matches()) {
            return quoted(column(recordType, m.group(1))) + " (" + dmy(m.group(2)) + ") trước " + quoted(column(recordType, m.group(3))) + " ("
                    + dmy(m.group(4)) + "): hãy kiểm tra lại hai ngày này.";
        }
        if (reason.contains("(DISSOLUTION)") && reason.contains("party member")) {
            return "Hình thức \"Giải tán\" chỉ áp dụng cho tổ chức đảng, không áp dụng cho đảng viên: hãy kiểm tra lại hình thức kỷ luật hoặc đối tượng.";
        }
        if (reason.contains("(DISMISSAL / EXPULSION)") && reason.contains("organization")) {
            return "Hình thức \"Cách chức\", \"Khai trừ\" chỉ áp dụng cho đảng viên, không áp dụng cho tổ chức đảng: "
                    + "hãy kiểm tra lại hình thức kỷ luật hoặc đối tượng.";
        }
        return null;
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static String lower(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String dmy(String iso) {
        try {
            return LocalDate.parse(iso).format(DMY);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
